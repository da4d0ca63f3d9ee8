import type { InboundMessage } from '../../dialogue/messages.js'
import type { FeishuEvent } from './feishu-event-schema.js'

export type ConvertResult =
  | { kind: 'message'; message: InboundMessage }
  | { kind: 'unsupported'; message: InboundMessage; messageType: string }
  | { kind: 'ignore'; reason: 'not-a-message' | 'from-bot' | 'group-without-mention' | 'stale' | 'empty' }

/** Messages older than this are not answered (a backlog after an outage would only confuse the chat). */
export const STALE_AFTER_MS = 30 * 60_000

/**
 * Turns an im.message.receive_v1 event into an InboundMessage: p2p messages always, group messages only when
 * the bot is @mentioned; mention placeholders (@_user_1) are stripped from the text.
 */
export function convertFeishuEvent(
  event: FeishuEvent,
  options: { botOpenId: string | null; now: number },
): ConvertResult {
  const message = event.event?.message
  if (event.header.event_type !== 'im.message.receive_v1' || !message)
    return { kind: 'ignore', reason: 'not-a-message' }
  const sender = event.event?.sender
  if (sender?.sender_type && sender.sender_type !== 'user') return { kind: 'ignore', reason: 'from-bot' }
  const createdAt = Number(message.create_time ?? event.header.create_time ?? options.now)
  if (Number.isFinite(createdAt) && options.now - createdAt > STALE_AFTER_MS) return { kind: 'ignore', reason: 'stale' }
  const mentions = message.mentions ?? []
  const mentionsBot = mentions.some((mention) => mention.id?.open_id && mention.id.open_id === options.botOpenId)
  const isGroup = message.chat_type !== 'p2p'
  if (isGroup && !mentionsBot) return { kind: 'ignore', reason: 'group-without-mention' }
  const userId = sender?.sender_id?.open_id ?? sender?.sender_id?.user_id ?? sender?.sender_id?.union_id ?? 'unknown'
  const base: InboundMessage = {
    channel: 'feishu',
    chatId: message.chat_id,
    userId,
    text: '',
    mentionsBot: mentionsBot || !isGroup,
    messageId: message.message_id,
    receivedAt: Number.isFinite(createdAt) ? createdAt : options.now,
  }
  if (message.message_type !== 'text') return { kind: 'unsupported', message: base, messageType: message.message_type }
  let text = ''
  try {
    const content = JSON.parse(message.content ?? '{}') as { text?: unknown }
    text = typeof content.text === 'string' ? content.text : ''
  } catch {
    text = ''
  }
  for (const mention of mentions)
    text = text.split(mention.key).join(mention.id?.open_id === options.botOpenId ? '' : (mention.name ?? ''))
  text = text.replace(/\s+/gu, ' ').trim().slice(0, 2000)
  return { kind: 'message', message: { ...base, text } }
}
