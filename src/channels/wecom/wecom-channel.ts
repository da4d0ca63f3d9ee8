import { Hono, type Context } from 'hono'
import type { Advisor } from '../../dialogue/messages.js'
import type { InboundQueue } from '../../store/inbound-queue.js'
import type { RateLimiter } from '../../store/session-store.js'
import {
  channelPipelineOptions,
  createInboundPipeline,
  type PipelineTuning,
  type ParsedInbound,
  type PipelineLogger,
  type SendContext,
} from '../inbound-pipeline.js'
import { createWebhookRoute, type Verified } from '../webhook-route.js'
import { convertWecomMessage } from './convert-wecom-message.js'
import { MAX_CALLBACK_BYTES, parseWecomXml } from './parse-wecom-xml.js'
import { renderWecomReply } from './render-wecom-reply.js'
import type { WecomApi, WecomOutgoing } from './wecom-api.js'
import {
  acknowledgeEmpty,
  answerUrlVerification,
  DEDUPE_TTL_MS,
  openCallback,
  refuse,
} from './wecom-callback-verification.js'
import type { WecomCryptoKeys } from './wecom-crypto.js'

/** WeCom drops (silently) app messages beyond 30 a minute to one member: wait for room instead. */
export const MEMBER_SEND_LIMIT = { limit: 30, windowMs: 60_000 }
export const UNSUPPORTED_REPLY = '目前只能看懂文字消息，请直接用文字提问，例如“算力券怎么申请？”'
export const FAILURE_REPLY = '抱歉，处理您的问题时出了点问题，请稍后再发一次。'

export interface WecomChannelOptions {
  api: WecomApi
  /** Token and EncodingAESKey of the app's 接收消息 settings; receiveId is the corp id. */
  keys: WecomCryptoKeys
  agentId: number
  advisor: Advisor
  inbound: InboundQueue
  singleWriter?: boolean
  rateLimiter?: RateLimiter
  logger?: PipelineLogger
  /** Cards as markdown (default) or everything as text. */
  markdown?: boolean
  now?: () => number
  /** Pauses while a member's send budget is used up (tests inject a fake). */
  sleep?: (ms: number) => Promise<void>
  onDuplicate?: () => void
  pipeline?: PipelineTuning
}

const SILENT: PipelineLogger = { info() {}, warn() {}, error() {} }

/**
 * The WeCom self-built app (自建应用) on the shared inbound pipeline: `GET /webhooks/wecom` answers the URL check
 * (signature, then the decrypted echostr); `POST /webhooks/wecom` checks the signature and the timestamp, decrypts,
 * checks the corp id, records the message durably and acknowledges at once with an empty 200 (WeCom waits 5 s);
 * the answer goes out afterwards through message/send, split at WeCom's byte limits.
 */
export function createWecomChannel(options: WecomChannelOptions) {
  const now = options.now ?? Date.now
  const logger = options.logger ?? SILENT
  const markdown = options.markdown ?? true

  function parse(fields: Record<string, string>): ParsedInbound {
    const converted = convertWecomMessage(fields, { agentId: options.agentId, now: now() })
    if (converted.kind === 'ignore') return { kind: 'ignore', reason: converted.reason }
    if (converted.kind === 'unsupported')
      return { kind: 'message', message: converted.message, reply: { text: UNSUPPORTED_REPLY, citations: [] } }
    return { kind: 'message', message: converted.message }
  }

  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()))

  async function send(part: WecomOutgoing, context: SendContext): Promise<void> {
    const limiter = options.rateLimiter
    const key = `wecom-send:${context.message.userId}`
    while (
      limiter &&
      !(await limiter.take(key, MEMBER_SEND_LIMIT.limit, MEMBER_SEND_LIMIT.windowMs).catch(() => true))
    ) {
      if (context.signal.aborted) throw context.signal.reason
      await sleep(1000)
    }
    await options.api.send(context.message.userId, part, context.signal)
  }

  const pipeline = createInboundPipeline<Record<string, string>, WecomOutgoing>(
    {
      channel: 'wecom',
      parse,
      render: (reply) => renderWecomReply(reply, { markdown }),
      send,
      redelivers: true,
      dedupeTtlMs: DEDUPE_TTL_MS,
      failureReply: FAILURE_REPLY,
    },
    channelPipelineOptions(options, { logger }),
  )

  const routes = new Hono()
  routes.get('/webhooks/wecom', (context) => answerUrlVerification(context, options.keys))

  /** Signature, replay window, decryption and corp id of a POSTed callback; hands the message fields on. */
  function verify(context: Context, raw: string): Verified<Record<string, string>> {
    if (Buffer.byteLength(raw) > MAX_CALLBACK_BYTES)
      return { respond: refuse(context, 413, 'TOO_LARGE', 'callback body too large') }
    const encrypted = parseWecomXml(raw)?.Encrypt
    if (!encrypted)
      return { respond: refuse(context, 400, 'INVALID_XML', 'body is not a WeCom callback with <Encrypt>') }
    const opened = openCallback(context, options.keys, encrypted, now())
    if ('respond' in opened) return opened
    const fields = parseWecomXml(opened.plaintext)
    if (!fields) return { respond: refuse(context, 400, 'INVALID_XML', 'the decrypted message is not XML') }
    return { accept: fields }
  }

  routes.route(
    '/',
    createWebhookRoute({
      path: '/webhooks/wecom',
      verify,
      accept: (fields) => pipeline.accept(fields),
      acknowledge: acknowledgeEmpty,
    }),
  )

  return {
    name: 'wecom',
    routes,
    accept: (fields: Record<string, string>) => pipeline.accept(fields),
    async start(): Promise<void> {
      // In the background: WeCom being slow or down must not hold up the start.
      void options.api.checkCredentials().catch((error: unknown) => {
        const errcode = (error as { errcode?: number }).errcode
        logger.error(
          { err: error instanceof Error ? error.message : String(error), errcode },
          'wecom-gettoken-failed: check WECOM_CORP_ID / WECOM_SECRET and the app’s 企业可信IP',
        )
      })
      await pipeline.start()
    },
    async stop(graceMs = 10_000): Promise<void> {
      await pipeline.stop(graceMs)
    },
    status: () => ({ status: 'callback', tokenCached: options.api.hasToken() }),
    idle: () => pipeline.idle(),
  }
}

export type WecomChannel = ReturnType<typeof createWecomChannel>
