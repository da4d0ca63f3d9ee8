import { z } from 'zod'
import type { InboundMessage } from '../../dialogue/messages.js'

/** The decrypted JSON of a 智能机器人 callback (developer.work.weixin.qq.com/document/path/100719), the fields we read. */
export const WecomBotMessageSchema = z.object({
  msgid: z.string().min(1).max(256).optional(),
  aibotid: z.string().optional(),
  chatid: z.string().max(256).optional(),
  chattype: z.string().optional(),
  from: z.object({ userid: z.string().min(1).max(256) }).optional(),
  response_url: z.string().optional(),
  msgtype: z.string(),
  text: z.object({ content: z.string() }).optional(),
  mixed: z
    .object({
      msg_item: z.array(z.object({ msgtype: z.string(), text: z.object({ content: z.string() }).optional() })),
    })
    .optional(),
  voice: z.object({ content: z.string() }).optional(),
})
export type WecomBotMessage = z.infer<typeof WecomBotMessageSchema>

export type WecomBotConvertResult =
  | { kind: 'message'; message: InboundMessage; responseUrl: string }
  | { kind: 'unsupported'; message: InboundMessage; responseUrl: string; messageType: string }
  | { kind: 'ignore'; reason: 'event' | 'not-a-message' | 'foreign-response-url' }

/** Group messages start with "@机器人名 "; the mention is not part of the question. */
function withoutLeadingMentions(text: string): string {
  return text.replace(/^(?:\s*@\S+)+\s*/u, '')
}

/**
 * Turns a 智能机器人 message into an InboundMessage. Group chats are keyed by chatid (each member has a session
 * of their own within it), private chats by the member. The reply goes to `response_url`, which must be on
 * the WeCom API host (`apiOrigin`): a callback never makes us POST elsewhere.
 */
export function convertWecomBotMessage(
  payload: WecomBotMessage,
  options: { apiOrigin: string; now: number },
): WecomBotConvertResult {
  if (payload.msgtype === 'event' || payload.msgtype === 'stream') return { kind: 'ignore', reason: 'event' }
  const userId = payload.from?.userid
  if (!payload.msgid || !userId || !payload.response_url) return { kind: 'ignore', reason: 'not-a-message' }
  let origin: string
  try {
    origin = new URL(payload.response_url).origin
  } catch {
    return { kind: 'ignore', reason: 'foreign-response-url' }
  }
  if (origin !== options.apiOrigin) return { kind: 'ignore', reason: 'foreign-response-url' }
  const isGroup = payload.chattype === 'group'
  const base: InboundMessage = {
    channel: 'wecom-bot',
    chatId: isGroup && payload.chatid ? payload.chatid : userId,
    userId,
    text: '',
    mentionsBot: true,
    messageId: payload.msgid,
    receivedAt: options.now,
  }
  const text =
    payload.msgtype === 'text'
      ? payload.text?.content
      : payload.msgtype === 'mixed'
        ? payload.mixed?.msg_item
            .flatMap((item) => (item.msgtype === 'text' && item.text ? [item.text.content] : []))
            .join(' ')
        : payload.msgtype === 'voice'
          ? payload.voice?.content
          : undefined
  if (text === undefined)
    return { kind: 'unsupported', message: base, responseUrl: payload.response_url, messageType: payload.msgtype }
  return {
    kind: 'message',
    message: { ...base, text: withoutLeadingMentions(text.replace(/\s+/gu, ' ').trim()).slice(0, 2000) },
    responseUrl: payload.response_url,
  }
}
