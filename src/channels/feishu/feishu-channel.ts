import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import type { Advisor, InboundMessage } from '../../dialogue/messages.js'
import { KeyedSerialQueue } from '../../shared/keyed-serial-queue.js'
import type { DedupeStore, RateLimiter } from '../../store/session-store.js'
import { convertFeishuEvent } from './convert-feishu-event.js'
import { EncryptedBodySchema, MessageReceiveEventSchema, UrlVerificationSchema } from './feishu-event-schema.js'
import type { FeishuSender } from './feishu-reply-sender.js'
import { renderFeishuReply } from './render-feishu-reply.js'
import { decryptFeishuPayload, tokensMatch, verifyFeishuSignature } from './verify-feishu-request.js'

/** Feishu retries at 15 s, 5 min, 1 h and 6 h: remember event and message ids for longer than 7.2 h. */
export const DEDUPE_TTL_MS = 8 * 3_600_000
/** Feishu's per-chat sending limit. */
export const CHAT_SEND_LIMIT = { limit: 5, windowMs: 1000 }
export const UNSUPPORTED_REPLY = '目前只能看懂文字消息，请直接用文字提问，例如“算力券怎么申请？”'
export const FAILURE_REPLY = '抱歉，处理您的问题时出了点问题，请稍后再发一次。'

export interface FeishuLogger {
  info(object: object, message?: string): void
  warn(object: object, message?: string): void
  error(object: object, message?: string): void
}

export interface FeishuChannelOptions {
  sender: FeishuSender
  advisor: Advisor
  dedupe: DedupeStore
  rateLimiter: RateLimiter
  verificationToken?: string
  encryptKey?: string
  logger?: FeishuLogger
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  onDuplicate?: () => void
}

export type AcceptResult = 'queued' | 'duplicate' | 'ignored'

/** The same uuid for the same (message, part): a retried send never posts twice. */
export function replyUuid(messageId: string, part: number): string {
  return createHash('sha256').update(`${messageId}:${part}`).digest('hex').slice(0, 32)
}

/**
 * The Feishu channel: a webhook route (and `accept` for the long connection) that acknowledges at once and works
 * off the request; dedupe by event and message id; replies in the thread, idempotently, within the chat's limit.
 */
