import { encrypt, getSignature } from '@wecom/crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  createWecomBotChannel,
  TRUNCATED_NOTICE,
  type WecomBotChannel,
} from '../../src/channels/wecom/wecom-bot-channel.js'
import type { Advisor } from '../../src/dialogue/messages.js'
import { createApp } from '../../src/server/app.js'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { startFakeWecomServer, wecomBotCallback, type FakeWecomServer } from '../fakes/fake-wecom-server.js'

const KEYS = { token: 'bot-token', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }

const echoAdvisor: Advisor = {
  async handle(message) {
    if (message.text === 'long')
      return {
        text: Array.from({ length: 200 }, (_, index) => `第${index + 1}段：最高不超过5000万元的资金支持。`).join('\n'),
        citations: [],
      }
    return { text: `答：${message.text}（${message.chatId}/${message.userId}）`, citations: [] }
  },
}

let fake: FakeWecomServer
let channel: WecomBotChannel | undefined
beforeAll(async () => {
  fake = await startFakeWecomServer({ corpId: 'ww_bot_corp', secret: 's', agentId: 1 })
})
afterAll(async () => fake.close())
afterEach(async () => {
  await channel?.stop(1000)
  channel = undefined
})

async function setUp() {
  channel = createWecomBotChannel({
    ...KEYS,
    apiBase: fake.apiBase,
    advisor: echoAdvisor,
    inbound: new MemoryInboundQueue(),
    timeoutMs: 5000,
    pipeline: { retryBaseDelayMs: 5 },
  })
  await channel.start()
  return { app: createApp({ webhooks: [channel.routes], console: false }), channel: channel! }
}

/** A group @ message as the docs show it (path/100719). */
function groupText(options: { msgid: string; userId: string; text: string; responseUrl: string }) {
  return {
    msgid: options.msgid,
    aibotid: 'AIBOTID',
    chatid: 'wrkSFfCgAAxxx',
    chattype: 'group',
    from: { userid: options.userId },
    response_url: options.responseUrl,
    msgtype: 'text',
    text: { content: options.text },
  }
}

const repliesAt = (responseUrl: string) =>
  fake.botReplies.filter((reply) => responseUrl.endsWith(`response_code=${reply.code}`)).map((reply) => reply.content)

