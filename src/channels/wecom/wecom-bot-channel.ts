import { Hono, type Context } from 'hono'
import type { Advisor, OutboundReply } from '../../dialogue/messages.js'
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
import { splitText } from '../split-text.js'
import { createWebhookRoute, type Verified } from '../webhook-route.js'
import { convertWecomBotMessage, WecomBotMessageSchema } from './convert-wecom-bot-message.js'
import { MAX_CALLBACK_BYTES } from './parse-wecom-xml.js'
import { MAX_MARKDOWN_BYTES, renderWecomMarkdown } from './render-wecom-reply.js'
import { networkReason, WecomApiError } from './wecom-api.js'
import {
  acknowledgeEmpty,
  answerUrlVerification,
  DEDUPE_TTL_MS,
  openCallback,
  refuse,
} from './wecom-callback-verification.js'
import { FAILURE_REPLY, UNSUPPORTED_REPLY } from './wecom-channel.js'

/** Said at the end of an answer too long for the one message a response_url allows. */
export const TRUNCATED_NOTICE = '（内容较长，只显示了前一部分；可以问得更具体些，或单聊我。）'
const RETRIABLE_ERRCODES = new Set([-1, 45009, 45033])

export interface WecomBotChannelOptions {
  /** Token and EncodingAESKey of the bot's API settings (receiveid is '' for an internal bot). */
  token: string
  encodingAesKey: string
  /** https://qyapi.weixin.qq.com: response_url must be on this origin. */
  apiBase: string
  advisor: Advisor
  inbound: InboundQueue
  singleWriter?: boolean
  rateLimiter?: RateLimiter
  logger?: PipelineLogger
  timeoutMs: number
  now?: () => number
  onDuplicate?: () => void
  pipeline?: PipelineTuning
}

/**
 * A response_url takes one message: the whole reply as one markdown message within 4096 bytes, cut at a
 * sentence with a notice when longer.
 */
export function renderWecomBotReply(reply: OutboundReply): string[] {
  const content = reply.card ? renderWecomMarkdown(reply.card) : reply.text
  if (Buffer.byteLength(content, 'utf8') <= MAX_MARKDOWN_BYTES) return [content]
  const room = MAX_MARKDOWN_BYTES - Buffer.byteLength(`\n${TRUNCATED_NOTICE}`, 'utf8')
  return [`${splitText(content, room, { measure: 'utf8' })[0] ?? ''}\n${TRUNCATED_NOTICE}`]
}

/**
 * WeCom 智能机器人 in API mode (callback): members @ the bot in an internal group (or chat with it alone);
 * `GET /webhooks/wecom-bot` answers the URL check, `POST /webhooks/wecom-bot` takes the encrypted JSON
 * ({"encrypt": …}, same WXBizMsgCrypt scheme, receiveid ''), records it and acknowledges with an empty 200; the
 * answer is POSTed once to the message's response_url (valid for an hour, usable once).
 */
export function createWecomBotChannel(options: WecomBotChannelOptions) {
  const now = options.now ?? Date.now
  const keys = { token: options.token, encodingAesKey: options.encodingAesKey, receiveId: '' }
  const apiOrigin = new URL(options.apiBase).origin

  function parse(raw: unknown): ParsedInbound {
    const parsed = WecomBotMessageSchema.safeParse(raw)
    if (!parsed.success) return { kind: 'ignore', reason: 'not-a-message' }
    const converted = convertWecomBotMessage(parsed.data, { apiOrigin, now: now() })
    if (converted.kind === 'ignore') return { kind: 'ignore', reason: converted.reason }
    const route = { responseUrl: converted.responseUrl }
    if (converted.kind === 'unsupported')
      return { kind: 'message', message: converted.message, route, reply: { text: UNSUPPORTED_REPLY, citations: [] } }
    return { kind: 'message', message: converted.message, route }
  }

  async function send(content: string, context: SendContext): Promise<void> {
    const url = context.route?.responseUrl
    if (!url || new URL(url).origin !== apiOrigin)
      throw Object.assign(new Error('no usable response_url'), { retriable: false })
    let reply: { errcode?: number; errmsg?: string }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }),
        signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), context.signal]),
      })
      if (response.status >= 500 || response.status === 429)
        throw new WecomApiError(`WeCom answered HTTP ${response.status}`, true)
      if (!response.ok) throw new WecomApiError(`WeCom answered HTTP ${response.status}`, false)
      reply = (await response.json()) as { errcode?: number; errmsg?: string }
    } catch (error) {
      if (error instanceof WecomApiError) throw error
      // Never the response_url itself: it is a credential for one reply.
      throw new WecomApiError(`WeCom unreachable: ${networkReason(error)}`, true)
    }
    if (reply.errcode !== undefined && reply.errcode !== 0) {
      // A used or expired response_url cannot be used again.
      throw new WecomApiError(
        `WeCom refused the bot reply: ${reply.errcode} ${reply.errmsg ?? ''}`,
        RETRIABLE_ERRCODES.has(reply.errcode),
        reply.errcode,
      )
    }
  }

  const pipeline = createInboundPipeline<unknown, string>(
    {
      channel: 'wecom-bot',
      parse,
      render: renderWecomBotReply,
      send,
      redelivers: true,
      dedupeTtlMs: DEDUPE_TTL_MS,
      failureReply: FAILURE_REPLY,
    },
    channelPipelineOptions(options, { logger: options.logger }),
  )

  function verify(context: Context, raw: string): Verified<unknown> {
    if (Buffer.byteLength(raw) > MAX_CALLBACK_BYTES)
      return { respond: refuse(context, 413, 'TOO_LARGE', 'callback body too large') }
    let envelope: unknown
    try {
      envelope = JSON.parse(raw)
    } catch {
      return { respond: refuse(context, 400, 'INVALID_JSON', 'body is not JSON') }
    }
    const encrypted = (envelope as { encrypt?: unknown } | null)?.encrypt
    if (typeof encrypted !== 'string' || !encrypted)
      return { respond: refuse(context, 400, 'INVALID_CALLBACK', 'body needs an "encrypt" string') }
    const opened = openCallback(context, keys, encrypted, now())
    if ('respond' in opened) return opened
    try {
      return { accept: JSON.parse(opened.plaintext) as unknown }
    } catch {
      return { respond: refuse(context, 400, 'INVALID_JSON', 'the decrypted message is not JSON') }
    }
  }

  const routes = new Hono()
  routes.get('/webhooks/wecom-bot', (context) => answerUrlVerification(context, keys))
  routes.route(
    '/',
    createWebhookRoute({
      path: '/webhooks/wecom-bot',
      verify,
      accept: (payload) => pipeline.accept(payload),
      acknowledge: acknowledgeEmpty,
    }),
  )

  return {
    name: 'wecom-bot',
    routes,
    start: () => pipeline.start(),
    async stop(graceMs = 10_000): Promise<void> {
      await pipeline.stop(graceMs)
    },
    status: () => ({ status: 'callback' }),
    idle: () => pipeline.idle(),
  }
}

export type WecomBotChannel = ReturnType<typeof createWecomBotChannel>
