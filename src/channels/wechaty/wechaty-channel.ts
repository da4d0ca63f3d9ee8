import { qrcodeValueToImageUrl, ScanStatus, type ContactSelf, type Message, type Wechaty } from 'wechaty'
import type { Advisor, InboundMessage } from '../../dialogue/messages.js'
import { sessionKeyToString, type DedupeStore, type RateLimiter } from '../../store/session-store.js'
import { convertWechatyMessage, isGroupAllowed, type ConvertResult } from './convert-wechaty-message.js'
import { formatReplyParts } from './format-reply-parts.js'
import { KeyedSerialQueue } from '../../shared/keyed-serial-queue.js'
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
  /** Message-id dedupe: puppets re-deliver messages after a reconnect. Share it between replicas. */
  dedupe: DedupeStore
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
}

export interface WechatyChannel {
  /** Attaches the handlers and starts Wechaty (the login QR code is then logged and shown by `loginState`). */
  start(): Promise<void>
  /** Stops taking messages, waits (bounded) for replies under way, then stops Wechaty. */
  stop(): Promise<void>
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

type Reply = Exclude<ConvertResult, { action: 'ignore' }>

/**
 * The WeChat group channel: answers in allow-listed groups when @mentioned, addressed by a trigger word or
 * quoted, and in private chats; one session per user inside a group. Each (conversation, user) is handled
 * strictly in arrival order; each conversation's sends never interleave. Replies start with "@asker" and are
 * split into numbered parts of at most `config.splitLength` characters with `config.pauseMs` between them.
 */
export function createWechatyChannel(options: WechatyChannelOptions): WechatyChannel {
  const { wechaty, config, advisor, dedupe, rateLimiter } = options
  const logger = options.logger ?? SILENT_LOGGER
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? realSleep
  const qrImageUrl = options.qrImageUrl ?? qrcodeValueToImageUrl

  const userQueue = new KeyedSerialQueue()
  const sendQueue = new KeyedSerialQueue()
  const inFlight = new Set<Promise<void>>()
  let state: WechatLoginState = { status: 'logged-out' }
  let running = false

  const onScan = (qrCode: string, status: ScanStatus) => {
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      if (!qrCode) return
      state = { status: 'scanning', qrCode, qrUrl: qrImageUrl(qrCode) }
      logger.info({ qrUrl: state.qrUrl, scanStatus: ScanStatus[status] }, 'WeChat login: scan this QR code with the bot account')
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
    let key: string
    try {
      if (!running || message.self()) return
      // Keyed synchronously on arrival, so one user's messages keep their order whatever the awaits below take.
      key = `${message.room()?.id ?? 'p2p'}\u0000${message.talker().id}`
    } catch (error) {
      logger.warn({ err: error, messageId: message.id }, 'Unreadable WeChat message; ignored')
      return
    }
    const work = userQueue.run(key, () => handleMessage(message)).catch((error: unknown) => {
      logger.error({ err: error, messageId: message.id }, 'WeChat message handling failed')
    })
    inFlight.add(work)
    void work.finally(() => inFlight.delete(work))
  }

  async function handleMessage(message: Message): Promise<void> {
    const room = message.room()
    // Cheap pre-filter: most traffic comes from groups the bot must not answer in.
    if (room && !isGroupAllowed(await room.topic(), config)) return

    const facts = await readWechatyMessage(wechaty, message, config.botName)
    const decision = convertWechatyMessage(facts, config, now())
    if (decision.action === 'ignore') {
      logger.debug({ messageId: facts.messageId, reason: decision.reason }, 'WeChat message ignored')
      return
    }
    if (!(await claimOnce(decision.message.messageId))) {
      logger.info({ messageId: decision.message.messageId }, 'WeChat message re-delivered; ignored')
      options.onDuplicate?.()
      return
    }
    const talker = message.talker()
    const say = (text: string, mentionAsker: boolean) =>
      room ? room.say(text, ...(mentionAsker ? [talker] : [])) : talker.say(text)

    const limitNotice = await checkRateLimits(decision.message, Boolean(room))
    if (limitNotice !== undefined) {
      if (limitNotice) await send(decision.message, say, limitNotice)
      return
    }
    await send(decision.message, say, await replyText(decision))
  }

  async function replyText(decision: Reply): Promise<string> {
    if (decision.action === 'greet') return config.persona.greeting
    if (decision.action === 'unsupported') return config.persona.nonTextReply
    try {
      const reply = await advisor.handle(decision.message)
      return reply.text.trim() || config.persona.errorReply
    } catch (error) {
      logger.error({ err: error, messageId: decision.message.messageId }, 'Advisor failed on a WeChat message')
      return config.persona.errorReply
    }
  }

  /** Dedupe claim; fails open (answers) when the store is down, preferring a rare duplicate to silence. */
  async function claimOnce(messageId: string): Promise<boolean> {
    try {
      return await dedupe.claim(`wechat:${messageId}`, DEDUPE_TTL_MS)
    } catch (error) {
      logger.warn({ err: error, messageId }, 'Dedupe store failed; answering anyway')
      return true
    }
  }

  /**
   * undefined: within limits. A string: over a limit, send this notice. '': over a limit, notice already
   * sent this minute, stay silent.
   */
  async function checkRateLimits(message: InboundMessage, inGroup: boolean): Promise<string | undefined> {
    const userKey = sessionKeyToString({ channel: message.channel, chatId: message.chatId, userId: message.userId })
    if (!(await take(`wechat:user:${userKey}`, config.rateLimit.perUserPerMinute))) {
      logger.info({ chatId: message.chatId, userId: message.userId }, 'WeChat user rate limit reached')
      return (await take(`wechat:user-notice:${userKey}`, 1)) ? config.persona.userRateLimitedReply : ''
    }
    if (inGroup && !(await take(`wechat:group:${message.chatId}`, config.rateLimit.perGroupPerMinute))) {
      logger.info({ chatId: message.chatId }, 'WeChat group rate limit reached')
      return (await take(`wechat:group-notice:${message.chatId}`, 1)) ? config.persona.rateLimitedReply : ''
    }
    return undefined
  }

  /** One token from the limiter; fails open when the limiter's store is down. */
  async function take(key: string, limit: number): Promise<boolean> {
    try {
      return await rateLimiter.take(key, limit, RATE_WINDOW_MS)
    } catch (error) {
      logger.warn({ err: error, key }, 'Rate limiter failed; allowing the message')
      return true
    }
  }

  /** Sends a reply as numbered parts; the first one mentions the asker. Parts of one conversation never interleave. */
  async function send(message: InboundMessage, say: (text: string, mentionAsker: boolean) => Promise<unknown>, text: string) {
    const inGroup = !message.chatId.startsWith('p2p:')
    const prefixLength = inGroup ? `@${message.userName ?? ''} `.length : 0
    const parts = formatReplyParts(text, {
      maxLength: config.splitLength,
      maxParts: config.maxParts,
      firstPrefixLength: prefixLength,
      truncatedNotice: config.persona.truncatedNotice,
    })
    await sendQueue.run(message.chatId, async () => {
      for (const [index, part] of parts.entries()) {
        if (index > 0) await sleep(config.pauseMs)
        const sent = await sendWithRetry(() => say(part, inGroup && index === 0), message)
        if (!sent) return
      }
      logger.debug({ messageId: message.messageId, parts: parts.length }, 'WeChat reply sent')
    })
  }

  async function sendWithRetry(attempt: () => Promise<unknown>, message: InboundMessage): Promise<boolean> {
    for (let tries = 0; ; tries += 1) {
      try {
        await attempt()
        return true
      } catch (error) {
        const delay = SEND_RETRY_DELAYS_MS[tries]
        if (delay === undefined || !running) {
          logger.error({ err: error, messageId: message.messageId, chatId: message.chatId }, 'WeChat send failed; giving up')
          return false
        }
        logger.warn({ err: error, messageId: message.messageId, retryInMs: delay }, 'WeChat send failed; retrying')
        await sleep(delay)
      }
    }
  }

  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.all([...inFlight])
  }

  return {
    async start() {
      if (running) return
      running = true
      wechaty.on('scan', onScan)
      wechaty.on('login', onLogin)
      wechaty.on('logout', onLogout)
      wechaty.on('error', onError)
      wechaty.on('message', onMessage)
      await wechaty.start()
    },
    async stop() {
      if (!running) return
      wechaty.off('message', onMessage)
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, STOP_DRAIN_TIMEOUT_MS)
        timer.unref()
      })
      await Promise.race([idle(), timeout])
      clearTimeout(timer)
      running = false
      wechaty.off('scan', onScan)
      wechaty.off('login', onLogin)
      wechaty.off('logout', onLogout)
      await wechaty.stop()
      wechaty.off('error', onError)
      state = { status: 'logged-out' }
    },
    loginState: () => ({ ...state }),
    idle,
  }
}