describe('WeCom 智能机器人 callback (/webhooks/wecom-bot)', () => {
  it('passes the URL check with receiveid "" and refuses a bad signature', async () => {
    const { app } = await setUp()
    const echostr = encrypt(KEYS.encodingAesKey, '5927736012', '')
    const good = new URLSearchParams({
      msg_signature: getSignature(KEYS.token, '1700000000', '9', echostr),
      timestamp: '1700000000',
      nonce: '9',
      echostr,
    })
    const response = await app.request(`/webhooks/wecom-bot?${good}`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('5927736012')
    good.set('msg_signature', getSignature('wrong', '1700000000', '9', echostr))
    expect((await app.request(`/webhooks/wecom-bot?${good}`)).status).toBe(401)
  })

  it('answers an @ in a group once, through the message’s response_url, without the mention', async () => {
    const { app, channel } = await setUp()
    const responseUrl = fake.issueResponseUrl()
    const callback = wecomBotCallback(
      KEYS,
      groupText({ msgid: 'CAIQ16HMjQYY', userId: 'lisi', text: '@政策顾问 算力券怎么申请？', responseUrl }),
    )
    for (let round = 0; round < 3; round += 1) {
      const response = await app.request(callback.path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: callback.body,
      })
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('')
    }
    await channel.idle()
    expect(repliesAt(responseUrl)).toEqual(['答：算力券怎么申请？（wrkSFfCgAAxxx/lisi）'])
  })

  it('refuses a forged signature and a message encrypted for a corp id instead of ""', async () => {
    const { app, channel } = await setUp()
    const responseUrl = fake.issueResponseUrl()
    const callback = wecomBotCallback(
      KEYS,
      groupText({ msgid: 'forged-1', userId: 'lisi', text: '@政策顾问 你好', responseUrl }),
    )
    const forged = callback.path.replace(/msg_signature=[0-9a-f]+/u, `msg_signature=${'f'.repeat(40)}`)
    expect((await app.request(forged, { method: 'POST', body: callback.body })).status).toBe(401)
    const encrypted = encrypt(
      KEYS.encodingAesKey,
      JSON.stringify(groupText({ msgid: 'corp-1', userId: 'lisi', text: '你好', responseUrl })),
      'ww_some_corp',
    )
    const signature = getSignature(KEYS.token, String(Math.floor(Date.now() / 1000)), '5', encrypted)
    const response = await app.request(
      `/webhooks/wecom-bot?msg_signature=${signature}&timestamp=${Math.floor(Date.now() / 1000)}&nonce=5`,
      { method: 'POST', body: JSON.stringify({ encrypt: encrypted }) },
    )
    expect(response.status).toBe(401)
    await channel.idle()
    expect(repliesAt(responseUrl)).toEqual([])
  })

  it('never POSTs to a response_url off the WeCom API host', async () => {
    const { app, channel } = await setUp()
    const callback = wecomBotCallback(
      KEYS,
      groupText({ msgid: 'ssrf-1', userId: 'lisi', text: '@政策顾问 你好', responseUrl: 'http://127.0.0.1:1/steal' }),
    )
    const before = fake.botReplies.length
    expect((await app.request(callback.path, { method: 'POST', body: callback.body })).status).toBe(200)
    await channel.idle()
    expect(fake.botReplies.length).toBe(before)
  })

  it('fits a long answer into the one message a response_url allows, cut at a sentence with a notice', async () => {
    const { app, channel } = await setUp()
    const responseUrl = fake.issueResponseUrl()
    const callback = wecomBotCallback(KEYS, {
      ...groupText({ msgid: 'long-1', userId: 'lisi', text: 'long', responseUrl }),
      chattype: 'single',
    })
    await app.request(callback.path, { method: 'POST', body: callback.body })
    await channel.idle()
    const [reply, ...rest] = repliesAt(responseUrl)
    expect(rest).toEqual([])
    expect(Buffer.byteLength(reply!, 'utf8')).toBeLessThanOrEqual(4096)
    expect(reply!.endsWith(`。\n${TRUNCATED_NOTICE}`)).toBe(true)
  })

  it('gives up at once on a response_url WeCom says is used (one attempt, no loop)', async () => {
    const { app, channel } = await setUp()
    const responseUrl = fake.issueResponseUrl()
    for (const msgid of ['used-1', 'used-2']) {
      const callback = wecomBotCallback(
        KEYS,
        groupText({ msgid, userId: 'lisi', text: `@政策顾问 ${msgid}`, responseUrl }),
      )
      await app.request(callback.path, { method: 'POST', body: callback.body })
      await channel.idle()
    }
    expect(repliesAt(responseUrl)).toEqual(['答：used-1（wrkSFfCgAAxxx/lisi）'])
  })

  it('answers a picture with the text-only notice and ignores events', async () => {
    const { app, channel } = await setUp()
    const responseUrl = fake.issueResponseUrl()
    const image = {
      msgid: 'img-1',
      aibotid: 'AIBOTID',
      chattype: 'single',
      from: { userid: 'lisi' },
      response_url: responseUrl,
      msgtype: 'image',
      image: { url: 'https://example.invalid/x' },
    }
    const event = {
      msgid: 'ev-1',
      aibotid: 'AIBOTID',
      chattype: 'single',
      from: { userid: 'lisi' },
      msgtype: 'event',
      event: { eventtype: 'enter_chat' },
    }
    for (const message of [image, event]) {
      const callback = wecomBotCallback(KEYS, message)
      expect((await app.request(callback.path, { method: 'POST', body: callback.body })).status).toBe(200)
    }
    await channel.idle()
    expect(repliesAt(responseUrl)).toEqual(['目前只能看懂文字消息，请直接用文字提问，例如“算力券怎么申请？”'])
  })
})
