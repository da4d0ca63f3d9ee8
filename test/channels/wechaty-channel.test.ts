import { afterEach, describe, expect, it } from 'vitest'
import { ScanStatus, types, WechatyBuilder, type Message } from 'wechaty'
import { mock, PuppetMock } from 'wechaty-puppet-mock'
import type { Advisor, InboundMessage, OutboundReply } from '../../src/channels/channel.js'
import {
  createWechatyChannel,
  parseWechatBotConfig,
  type WechatBotConfigInput,
  type WechatyChannel,
} from '../../src/channels/wechaty/index.js'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'

/** Answers "收到：<text>（第N轮）", counting turns per (chat, user) like a real session would. */
class RecordingAdvisor implements Advisor {
  readonly calls: InboundMessage[] = []
  readonly #turns = new Map<string, number>()
  #active = 0
  maxConcurrent = 0

  constructor(
    readonly options: {
      delayMs?: (message: InboundMessage) => number
      reply?: (message: InboundMessage) => string
    } = {},
  ) {}

  async handle(message: InboundMessage): Promise<OutboundReply> {
    this.calls.push(message)
    this.#active += 1
    this.maxConcurrent = Math.max(this.maxConcurrent, this.#active)
    try {
      const key = `${message.chatId}|${message.userId}`
      const turn = (this.#turns.get(key) ?? 0) + 1
      this.#turns.set(key, turn)
      const delay = this.options.delayMs?.(message) ?? 0
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
      const text = this.options.reply?.(message) ?? `收到：${message.text}（第${turn}轮）`
      return { text, citations: [] }
    } finally {
      this.#active -= 1
    }
  }
}

const BASE_CONFIG: WechatBotConfigInput = {
  schemaVersion: 1,
  botName: '政策助手',
  groups: { allow: ['专精特新交流群', '园区企业服务群'], keywordMatch: false },
  triggerWords: ['政策助手', '小政'],
  privateChat: { enabled: true, friendsOnly: false },
}

interface Sent {
  conversationId: string
  text: string
}

let channels: WechatyChannel[] = []
afterEach(async () => {
  await Promise.all(channels.map((channel) => channel.stop()))
  channels = []
})

async function createFixture(
  options: {
    config?: Partial<WechatBotConfigInput>
    advisor?: Advisor
    login?: boolean
    pauseForReal?: boolean
    onDuplicate?: () => void
  } = {},
) {
  const config = parseWechatBotConfig({ ...BASE_CONFIG, ...options.config })
  const advisor = options.advisor ?? new RecordingAdvisor()
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const wechaty = WechatyBuilder.build({ puppet })
  const sent: Sent[] = []
  wechaty.on('message', (message: Message) => {
    if (message.self())
      sent.push({ conversationId: message.room()?.id ?? message.listener()?.id ?? '', text: message.text() })
  })
  const pauses: number[] = []
  const channel = createWechatyChannel({
    wechaty,
    config,
    advisor,
    inbound: new MemoryInboundQueue(),
    rateLimiter: new MemoryRateLimiter(),
    sleep: async (milliseconds) => {
      pauses.push(milliseconds)
      // A real (short) pause lets other conversations' work run in between, as in production.
      if (options.pauseForReal) await new Promise((resolve) => setTimeout(resolve, 5))
    },
    qrImageUrl: (qrCode) => `https://console.example/qr?value=${encodeURIComponent(qrCode)}`,
    onDuplicate: options.onDuplicate,
  })
  channels.push(channel)
  await channel.start()

  const bot = mocker.createContact({ name: '政策助手' })
  const zhang = mocker.createContact({ name: '张三' })
  const li = mocker.createContact({ name: '李四' })
  const wang = mocker.createContact({ name: '王五' })
  const zhao = mocker.createContact({ name: '赵六' })
  const stranger = mocker.createContact({ name: '路人', friend: false })
  if (options.login !== false) mocker.login(bot)
  const members = [bot.id, zhang.id, li.id, wang.id, zhao.id]
  const group = mocker.createRoom({ topic: '专精特新交流群', memberIdList: members })
  const unlisted = mocker.createRoom({ topic: '家长群', memberIdList: members })

  /** Lets wechaty deliver what was said, then waits until the channel has answered everything. */
  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 15))
      await channel.idle()
    }
  }

  /** Emits a message with a hand-made payload (old timestamps, images, recalls, re-deliveries). */
  function deliver(payload: {
    id: string
    talkerId: string
    roomId?: string
    listenerId?: string
    type?: types.Message
    text?: string
    timestamp?: number
    mentionIdList?: string[]
  }) {
    if (!mocker.cacheMessagePayload.has(payload.id)) {
      mocker.MessageMock.create({ type: types.Message.Text, timestamp: Date.now(), ...payload } as never)
    }
    puppet.emit('message', { messageId: payload.id })
  }

  const textsIn = (conversationId: string) =>
    sent.filter((item) => item.conversationId === conversationId).map((item) => item.text)
  return {
    advisor,
    mocker,
    puppet,
    channel,
    sent,
    pauses,
    bot,
    zhang,
    li,
    wang,
    zhao,
    stranger,
    group,
    unlisted,
    settle,
    deliver,
    textsIn,
  }
}

