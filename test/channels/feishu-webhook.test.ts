import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Advisor } from '../../src/channels/channel.js'
import { createFeishuChannel, type FeishuChannel } from '../../src/channels/feishu/feishu-channel.js'
import { createFeishuSender } from '../../src/channels/feishu/feishu-reply-sender.js'
import { createApp } from '../../src/server/app.js'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { createProductAdvisor } from '../contracts/product-advisor.js'
import { startFakeFeishuServer, type FakeFeishuServer } from '../fakes/fake-feishu-server.js'
import { encryptPayload, signedHeaders, textEvent } from './feishu-events.js'

const ENCRYPT_KEY = 'test-encrypt-key'
const TOKEN = 'v-token'

let fake: FakeFeishuServer
beforeAll(async () => {
  fake = await startFakeFeishuServer()
})
afterAll(async () => fake.close())

async function setup(options: { encryptKey?: string; advisor?: Advisor } = {}) {
  const advisor = options.advisor ?? createProductAdvisor().manager
  const sender = createFeishuSender({ appId: 'cli_test', appSecret: 'secret', domain: fake.domain })
  const channel = createFeishuChannel({
    sender,
    advisor,
    inbound: new MemoryInboundQueue(),
    rateLimiter: new MemoryRateLimiter(),
    verificationToken: TOKEN,
    encryptKey: options.encryptKey,
    pipeline: { retryBaseDelayMs: 5 },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5))),
  })
  await channel.start()
  const app = createApp({ webhooks: [channel.routes], console: false })
  const post = async (
    payload: unknown,
    mode: 'plain' | 'encrypted' | 'forged' = options.encryptKey ? 'encrypted' : 'plain',
  ) => {
    const raw =
      mode === 'plain' ? JSON.stringify(payload) : JSON.stringify({ encrypt: encryptPayload(payload, ENCRYPT_KEY) })
    const headers =
      mode === 'plain' ? { 'content-type': 'application/json' } : signedHeaders(raw, ENCRYPT_KEY, mode === 'forged')
    return app.request('/webhooks/feishu', { method: 'POST', headers, body: raw })
  }
  return { channel, app, post }
}

const postedTo = (messageId: string) => fake.posted.filter((message) => message.replyTo === messageId)
const textOf = (content: string) => JSON.stringify(JSON.parse(content))

