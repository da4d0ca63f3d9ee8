import { afterAll, beforeAll } from 'vitest'
import { createWecomBotChannel } from '../../src/channels/wecom/wecom-bot-channel.js'
import { createApp } from '../../src/server/app.js'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { startFakeWecomServer, wecomBotCallback, type FakeWecomServer } from '../fakes/fake-wecom-server.js'
import { runChannelContract } from './channel.contract.js'
import { createProductAdvisor } from './product-advisor.js'

const KEYS = { token: 'contract-bot-token', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C' }

let fake: FakeWecomServer
beforeAll(async () => {
  fake = await startFakeWecomServer({ corpId: 'ww_unused', secret: 'unused', agentId: 1 })
})
afterAll(async () => fake.close())

let run = 0
runChannelContract('WeCom 智能机器人 (encrypted JSON callback, response_url)', async () => {
  run += 1
  const { manager } = createProductAdvisor()
  const channel = createWecomBotChannel({
    ...KEYS,
    apiBase: fake.apiBase,
    advisor: manager,
    inbound: new MemoryInboundQueue(),
    rateLimiter: new MemoryRateLimiter(),
    timeoutMs: 5000,
    pipeline: { retryBaseDelayMs: 5 },
  })
  await channel.start()
  const app = createApp({ webhooks: [channel.routes], console: false })
  /** A re-delivery carries the same payload, so the same response_url. */
  const responseUrlOf = new Map<string, string>()
  const codesOf = new Map<string, Set<string>>()
  let counter = 0
  return {
    async send(user, text, options) {
      counter += 1
      const msgid = `${run}-${options?.messageId ?? `auto-${counter}`}`
      const responseUrl = responseUrlOf.get(msgid) ?? fake.issueResponseUrl()
      responseUrlOf.set(msgid, responseUrl)
      codesOf.set(
        user,
        new Set([...(codesOf.get(user) ?? []), new URL(responseUrl).searchParams.get('response_code')!]),
      )
      const message = {
        msgid,
        aibotid: 'AIBOTID',
        chattype: 'single',
        from: { userid: `${user}_${run}` },
        response_url: responseUrl,
        msgtype: 'text',
        text: { content: text },
      }
      const callback = wecomBotCallback(KEYS, message)
      await app.request(callback.path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: callback.body,
      })
      await channel.idle()
    },
    repliesTo: (user) =>
      fake.botReplies.filter((reply) => codesOf.get(user)?.has(reply.code)).map((reply) => reply.content),
    close: () => channel.stop(1000),
  }
})
