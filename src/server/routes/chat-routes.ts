import { Hono } from 'hono'
import { z } from 'zod'
import type { OutboundReply } from '../../dialogue/messages.js'
import type { RateLimiter, SessionKey } from '../../store/session-store.js'
import { errorBody, fieldReasons, readJsonBody } from '../http-error.js'

/** The dialogue as the chat route needs it (implemented by DialogueManager.chat). */
export interface ChatService {
  chat(key: SessionKey, text: string): Promise<{ reply: OutboundReply; state: unknown }>
}

export const MAX_CHAT_TEXT = 2000

/**
 * Sessions reachable over REST live in their own channels: a REST caller can never read or change a Feishu or
 * WeChat user's session by naming that channel.
 */
const REST_CHANNELS = ['api', 'web'] as const

const ChatRequestSchema = z
  .object({
    userId: z.string().trim().min(1, 'userId 不能为空').max(256, 'userId 不能超过256个字符'),
    text: z.string().max(MAX_CHAT_TEXT, `text 不能超过${MAX_CHAT_TEXT}个字符`),
    chatId: z.string().trim().min(1).max(256).optional(),
    channel: z.enum(REST_CHANNELS, { message: 'channel 只能是 api 或 web' }).optional(),
  })
  .strict()

/** Per user: at most this many chat messages a minute over REST. */
export const CHAT_RATE_LIMIT = { limit: 30, windowMs: 60_000 }

/** `POST /chat` → `{ reply, citations, state }` (mounted under /api/v1). */
export function createChatRoutes(deps: { chat: ChatService; rateLimiter?: RateLimiter }): Hono {
  const routes = new Hono()
  routes.post('/chat', async (context) => {
    const body = await readJsonBody(context)
    if (!body.ok) return body.response
    const parsed = ChatRequestSchema.safeParse(body.value)
    if (!parsed.success) return context.json(errorBody('INVALID_REQUEST', '请求参数有误', fieldReasons(parsed.error)), 400)
    const { userId, text, chatId, channel } = parsed.data
    const key: SessionKey = { channel: channel ?? 'api', chatId: chatId ?? userId, userId }
    if (deps.rateLimiter && !(await deps.rateLimiter.take(`chat:${key.channel}:${userId}`, CHAT_RATE_LIMIT.limit, CHAT_RATE_LIMIT.windowMs))) {
      return context.json(errorBody('RATE_LIMITED', '您发送得太快了，请稍等一分钟再试。'), 429)
    }
    const result = await deps.chat.chat(key, text)
    return context.json({ reply: result.reply.text, citations: result.reply.citations, card: result.reply.card ?? null, state: result.state })
  })
  return routes
}
