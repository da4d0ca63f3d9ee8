import { qrcodeValueToImageUrl, ScanStatus, type ContactSelf, type Message, type Wechaty } from 'wechaty'
import type { Advisor, InboundMessage } from '../../dialogue/messages.js'
import type { InboundQueue } from '../../store/inbound-queue.js'
import type { RateLimiter } from '../../store/session-store.js'
import type { Channel } from '../channel.js'
import {
  createInboundPipeline,
  type ParsedInbound,
  type PipelineOptions,
  type SendContext,
} from '../inbound-pipeline.js'
import { convertWechatyMessage, isGroupAllowed } from './convert-wechaty-message.js'
import { formatReplyParts } from './format-reply-parts.js'
import { readWechatyMessage } from './read-wechaty-message.js'
import type { WechatBotConfig } from './wechat-bot-config.js'

/** Login state for the web console (`/api/v1/channels/status`). */
export interface WechatLoginState {
  status: 'scanning' | 'logged-in' | 'logged-out'
  /** The raw QR code value while waiting for a scan. */
  qrCode?: string
  /** An image URL of the QR code while waiting for a scan. */
  qrUrl?: string
  /** Nickname of the logged-in account. */
  userName?: string
}

/** The logging the channel needs; a pino Logger fits. Message texts are only logged at debug level. */
export interface ChannelLogger {
  debug(details: object, message: string): void
  info(details: object, message: string): void
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

export interface WechatyChannelOptions {
  /** A built, not yet started Wechaty (see `buildWechaty`); the channel starts and stops it. */
  wechaty: Wechaty
  config: WechatBotConfig
  advisor: Advisor
  /** The durable inbound queue (message-id dedupe included: puppets re-deliver after a reconnect). */
  inbound: InboundQueue
  singleWriter?: boolean
  rateLimiter: RateLimiter
  logger?: ChannelLogger
  /** Clock for the stale-message check (epoch ms). */
  now?: () => number
  /** Pause between split parts and send retries. */
  sleep?: (milliseconds: number) => Promise<void>
  /**
   * Turns the login QR code value into an image URL for the console. Defaults to wechaty's public renderer
   * (https://wechaty.js.org/qrcode/…), which means the QR value leaves the server: pass your own to avoid that.
   */
  qrImageUrl?: (qrCode: string) => string
  /** Called for every re-delivered message dropped by dedupe (metrics). */
  onDuplicate?: () => void
  /** Timeouts and retries (defaults: 10 s per send; 3 attempts, pauses 3 s and 6 s as CoW does). */
  pipeline?: Partial<
    Pick<
      PipelineOptions,
      'sendTimeoutMs' | 'sendAttempts' | 'retryBaseDelayMs' | 'adviseTimeoutMs' | 'leaseMs' | 'onEvent'
    >
  >
}

export interface WechatyChannel extends Channel {
  /** Attaches the handlers and starts Wechaty (the login QR code is then logged and shown by `loginState`). */
  start(): Promise<void>
  /** Stops taking messages, waits (up to `graceMs`) for replies under way, then stops Wechaty. */
  stop(graceMs?: number): Promise<void>
  loginState(): WechatLoginState
  /** Resolves when every message received so far has been handled (replies sent). */
  idle(): Promise<void>
}

/** How long a message id is remembered. Far longer than `maxMessageAgeSeconds`, which bounds replays anyway. */
export const DEDUPE_TTL_MS = 6 * 60 * 60 * 1000
const RATE_WINDOW_MS = 60_000
/** Retries of a failed send, with these pauses (CoW uses 3 s and 6 s). */
const SEND_RETRY_DELAYS_MS = [3_000, 6_000]
const STOP_DRAIN_TIMEOUT_MS = 15_000

const SILENT_LOGGER: ChannelLogger = { debug() {}, info() {}, warn() {}, error() {} }
const realSleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds))

/**
 * The WeChat group channel: answers in allow-listed groups when @mentioned, addressed by a trigger word or
 * quoted, and in private chats; one session per user inside a group. Each (conversation, user) is handled
 * strictly in arrival order; each conversation's sends never interleave. Replies start with "@asker" and are
 * split into numbered parts of at most `config.splitLength` characters with `config.pauseMs` between them.
 */
