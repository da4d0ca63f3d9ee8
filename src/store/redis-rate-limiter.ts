import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { DEFAULT_REDIS_PREFIX } from './redis-session-store.js'
import type { RateLimiter } from './session-store.js'
import { toStoreError } from './to-store-error.js'

/**
 * Sliding-window log in one sorted set per key, run as one Lua script so replicas cannot race. Uses the Redis
 * server clock (TIME), so replicas with skewed clocks still agree. Refused attempts are not recorded.
 */
const TAKE_SCRIPT = `if redis.replicate_commands then redis.replicate_commands() end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= limit then return 0 end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return 1`

/** Rate limits shared by every replica (sliding window, exact under concurrency). Uses a client owned by the caller. */
export class RedisRateLimiter implements RateLimiter {
  readonly #redis: Redis
  readonly #prefix: string

  constructor(client: Redis, options: { prefix?: string } = {}) {
    this.#redis = client
    this.#prefix = options.prefix ?? DEFAULT_REDIS_PREFIX
  }

  async take(key: string, limit: number, windowMs: number): Promise<boolean> {
    if (!Number.isFinite(windowMs) || windowMs <= 0)
      throw new RangeError(`rate-limit windowMs must be a positive number, got ${windowMs}`)
    if (limit <= 0) return false
    try {
      const taken = await this.#redis.eval(
        TAKE_SCRIPT,
        1,
        `${this.#prefix}rate:${key}`,
        String(Math.floor(limit)),
        String(Math.ceil(windowMs)),
        randomUUID(),
      )
      return taken === 1
    } catch (error) {
      throw toStoreError(error, 'Redis rate limit')
    }
  }
}
