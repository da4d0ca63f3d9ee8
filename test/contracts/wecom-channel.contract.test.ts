import { afterAll, beforeAll } from 'vitest'
import { createWecomApi } from '../../src/channels/wecom/wecom-api.js'
import { createWecomChannel } from '../../src/channels/wecom/wecom-channel.js'
import { createApp } from '../../src/server/app.js'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { startFakeWecomServer, wecomCallback, wecomTextXml, type FakeWecomServer } from '../fakes/fake-wecom-server.js'
import { runChannelContract } from './channel.contract.js'
import { createProductAdvisor } from './product-advisor.js'

const CORP = { corpId: 'ww_contract_corp', secret: 'contract-secret', agentId: 1000009 }
const KEYS = {
  token: 'contract-token',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  corpId: CORP.corpId,
}

let fake: FakeWecomServer
beforeAll(async () => {
  fake = await startFakeWecomServer(CORP)
})
afterAll(async () => fake.close())

let run = 0
runChannelContract('WeCom self-built app (encrypted callback, fake WeCom API)', async () => {
  run += 1
  const { manager } = createProductAdvisor()
  const api = createWecomApi({
    apiBase: fake.apiBase,
    corpId: CORP.corpId,
    secret: CORP.secret,
    agentId: CORP.agentId,
    timeoutMs: 5000,
  })
  const channel = createWecomChannel({
    api,
    keys: { token: KEYS.token, encodingAesKey: KEYS.encodingAesKey, receiveId: CORP.corpId },
    agentId: CORP.agentId,
    advisor: manager,
    inbound: new MemoryInboundQueue(),
    rateLimiter: new MemoryRateLimiter(),
    pipeline: { retryBaseDelayMs: 5 },
  })
  await channel.start()
  const app = createApp({ webhooks: [channel.routes], console: false })
  let counter = 0
  const member = (user: string) => `${user}_${run}`
  return {
    async send(user, text, options) {
      counter += 1
      const xml = wecomTextXml({
        corpId: CORP.corpId,
        agentId: CORP.agentId,
        userId: member(user),
        text,
        messageId: `${run}-${options?.messageId ?? `auto-${counter}`}`,
      })
      const callback = wecomCallback(KEYS, xml)
      await app.request(callback.path, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: callback.body })
      await channel.idle()
    },
    repliesTo: (user) =>
      fake.sent.filter((message) => message.toUser === member(user)).map((message) => message.content),
    close: () => channel.stop(1000),
  }
})
