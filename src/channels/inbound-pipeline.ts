import type { Advisor, InboundMessage, OutboundReply } from '../dialogue/messages.js'
import { KeyedSerialQueue } from '../shared/keyed-serial-queue.js'
import type { InboundQueue } from '../store/inbound-queue.js'
import type { RateLimiter } from '../store/session-store.js'
import { withTimeout } from './with-timeout.js'

/**
 * What a transport got from its platform, once verified and parsed by the channel:
 * - `message`: answer it (with the advisor, or with `reply` when the channel already knows the answer);
 * - `ignore`: not for us (another bot, a group chat that does not address the bot, a stale message);
 * - `retry-later`: cannot be decided yet (e.g. the bot's own id is still unknown); the transport refuses the
 *   delivery so the platform sends it again.
 */
export type ParsedInbound =
  | { kind: 'message'; message: InboundMessage; reply?: OutboundReply; route?: Record<string, string> }
  | { kind: 'ignore'; reason: string }
  | { kind: 'retry-later'; reason: string }

/** The reply to a delivery: the transport acknowledges `queued`, `duplicate` and `ignored`, and refuses the rest. */
export type AcceptResult = 'queued' | 'duplicate' | 'ignored' | 'retry-later' | 'unavailable'

/** One attempt at sending one part; context for idempotency and addressing. */
export interface SendContext {
  message: InboundMessage
  route?: Record<string, string>
  /** Index of the part in the reply (0-based) and how many there are. */
  index: number
  total: number
  /** Stable across retries and restarts: the platform's idempotency key is derived from it (Feishu's uuid). */
  entryId: string
  /** Aborted when the attempt times out. */
  signal: AbortSignal
}

/** What a channel supplies to the pipeline: parsing (after the transport's verification), rendering and sending. */
export interface ChannelAdapter<Raw, Part> {
  channel: string
  parse(raw: Raw): Promise<ParsedInbound> | ParsedInbound
  /** Pure: the same reply always renders to the same parts (a restart resumes at the first part not sent). */
  render(reply: OutboundReply, message: InboundMessage): Part[]
  /** Sends one part once; throws on failure. A `retriable: false` property on the error means retrying is useless. */
  send(part: Part, context: SendContext): Promise<void>
  /** Keys the intake of raw deliveries synchronously, when parsing awaits and arrival order must survive it. */
  arrivalKey?(raw: Raw): string | undefined
  /** Parts of replies with the same key are never interleaved (e.g. one WeChat group). */
  sendLane?(message: InboundMessage): string
  /** The platform re-delivers what is not acknowledged (webhooks, Feishu's long connection). */
  redelivers: boolean
  /** How long a message id is remembered (longer than the platform's retry window). */
  dedupeTtlMs: number
  /** Said when the advisor fails. */
  failureReply: string
  /** Optional per-user and per-chat limits with a notice once per window (then silence). */
  rateLimit?: {
    perUser?: { limit: number; windowMs: number; notice: string }
    /** `applies` says which chats are groups (a private chat is limited per user only). */
    perChat?: { limit: number; windowMs: number; notice: string; applies(message: InboundMessage): boolean }
  }
}

export interface PipelineOptions {
  inbound: InboundQueue
  advisor: Advisor
  rateLimiter?: RateLimiter
  /** SQLite: one process owns the queue, so at start every leftover entry is taken over. */
  singleWriter: boolean
  /** One send attempt may take this long. */
  sendTimeoutMs?: number
  /** Attempts per delivery round (the first in the user's lane, the rest in the background with backoff). */
  sendAttempts?: number
  /** The first background retry waits this long, each further one twice as long. */
  retryBaseDelayMs?: number
  adviseTimeoutMs?: number
  /** Pauses between retries (tests inject a fake); `stop` cuts them short either way. */
  sleep?: (ms: number) => Promise<void>
  /** An entry belongs to this process for this long; then a sweep (or another replica) may take it over. */
  leaseMs?: number
  /** Rounds (this start's and later ones) before an entry is given up. */
  maxDeliveries?: number
  logger?: PipelineLogger
  onEvent?: (event: {
    type: 'duplicate' | 'sent' | 'send-failed' | 'abandoned' | 'recovered' | 'store-failed'
    channel: string
  }) => void
}

