import { describe, expect, it } from 'vitest'
import { loadWechatBotConfig, parseWechatBotConfig, WechatBotConfigError } from '../../src/channels/wechaty/index.js'

describe('WeChat bot config', () => {
  it('loads the shipped bots/wechat.config.json', async () => {
    const config = await loadWechatBotConfig('bots/wechat.config.json')
    expect(config.schemaVersion).toBe(1)
    expect(config.groups.allow.length).toBeGreaterThan(0)
    expect(config.splitLength).toBeLessThanOrEqual(500)
    expect(config.maxMessageAgeSeconds).toBe(180)
  })

  it('fills defaults for a minimal config', () => {
    const config = parseWechatBotConfig({ schemaVersion: 1, botName: '政策助手' })
    expect(config).toMatchObject({
      groups: { allow: [], keywordMatch: false },
      privateChat: { enabled: true, friendsOnly: false },
      rateLimit: { perGroupPerMinute: 10, perUserPerMinute: 6 },
      splitLength: 500,
      pauseMs: 800,
    })
    expect(config.persona.nonTextReply).toMatch(/文字/)
  })

  it('rejects unknown keys and wrong versions, naming the field', () => {
    expect(() => parseWechatBotConfig({ schemaVersion: 1, botName: 'x', groups: { alow: [] } })).toThrow(/groups/)
    expect(() => parseWechatBotConfig({ schemaVersion: 2, botName: 'x' })).toThrow(WechatBotConfigError)
    expect(() => parseWechatBotConfig({ schemaVersion: 1, botName: 'x', splitLength: 20 })).toThrow(/splitLength/)
  })
})
