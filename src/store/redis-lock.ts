import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { DEFAULT_REDIS_PREFIX } from './redis-session-store.js'
import { StoreError } from './store-error.js'
import type { StoreWarningListener } from './store-warning.js'
import { toStoreError } from './to-store-error.js'

const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`
const EXTEND_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`

/** A held lock. Only its token can extend or release it, so a holder whose TTL lapsed cannot free someone else's lock. */
export interface RedisLockLease {
  readonly key: string
  readonly token: string
  /** Pushes the expiry to `ttlMs` from now; false when the lease was already lost. */
  extend(ttlMs?: number): Promise<boolean>
  /** Releases the lock; false when it had already expired or been taken over. */
  release(): Promise<boolean>
}

/** Defaults for RedisLock. */
export interface RedisLockOptions {
  /** Key prefix (default `advisor:`); locks live at `${prefix}lock:${key}`. */
  prefix?: string
  /** Lease length (default 30 s); `withLock` renews it while the task runs. */
  ttlMs?: number
  /** How long to wait for a held lock before giving up (default 15 s). */
  waitMs?: number
  onWarning?: StoreWarningListener
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A per-key mutex shared by replicas (SET NX PX with a random token; Lua compare-and-delete release), so one
 * user's turns run one at a time even when a load balancer spreads them over replicas. Waiters poll with
 * jittered backoff (not FIFO across replicas; within a replica, KeyedSerialQueue keeps arrival order).
 * A single Redis node is assumed (no Redlock quorum).
 */
export class RedisLock {
  readonly #redis: Redis
  readonly #options: RedisLockOptions

  constructor(redis: Redis, options: RedisLockOptions = {}) {
    this.#redis = redis
    this.#options = options
  }

  /** Tries to take the lock for up to `waitMs`; the lease, or null when someone else kept it that long. */
  async acquire(
    key: string,
    ttlMs = this.#options.ttlMs ?? 30_000,
    waitMs = this.#options.waitMs ?? 15_000,
  ): Promise<RedisLockLease | null> {
    const lockKey = `${this.#options.prefix ?? DEFAULT_REDIS_PREFIX}lock:${key}`
    const token = randomUUID()
    const deadline = Date.now() + waitMs
    let pause = 5
    try {
      for (;;) {
        if ((await this.#redis.set(lockKey, token, 'PX', Math.ceil(ttlMs), 'NX')) === 'OK') break
        const left = deadline - Date.now()
        if (left <= 0) return null
        await sleep(Math.min(left, pause / 2 + Math.random() * pause))
        pause = Math.min(pause * 2, 100)
      }
    } catch (error) {
      throw toStoreError(error, `Redis lock ${key}`)
    }
    const redis = this.#redis
    return {
      key,
      token,
      extend: async (extendMs = ttlMs) =>
        (await redis.eval(EXTEND_SCRIPT, 1, lockKey, token, String(Math.ceil(extendMs)))) === 1,
      release: async () => (await redis.eval(RELEASE_SCRIPT, 1, lockKey, token)) === 1,
    }
  }

  /**
   * Runs `task` holding the lock, renewing the lease every third of its TTL. Throws StoreError STORE_BUSY when
   * the lock stays taken longer than `waitMs`.
   */
  async withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    const ttlMs = this.#options.ttlMs ?? 30_000
    const lease = await this.acquire(key, ttlMs)
    if (!lease)
      throw new StoreError(
        'STORE_BUSY',
        `Redis lock ${key} stayed taken longer than ${this.#options.waitMs ?? 15_000} ms`,
      )
    const renew = setInterval(
      () => {
        lease.extend(ttlMs).then(
          (held) => {
            if (!held)
              this.#options.onWarning?.({
                type: 'redis-lock-lost',
                message: `Redis lock ${key} expired while its task was still running`,
              })
          },
          (error: unknown) =>
            this.#options.onWarning?.({
              type: 'redis-lock-renew-failed',
              message: toStoreError(error, `Redis lock ${key} renewal`).message,
            }),
        )
      },
      Math.max(10, Math.floor(ttlMs / 3)),
    )
    renew.unref()
    try {
      return await task()
    } finally {
      clearInterval(renew)
      await lease.release().catch((error: unknown) => {
        this.#options.onWarning?.({
          type: 'redis-lock-release-failed',
          message: toStoreError(error, `Redis lock ${key} release`).message,
        })
      })
    }
  }
}
