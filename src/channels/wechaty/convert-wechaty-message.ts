import type { InboundMessage } from '../../dialogue/messages.js'
import type { WechatBotConfig } from './wechat-bot-config.js'
import { readAddressing, removeQuote } from './read-addressing.js'

/** The channel name used in InboundMessage and session keys. */
export const WECHAT_CHANNEL = 'wechat'

/** Longest text handed to the advisor (InboundMessageSchema allows 2000). */
const MAX_TEXT_LENGTH = 2000

/**
 * WeChat system accounts whose messages are notices, never questions (微信团队, 好友推荐, 腾讯新闻).
 * Ids as reported by wxid-based puppets.
 */
const SYSTEM_CONTACT_IDS = new Set(['weixin', 'fmessage', 'newsapp', 'floatbottle', 'medianote'])

/**
 * What we need to know about one WeChat message, already read from wechaty (see `readWechatyMessage`).
 * Plain data so the decision below stays pure and testable without a puppet.
 */
export interface WechatyMessageFacts {
  messageId: string
  /** text: a typed message; media: image/voice/file/link…; system: recall, red packet, transfer, group notice. */
  kind: 'text' | 'media' | 'system'
  text: string
  /** Epoch ms when WeChat says the message was sent. */
  createdAt: number
  /** Sent by the bot's own account (from this or another device). */
  fromSelf: boolean
  talker: {
    id: string
    name: string
    /** The talker's display name in this group (群昵称), if any. */
    roomAlias?: string
    /** undefined when the puppet does not know. */
    isFriend?: boolean
    /** 公众号 / service accounts. */
    isOfficial: boolean
  }
  room?: { id: string; topic: string }
  /** The puppet's mention list contains the bot. */
  mentionsSelf: boolean
  /** The bot's names as they may appear after "@". */
  selfNames: string[]
}

export type IgnoreReason =
  'self' | 'system' | 'stale' | 'group-not-allowed' | 'not-addressed' | 'private-disabled' | 'not-friend' | 'empty'

/**
 * answer: hand `message` to the advisor; greet: addressed without a question; unsupported: addressed with a
 * non-text message. All three reply to `message.userId` in `message.chatId`.
 */
export type ConvertResult =
  { action: 'ignore'; reason: IgnoreReason } | { action: 'answer' | 'greet' | 'unsupported'; message: InboundMessage }

/**
 * Decides what to do with a WeChat message, in this order: drop the bot's own messages, system notices and
 * messages older than `maxMessageAgeSeconds`; in groups require an allow-listed group and an @mention,
 * trigger word or quote of the bot; in private chats require `privateChat.enabled` (and friendship when
 * `friendsOnly`). The session is per user inside a group: chatId = room id, userId = talker id; private
 * chats use chatId "p2p:<talker id>".
 */
export function convertWechatyMessage(facts: WechatyMessageFacts, config: WechatBotConfig, now: number): ConvertResult {
  if (facts.fromSelf) return ignore('self')
  if (facts.kind === 'system' || facts.talker.isOfficial || SYSTEM_CONTACT_IDS.has(facts.talker.id))
    return ignore('system')
  if (now - facts.createdAt > config.maxMessageAgeSeconds * 1000) return ignore('stale')

  const base = {
    channel: WECHAT_CHANNEL,
    userId: facts.talker.id,
    messageId: facts.messageId,
    receivedAt: Math.round(facts.createdAt),
    userName: (facts.talker.roomAlias || facts.talker.name || '').slice(0, 256) || undefined,
  }

  if (facts.room) {
    if (!isGroupAllowed(facts.room.topic, config)) return ignore('group-not-allowed')
    const group = { ...base, chatId: facts.room.id, mentionsBot: true }
    if (facts.kind === 'media') {
      return facts.mentionsSelf ? { action: 'unsupported', message: { ...group, text: '' } } : ignore('not-addressed')
    }
    const addressing = readAddressing(facts.text, {
      selfNames: facts.selfNames,
      triggerWords: config.triggerWords,
      mentionsSelf: facts.mentionsSelf,
    })
    if (addressing.addressedBy === null) return ignore('not-addressed')
    const text = addressing.text.slice(0, MAX_TEXT_LENGTH)
    return { action: text.length > 0 ? 'answer' : 'greet', message: { ...group, text } }
  }

  if (!config.privateChat.enabled) return ignore('private-disabled')
  if (config.privateChat.friendsOnly && facts.talker.isFriend !== true) return ignore('not-friend')
  const direct = { ...base, chatId: `p2p:${facts.talker.id}`, mentionsBot: true }
  if (facts.kind === 'media') return { action: 'unsupported', message: { ...direct, text: '' } }
  const text = removeQuote(facts.text).text.slice(0, MAX_TEXT_LENGTH)
  if (text.length === 0) return ignore('empty')
  return { action: 'answer', message: { ...direct, text } }
}

/** A group is allowed when its name equals an allow-list entry, or contains one when `keywordMatch` is on. */
export function isGroupAllowed(topic: string, config: WechatBotConfig): boolean {
  const name = topic.trim()
  if (name.length === 0) return false
  return config.groups.allow.some((entry) => (config.groups.keywordMatch ? name.includes(entry) : name === entry))
}

function ignore(reason: IgnoreReason): ConvertResult {
  return { action: 'ignore', reason }
}
