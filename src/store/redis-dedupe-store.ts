import type { Redis } from 'ioredis'
import { DEFAULT_REDIS_PREFIX } from './redis-session-store.js'
import type { DedupeStore } from './session-store.js'
import { toStoreError } from './to-store-error.js'

/**
 * Dedupe ids shared by every replica: one `SET key 1 NX PX ttl`, so exactly one replica wins a claim.
 * Uses a client owned by the caller (`close()` leaves it open).
 */
export class RedisDedupeStore implements DedupeStore {
  readonly #redis: Redis
  readonly #prefix: string

  constructor(client: Redis, options: { prefix?: string } = {}) {
    this.#redis = client
    this.#prefix = options.prefix ?? DEFAULT_REDIS_PREFIX
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    if (!Number.isFinite(ttlMs) || ttlMs <= 0)
      throw new RangeError(`dedupe ttlMs must be a positive number, got ${ttlMs}`)
    try {
      return (await this.#redis.set(`${this.#prefix}dedupe:${id}`, '1', 'PX', Math.ceil(ttlMs), 'NX')) === 'OK'
    } catch (error) {
      throw toStoreError(error, 'Redis dedupe claim')
    }
  }

  async close(): Promise<void> {}
}