export interface PipelineLogger {
  info(details: object, message: string): void
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

/** What the pipeline keeps in an entry's body. */
interface Work {
  message: InboundMessage
  route?: Record<string, string>
  /** The fixed reply (from parse) or the advised one, kept so a restart sends it without asking the advisor again. */
  reply?: OutboundReply
  partsSent: number
  deliveries: number
}

export interface InboundPipeline<Raw> {
  /** Parse → dedupe → durable enqueue, then the reply is worked off the request. Never waits for the reply. */
  accept(raw: Raw): Promise<AcceptResult>
  /** Takes over leftover entries (the previous process's, or expired leases) and starts the periodic sweep. */
  start(): Promise<void>
  /** Stops accepting, drains replies under way for up to `graceMs`, releases the rest for the next start. */
  stop(graceMs: number): Promise<{ drained: number; left: number }>
  /** Resolves when everything accepted so far is answered or waiting in the queue for a retry. */
  idle(): Promise<void>
}

const SILENT: PipelineLogger = { info() {}, warn() {}, error() {} }
const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The one inbound path every asynchronous channel shares: verify (transport) → parse → dedupe → durable enqueue →
 * ack → serialise per user → advise → render → send with a timeout, bounded retries with backoff, one failure
 * policy. An acknowledged message is recorded before the ack and removed only after its reply is sent.
 *
 * Failure policy, the same for every channel:
 * - the store cannot record a delivery: refuse it when the platform re-delivers, else answer it without a record;
 * - the advisor fails or times out: send `failureReply`;
 * - a send attempt fails or times out: the user's lane moves on at once (a stuck send never holds back that user's
 *   next reply beyond one timeout); the rest is retried in the background with backoff, then left in the queue for
 *   the sweep, and given up (with an error log) after `maxDeliveries` rounds or a non-retriable error.
 */
