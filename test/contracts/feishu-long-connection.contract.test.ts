import { afterAll, beforeAll } from 'vitest'
import { createFeishuChannel } from '../../src/channels/feishu/feishu-channel.js'
import { startFeishuLongConnection } from '../../src/channels/feishu/feishu-long-connection.js'
import { createFeishuSender } from '../../src/channels/feishu/feishu-reply-sender.js'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { textEvent } from '../channels/feishu-events.js'
import { startFakeFeishuGateway } from '../fakes/fake-feishu-gateway.js'
import { startFakeFeishuServer, type FakeFeishuServer } from '../fakes/fake-feishu-server.js'
import { runChannelContract } from './channel.contract.js'
import { createProductAdvisor } from './product-advisor.js'

let api: FakeFeishuServer
beforeAll(async () => {
  api = await startFakeFeishuServer()
})
afterAll(async () => api.close())

const APP_ID = 'cli_a1b2c3d4e5f60718'
let run = 0

runChannelContract('Feishu long connection (SDK WSClient, fake gateway)', async () => {
  run += 1
  const gateway = await startFakeFeishuGateway()
  const { manager } = createProductAdvisor()
  const channel = createFeishuChannel({
    sender: createFeishuSender({ appId: APP_ID, appSecret: 'secret', domain: api.domain }),
    advisor: manager,
    inbound: new MemoryInboundQueue(),
    rateLimiter: new MemoryRateLimiter(),
  })
  await channel.start()
  const connection = startFeishuLongConnection({
    appId: APP_ID,
    appSecret: 'secret',
    domain: gateway.domain,
    accept: channel.accept,
  })
  await gateway.connected()
  await new Promise((resolve) => setTimeout(resolve, 200))
  const messagesOf = new Map<string, string[]>()
  let counter = 0
  return {
    async send(user, text, options) {
      counter += 1
      const messageId = `om_ws_${run}_${options?.messageId ?? counter}`
      const before = gateway.acks.length
      gateway.push(
        textEvent({ eventId: `ws_${run}_${counter}`, messageId, text, userId: `ou_${user}`, chatId: `oc_${user}` }),
      )
      messagesOf.set(user, [...new Set([...(messagesOf.get(user) ?? []), messageId])])
      for (let wait = 0; wait < 200 && gateway.acks.length === before; wait += 1)
        await new Promise((resolve) => setTimeout(resolve, 10))
      await channel.idle()
    },
    repliesTo: (user) =>
      api.posted
        .filter((message) => (messagesOf.get(user) ?? []).includes(message.replyTo))
        .map((message) => {
          const parsed = JSON.parse(message.content) as { text?: string }
          return typeof parsed.text === 'string'
            ? parsed.text
            : [...message.content.matchAll(/"content":"((?:[^"\\]|\\.)*)"/gu)]
                .map((match) => JSON.parse(`"${match[1]}"`) as string)
                .join('\n')
        }),
    async close() {
      connection.stop()
      await gateway.close()
    },
  }
})
