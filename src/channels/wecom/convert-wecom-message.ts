import type { InboundMessage } from '../../dialogue/messages.js'

export type WecomConvertResult =
  | { kind: 'message'; message: InboundMessage }
  | { kind: 'unsupported'; message: InboundMessage; messageType: string }
  | { kind: 'ignore'; reason: 'event' | 'not-a-message' | 'other-agent' | 'stale' }

/** Messages older than this are not answered (a backlog after an outage would only confuse the member). */
export const STALE_AFTER_MS = 30 * 60_000

/**
 * Turns the decrypted fields of a self-built app callback into an InboundMessage. The app's chat is always one
 * member and the app, so every message addresses the bot; events (enter_agent, subscribe …) are not answered.
 */
export function convertWecomMessage(
  fields: Record<string, string>,
  options: { agentId: number; now: number },
): WecomConvertResult {
  if (fields.MsgType === 'event') return { kind: 'ignore', reason: 'event' }
  const userId = fields.FromUserName
  const messageId = fields.MsgId
  if (!userId || !messageId || !fields.MsgType) return { kind: 'ignore', reason: 'not-a-message' }
  if (fields.AgentID !== undefined && fields.AgentID !== String(options.agentId))
    return { kind: 'ignore', reason: 'other-agent' }
  const createdAt = Number(fields.CreateTime) * 1000
  if (Number.isFinite(createdAt) && createdAt > 0 && options.now - createdAt > STALE_AFTER_MS)
    return { kind: 'ignore', reason: 'stale' }
  const base: InboundMessage = {
    channel: 'wecom',
    chatId: userId,
    userId,
    text: '',
    mentionsBot: true,
    messageId,
    receivedAt: Number.isFinite(createdAt) && createdAt > 0 ? createdAt : options.now,
  }
  if (fields.MsgType !== 'text') return { kind: 'unsupported', message: base, messageType: fields.MsgType }
  const text = (fields.Content ?? '').replace(/\s+/gu, ' ').trim().slice(0, 2000)
  return { kind: 'message', message: { ...base, text } }
}
