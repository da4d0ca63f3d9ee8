import { describe, expect, it } from 'vitest'
import { convertWechatyMessage, isGroupAllowed, type WechatyMessageFacts } from './convert-wechaty-message.js'
import { parseWechatBotConfig } from './wechat-bot-config.js'

const NOW = 1_800_000_000_000
const config = parseWechatBotConfig({
  schemaVersion: 1,
  botName: '政策助手',
  groups: { allow: ['专精特新交流群'] },
  triggerWords: ['小政'],
  privateChat: { enabled: true, friendsOnly: true },
})

function facts(overrides: Partial<WechatyMessageFacts> = {}): WechatyMessageFacts {
  return {
    messageId: 'message-1',
    kind: 'text',
    text: '@政策助手\u2005专精特新怎么申请',
    createdAt: NOW - 1_000,
    fromSelf: false,
    talker: { id: 'wxid_zhang', name: '张三', roomAlias: '张总（海淀某科技）', isFriend: true, isOfficial: false },
    room: { id: 'room-1@chatroom', topic: '专精特新交流群' },
    mentionsSelf: true,
    selfNames: ['政策助手'],
    ...overrides,
  }
}

describe('convertWechatyMessage', () => {
  it('turns an addressed group text into an InboundMessage keyed by room and user', () => {
    expect(convertWechatyMessage(facts(), config, NOW)).toEqual({
      action: 'answer',
      message: {
        channel: 'wechat',
        chatId: 'room-1@chatroom',
        userId: 'wxid_zhang',
        userName: '张总（海淀某科技）',
        text: '专精特新怎么申请',
        mentionsBot: true,
        messageId: 'message-1',
        receivedAt: NOW - 1_000,
      },
    })
  })

  it('ignores, in order: own messages, system notices, stale messages, unlisted groups, chatter', () => {
    const reason = (overrides: Partial<WechatyMessageFacts>) => {
      const result = convertWechatyMessage(facts(overrides), config, NOW)
      return result.action === 'ignore' ? result.reason : result.action
    }
    expect(reason({ fromSelf: true, kind: 'system' })).toBe('self')
    expect(reason({ kind: 'system' })).toBe('system')
    expect(reason({ talker: { id: 'weixin', name: '微信团队', isOfficial: false } })).toBe('system')
    expect(reason({ talker: { id: 'gh_1', name: '某公众号', isOfficial: true } })).toBe('system')
    expect(reason({ createdAt: NOW - 180_001 })).toBe('stale')
    expect(reason({ createdAt: NOW - 179_000 })).toBe('answer')
    expect(reason({ room: { id: 'room-2@chatroom', topic: '家长群' } })).toBe('group-not-allowed')
    expect(reason({ mentionsSelf: false, text: '大家好' })).toBe('not-addressed')
    expect(reason({ mentionsSelf: false, text: '小政 你好' })).toBe('answer')
    expect(reason({ text: '@政策助手\u2005' })).toBe('greet')
    expect(reason({ kind: 'media', text: '', mentionsSelf: false })).toBe('not-addressed')
    expect(reason({ kind: 'media', text: '', mentionsSelf: true })).toBe('unsupported')
  })

  it('handles private chats: p2p chat id, friends only, quotes removed, empty ignored', () => {
    const direct = (overrides: Partial<WechatyMessageFacts>) =>
      convertWechatyMessage(
        facts({ room: undefined, mentionsSelf: false, text: '专精特新是什么', ...overrides }),
        config,
        NOW,
      )
    expect(direct({})).toMatchObject({
      action: 'answer',
      message: { chatId: 'p2p:wxid_zhang', text: '专精特新是什么' },
    })
    expect(direct({ talker: { id: 'wxid_x', name: '路人', isFriend: false, isOfficial: false } })).toEqual({
      action: 'ignore',
      reason: 'not-friend',
    })
    expect(direct({ text: '「政策助手：营收多少？」\n- - - - - - - - - - - -\n3000万' })).toMatchObject({
      message: { text: '3000万' },
    })
    expect(direct({ text: '   ' })).toEqual({ action: 'ignore', reason: 'empty' })
    expect(direct({ kind: 'media', text: '' })).toMatchObject({ action: 'unsupported' })
    const closed = parseWechatBotConfig({ schemaVersion: 1, botName: '政策助手', privateChat: { enabled: false } })
    expect(convertWechatyMessage(facts({ room: undefined }), closed, NOW)).toEqual({
      action: 'ignore',
      reason: 'private-disabled',
    })
  })

  it('caps the text at 2000 characters', () => {
    const result = convertWechatyMessage(facts({ text: `@政策助手\u2005${'字'.repeat(2500)}` }), config, NOW)
    expect(result.action === 'answer' && result.message.text.length).toBe(2000)
  })
})

describe('isGroupAllowed', () => {
  it('matches exact names, or keywords when keywordMatch is on', () => {
    const keywords = parseWechatBotConfig({
      schemaVersion: 1,
      botName: 'x',
      groups: { allow: ['专精特新'], keywordMatch: true },
    })
    expect(isGroupAllowed('专精特新交流群', config)).toBe(true)
    expect(isGroupAllowed('专精特新交流群2', config)).toBe(false)
    expect(isGroupAllowed('海淀专精特新企业群', keywords)).toBe(true)
    expect(isGroupAllowed('', keywords)).toBe(false)
  })
})
