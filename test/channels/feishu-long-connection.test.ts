import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFeishuChannel } from '../../src/channels/feishu/feishu-channel.js'
import { startFeishuLongConnection } from '../../src/channels/feishu/feishu-long-connection.js'
import { createFeishuSender } from '../../src/channels/feishu/feishu-reply-sender.js'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { createProductAdvisor } from '../contracts/product-advisor.js'
import { startFakeFeishuGateway } from '../fakes/fake-feishu-gateway.js'
import { startFakeFeishuServer, type FakeFeishuServer } from '../fakes/fake-feishu-server.js'
import { textEvent } from './feishu-events.js'

describe('Feishu long connection: the SDK WSClient against a fake gateway on 127.0.0.1', () => {
  let api: FakeFeishuServer
  let gateway: Awaited<ReturnType<typeof startFakeFeishuGateway>>
  beforeAll(async () => {
    api = await startFakeFeishuServer()
    gateway = await startFakeFeishuGateway()
  })
  afterAll(async () => {
    await gateway.close()
    await api.close()
  })

  it('receives an event frame, acks it, and replies through the same dedupe/queue/reply path', async () => {
    const { manager } = createProductAdvisor()
    const channel = createFeishuChannel({
      sender: createFeishuSender({ appId: 'cli_a1b2c3d4e5f60718', appSecret: 'secret', domain: api.domain }),
      advisor: manager,
      inbound: new MemoryInboundQueue(),
      rateLimiter: new MemoryRateLimiter(),
    })
    await channel.start()
    const connection = startFeishuLongConnection({
      appId: 'cli_a1b2c3d4e5f60718',
      appSecret: 'secret',
      domain: gateway.domain,
      accept: channel.accept,
    })
    try {
      await gateway.connected()
      // The SDK attaches its frame handler once its side of the socket reports open, just after the server's.
      await new Promise((resolve) => setTimeout(resolve, 200))
      const event = textEvent({ eventId: 'ws-ev-1', messageId: 'om_ws_1', text: '算力券怎么申请？' })
      gateway.push(event)
      gateway.push(event)
      await expect.poll(() => gateway.acks.length, { timeout: 5000 }).toBe(2)
      const ack = JSON.parse(new TextDecoder().decode(gateway.acks[0].payload))
      expect(ack.code).toBe(200)
      await channel.idle()
      await expect
        .poll(() => api.posted.filter((message) => message.replyTo === 'om_ws_1').length, { timeout: 5000 })
        .toBe(1)
      expect(api.posted.find((message) => message.replyTo === 'om_ws_1')!.content).toContain('算力券')
    } finally {
      connection.stop()
    }
  })

  it('fails the frame (code 500, so Feishu re-pushes) for a group @mention while the bot id is still unknown', async () => {
    const { manager } = createProductAdvisor()
    api.failBotInfo(1)
    const channel = createFeishuChannel({
      sender: createFeishuSender({ appId: 'cli_a1b2c3d4e5f60718', appSecret: 'secret', domain: api.domain }),
      advisor: manager,
      inbound: new MemoryInboundQueue(),
      rateLimiter: new MemoryRateLimiter(),
      botInfoRetry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    })
    await channel.start()
    expect(channel.botOpenId).toBeNull()
    const connection = startFeishuLongConnection({
      appId: 'cli_a1b2c3d4e5f60718',
      appSecret: 'secret',
      domain: gateway.domain,
      accept: channel.accept,
    })
    try {
      await new Promise((resolve) => setTimeout(resolve, 300))
      const before = gateway.acks.length
      gateway.push(
        textEvent({
          eventId: 'ws-ev-group',
          messageId: 'om_ws_group',
          chatType: 'group',
          text: '@_user_1 算力券',
          mentions: [{ key: '@_user_1', openId: api.botOpenId, name: '政策助手' }],
        }),
      )
      await expect.poll(() => gateway.acks.length, { timeout: 5000 }).toBe(before + 1)
      expect(JSON.parse(new TextDecoder().decode(gateway.acks[before]!.payload)).code).toBe(500)
      await channel.idle()
      expect(api.posted.filter((message) => message.replyTo === 'om_ws_group')).toHaveLength(0)
    } finally {
      connection.stop()
      await channel.stop(0)
    }
  })
})
