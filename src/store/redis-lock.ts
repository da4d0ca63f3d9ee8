import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { StoreError } from './store-error.js'

const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`

/**
 * A per-key lock shared by replicas (SET NX PX with a token; released only by its owner), so one user's turns
 * run one at a time even when a load balancer sends them to different replicas. Waiters poll in arrival order
 * of their attempts; the TTL frees a lock whose holder died.
 */
export class RedisLock {
  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix?: string; ttlMs?: number; waitMs?: number; pollMs?: number } = {},
  ) {}

  async withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    const lockKey = `${this.options.prefix ?? 'advisor:'}lock:${key}`
    const token = randomUUID()
    const ttl = this.options.ttlMs ?? 30_000
    const deadline = Date.now() + (this.options.waitMs ?? 15_000)
    for (;;) {
      const acquired = await this.redis.set(lockKey, token, 'PX', ttl, 'NX')
      if (acquired === 'OK') break
      if (Date.now() > deadline) throw new StoreError('STORE_BUSY', `lock ${key} is held too long`)
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 15))
    }
    try {
      return await task()
    } finally {
      await this.redis.eval(RELEASE_SCRIPT, 1, lockKey, token).catch(() => undefined)
    }
  }
}
