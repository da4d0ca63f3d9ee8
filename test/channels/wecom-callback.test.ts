import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createWecomApi } from '../../src/channels/wecom/wecom-api.js'
import { createWecomChannel, type WecomChannel } from '../../src/channels/wecom/wecom-channel.js'
import type { Advisor } from '../../src/dialogue/messages.js'
import { createApp } from '../../src/server/app.js'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { encrypt, getSignature } from '@wecom/crypto'
import { startFakeWecomServer, wecomCallback, wecomTextXml, type FakeWecomServer } from '../fakes/fake-wecom-server.js'

const CORP = { corpId: 'ww0123456789abcdef', secret: 'app-secret', agentId: 1000002 }
const KEYS = {
  token: 'callback-token',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: CORP.corpId,
}

/** Answers with the question, so a reply can be traced to its message; `long` answers need several messages. */
const echoAdvisor: Advisor = {
  async handle(message) {
    if (message.text === 'long')
      return {
        text: Array.from({ length: 60 }, (_, index) => `第${index + 1}段：最高不超过5000万元的资金支持。`).join('\n'),
        citations: [],
      }
    return { text: `答：${message.text}`, citations: [] }
  },
}

let fake: FakeWecomServer
let channel: WecomChannel | undefined
beforeAll(async () => {
  fake = await startFakeWecomServer(CORP)
})
afterAll(async () => fake.close())
afterEach(async () => {
  await channel?.stop(1000)
  channel = undefined
})

async function setUp(options: { now?: () => number } = {}) {
  const api = createWecomApi({
    apiBase: fake.apiBase,
    corpId: CORP.corpId,
    secret: CORP.secret,
    agentId: CORP.agentId,
    timeoutMs: 5000,
  })
  channel = createWecomChannel({
    api,
    keys: { token: KEYS.token, encodingAesKey: KEYS.encodingAesKey, receiveId: CORP.corpId },
    agentId: CORP.agentId,
    advisor: echoAdvisor,
    inbound: new MemoryInboundQueue(),
    now: options.now,
    pipeline: { retryBaseDelayMs: 5 },
  })
  await channel.start()
  const app = createApp({ webhooks: [channel.routes], console: false })
  let counter = 0
  const post = (
    text: string,
    overrides: { userId?: string; messageId?: string; keys?: typeof KEYS; timestamp?: number } = {},
  ) => {
    counter += 1
    const xml = wecomTextXml({
      corpId: CORP.corpId,
      agentId: CORP.agentId,
      userId: overrides.userId ?? 'zhangsan',
      text,
      messageId: overrides.messageId ?? `${Date.now()}${counter}`,
    })
    const callback = wecomCallback(overrides.keys ?? KEYS, xml, {
      timestamp: overrides.timestamp,
      agentId: CORP.agentId,
    })
    return {
      callback,
      send: () =>
        app.request(callback.path, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: callback.body }),
    }
  }
  return { app, post, channel: channel! }
}

const sentTo = (user: string) =>
  fake.sent.filter((message) => message.toUser === user).map((message) => message.content)

describe('WeCom callback URL verification (GET /webhooks/wecom)', () => {
  const verification = (signatureOf: (echostr: string, timestamp: string, nonce: string) => string) => {
    const echostr = encrypt(KEYS.encodingAesKey, '8246813573', CORP.corpId)
    const query = new URLSearchParams({
      msg_signature: signatureOf(echostr, '1700000000', '42'),
      timestamp: '1700000000',
      nonce: '42',
      echostr,
    })
    return `/webhooks/wecom?${query}`
  }

  it('answers the decrypted echostr as plain text when msg_signature is right', async () => {
    const { app } = await setUp()
    const response = await app.request(
      verification((echostr, timestamp, nonce) => getSignature(KEYS.token, timestamp, nonce, echostr)),
    )
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('8246813573')
  })

  it('refuses a bad msg_signature with 401 and does not reveal the echostr', async () => {
    const { app } = await setUp()
    const response = await app.request(
      verification((echostr, timestamp, nonce) => getSignature('another-token', timestamp, nonce, echostr)),
    )
    expect(response.status).toBe(401)
    expect(await response.text()).not.toContain('8246813573')
  })

  it('accepts an echostr whose "+" arrived unencoded (read as a space)', async () => {
    let echostr = ''
    for (let index = 0; !echostr.includes('+'); index += 1)
      echostr = encrypt(KEYS.encodingAesKey, `echo-${index}`, CORP.corpId)
    const { app } = await setUp()
    const signature = getSignature(KEYS.token, '1700000000', '7', echostr)
    const response = await app.request(
      `/webhooks/wecom?msg_signature=${signature}&timestamp=1700000000&nonce=7&echostr=${echostr.replace(/\//gu, '%2F').replace(/=/gu, '%3D')}`,
    )
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/^echo-\d+$/u)
  })
})