describe('wechaty channel (real Wechaty + PuppetMock)', () => {
  it('answers an @mention with U+2005 in an allow-listed group, replying to the asker by name', async () => {
    const { advisor, bot, zhang, group, settle, textsIn } = await createFixture()
    zhang.say('@政策助手\u2005专精特新有什么支持政策？', [bot]).to(group)
    await settle()

    expect(textsIn(group.id)).toEqual(['@张三 收到：专精特新有什么支持政策？（第1轮）'])
    const advisorCalls = (advisor as RecordingAdvisor).calls
    expect(advisorCalls).toHaveLength(1)
    expect(advisorCalls[0]).toMatchObject({
      channel: 'wechat',
      chatId: group.id,
      userId: zhang.id,
      userName: '张三',
      mentionsBot: true,
    })
  })

  it('recognises "@name" in the text when the puppet sends no mention list, anywhere in the message', async () => {
    const { bot, li, group, settle, textsIn } = await createFixture()
    li.say('请问研发费用怎么算 @政策助手\u2005').to(group)
    await settle()
    li.say('@政策助手 小巨人看什么指标').to(group)
    await settle()
    expect(textsIn(group.id)).toEqual([
      '@李四 收到：请问研发费用怎么算（第1轮）',
      '@李四 收到：小巨人看什么指标（第2轮）',
    ])
    expect(bot.id).toBeTruthy()
  })

  it('answers a message that starts with a trigger word, but not chatter or look-alike words', async () => {
    const { wang, group, settle, textsIn } = await createFixture()
    wang.say('小政，创新型中小企业怎么认定').to(group)
    wang.say('小政策也很重要啊').to(group)
    wang.say('大家好，今天开会吗').to(group)
    wang.say('政策助手 算力券怎么申请').to(group)
    await settle()
    expect(textsIn(group.id)).toEqual([
      '@王五 收到：创新型中小企业怎么认定（第1轮）',
      '@王五 收到：算力券怎么申请（第2轮）',
    ])
  })

  it('ignores an unlisted group even when @mentioned', async () => {
    const { advisor, bot, zhang, unlisted, settle, sent } = await createFixture()
    zhang.say('@政策助手\u2005专精特新怎么申请', [bot]).to(unlisted)
    zhang.say('小政，专精特新怎么申请').to(unlisted)
    await settle()
    expect(sent).toEqual([])
    expect((advisor as RecordingAdvisor).calls).toEqual([])
  })

  it('matches group-name keywords when keywordMatch is on', async () => {
    const { bot, mocker, zhang, settle, textsIn } = await createFixture({
      config: { groups: { allow: ['专精特新'], keywordMatch: true } },
    })
    const park = mocker.createRoom({ topic: '海淀专精特新企业群', memberIdList: [bot.id, zhang.id] })
    zhang.say('@政策助手\u2005你好呀', [bot]).to(park)
    await settle()
    expect(textsIn(park.id)).toEqual(['@张三 收到：你好呀（第1轮）'])
  })

  it('keeps one session per user in a group: two users assessing at the same time stay separate', async () => {
    const advisor = new RecordingAdvisor({ delayMs: () => 20 })
    const { bot, zhang, li, group, settle, textsIn } = await createFixture({ advisor })
    zhang.say('@政策助手\u2005我们能评哪个？', [bot]).to(group)
    li.say('@政策助手\u2005我们能评哪个？', [bot]).to(group)
    zhang.say('@政策助手\u2005营收5000万', [bot]).to(group)
    li.say('@政策助手\u2005营收8000万', [bot]).to(group)
    await settle()

    const replies = textsIn(group.id)
    expect(replies.filter((text) => text.startsWith('@张三 '))).toEqual([
      '@张三 收到：我们能评哪个？（第1轮）',
      '@张三 收到：营收5000万（第2轮）',
    ])
    expect(replies.filter((text) => text.startsWith('@李四 '))).toEqual([
      '@李四 收到：我们能评哪个？（第1轮）',
      '@李四 收到：营收8000万（第2轮）',
    ])
    expect(replies).toHaveLength(4)
    // Different users are not serialised behind each other.
    expect(advisor.maxConcurrent).toBe(2)
  })

  it("handles one user's messages strictly in order even when an earlier one is slower", async () => {
    const advisor = new RecordingAdvisor({ delayMs: (message) => (message.text === '第一条' ? 60 : 0) })
    const { bot, zhang, group, settle, textsIn } = await createFixture({ advisor })
    zhang.say('@政策助手\u2005第一条', [bot]).to(group)
    zhang.say('@政策助手\u2005第二条', [bot]).to(group)
    zhang.say('@政策助手\u2005第三条', [bot]).to(group)
    await settle()
    expect(advisor.calls.map((call) => call.text)).toEqual(['第一条', '第二条', '第三条'])
    expect(textsIn(group.id)).toEqual([
      '@张三 收到：第一条（第1轮）',
      '@张三 收到：第二条（第2轮）',
      '@张三 收到：第三条（第3轮）',
    ])
  })

  it('splits a long reply into numbered parts of at most 500 characters, @asker only on the first, with pauses', async () => {
    const sentence =
      '根据《北京市促进中小企业发展条例》，企业上年度研发费用总额不低于1,300.5万元的，可申请专项资金支持。'
    const longText = Array.from({ length: 30 }, () => sentence)
      .join('')
      .slice(0, 1300)
    const advisor = new RecordingAdvisor({ reply: () => longText })
    const { bot, zhang, group, settle, textsIn, pauses } = await createFixture({ advisor })
    zhang.say('@政策助手\u2005详细说说', [bot]).to(group)
    await settle()

    const parts = textsIn(group.id)
    expect(parts).toHaveLength(3)
    expect(parts[0]?.startsWith('@张三 (1/3) ')).toBe(true)
    expect(parts[1]?.startsWith('(2/3) ')).toBe(true)
    expect(parts[2]?.startsWith('(3/3) ')).toBe(true)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(500)
    expect(parts.slice(1).some((part) => part.includes('@张三'))).toBe(false)
    const body = parts.map((part) => part.replace(/^(@张三 )?\(\d\/3\) /, '')).join('')
    expect(body).toBe(longText)
    // Cuts fall after a sentence, never inside a 《title》 or a number.
    for (const part of parts.slice(0, -1)) expect(part.endsWith('。')).toBe(true)
    expect(pauses).toEqual([800, 800])
  })

  it("never interleaves two users' split replies in one group", async () => {
    const advisor = new RecordingAdvisor({
      delayMs: () => 10,
      reply: (message) => `${message.text.repeat(280)}。${message.text.repeat(280)}。`,
    })
    const { bot, zhang, li, group, settle, textsIn } = await createFixture({ advisor, pauseForReal: true })
    zhang.say('@政策助手\u2005甲', [bot]).to(group)
    li.say('@政策助手\u2005乙', [bot]).to(group)
    await settle()
    const parts = textsIn(group.id)
    expect(parts).toHaveLength(4)
    const owners = parts.map((part) => (part.includes('甲') ? '甲' : '乙'))
    expect(owners.join('')).toMatch(/^(甲甲乙乙|乙乙甲甲)$/)
    expect(parts[0]).toMatch(/^@(张三|李四) \(1\/2\) /)
    expect(parts[2]).toMatch(/^@(张三|李四) \(1\/2\) /)
  })

  it('retries a failed send after a pause, then gives up without blocking later replies', async () => {
    const { puppet, bot, zhang, group, settle, textsIn, pauses } = await createFixture()
    const original = puppet.messageSendText.bind(puppet)
    let failuresLeft = 1
    puppet.messageSendText = async (...args: Parameters<typeof original>) => {
      if (failuresLeft-- > 0) throw new Error('network hiccup')
      return original(...args)
    }
    zhang.say('@政策助手\u2005第一问', [bot]).to(group)
    await settle()
    expect(textsIn(group.id)).toEqual(['@张三 收到：第一问（第1轮）'])
    expect(pauses).toEqual([3000])

    failuresLeft = 3
    zhang.say('@政策助手\u2005第二问', [bot]).to(group)
    await settle()
    zhang.say('@政策助手\u2005第三问', [bot]).to(group)
    await settle()
    expect(textsIn(group.id)).toEqual(['@张三 收到：第一问（第1轮）', '@张三 收到：第三问（第3轮）'])
    expect(pauses).toEqual([3000, 3000, 6000])
  })

  it('dedupes a message the puppet delivers twice (e.g. after a reconnect)', async () => {
    let duplicates = 0
    const { advisor, zhang, bot, group, deliver, settle, textsIn } = await createFixture({
      onDuplicate: () => (duplicates += 1),
    })
    const payload = {
      id: 'redelivered-1',
      talkerId: zhang.id,
      roomId: group.id,
      text: '@政策助手\u2005研发费用加计扣除',
      mentionIdList: [bot.id],
    }
    deliver(payload)
    await settle()
    deliver(payload)
    await settle()
    expect(textsIn(group.id)).toEqual(['@张三 收到：研发费用加计扣除（第1轮）'])
    expect((advisor as RecordingAdvisor).calls).toHaveLength(1)
    expect(duplicates).toBe(1)
  })

  it('ignores messages older than 3 minutes, but accepts fresh ones with second timestamps', async () => {
    const { zhang, bot, group, deliver, settle, textsIn } = await createFixture()
    deliver({
      id: 'old-1',
      talkerId: zhang.id,
      roomId: group.id,
      text: '@政策助手\u2005旧消息',
      mentionIdList: [bot.id],
      timestamp: Date.now() - 181_000,
    })
    deliver({
      id: 'fresh-seconds',
      talkerId: zhang.id,
      roomId: group.id,
      text: '@政策助手\u2005新消息',
      mentionIdList: [bot.id],
      timestamp: Math.floor(Date.now() / 1000),
    })
    await settle()
    expect(textsIn(group.id)).toEqual(['@张三 收到：新消息（第1轮）'])
  })

  it("ignores the bot's own messages and system notices", async () => {
    const { advisor, bot, zhang, group, deliver, settle, sent } = await createFixture()
    bot.say('@政策助手\u2005自言自语', [bot]).to(group)
    deliver({
      id: 'recall-1',
      talkerId: zhang.id,
      roomId: group.id,
      type: types.Message.Recalled,
      text: '张三撤回了一条消息',
      mentionIdList: [bot.id],
    })
    deliver({ id: 'red-1', talkerId: zhang.id, listenerId: bot.id, type: types.Message.RedEnvelope })
    await settle()
    expect((advisor as RecordingAdvisor).calls).toEqual([])
    expect(sent.map((item) => item.text)).toEqual(['@政策助手\u2005自言自语'])
  })

  it('replies briefly to non-text messages only when @mentioned or in private chat', async () => {
    const { advisor, bot, zhang, li, group, deliver, settle, textsIn } = await createFixture()
    deliver({
      id: 'image-in-group',
      talkerId: zhang.id,
      roomId: group.id,
      type: types.Message.Image,
      mentionIdList: [],
    })
    deliver({
      id: 'image-mentioned',
      talkerId: li.id,
      roomId: group.id,
      type: types.Message.Image,
      mentionIdList: [bot.id],
    })
    deliver({ id: 'voice-private', talkerId: zhang.id, listenerId: bot.id, type: types.Message.Audio })
    await settle()
    expect(textsIn(group.id)).toEqual(['@李四 我暂时只能看懂文字消息，请直接打字提问。'])
    expect(textsIn(zhang.id)).toEqual(['我暂时只能看懂文字消息，请直接打字提问。'])
    expect((advisor as RecordingAdvisor).calls).toEqual([])
  })

  it('greets when @mentioned without a question', async () => {
    const { bot, wang, group, settle, textsIn } = await createFixture()
    wang.say('@政策助手\u2005', [bot]).to(group)
    await settle()
    expect(textsIn(group.id)).toEqual([
      `@王五 您好！我是北京企业政策助手。@我直接提问即可，如“专精特新有哪些支持政策？”或“我们能评哪个？”`,
    ])
  })

  it('treats quoting one of the bot’s messages as addressing it, and passes only the new text', async () => {
    const { zhang, group, settle, textsIn } = await createFixture()
    zhang.say('「政策助手：请问贵公司上年度营业收入是多少？」\n- - - - - - - - - - - - - - -\n5000万').to(group)
    await settle()
    expect(textsIn(group.id)).toEqual(['@张三 收到：5000万（第1轮）'])
  })

  it('rate-limits a busy group with one friendly notice per minute', async () => {
    const { advisor, bot, zhang, li, wang, zhao, group, settle, textsIn } = await createFixture({
      config: { rateLimit: { perGroupPerMinute: 2 } },
    })
    for (const member of [zhang, li, wang, zhao]) {
      member.say('@政策助手\u2005专精特新怎么申请', [bot]).to(group)
      await settle()
    }
    expect(textsIn(group.id)).toEqual([
      '@张三 收到：专精特新怎么申请（第1轮）',
      '@李四 收到：专精特新怎么申请（第1轮）',
      '@王五 本群提问有点多，我需要歇一会儿，请一分钟后再@我。',
    ])
    expect((advisor as RecordingAdvisor).calls).toHaveLength(2)
  })

  it('answers private chats without @, and honours privateChat.enabled / friendsOnly', async () => {
    const open = await createFixture()
    open.zhang.say('专精特新是什么').to(open.bot)
    await open.settle()
    expect(open.textsIn(open.zhang.id)).toEqual(['收到：专精特新是什么（第1轮）'])
    expect((open.advisor as RecordingAdvisor).calls[0]).toMatchObject({
      chatId: `p2p:${open.zhang.id}`,
      userId: open.zhang.id,
    })

    const friendsOnly = await createFixture({ config: { privateChat: { enabled: true, friendsOnly: true } } })
    friendsOnly.stranger.say('专精特新是什么').to(friendsOnly.bot)
    friendsOnly.li.say('小巨人是什么').to(friendsOnly.bot)
    await friendsOnly.settle()
    expect(friendsOnly.textsIn(friendsOnly.stranger.id)).toEqual([])
    expect(friendsOnly.textsIn(friendsOnly.li.id)).toEqual(['收到：小巨人是什么（第1轮）'])

    const closed = await createFixture({ config: { privateChat: { enabled: false } } })
    closed.zhang.say('专精特新是什么').to(closed.bot)
    await closed.settle()
    expect(closed.sent).toEqual([])
  })

  it('replies with the configured error text when the advisor fails, and keeps serving', async () => {
    let failures = 1
    const advisor: Advisor = {
      async handle(message) {
        if (failures-- > 0) throw new Error('store down')
        return { text: `收到：${message.text}`, citations: [] }
      },
    }
    const { bot, zhang, group, settle, textsIn } = await createFixture({ advisor })
    zhang.say('@政策助手\u2005第一问', [bot]).to(group)
    zhang.say('@政策助手\u2005第二问', [bot]).to(group)
    await settle()
    expect(textsIn(group.id)).toEqual(['@张三 抱歉，系统暂时出了点问题，请稍后再问一次。', '@张三 收到：第二问'])
  })

  it('reports the login state for the web console: QR code while scanning, then the account name', async () => {
    const { channel, mocker, bot } = await createFixture({ login: false })
    expect(channel.loginState()).toEqual({ status: 'logged-out' })
    mocker.scan('https://login.weixin.qq.com/l/abc123', ScanStatus.Waiting)
    await new Promise((resolve) => setTimeout(resolve, 15))
    expect(channel.loginState()).toEqual({
      status: 'scanning',
      qrCode: 'https://login.weixin.qq.com/l/abc123',
      qrUrl: 'https://console.example/qr?value=https%3A%2F%2Flogin.weixin.qq.com%2Fl%2Fabc123',
    })
    mocker.login(bot)
    await new Promise((resolve) => setTimeout(resolve, 15))
    expect(channel.loginState()).toEqual({ status: 'logged-in', userName: '政策助手' })
  })
})
