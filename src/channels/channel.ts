import type { Hono } from 'hono'
import type { Config } from '../config.js'
import type { Advisor } from '../dialogue/messages.js'
import type { InboundQueue } from '../store/inbound-queue.js'
import type { RateLimiter } from '../store/session-store.js'
import type { PipelineLogger, PipelineOptions } from './inbound-pipeline.js'

/** Transitional re-export: the message and reply types live in the core (src/dialogue/messages.ts). */
export * from '../dialogue/messages.js'

/** What `/api/v1/channels/status` shows for one channel: `status` always, channel-specific details besides. */
export interface ChannelState {
  status: string
  [detail: string]: unknown
}

/** A running channel adapter. Every adapter (Feishu webhook or long connection, WeChat, WeCom …) implements it. */
export interface Channel {
  readonly name: string
  /** Webhook routes to mount on the HTTP app (absent for channels that connect out). */
  readonly routes?: Hono
  /** Connects to the platform and sends whatever the previous run left in the inbound queue. */
  start(): Promise<void>
  /** Stops taking messages, drains replies under way for up to `graceMs`, leaves the rest in the queue. */
  stop(graceMs: number): Promise<void>
  status(): ChannelState
  /** Resolves when every message accepted so far is answered (tests). */
  idle(): Promise<void>
}

/** The logging a channel needs; a pino Logger fits. Message texts only at debug level. */
export interface ChannelLogger extends PipelineLogger {
  debug(details: object, message: string): void
  child?(bindings: object): ChannelLogger
}

/** What the composition root hands every channel factory. */
export interface ChannelContext {
  config: Config
  advisor: Advisor
  inbound: InboundQueue
  /** SQLite (one process per DATA_DIR): leftovers are taken over at start without waiting for leases. */
  singleWriter: boolean
  rateLimiter: RateLimiter
  logger: ChannelLogger
  /** Timeouts and retries of the inbound pipeline, from the configuration. */
  pipeline: Pick<PipelineOptions, 'sendTimeoutMs' | 'sendAttempts' | 'retryBaseDelayMs' | 'adviseTimeoutMs' | 'onEvent'>
  onDuplicate(): void
}

/**
 * One registry line (src/channels/registry.ts). `enabled` reads the configuration; `create` loads the channel's
 * SDK lazily (dynamic import), so an unconfigured channel costs nothing.
 */
export interface ChannelDefinition {
  readonly name: string
  enabled(config: Config): boolean
  create(context: ChannelContext): Promise<Channel>
}
