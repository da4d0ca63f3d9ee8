import { WechatyBuilder, type Message } from 'wechaty'
import { mock, PuppetMock } from 'wechaty-puppet-mock'
import { createWechatyChannel, parseWechatBotConfig } from '../../src/channels/wechaty/index.js'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { runChannelContract } from './channel.contract.js'
import { createProductAdvisor } from './product-advisor.js'

runChannelContract('WeChat (real Wechaty + PuppetMock, private chat)', async () => {
  const { manager } = createProductAdvisor()
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const wechaty = WechatyBuilder.build({ puppet })
  const channel = createWechatyChannel({
    wechaty,
    config: parseWechatBotConfig({
      schemaVersion: 1,
      botName: '政策助手',
      groups: { allow: ['专精特新交流群'], keywordMatch: false },
      triggerWords: ['政策助手'],
      privateChat: { enabled: true, friendsOnly: false },
    }),
    advisor: manager,
    inbound: new MemoryInboundQueue(),
    rateLimiter: new MemoryRateLimiter(),
    sleep: async () => {},
  })
  await channel.start()
  const bot = mocker.createContact({ name: '政策助手' })
  mocker.login(bot)
  const users = new Map<string, ReturnType<typeof mocker.createContact>>()
  const sent = new Map<string, string[]>()
  wechaty.on('message', (message: Message) => {
    if (!message.self()) return
    const listener = message.listener()?.id ?? ''
    sent.set(listener, [...(sent.get(listener) ?? []), message.text()])
  })
  const settle = async () => {
    for (let round = 0; round < 3; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 15))
      await channel.idle()
    }
  }
  return {
    async send(user, text, options) {
      let contact = users.get(user)
      if (!contact) {
        contact = mocker.createContact({ name: user })
        users.set(user, contact)
      }
      const id = options?.messageId ? `${user}-${options.messageId}` : undefined
      if (id && mocker.cacheMessagePayload.has(id)) puppet.emit('message', { messageId: id })
      else if (id) {
        mocker.MessageMock.create({
          id,
          type: 7,
          timestamp: Date.now(),
          talkerId: contact.id,
          listenerId: bot.id,
          text,
        } as never)
        puppet.emit('message', { messageId: id })
      } else contact.say(text).to(bot)
      await settle()
    },
    repliesTo: (user) => sent.get(users.get(user)?.id ?? '') ?? [],
    close: () => channel.stop(),
  }
})