describe('WeCom callback messages (POST /webhooks/wecom)', () => {
  it('acknowledges with an empty 200 and answers through message/send', async () => {
    const { post, channel } = await setUp()
    const response = await post('算力券怎么申请', { userId: 'u-basic' }).send()
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
    await channel.idle()
    expect(sentTo('u-basic')).toEqual(['答：算力券怎么申请'])
  })

  it('refuses a forged message signature with 401 and answers nothing', async () => {
    const { app, post, channel } = await setUp()
    const { callback } = post('伪造的消息', { userId: 'u-forged' })
    const forged = callback.path.replace(/msg_signature=[0-9a-f]+/u, `msg_signature=${'0'.repeat(40)}`)
    const response = await app.request(forged, { method: 'POST', body: callback.body })
    expect(response.status).toBe(401)
    // A body swapped under a valid signature fails too.
    const other = post('另一条', { userId: 'u-forged' }).callback
    expect((await app.request(callback.path, { method: 'POST', body: other.body })).status).toBe(401)
    await channel.idle()
    expect(sentTo('u-forged')).toEqual([])
  })

  it('refuses a message encrypted for another corp id (receiveid check)', async () => {
    const { post, channel } = await setUp()
    const response = await post('别的企业', { userId: 'u-corp', keys: { ...KEYS, corpId: 'ww_other_corp' } }).send()
    expect(response.status).toBe(401)
    await channel.idle()
    expect(sentTo('u-corp')).toEqual([])
  })

  it('answers a message WeCom delivers three times (its retries) once, and refuses an old replay', async () => {
    const { app, post, channel } = await setUp()
    const { callback, send } = post('重复投递', { userId: 'u-retry', messageId: '7301234567890123456' })
    for (let round = 0; round < 3; round += 1) expect((await send()).status).toBe(200)
    // A retry is a fresh request (new timestamp and nonce) with the same MsgId.
    const again = wecomCallback(
      KEYS,
      wecomTextXml({
        corpId: CORP.corpId,
        agentId: CORP.agentId,
        userId: 'u-retry',
        text: '重复投递',
        messageId: '7301234567890123456',
      }),
      { nonce: 'other' },
    )
    expect((await app.request(again.path, { method: 'POST', body: again.body })).status).toBe(200)
    await channel.idle()
    expect(sentTo('u-retry')).toEqual(['答：重复投递'])
    const stale = post('两小时前抓到的包', { userId: 'u-retry', timestamp: Math.floor(Date.now() / 1000) - 2 * 3600 })
    expect(callback.path).not.toBe(stale.callback.path)
    expect((await stale.send()).status).toBe(401)
  })

  it('fetches the token once, reuses it, and refreshes it when WeCom says it expired (42001)', async () => {
    const { post, channel } = await setUp()
    const before = fake.tokenRequests
    await post('第一问', { userId: 'u-token' }).send()
    await channel.idle()
    await post('第二问', { userId: 'u-token' }).send()
    await channel.idle()
    expect(fake.tokenRequests - before).toBe(1)
    fake.expireTokens()
    await post('第三问', { userId: 'u-token' }).send()
    await channel.idle()
    expect(fake.tokenRequests - before).toBe(2)
    expect(sentTo('u-token')).toEqual(['答：第一问', '答：第二问', '答：第三问'])
    expect(channel.status()).toEqual({ status: 'callback', tokenCached: true })
  })

  it('retries a send WeCom refused as busy (-1), and gives up on a member the app cannot reach (81013)', async () => {
    const { post, channel } = await setUp()
    fake.failSends(-1)
    await post('系统繁忙', { userId: 'u-busy' }).send()
    await channel.idle()
    expect(sentTo('u-busy')).toEqual(['答：系统繁忙'])
    fake.failSends(81013)
    const requests = fake.sendRequests
    await post('不可见成员', { userId: 'u-busy' }).send()
    await channel.idle()
    expect(fake.sendRequests - requests).toBe(1)
    expect(sentTo('u-busy')).toEqual(['答：系统繁忙'])
  })

  it('acknowledges at once while message/send is slow', async () => {
    const { post, channel } = await setUp()
    fake.slowSends(1500)
    try {
      const started = performance.now()
      const response = await post('慢接口', { userId: 'u-slow' }).send()
      const ackMs = performance.now() - started
      expect(response.status).toBe(200)
      expect(ackMs).toBeLessThan(500)
      expect(sentTo('u-slow')).toEqual([])
      await channel.idle()
      expect(sentTo('u-slow')).toEqual(['答：慢接口'])
    } finally {
      fake.slowSends(0)
    }
  })

  it('splits a long answer into messages of at most 2048 bytes, in order', async () => {
    const { post, channel } = await setUp()
    await post('long', { userId: 'u-long' }).send()
    await channel.idle()
    const parts = sentTo('u-long')
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(2048)
    expect(parts.map((part, index) => part.startsWith(`(${index + 1}/${parts.length}) `))).toEqual(
      parts.map(() => true),
    )
    expect(parts.join('\n')).toContain('第60段')
  })

  it('answers a picture with the text-only notice and ignores events', async () => {
    const { app, channel } = await setUp()
    const image = `<xml><ToUserName><![CDATA[${CORP.corpId}]]></ToUserName><FromUserName><![CDATA[u-image]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://127.0.0.1:1/p.png]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>99887766</MsgId><AgentID>${CORP.agentId}</AgentID></xml>`
    const event = `<xml><ToUserName><![CDATA[${CORP.corpId}]]></ToUserName><FromUserName><![CDATA[u-image]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><AgentID>${CORP.agentId}</AgentID></xml>`
    for (const xml of [image, event]) {
      const callback = wecomCallback(KEYS, xml)
      expect((await app.request(callback.path, { method: 'POST', body: callback.body })).status).toBe(200)
    }
    await channel.idle()
    expect(sentTo('u-image')).toEqual(['目前只能看懂文字消息，请直接用文字提问，例如“算力券怎么申请？”'])
  })

  it('refuses malformed and oversized bodies with a clear error', async () => {
    const { app } = await setUp()
    const bad = await app.request('/webhooks/wecom?msg_signature=a&timestamp=1&nonce=1', {
      method: 'POST',
      body: '{"not":"xml"}',
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INVALID_XML')
    const huge = await app.request('/webhooks/wecom?msg_signature=a&timestamp=1&nonce=1', {
      method: 'POST',
      body: `<xml><Encrypt>${'A'.repeat(70_000)}</Encrypt></xml>`,
    })
    expect(huge.status).toBe(413)
  })
})

describe('WeCom media (media/upload, media/get)', () => {
  it('uploads a report, sends it as a file message and downloads a file a member sent', async () => {
    const api = createWecomApi({
      apiBase: fake.apiBase,
      corpId: CORP.corpId,
      secret: CORP.secret,
      agentId: CORP.agentId,
      timeoutMs: 5000,
    })
    const report = Buffer.from('企业名称,结论\n示例科技,符合\n', 'utf8')
    const mediaId = await api.uploadFile('筛查报告.csv', report)
    await api.sendFile('u-file', mediaId)
    expect(fake.sent.filter((message) => message.toUser === 'u-file')).toMatchObject([{ msgtype: 'file', mediaId }])
    expect(fake.media.get(mediaId)?.content.equals(report)).toBe(true)
    const incoming = fake.addMedia('企业名单.xlsx', Buffer.from([1, 2, 3, 250]))
    const downloaded = await api.downloadMedia(incoming)
    expect(downloaded.fileName).toBe('企业名单.xlsx')
    expect([...downloaded.content]).toEqual([1, 2, 3, 250])
    await expect(api.downloadMedia('media-unknown')).rejects.toThrow(/40007/u)
  })
})

describe('WeCom credentials at start', () => {
  it('logs the errcode when gettoken refuses the secret, and still starts', async () => {
    const errors: Array<{ details: object; message: string }> = []
    const logger = {
      info() {},
      warn() {},
      error: (details: object, message: string) => errors.push({ details, message }),
    }
    const api = createWecomApi({
      apiBase: fake.apiBase,
      corpId: CORP.corpId,
      secret: 'wrong-secret',
      agentId: CORP.agentId,
      timeoutMs: 5000,
    })
    channel = createWecomChannel({
      api,
      keys: { token: KEYS.token, encodingAesKey: KEYS.encodingAesKey, receiveId: CORP.corpId },
      agentId: CORP.agentId,
      advisor: echoAdvisor,
      inbound: new MemoryInboundQueue(),
      logger,
    })
    await channel.start()
    await expect.poll(() => errors.length).toBe(1)
    expect(errors[0]).toMatchObject({ details: { errcode: 40001 } })
    expect(errors[0]!.message).toContain('企业可信IP')
    expect(JSON.stringify(errors)).not.toContain('wrong-secret')
  })
})

describe('WeCom API unreachable', () => {
  it('fails retriably with the network reason and never the request URL', async () => {
    const api = createWecomApi({
      apiBase: 'http://127.0.0.1:59999',
      corpId: CORP.corpId,
      secret: 'secret-in-url',
      agentId: CORP.agentId,
      timeoutMs: 1000,
    })
    const error = (await api
      .send('zhangsan', { msgtype: 'text', content: '你好' })
      .catch((caught: unknown) => caught)) as { message: string; retriable: boolean }
    expect(error.retriable).toBe(true)
    expect(error.message).toBe('WeCom unreachable: ECONNREFUSED')
    expect(error.message).not.toContain('secret-in-url')
  })
})

describe('WeCom per-member send limit', () => {
  it('holds the 31st message to one member within a minute until the window has room (WeCom would drop it)', async () => {
    let clock = Date.now()
    const pauses: number[] = []
    const api = createWecomApi({
      apiBase: fake.apiBase,
      corpId: CORP.corpId,
      secret: CORP.secret,
      agentId: CORP.agentId,
      timeoutMs: 5000,
    })
    channel = createWecomChannel({
      api,
      keys: { token: KEYS.token, encodingAesKey: KEYS.encodingAesKey, receiveId: CORP.corpId },
      agentId: CORP.agentId,
      advisor: echoAdvisor,
      inbound: new MemoryInboundQueue(),
      rateLimiter: new MemoryRateLimiter({ now: () => clock }),
      sleep: async (ms) => {
        pauses.push(ms)
        clock += ms
      },
    })
    await channel.start()
    const app = createApp({ webhooks: [channel.routes], console: false })
    for (let index = 1; index <= 31; index += 1) {
      const callback = wecomCallback(
        KEYS,
        wecomTextXml({
          corpId: CORP.corpId,
          agentId: CORP.agentId,
          userId: 'u-limit',
          text: `问题${index}`,
          messageId: `88000${index}`,
        }),
      )
      await app.request(callback.path, { method: 'POST', body: callback.body })
    }
    await channel.idle()
    expect(sentTo('u-limit')).toHaveLength(31)
    expect(sentTo('u-limit').at(-1)).toBe('答：问题31')
    // Only the 31st waited, for about a minute of the injected clock.
    expect(pauses.length).toBeGreaterThanOrEqual(59)
    expect(pauses.length).toBeLessThanOrEqual(61)
  })
})