export function createInboundPipeline<Raw, Part>(
  adapter: ChannelAdapter<Raw, Part>,
  options: PipelineOptions,
): InboundPipeline<Raw> {
  const logger = options.logger ?? SILENT
  const sendTimeoutMs = options.sendTimeoutMs ?? 10_000
  const sendAttempts = Math.max(1, options.sendAttempts ?? 4)
  const retryBaseDelayMs = options.retryBaseDelayMs ?? 1000
  const adviseTimeoutMs = options.adviseTimeoutMs ?? 30_000
  const leaseMs = options.leaseMs ?? 5 * 60_000
  const maxDeliveries = options.maxDeliveries ?? 3
  const emit = (type: Parameters<NonNullable<PipelineOptions['onEvent']>>[0]['type']) =>
    options.onEvent?.({ type, channel: adapter.channel })

  const intake = new KeyedSerialQueue()
  const lanes = new KeyedSerialQueue()
  const sendLanes = new KeyedSerialQueue()
  /** Entries this process is working on (id → durable?), so the sweep never takes its own work twice. */
  const active = new Map<string, boolean>()
  const tasks = new Set<Promise<unknown>>()
  const wakers = new Set<() => void>()
  let accepting = true
  let sweepTimer: NodeJS.Timeout | undefined

  const track = <T>(task: Promise<T>): Promise<T> => {
    tasks.add(task)
    void task.finally(() => tasks.delete(task)).catch(() => undefined)
    return task
  }

  async function persist(id: string, work: Work, durable: boolean): Promise<void> {
    if (!durable) return
    await options.inbound.update(id, JSON.stringify(work)).catch((error) => {
      emit('store-failed')
      logger.warn({ err: errorText(error), id }, 'inbound-update-failed')
    })
  }

  async function finish(id: string, durable: boolean, how: 'complete' | 'abandon'): Promise<void> {
    active.delete(id)
    if (!durable) return
    await options.inbound[how](id).catch((error) => {
      emit('store-failed')
      // Left in the queue: the next round re-sends with the same idempotency key, which the platform drops.
      logger.warn({ err: errorText(error), id }, 'inbound-complete-failed')
    })
  }

  async function limitNotice(message: InboundMessage): Promise<OutboundReply | 'silent' | undefined> {
    const limiter = options.rateLimiter
    const limits = adapter.rateLimit
    if (!limiter || !limits) return undefined
    const take = (key: string, limit: number, windowMs: number) =>
      limiter.take(key, limit, windowMs).catch((error) => {
        // A limiter failure never silences an answer.
        logger.warn({ err: errorText(error) }, 'rate-limiter-failed')
        return true
      })
    const checks = [
      limits.perUser && { key: `${adapter.channel}:user:${message.chatId}:${message.userId}`, ...limits.perUser },
      limits.perChat &&
        limits.perChat.applies(message) && { key: `${adapter.channel}:chat:${message.chatId}`, ...limits.perChat },
    ]
    for (const check of checks) {
      if (!check || (await take(check.key, check.limit, check.windowMs))) continue
      logger.info({ channel: adapter.channel, key: check.key }, 'rate-limited')
      return (await take(`${check.key}:notice`, 1, check.windowMs)) ? { text: check.notice, citations: [] } : 'silent'
    }
    return undefined
  }

  async function advise(message: InboundMessage): Promise<OutboundReply> {
    try {
      const reply = await withTimeout(() => options.advisor.handle(message), adviseTimeoutMs, 'advisor')
      return reply.text.trim() || reply.card ? reply : { text: adapter.failureReply, citations: [] }
    } catch (error) {
      logger.error({ err: errorText(error), messageId: message.messageId, channel: adapter.channel }, 'advisor-failed')
      return { text: adapter.failureReply, citations: [] }
    }
  }

  /** Sends the parts not yet sent; `true` when all are, the error when a retriable attempt failed; throws if hopeless. */
  async function sendRemaining(
    id: string,
    work: Work,
    durable: boolean,
    reply: OutboundReply,
  ): Promise<true | { error: unknown }> {
    const parts = adapter.render(reply, work.message)
    const run = async () => {
      while (work.partsSent < parts.length) {
        const index = work.partsSent
        try {
          await withTimeout(
            (signal) =>
              adapter.send(parts[index]!, {
                message: work.message,
                route: work.route,
                index,
                total: parts.length,
                entryId: id,
                signal,
              }),
            sendTimeoutMs,
            `${adapter.channel} send`,
          )
        } catch (error) {
          emit('send-failed')
          if ((error as { retriable?: unknown }).retriable === false) throw error
          logger.warn({ err: errorText(error), id, part: index }, 'send-failed')
          return { error }
        }
        work.partsSent += 1
        if (work.partsSent < parts.length) await persist(id, work, durable)
      }
      return true
    }
    return adapter.sendLane ? sendLanes.run(adapter.sendLane(work.message), run) : run()
  }

  /** One attempt of the delivery; schedules the next one in the background when it fails. */
  async function attempt(id: string, work: Work, durable: boolean, attemptNumber: number): Promise<void> {
    let done: true | { error: unknown }
    try {
      done = await sendRemaining(id, work, durable, work.reply!)
    } catch (error) {
      logger.error({ err: errorText(error), id, channel: adapter.channel }, 'reply-undeliverable')
      emit('abandoned')
      return finish(id, durable, 'complete')
    }
    if (done === true) {
      emit('sent')
      return finish(id, durable, 'complete')
    }
    if (!accepting) return // stopping: `stop` releases the entry, so the next start takes it over at once
    if (attemptNumber >= sendAttempts) {
      // Left in the queue: the sweep (after the lease) or the next start tries again.
      active.delete(id)
      if (!durable) logger.error({ id, channel: adapter.channel }, 'reply-lost-without-store')
      return
    }
    const failure = done.error
    const delay = Math.max(
      retryBaseDelayMs * 2 ** (attemptNumber - 1),
      Number((failure as { retryAfterMs?: unknown } | undefined)?.retryAfterMs) || 0,
    )
    void track(
      wait(delay).then(() => {
        if (accepting) return attempt(id, work, durable, attemptNumber + 1)
        // Stopping: left in the queue (released by stop) for the next start.
      }),
    )
  }

  /** A pause that `stop` cuts short. */
  function wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = options.sleep ? undefined : setTimeout(done, ms)
      timer?.unref()
      function done() {
        clearTimeout(timer)
        wakers.delete(done)
        resolve()
      }
      wakers.add(done)
      void options.sleep?.(ms).then(done, done)
    })
  }

  /** Runs in the user's lane: decide the reply (once), then the first send attempt. */
  async function handle(id: string, work: Work, durable: boolean): Promise<void> {
    if (!work.reply) {
      const notice = await limitNotice(work.message)
      if (notice === 'silent') return finish(id, durable, 'complete')
      work.reply = notice ?? (await advise(work.message))
      await persist(id, work, durable)
    }
    await attempt(id, work, durable, 1)
  }

  function schedule(id: string, work: Work, durable: boolean): void {
    active.set(id, durable)
    const laneKey = `${work.message.chatId}\u0000${work.message.userId}`
    void track(lanes.run(laneKey, () => handle(id, work, durable))).catch((error) => {
      active.delete(id)
      logger.error({ err: errorText(error), id }, 'inbound-handling-failed')
    })
  }

  async function receive(raw: Raw): Promise<AcceptResult> {
    if (!accepting) return 'unavailable'
    let parsed: ParsedInbound
    try {
      // Parsing may ask the platform (WeChat: room topic, contact): bounded like a send, so one stuck lookup never
      // blocks that user's intake. A synchronous parse (Feishu) needs no deadline: no timer or AbortController on
      // the acknowledgement's hot path.
      const parsing = adapter.parse(raw)
      parsed =
        parsing instanceof Promise
          ? await withTimeout(() => parsing, sendTimeoutMs, `${adapter.channel} parse`)
          : parsing
    } catch (error) {
      logger.error({ err: errorText(error), channel: adapter.channel }, 'inbound-parse-failed')
      return 'retry-later'
    }
    if (parsed.kind !== 'message') return parsed.kind === 'ignore' ? 'ignored' : 'retry-later'
    const id = `${adapter.channel}:${parsed.message.messageId}`
    const work: Work = {
      message: parsed.message,
      route: parsed.route,
      reply: parsed.reply,
      partsSent: 0,
      deliveries: 1,
    }
    let durable = true
    try {
      if (
        !(await options.inbound.enqueue(
          { id, channel: adapter.channel, body: JSON.stringify(work) },
          { dedupeTtlMs: adapter.dedupeTtlMs, leaseMs },
        ))
      ) {
        emit('duplicate')
        return 'duplicate'
      }
    } catch (error) {
      emit('store-failed')
      if (adapter.redelivers) {
        logger.warn({ err: errorText(error), id }, 'inbound-enqueue-failed; refusing so the platform re-delivers')
        return 'unavailable'
      }
      logger.warn({ err: errorText(error), id }, 'inbound-enqueue-failed; answering without a durable record')
      if (active.has(id)) return 'duplicate'
      durable = false
    }
    schedule(id, work, durable)
    return 'queued'
  }

  async function sweep(ignoreLeases: boolean): Promise<number> {
    let claimed
    try {
      claimed = await options.inbound.claim({ channel: adapter.channel, leaseMs, ignoreLeases })
    } catch (error) {
      logger.warn({ err: errorText(error) }, 'inbound-claim-failed')
      return 0
    }
    let recovered = 0
    for (const entry of claimed) {
      // Already being worked on here (its lease ran out while it waited in a busy lane).
      if (active.has(entry.id)) continue
      let work: Work
      try {
        work = JSON.parse(entry.body) as Work
      } catch {
        logger.error({ id: entry.id }, 'inbound-entry-unreadable; abandoned')
        await finish(entry.id, true, 'abandon')
        continue
      }
      work.deliveries = (work.deliveries ?? 0) + 1
      if (work.deliveries > maxDeliveries) {
        logger.error(
          { id: entry.id, channel: adapter.channel, deliveries: work.deliveries - 1 },
          'reply-abandoned after repeated failures',
        )
        emit('abandoned')
        await finish(entry.id, true, 'abandon')
        continue
      }
      await persist(entry.id, work, true)
      emit('recovered')
      recovered += 1
      schedule(entry.id, work, true)
    }
    return recovered
  }

  return {
    accept(raw) {
      const key = adapter.arrivalKey?.(raw)
      return track(key === undefined ? receive(raw) : intake.run(key, () => receive(raw)))
    },
    async start() {
      accepting = true
      const recovered = await sweep(options.singleWriter)
      if (recovered > 0) logger.info({ channel: adapter.channel, recovered }, 'inbound-recovered')
      sweepTimer = setInterval(
        () => {
          // Keep the leases of this process's own work (a busy lane can hold an entry for long), then take over
          // whatever other processes left behind.
          const mine = [...active].filter(([, durable]) => durable).map(([id]) => id)
          void options.inbound
            .renew(mine, leaseMs)
            .catch((error) => logger.warn({ err: errorText(error) }, 'inbound-renew-failed'))
            .then(() => sweep(false))
        },
        Math.max(1000, Math.floor(leaseMs / 3)),
      )
      sweepTimer.unref()
    },
    async stop(graceMs) {
      accepting = false
      clearInterval(sweepTimer)
      for (const wake of [...wakers]) wake()
      const before = active.size
      const drained = await Promise.race([this.idle().then(() => true), sleepFor(graceMs).then(() => false)])
      const left = [...active].filter(([, durable]) => durable).map(([id]) => id)
      await options.inbound
        .release(left)
        .catch((error) => logger.warn({ err: errorText(error) }, 'inbound-release-failed'))
      logger.info(
        { channel: adapter.channel, drained: drained ? before : before - left.length, left: left.length },
        'inbound-stopped',
      )
      return { drained: before - left.length, left: left.length }
    },
    async idle() {
      while (tasks.size > 0) await Promise.allSettled([...tasks])
    },
  }
}