export function createFeishuChannel(options: FeishuChannelOptions) {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const queue = new KeyedSerialQueue()
  const pending = new Set<Promise<void>>()
  let botOpenId: string | null = null

  async function send(message: InboundMessage, reply: Parameters<typeof renderFeishuReply>[0]): Promise<void> {
    const parts = renderFeishuReply(reply)
    for (const [index, part] of parts.entries()) {
      while (!(await options.rateLimiter.take(`feishu-send:${message.chatId}`, CHAT_SEND_LIMIT.limit, CHAT_SEND_LIMIT.windowMs))) await sleep(200)
      await options.sender.reply(message.messageId, part, replyUuid(message.messageId, index))
    }
  }

  async function process(event: ReturnType<typeof MessageReceiveEventSchema.parse>): Promise<void> {
    const converted = convertFeishuEvent(event, { botOpenId, now: now() })
    if (converted.kind === 'ignore') return
    const { message } = converted
    if (!(await options.dedupe.claim(`feishu:message:${message.messageId}`, DEDUPE_TTL_MS))) {
      options.onDuplicate?.()
      return
    }
    await queue.run(`${message.chatId}:${message.userId}`, async () => {
      try {
        if (converted.kind === 'unsupported') return await send(message, { text: UNSUPPORTED_REPLY, citations: [] })
        const reply = await options.advisor.handle(message)
        await send(message, reply)
      } catch (error) {
        options.logger?.error({ err: error instanceof Error ? error.message : String(error), messageId: message.messageId }, 'feishu-reply-failed')
        await options.sender.reply(message.messageId, { msgType: 'text', content: JSON.stringify({ text: FAILURE_REPLY }) }, replyUuid(message.messageId, 999)).catch(() => undefined)
      }
    })
  }

  /** Takes a decoded schema-2.0 event: dedupes by event id and queues the work; never waits for the reply. */
  async function accept(payload: unknown): Promise<AcceptResult> {
    const parsed = MessageReceiveEventSchema.safeParse(payload)
    if (!parsed.success) return 'ignored'
    if (!(await options.dedupe.claim(`feishu:event:${parsed.data.header.event_id}`, DEDUPE_TTL_MS))) {
      options.onDuplicate?.()
      return 'duplicate'
    }
    const task: Promise<void> = process(parsed.data)
      .catch((error) => options.logger?.error({ err: String(error) }, 'feishu-process-failed'))
      .finally(() => pending.delete(task))
    pending.add(task)
    return 'queued'
  }

  const routes = new Hono()
  routes.post('/webhooks/feishu', async (context) => {
    const raw = await context.req.text()
    let outer: unknown
    try {
      outer = JSON.parse(raw)
    } catch {
      return context.json({ error: { code: 'INVALID_JSON', message: 'body is not JSON' } }, 400)
    }
    let payload = outer
    // Cheap shape checks first: a failed zod parse builds an error object, too slow for the hot path.
    const isEncrypted = typeof outer === 'object' && outer !== null && 'encrypt' in outer
    const encrypted = isEncrypted ? EncryptedBodySchema.safeParse(outer) : null
    if (isEncrypted && !encrypted?.success) return context.json({ error: { code: 'INVALID_ENCRYPTED_BODY', message: 'encrypt must be a non-empty string' } }, 400)
    if (encrypted?.success) {
      if (!options.encryptKey) return context.json({ error: { code: 'ENCRYPTION_NOT_CONFIGURED', message: 'encrypted event but FEISHU_ENCRYPT_KEY is not set' } }, 400)
      try {
        payload = JSON.parse(decryptFeishuPayload(encrypted.data.encrypt, options.encryptKey))
      } catch {
        return context.json({ error: { code: 'DECRYPT_FAILED', message: 'cannot decrypt the event with FEISHU_ENCRYPT_KEY' } }, 400)
      }
    }
    const isVerification = typeof payload === 'object' && payload !== null && (payload as { type?: unknown }).type === 'url_verification'
    const verification = isVerification ? UrlVerificationSchema.safeParse(payload) : null
    if (isVerification && !verification?.success) return context.json({ error: { code: 'INVALID_VERIFICATION', message: 'url_verification needs a challenge' } }, 400)
    if (verification?.success) {
      if (options.verificationToken && !tokensMatch(verification.data.token, options.verificationToken)) {
        return context.json({ error: { code: 'BAD_TOKEN', message: 'verification token does not match' } }, 401)
      }
      return context.json({ challenge: verification.data.challenge })
    }
    if (options.encryptKey) {
      const valid = verifyFeishuSignature({
        timestamp: context.req.header('x-lark-request-timestamp'),
        nonce: context.req.header('x-lark-request-nonce'),
        signature: context.req.header('x-lark-signature'),
        rawBody: raw,
        encryptKey: options.encryptKey,
      })
      if (!valid) return context.json({ error: { code: 'BAD_SIGNATURE', message: 'X-Lark-Signature does not match the body' } }, 401)
    }
    const header = (payload as { header?: { token?: string } } | null)?.header
    if (!header) return context.json({ error: { code: 'UNSUPPORTED_EVENT', message: 'not a schema 2.0 event' } }, 400)
    if (options.verificationToken && !tokensMatch(header.token, options.verificationToken)) {
      return context.json({ error: { code: 'BAD_TOKEN', message: 'event token does not match' } }, 401)
    }
    const result = await accept(payload)
    return context.json({ status: result })
  })

  return {
    routes,
    accept,
    /** Looks up the bot's open_id; group messages are answered only when it is @mentioned. */
    async start(): Promise<void> {
      botOpenId = await options.sender.botOpenId()
      if (!botOpenId) options.logger?.warn({}, 'feishu bot open_id unknown: group @mentions cannot be recognised')
    },
    /** Resolves when every queued conversation turn has been answered. */
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending])
      await queue.idle()
    },
    get botOpenId() {
      return botOpenId
    },
  }
}

export type FeishuChannel = ReturnType<typeof createFeishuChannel>
