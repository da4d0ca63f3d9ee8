import type { DedupeStore, RateLimiter, SessionStore } from './session-store.js'
import type { InboundQueue } from './inbound-queue.js'
import { StoreError } from './store-error.js'

/** How long a failed write keeps the process "not ready" when no later write has succeeded. */
export const WRITE_FAILURE_WINDOW_MS = 30_000

/**
 * Remembers whether the store's writes are failing (full disk, read-only file, Redis gone or out of memory), so
 * /readyz can say "not ready" while they do. A later successful write clears it; so does the window passing
 * without traffic, after which the readiness probe's own write decides.
 */
export class WriteHealth {
  #lastFailureAt: number | null = null
  readonly #now: () => number
  readonly #windowMs: number

  constructor(options: { now?: () => number; windowMs?: number } = {}) {
    this.#now = options.now ?? Date.now
    this.#windowMs = options.windowMs ?? WRITE_FAILURE_WINDOW_MS
  }

  get failing(): boolean {
    return this.#lastFailureAt !== null && this.#now() - this.#lastFailureAt < this.#windowMs
  }

  recordFailure(): void {
    this.#lastFailureAt = this.#now()
  }

  /** Runs a write: a StoreError marks the store failing, success clears it. Other errors (bad values) do neither. */
  async track<T>(write: () => Promise<T>): Promise<T> {
    try {
      const result = await write()
      this.#lastFailureAt = null
      return result
    } catch (error) {
      if (error instanceof StoreError) this.recordFailure()
      throw error
    }
  }
}

/** The same stores, with every write reported to `health`. */
export function trackWrites(
  stores: { sessions: SessionStore; dedupe: DedupeStore; rateLimiter: RateLimiter },
  health: WriteHealth,
) {
  const { sessions, dedupe, rateLimiter } = stores
  const trackedSessions: SessionStore = {
    get: (key) => sessions.get(key),
    put: (key, record) => health.track(() => sessions.put(key, record)),
    delete: (key) => health.track(() => sessions.delete(key)),
    deletePerson: (channel, userId) => health.track(() => sessions.deletePerson(channel, userId)),
    count: () => sessions.count(),
    ping: () => sessions.ping(),
    close: () => sessions.close(),
  }
  const trackedDedupe: DedupeStore = {
    claim: (id, ttlMs) => health.track(() => dedupe.claim(id, ttlMs)),
    close: () => dedupe.close(),
  }
  const trackedRateLimiter: RateLimiter = {
    take: (key, limit, windowMs) => health.track(() => rateLimiter.take(key, limit, windowMs)),
  }
  return { sessions: trackedSessions, dedupe: trackedDedupe, rateLimiter: trackedRateLimiter }
}

/** The inbound queue with every write counted by the readiness probe (a queue that cannot record is not ready). */
export function trackInboundWrites(queue: InboundQueue, health: WriteHealth): InboundQueue {
  return {
    enqueue: (entry, options) => health.track(() => queue.enqueue(entry, options)),
    update: (id, body) => health.track(() => queue.update(id, body)),
    complete: (id) => health.track(() => queue.complete(id)),
    abandon: (id) => health.track(() => queue.abandon(id)),
    claim: (options) => health.track(() => queue.claim(options)),
    release: (ids) => health.track(() => queue.release(ids)),
    renew: (ids, leaseMs) => health.track(() => queue.renew(ids, leaseMs)),
    depth: () => queue.depth(),
  }
}
