import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import type { Advisor, InboundMessage } from '../../dialogue/messages.js'
import type { InboundQueue } from '../../store/inbound-queue.js'
import type { RateLimiter } from '../../store/session-store.js'
import type { Channel } from '../channel.js'
import { createWebhookRoute, type Verified } from '../webhook-route.js'
import {
  channelPipelineOptions,
  createInboundPipeline,
  type PipelineTuning,
  type AcceptResult,
  type ParsedInbound,
} from '../inbound-pipeline.js'
import { convertFeishuEvent } from './convert-feishu-event.js'
import { EncryptedBodySchema, MessageReceiveEventSchema, UrlVerificationSchema } from './feishu-event-schema.js'
import { sheetFileRoute, SHEET_RECEIVED_REPLY, type FeishuFileBatch, type SheetFileRoute } from './feishu-file-batch.js'
import type { FeishuSender } from './feishu-reply-sender.js'
import { renderFeishuReply, type FeishuOutgoing } from './render-feishu-reply.js'
import { decryptFeishuPayload, tokensMatch, verifyFeishuSignature } from './verify-feishu-request.js'

/** Feishu retries at 15 s, 5 min, 1 h and 6 h: remember message ids for longer than 7.2 h. */
export const DEDUPE_TTL_MS = 8 * 3_600_000
/** Feishu's per-chat sending limit. */
export const CHAT_SEND_LIMIT = { limit: 5, windowMs: 1000 }
export const UNSUPPORTED_REPLY = '目前只能看懂文字消息，请直接用文字提问，例如“算力券怎么申请？”'
export const FAILURE_REPLY = '抱歉，处理您的问题时出了点问题，请稍后再发一次。'
/** bot/v3/info is retried in the background with this backoff until it succeeds. */
const BOT_INFO_RETRY = { baseDelayMs: 1000, maxDelayMs: 60_000 }

export interface FeishuLogger {
  info(object: object, message?: string): void
  warn(object: object, message?: string): void
  error(object: object, message?: string): void
}

export interface FeishuChannelOptions {
  sender: FeishuSender
  advisor: Advisor
  /** The durable inbound queue (memory in tests, SQLite or Redis in production). */
  inbound: InboundQueue
  /** True for a single-writer store (SQLite): leftovers are taken over at start at once. */
  singleWriter?: boolean
  rateLimiter: RateLimiter
  verificationToken?: string
  encryptKey?: string
  logger?: FeishuLogger
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  onDuplicate?: () => void
  /** Timeouts and retries (defaults: 10 s per send, 4 attempts). */
  pipeline?: PipelineTuning
  /** Backoff of the background bot/v3/info retries. */
  botInfoRetry?: { baseDelayMs: number; maxDelayMs: number }
  /** How the channel receives events, for the status page. */
  connection?: 'webhook' | 'ws'
  /** Firm lists sent as files in a private chat come back as report files (src/channels/feishu/feishu-file-batch.ts). */
  fileBatch?: FeishuFileBatch
}

export type { AcceptResult }

/** The same uuid for the same (message, part): a retried send never posts twice. */
export function replyUuid(messageId: string, part: number): string {
  return createHash('sha256').update(`${messageId}:${part}`).digest('hex').slice(0, 32)
}

const SILENT_LOGGER: FeishuLogger = { info() {}, warn() {}, error() {} }

/**
 * The Feishu channel on the shared inbound pipeline: a webhook route (and `accept` for the long connection) that
 * verifies, records the event durably and acknowledges at once; replies in the thread, idempotently (uuid per part),
 * within the chat's send limit. Group @mentions need the bot's open_id: bot/v3/info is retried in the background
 * until it answers, and until then a group message that @mentions someone is refused (Feishu delivers it again).
 */