describe('Feishu webhook with the real SDK against a fake Open API', () => {
  it('answers url_verification (plain and encrypted) and checks the token', async () => {
    const plain = await setup()
    const ok = await plain.post({ type: 'url_verification', challenge: 'abc123', token: TOKEN })
    expect(await ok.json()).toEqual({ challenge: 'abc123' })
    expect((await plain.post({ type: 'url_verification', challenge: 'abc123', token: 'wrong' })).status).toBe(401)
    const encrypted = await setup({ encryptKey: ENCRYPT_KEY })
    const started = Date.now()
    const response = await encrypted.post({ type: 'url_verification', challenge: 'xyz', token: TOKEN }, 'encrypted')
    expect(await response.json()).toEqual({ challenge: 'xyz' })
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('decrypts a signed p2p message and replies in the thread with a cited answer and an idempotency uuid', async () => {
    const { channel, post } = await setup({ encryptKey: ENCRYPT_KEY })
    const response = await post(textEvent({ eventId: 'ev-1', messageId: 'om_1', text: '老旧厂房改造能补多少钱？' }))
    expect(response.status).toBe(200)
    await channel.idle()
    const [reply] = postedTo('om_1')
    expect(reply.msgType).toBe('interactive')
    const card = JSON.parse(reply.content)
    expect(card.schema).toBe('2.0')
    expect(JSON.stringify(card)).toContain('最高不超过5000万元')
    expect(JSON.stringify(card)).toContain('55590088')
    expect(reply.uuid).toMatch(/^[0-9a-f]{32}$/u)
    expect(fake.requests.some((request) => request.path === '/open-apis/auth/v3/tenant_access_token/internal')).toBe(
      true,
    )
    expect(fake.requests.some((request) => request.path === '/open-apis/bot/v3/info')).toBe(true)
  })

  it('refuses a forged signature and a wrong token with 401, posting nothing', async () => {
    const { channel, post } = await setup({ encryptKey: ENCRYPT_KEY })
    expect(
      (await post(textEvent({ eventId: 'ev-forged', messageId: 'om_forged', text: '你好' }), 'forged')).status,
    ).toBe(401)
    expect(
      (await post(textEvent({ eventId: 'ev-token', messageId: 'om_token', text: '你好', token: 'stolen' }))).status,
    ).toBe(401)
    await channel.idle()
    expect(postedTo('om_forged')).toHaveLength(0)
    expect(postedTo('om_token')).toHaveLength(0)
  })

  it('answers a retried event and a re-sent message only once', async () => {
    const { channel, post } = await setup()
    const event = textEvent({ eventId: 'ev-dup', messageId: 'om_dup', text: '算力券怎么申请？' })
    expect(await (await post(event)).json()).toEqual({ status: 'queued' })
    expect(await (await post(event)).json()).toEqual({ status: 'duplicate' })
    await post({ ...event, header: { ...event.header, event_id: 'ev-dup-2' } })
    await channel.idle()
    expect(postedTo('om_dup')).toHaveLength(1)
  })

  it('acknowledges within 3 s however slow the answer is', async () => {
    const { manager } = createProductAdvisor()
    const slow: Advisor = {
      handle: async (message) => (await new Promise((resolve) => setTimeout(resolve, 4000)), manager.handle(message)),
    }
    const { channel, post } = await setup({ advisor: slow })
    const started = Date.now()
    const response = await post(textEvent({ eventId: 'ev-slow', messageId: 'om_slow', text: '你好' }))
    expect(response.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(500)
    await channel.idle()
    expect(postedTo('om_slow')).toHaveLength(1)
  }, 15_000)

  it('in groups answers only when the bot is @mentioned, with the placeholder stripped', async () => {
    const { channel, post } = await setup()
    await post(textEvent({ eventId: 'ev-g1', messageId: 'om_g1', chatType: 'group', text: '算力券怎么申请？' }))
    await post(
      textEvent({
        eventId: 'ev-g2',
        messageId: 'om_g2',
        chatType: 'group',
        text: '@_user_1 算力券怎么申请？',
        mentions: [{ key: '@_user_1', openId: fake.botOpenId, name: '政策助手' }],
      }),
    )
    await post(
      textEvent({
        eventId: 'ev-g3',
        messageId: 'om_g3',
        chatType: 'group',
        text: '@_user_1 算力券',
        mentions: [{ key: '@_user_1', openId: 'ou_someone_else', name: '张三' }],
      }),
    )
    await channel.idle()
    expect(postedTo('om_g1')).toHaveLength(0)
    expect(postedTo('om_g3')).toHaveLength(0)
    expect(textOf(postedTo('om_g2')[0].content)).toContain('算力券')
  })

  it('answers images with a friendly text and ignores stale messages', async () => {
    const { channel, post } = await setup()
    await post(textEvent({ eventId: 'ev-img', messageId: 'om_img', text: '', messageType: 'image' }))
    await post(textEvent({ eventId: 'ev-old', messageId: 'om_old', text: '你好', createTime: Date.now() - 3_600_000 }))
    await channel.idle()
    expect(JSON.parse(postedTo('om_img')[0].content).text).toContain('只能看懂文字消息')
    expect(postedTo('om_old')).toHaveLength(0)
  })

  it('retries Feishu 5xx and 429 with backoff and never posts twice', async () => {
    const { channel, post } = await setup()
    fake.scriptSends([{ status: 500 }, { status: 429, headers: { 'x-ogw-ratelimit-reset': '0' } }, 'ok'])
    await post(textEvent({ eventId: 'ev-retry', messageId: 'om_retry', text: '你好' }))
    await channel.idle()
    expect(postedTo('om_retry')).toHaveLength(1)
    const attempts = fake.requests.filter((request) => request.path === '/open-apis/im/v1/messages/om_retry/reply')
    expect(attempts).toHaveLength(3)
    expect(new Set(attempts.map((request) => (request.body as { uuid: string }).uuid)).size).toBe(1)
  })

  it('rejects malformed JSON, bad encryption and oversized bodies with 4xx', async () => {
    const { app } = await setup({ encryptKey: ENCRYPT_KEY })
    expect((await app.request('/webhooks/feishu', { method: 'POST', body: '{"schema":' })).status).toBe(400)
    expect(
      (
        await app.request('/webhooks/feishu', {
          method: 'POST',
          body: JSON.stringify({ encrypt: 'bm90IGVuY3J5cHRlZCBhdCBhbGwgcmVhbGx5IG5vdA==' }),
        })
      ).status,
    ).toBe(400)
    expect((await app.request('/webhooks/feishu', { method: 'POST', body: 'x'.repeat(10 * 1024 * 1024) })).status).toBe(
      413,
    )
  })
})
