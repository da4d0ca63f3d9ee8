import { z } from 'zod'

/**
 * The messages the dialogue exchanges with the world. Channel adapters (Feishu, WeChat, web, terminal) convert
 * their platform's payloads into an InboundMessage, hand it to the Advisor, and render the OutboundReply back.
 * These types belong to the core: channels import them, the core never imports from src/channels.
 */
export const ChannelNameSchema = z.enum(['feishu', 'wechat', 'web', 'api', 'terminal'])
export type ChannelName = z.infer<typeof ChannelNameSchema>

export const InboundMessageSchema = z.object({
  channel: z.string().min(1).max(32),
  /** Conversation id: Feishu chat_id, WeChat room id, 'p2p' style ids for private chats. */
  chatId: z.string().min(1).max(256),
  userId: z.string().min(1).max(256),
  /** Plain text with mention placeholders already stripped. */
  text: z.string().max(2000),
  mentionsBot: z.boolean(),
  /** Platform message id, used for dedupe and idempotent replies. */
  messageId: z.string().min(1).max(256),
  /** Epoch milliseconds when the platform says the message was created. */
  receivedAt: z.number().int(),
  /** Display name of the sender, for @-quoting in groups. */
  userName: z.string().max(256).optional(),
})
export type InboundMessage = z.infer<typeof InboundMessageSchema>

export interface Citation {
  id: string
  title: string
}

/** A structured rendering hint: channels with rich cards (Feishu) render blocks; others use `text`. */
export interface ReplyCard {
  kind: 'verdict' | 'policy' | 'info'
  title: string
  /** 'green' eligible, 'red' not eligible, 'orange' undecided, 'blue' information. */
  tone: 'green' | 'red' | 'orange' | 'blue'
  blocks: Array<{ heading?: string; text: string }>
  footer?: string
}

export interface OutboundReply {
  /** The full reply as plain text (always present; the fallback for every channel). */
  text: string
  citations: Citation[]
  card?: ReplyCard
}

/** What every channel calls: one turn of the conversation. Implemented by the dialogue layer. */
export interface Advisor {
  handle(message: InboundMessage): Promise<OutboundReply>
}