export function createFeishuChannel(options: FeishuChannelOptions) {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const logger = options.logger ?? SILENT_LOGGER
  const botInfoRetry = options.botInfoRetry ?? BOT_INFO_RETRY
  let botOpenId: string | null = null
  let botInfoTimer: NodeJS.Timeout | undefined
  let stopped = false

  function parse(payload: unknown): ParsedInbound {
    const parsed = MessageReceiveEventSchema.safeParse(payload)
    if (!parsed.success) return { kind: 'ignore', reason: 'not-a-message' }
    const message = parsed.data.event?.message
    // Without the bot's id a group @mention cannot be recognised: do not acknowledge, Feishu re-delivers it.
    if (!botOpenId && message && message.chat_type !== 'p2p' && (message.mentions?.length ?? 0) > 0)
      return { kind: 'retry-later', reason: 'bot-open-id-unknown' }
    const converted = convertFeishuEvent(parsed.data, { botOpenId, now: now() })
    if (converted.kind === 'ignore') return { kind: 'ignore', reason: converted.reason }
    if (converted.kind === 'unsupported') {
      const sheet =
        options.fileBatch && message?.chat_type === 'p2p'
          ? sheetFileRoute(converted.messageType, message.content ?? undefined)
          : null
      if (sheet)
        return {
          kind: 'message',
          message: converted.message,
          reply: { text: SHEET_RECEIVED_REPLY(sheet.sheetFileName), citations: [] },
          route: sheet,
        }
      return { kind: 'message', message: converted.message, reply: { text: UNSUPPORTED_REPLY, citations: [] } }
    }
    return { kind: 'message', message: converted.message }
  }

  async function send(
    part: FeishuOutgoing,
    context: {
      message: InboundMessage
      index: number
      total: number
      route?: Record<string, string>
      signal: AbortSignal
    },
  ): Promise<void> {
    while (
      !(await options.rateLimiter.take(
        `feishu-send:${context.message.chatId}`,
        CHAT_SEND_LIMIT.limit,
        CHAT_SEND_LIMIT.windowMs,
      ))
    ) {
      if (context.signal.aborted) throw context.signal.reason
      await sleep(200)
    }
    await options.sender.reply(context.message.messageId, part, replyUuid(context.message.messageId, context.index))
    // A firm list: after the "received" line, the report (retried with the entry; every reply has a stable uuid).
    if (options.fileBatch && context.route?.sheetFileKey && context.index === context.total - 1)
      await options.fileBatch.process(context.message.messageId, context.route as SheetFileRoute)
  }

  const pipeline = createInboundPipeline<unknown, FeishuOutgoing>(
    {
      channel: 'feishu',
      parse,
      render: (reply) => renderFeishuReply(reply),
      send,
      redelivers: true,
      dedupeTtlMs: DEDUPE_TTL_MS,
      failureReply: FAILURE_REPLY,
    },
    channelPipelineOptions(options, { logger }),
  )

  /** Looks up the bot's open_id; on failure keeps retrying in the background with backoff until it succeeds. */
  async function lookUpBot(attempt: number): Promise<void> {
    try {
      botOpenId = await options.sender.botOpenId()
      if (botOpenId) {
        if (attempt > 1) logger.info({ attempts: attempt }, 'feishu bot open_id found; group @mentions are answered')
        return
      }
    } catch (error) {
      if (attempt === 1)
        logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'feishu bot/v3/info failed; retrying in the background (group @mentions wait until it answers)',
        )
    }
    if (stopped) return
    botInfoTimer = setTimeout(
      () => void lookUpBot(attempt + 1),
      Math.min(botInfoRetry.maxDelayMs, botInfoRetry.baseDelayMs * 2 ** (attempt - 1)),
    )
    botInfoTimer.unref()
  }

  /** Takes a decoded schema-2.0 event: records it durably and queues the work; never waits for the reply. */
  const accept = (payload: unknown): Promise<AcceptResult> => pipeline.accept(payload)

  /** Decrypts, answers url_verification, checks signature and token; hands the event on. */
  function verify(context: Context, raw: string): Verified<unknown> {
    let outer: unknown
    try {
      outer = JSON.parse(raw)
    } catch {
      return { respond: context.json({ error: { code: 'INVALID_JSON', message: 'body is not JSON' } }, 400) }
    }
    let payload = outer
    // Cheap shape checks first: a failed zod parse builds an error object, too slow for the hot path.
    const isEncrypted = typeof outer === 'object' && outer !== null && 'encrypt' in outer
    const encrypted = isEncrypted ? EncryptedBodySchema.safeParse(outer) : null
    if (isEncrypted && !encrypted?.success)
      return {
        respond: context.json(
          { error: { code: 'INVALID_ENCRYPTED_BODY', message: 'encrypt must be a non-empty string' } },
          400,
        ),
      }
    if (encrypted?.success) {
      if (!options.encryptKey)
        return {
          respond: context.json(
            {
              error: {
                code: 'ENCRYPTION_NOT_CONFIGURED',
                message: 'encrypted event but FEISHU_ENCRYPT_KEY is not set',
              },
            },
            400,
          ),
        }
      try {
        payload = JSON.parse(decryptFeishuPayload(encrypted.data.encrypt, options.encryptKey))
      } catch {
        return {
          respond: context.json(
            { error: { code: 'DECRYPT_FAILED', message: 'cannot decrypt the event with FEISHU_ENCRYPT_KEY' } },
            400,
          ),
        }
      }
    }
    const isVerification =
      typeof payload === 'object' && payload !== null && (payload as { type?: unknown }).type === 'url_verification'
    const verification = isVerification ? UrlVerificationSchema.safeParse(payload) : null
    if (isVerification && !verification?.success)
      return {
        respond: context.json(
          { error: { code: 'INVALID_VERIFICATION', message: 'url_verification needs a challenge' } },
          400,
        ),
      }
    if (verification?.success) {
      if (options.verificationToken && !tokensMatch(verification.data.token, options.verificationToken)) {
        return {
          respond: context.json({ error: { code: 'BAD_TOKEN', message: 'verification token does not match' } }, 401),
        }
      }
      return { respond: context.json({ challenge: verification.data.challenge }) }
    }
    if (options.encryptKey) {
      const valid = verifyFeishuSignature({
        timestamp: context.req.header('x-lark-request-timestamp'),
        nonce: context.req.header('x-lark-request-nonce'),
        signature: context.req.header('x-lark-signature'),
        rawBody: raw,
        encryptKey: options.encryptKey,
      })
      if (!valid)
        return {
          respond: context.json(
            { error: { code: 'BAD_SIGNATURE', message: 'X-Lark-Signature does not match the body' } },
            401,
          ),
        }
    }
    const header = (payload as { header?: { token?: string } } | null)?.header
    if (!header)
      return { respond: context.json({ error: { code: 'UNSUPPORTED_EVENT', message: 'not a schema 2.0 event' } }, 400) }
    if (options.verificationToken && !tokensMatch(header.token, options.verificationToken)) {
      return { respond: context.json({ error: { code: 'BAD_TOKEN', message: 'event token does not match' } }, 401) }
    }
    return { accept: payload }
  }
  const routes = createWebhookRoute({ path: '/webhooks/feishu', verify, accept })

  return {
    name: 'feishu',
    /** The webhook routes (`POST /webhooks/feishu`); not mounted in long-connection mode. */
    routes,
    accept,
    /** Sends what the previous run left in the queue; looks up the bot's open_id (retried until it answers). */
    async start(): Promise<void> {
      stopped = false
      await lookUpBot(1)
      await pipeline.start()
    },
    /** Stops taking events, drains replies under way for up to `graceMs`, leaves the rest in the queue. */
    async stop(graceMs = 10_000): Promise<void> {
      stopped = true
      clearTimeout(botInfoTimer)
      await pipeline.stop(graceMs)
    },
    status: () => ({ status: options.connection ?? 'webhook', botOpenIdKnown: botOpenId !== null }),
    /** Resolves when every accepted event has been answered (or is waiting for a retry). */
    idle: () => pipeline.idle(),
    get botOpenId() {
      return botOpenId
    },
  }
}

export type FeishuChannel = ReturnType<typeof createFeishuChannel>