export function createWechatyChannel(options: WechatyChannelOptions): WechatyChannel {
  const { wechaty, config, advisor, rateLimiter } = options
  const logger = options.logger ?? SILENT_LOGGER
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? realSleep
  const qrImageUrl = options.qrImageUrl ?? qrcodeValueToImageUrl

  /** Live conversation objects of recent messages, so a reply needs no lookup (after a restart it looks them up). */
  const conversations = new Map<string, { room?: ReturnType<Message['room']>; talker: ReturnType<Message['talker']> }>()
  let state: WechatLoginState = { status: 'logged-out' }
  let running = false

  const onScan = (qrCode: string, status: ScanStatus) => {
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      if (!qrCode) return
      state = { status: 'scanning', qrCode, qrUrl: qrImageUrl(qrCode) }
      logger.info(
        { qrUrl: state.qrUrl, scanStatus: ScanStatus[status] },
        'WeChat login: scan this QR code with the bot account',
      )
    } else {
      logger.info({ scanStatus: ScanStatus[status] }, 'WeChat login: QR code status changed')
    }
  }
  const onLogin = (user: ContactSelf) => {
    state = { status: 'logged-in', userName: user.name() }
    logger.info({ userName: state.userName }, 'WeChat bot logged in')
  }
  const onLogout = (user: ContactSelf, reason?: string) => {
    state = { status: 'logged-out' }
    logger.warn({ userName: user.name(), reason }, 'WeChat bot logged out')
  }
  const onError = (error: unknown) => {
    logger.error({ err: error }, 'Wechaty reported an error')
  }
  const onMessage = (message: Message) => {
    try {
      if (!running || message.self()) return
    } catch (error) {
      logger.warn({ err: error, messageId: message.id }, 'Unreadable WeChat message; ignored')
      return
    }
    void pipeline
      .accept(message)
      .catch((error: unknown) => logger.error({ err: error, messageId: message.id }, 'WeChat message handling failed'))
  }

  async function parse(message: Message): Promise<ParsedInbound> {
    const room = message.room()
    // Cheap pre-filter: most traffic comes from groups the bot must not answer in.
    if (room && !isGroupAllowed(await room.topic(), config)) return { kind: 'ignore', reason: 'group-not-allowed' }
    const facts = await readWechatyMessage(wechaty, message, config.botName)
    const decision = convertWechatyMessage(facts, config, now())
    if (decision.action === 'ignore') {
      logger.debug({ messageId: facts.messageId, reason: decision.reason }, 'WeChat message ignored')
      return { kind: 'ignore', reason: decision.reason }
    }
    const talker = message.talker()
    remember(decision.message.messageId, { room, talker })
    const route = { talkerId: talker.id, ...(room ? { roomId: room.id } : {}) }
    if (decision.action === 'greet')
      return {
        kind: 'message',
        message: decision.message,
        route,
        reply: { text: config.persona.greeting, citations: [] },
      }
    if (decision.action === 'unsupported')
      return {
        kind: 'message',
        message: decision.message,
        route,
        reply: { text: config.persona.nonTextReply, citations: [] },
      }
    return { kind: 'message', message: decision.message, route }
  }

  function remember(
    messageId: string,
    conversation: { room?: ReturnType<Message['room']>; talker: ReturnType<Message['talker']> },
  ) {
    conversations.set(messageId, conversation)
    if (conversations.size > 1000) conversations.delete(conversations.keys().next().value!)
  }

  const inGroup = (message: InboundMessage) => !message.chatId.startsWith('p2p:')

  /** Numbered parts of at most `config.splitLength` characters; the first leaves room for "@asker ". */
  function render(reply: { text: string }, message: InboundMessage): string[] {
    const prefixLength = inGroup(message) ? `@${message.userName ?? ''} `.length : 0
    return formatReplyParts(reply.text.trim() || config.persona.errorReply, {
      maxLength: config.splitLength,
      maxParts: config.maxParts,
      firstPrefixLength: prefixLength,
      truncatedNotice: config.persona.truncatedNotice,
    })
  }

  async function send(part: string, context: SendContext): Promise<void> {
    if (context.index > 0) await sleep(config.pauseMs)
    let conversation = conversations.get(context.message.messageId)
    if (!conversation) {
      // After a restart: look the conversation up again by its ids.
      const talker = await wechaty.Contact.find({ id: context.route?.talkerId ?? context.message.userId })
      const room = context.route?.roomId ? await wechaty.Room.find({ id: context.route.roomId }) : undefined
      if (!talker || (context.route?.roomId && !room))
        throw Object.assign(new Error('WeChat conversation not found'), { retriable: false })
      conversation = { room, talker }
    }
    const { room, talker } = conversation
    if (room) await room.say(part, ...(context.index === 0 ? [talker] : []))
    else await talker.say(part)
  }

  const pipeline = createInboundPipeline<Message, string>(
    {
      channel: 'wechat',
      parse,
      render,
      send,
      // Keyed synchronously on arrival, so one user's messages keep their order whatever parsing awaits.
      arrivalKey: (message) => `${message.room()?.id ?? 'p2p'}\u0000${message.talker().id}`,
      // The parts of two replies in one conversation never interleave.
      sendLane: (message) => message.chatId,
      redelivers: false,
      dedupeTtlMs: DEDUPE_TTL_MS,
      failureReply: config.persona.errorReply,
      rateLimit: {
        perUser: {
          limit: config.rateLimit.perUserPerMinute,
          windowMs: RATE_WINDOW_MS,
          notice: config.persona.userRateLimitedReply,
        },
        perChat: {
          limit: config.rateLimit.perGroupPerMinute,
          windowMs: RATE_WINDOW_MS,
          notice: config.persona.rateLimitedReply,
          applies: inGroup,
        },
      },
    },
    {
      inbound: options.inbound,
      advisor,
      rateLimiter,
      singleWriter: options.singleWriter ?? false,
      logger,
      sleep,
      sendAttempts: SEND_RETRY_DELAYS_MS.length + 1,
      retryBaseDelayMs: SEND_RETRY_DELAYS_MS[0],
      ...options.pipeline,
      onEvent: (event) => {
        if (event.type === 'duplicate') {
          logger.info({}, 'WeChat message re-delivered; ignored')
          options.onDuplicate?.()
        }
        options.pipeline?.onEvent?.(event)
      },
    },
  )

  return {
    name: 'wechat',
    async start() {
      if (running) return
      running = true
      wechaty.on('scan', onScan)
      wechaty.on('login', onLogin)
      wechaty.on('logout', onLogout)
      wechaty.on('error', onError)
      wechaty.on('message', onMessage)
      await wechaty.start()
      await pipeline.start()
    },
    async stop(graceMs = STOP_DRAIN_TIMEOUT_MS) {
      if (!running) return
      wechaty.off('message', onMessage)
      await pipeline.stop(graceMs)
      running = false
      wechaty.off('scan', onScan)
      wechaty.off('login', onLogin)
      wechaty.off('logout', onLogout)
      await wechaty.stop()
      wechaty.off('error', onError)
      state = { status: 'logged-out' }
    },
    status: () => ({ ...state }),
    loginState: () => ({ ...state }),
    idle: () => pipeline.idle(),
  }
}
