import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WechatyBuilder, type Message } from 'wechaty'
import { mock, PuppetMock } from 'wechaty-puppet-mock'
import { createWechatyChannel, parseWechatBotConfig } from '../../src/channels/wechaty/index.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { openSqliteDatabase } from '../../src/store/open-sqlite-database.js'
import { SqliteInboundQueue } from '../../src/store/sqlite-inbound-queue.js'
import { createProductAdvisor } from '../contracts/product-advisor.js'

const config = parseWechatBotConfig({
  schemaVersion: 1,
  botName: '政策助手',
  groups: { allow: ['专精特新交流群'], keywordMatch: false },
  triggerWords: ['政策助手'],
  privateChat: { enabled: true, friendsOnly: false },
})

describe('WeChat replies survive a stop through the shared inbound queue', () => {
  it('a reply whose send hangs at shutdown is sent by the next start, looked up by conversation id, exactly once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-wechat-restart-'))
    const database = openSqliteDatabase({ dataDir })
    const inbound = new SqliteInboundQueue({ database })
    const { manager } = createProductAdvisor()
    const mocker = new mock.Mocker()
    const puppet = new PuppetMock({ mocker })
    const wechaty = WechatyBuilder.build({ puppet })
    const sent: string[] = []
    wechaty.on('message', (message: Message) => {
      if (message.self()) sent.push(message.text())
    })
    const original = puppet.messageSendText.bind(puppet)
    let hang = true
    puppet.messageSendText = (...args: Parameters<typeof original>) =>
      hang ? new Promise(() => {}) : original(...args)
    const options = {
      wechaty,
      config,
      advisor: manager,
      inbound,
      singleWriter: true,
      rateLimiter: new MemoryRateLimiter(),
      sleep: async () => {},
    }
    try {
      const first = createWechatyChannel(options)
      await first.start()
      const bot = mocker.createContact({ name: '政策助手' })
      mocker.login(bot)
      const zhang = mocker.createContact({ name: '张三' })
      const group = mocker.createRoom({ topic: '专精特新交流群', memberIdList: [bot.id, zhang.id] })
      zhang.say('@政策助手\u2005算力券怎么申请？', [bot]).to(group)
      await expect.poll(() => inbound.depth(), { timeout: 3000 }).toBe(1)
      await new Promise((resolve) => setTimeout(resolve, 100))
      await first.stop(100)
      expect(sent).toEqual([])
      expect(await inbound.depth()).toBe(1)

      hang = false
      const second = createWechatyChannel(options)
      await second.start()
      mocker.login(bot)
      await expect.poll(() => sent.length, { timeout: 5000 }).toBeGreaterThan(0)
      await second.idle()
      expect(sent.join('\n')).toContain('算力券')
      expect(sent[0]).toMatch(/^@张三 /u)
      expect(sent.filter((text) => text.startsWith('@张三'))).toHaveLength(1)
      expect(await inbound.depth()).toBe(0)
      await second.stop()
    } finally {
      database.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 30_000)
})
