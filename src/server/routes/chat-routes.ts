import { Hono } from 'hono'
import { z } from 'zod'
import type { OutboundReply } from '../../dialogue/messages.js'
import { STORE_UNAVAILABLE } from '../../dialogue/replies.js'
import type { Logger } from '../../observability/logger.js'
import type { RateLimiter, SessionKey } from '../../store/session-store.js'
import { readCaller, readRecordedClient, type Caller } from '../access/api-access.js'
import { isLoopbackAddress } from '../access/client-address.js'
import { describeRequestIssues } from '../describe-request-issues.js'
import { errorBody, readJsonBody } from '../http-error.js'
import { isWellFormedUnicode, notWellFormedMessage } from '../well-formed-text.js'

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

const idSchema = (name: string) =>
  z
    .string()
    .trim()
    .min(1, `${name} 不能为空`)
    .max(256, `${name} 不能超过256个字符`)
    .refine(isWellFormedUnicode, notWellFormedMessage(name))

export const ChatRequestSchema = z
  .object({
    userId: idSchema('userId'),
    text: z
      .string()
      .max(MAX_CHAT_TEXT, `text 不能超过${MAX_CHAT_TEXT}个字符`)
      .refine(isWellFormedUnicode, notWellFormedMessage('text')),
    chatId: idSchema('chatId').optional(),
    channel: z.enum(REST_CHANNELS, { message: 'channel 只能是 api 或 web' }).optional(),
  })
  .strict()

export const ChatResponseSchema = z.object({
  reply: z.string(),
  citations: z.array(z.object({ id: z.string(), title: z.string() }).loose()),
  card: z.unknown().nullable(),
  /** Short replies the user can tap ("是的", "重新开始"). */
  suggestions: z.array(z.string()),
  state: z
    .object({
      mode: z.string(),
      programs: z.array(z.string()),
      pending: z.array(z.string()),
      facts: z.record(z.string(), z.unknown()),
      unknown: z.array(z.string()),
      /** What the owner said about figures not given ("营收没到一千万": { revenue: { lt: 1000 } }); never in facts. */
      bounds: z
        .record(z.string(), z.object({ gt: z.number(), ge: z.number(), lt: z.number(), le: z.number() }).partial())
        .optional(),
    })
    .loose(),
})

const CHAT_FIELDS = {
  userId: '用户标识，非空字符串',
  text: `用户消息，字符串，最多${MAX_CHAT_TEXT}字`,
  chatId: '会话标识，可选字符串',
  channel: '可选：api 或 web',
}

/** Per user: at most this many chat messages a minute over REST. */
export const CHAT_RATE_LIMIT = { limit: 30, windowMs: 60_000 }

/**
 * Per API key and per remote client address, so rotating userIds (or keys) does not lift the per-user limit. A
 * loopback client has no address bucket: it is this machine (a local tool, an eval runner, or a same-host proxy,
 * whose clients are then told apart by their keys).
 */
export const CLIENT_RATE_LIMIT = { limit: 1200, windowMs: 60_000 }

/**
 * The session of a REST user. With API keys the key's name is folded into the user id, so one integration can
 * never read or delete another's users even when it names the same userId.
 */
export function restSessionKey(
  caller: Caller,
  request: { userId: string; chatId?: string; channel?: (typeof REST_CHANNELS)[number] },
): SessionKey {
  const userId = caller.kind === 'key' ? `${caller.name}:${request.userId}` : request.userId
  return { channel: request.channel ?? 'api', chatId: request.chatId ?? userId, userId }
}

/** `POST /chat` → `{ reply, citations, card, suggestions, state }` (mounted under /api/v1; suggestions: replies to tap). */
export function createChatRoutes(deps: { chat: ChatService; rateLimiter?: RateLimiter; logger?: Logger }): Hono {
  const routes = new Hono()
  /** Every bucket must have room; a failing limiter store does not block the turn (the turn reports the store). */
  const withinLimits = async (
    buckets: string[],
    limits: Array<{ limit: number; windowMs: number }>,
  ): Promise<boolean> => {
    if (!deps.rateLimiter) return true
    try {
      for (const [index, bucket] of buckets.entries()) {
        const { limit, windowMs } = limits[index]!
        if (!(await deps.rateLimiter.take(bucket, limit, windowMs))) return false
      }
      return true
    } catch (error) {
      deps.logger?.warn({ message: error instanceof Error ? error.message : String(error) }, 'rate-limiter-unavailable')
      return true
    }
  }
  routes.post('/chat', async (context) => {
    const body = await readJsonBody(context)
    if (!body.ok) return body.response
    const parsed = ChatRequestSchema.safeParse(body.value)
    if (!parsed.success)
      return context.json(
        errorBody('INVALID_REQUEST', '请求参数有误', describeRequestIssues(parsed.error, body.value, CHAT_FIELDS)),
        400,
      )
    const caller = readCaller(context)
    const key = restSessionKey(caller, parsed.data)
    const buckets = [`chat:${key.channel}:${key.userId}`]
    if (caller.kind === 'key') buckets.push(`chat-key:${caller.name}`)
    const address = readRecordedClient(context)
    if (address !== 'in-process' && !isLoopbackAddress(address)) buckets.push(`chat-address:${address}`)
    const allowed = await withinLimits(buckets, [CHAT_RATE_LIMIT, CLIENT_RATE_LIMIT, CLIENT_RATE_LIMIT])
    if (!allowed) return context.json(errorBody('RATE_LIMITED', '您发送得太快了，请稍等一分钟再试。'), 429)
    try {
      const result = await deps.chat.chat(key, parsed.data.text)
      return context.json({
        reply: result.reply.text,
        citations: result.reply.citations,
        card: result.reply.card ?? null,
        suggestions: result.reply.suggestions ?? [],
        state: result.state,
      })
    } catch (error) {
      // The dialogue answers store failures itself; anything else thrown by a store still gets the friendly reply.
      if ((error as { name?: string } | null)?.name !== 'StoreError') throw error
      deps.logger?.warn({ message: (error as Error).message }, 'chat-store-failed')
      return context.json({
        reply: STORE_UNAVAILABLE,
        citations: [],
        card: null,
        suggestions: [],
        state: { mode: 'idle', programs: [], pending: [], facts: {}, unknown: [], bounds: {} },
      })
    }
  })
  return routes
}