/** Timeouts and retries a channel may override (defaults: 10 s per send, 4 attempts). */
export type PipelineTuning = Partial<
  Pick<
    PipelineOptions,
    'sendTimeoutMs' | 'sendAttempts' | 'retryBaseDelayMs' | 'adviseTimeoutMs' | 'leaseMs' | 'onEvent'
  >
>

/** What every channel passes on to its pipeline: the queue, the advisor, limits, and the tuning from config. */
export interface ChannelPipelineInputs {
  inbound: InboundQueue
  advisor: Advisor
  rateLimiter?: RateLimiter
  singleWriter?: boolean
  onDuplicate?: () => void
  pipeline?: PipelineTuning
}

/** The pipeline options of a channel, the same wiring for every channel (duplicates counted through onDuplicate). */
export function channelPipelineOptions(
  inputs: ChannelPipelineInputs,
  extra: Partial<PipelineOptions> = {},
): PipelineOptions {
  return {
    inbound: inputs.inbound,
    advisor: inputs.advisor,
    rateLimiter: inputs.rateLimiter,
    singleWriter: inputs.singleWriter ?? false,
    ...extra,
    ...inputs.pipeline,
    onEvent: (event) => {
      if (event.type === 'duplicate') inputs.onDuplicate?.()
      inputs.pipeline?.onEvent?.(event)
    },
  }
}
