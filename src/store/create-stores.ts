import { MemoryRateLimiter } from './memory-rate-limiter.js'
import { RedisLock } from './redis-lock.js'
import { RedisStore } from './redis-store.js'
import type { DedupeStore, RateLimiter, SessionStore } from './session-store.js'
import { SqliteStore } from './sqlite-session-store.js'

export interface Stores {
  sessions: SessionStore
  dedupe: DedupeStore
  rateLimiter: RateLimiter
  kind: 'sqlite' | 'redis'
  /** Cross-replica per-key lock (Redis mode only). */
  lock?: <T>(key: string, task: () => Promise<T>) => Promise<T>
  close(): Promise<void>
}

/** Redis when a URL is given (shared by replicas), else the embedded SQLite file under dataDir. */
export async function createStores(options: {
  dataDir: string
  redisUrl?: string
  /** Key prefix in Redis, so several deployments (or test runs) can share one server. */
  redisPrefix?: string
  dialogueTtlMs: number
  profileTtlMs: number
  onWarning?: (warning: { type: string; message: string }) => void
}): Promise<Stores> {
  if (options.redisUrl) {
    const redis = new RedisStore({ url: options.redisUrl, prefix: options.redisPrefix, dialogueTtlMs: options.dialogueTtlMs, profileTtlMs: options.profileTtlMs, onWarning: options.onWarning })
    await redis.connect()
    const lock = new RedisLock(redis.client, { prefix: options.redisPrefix })
    return { sessions: redis, dedupe: redis, rateLimiter: redis, kind: 'redis', lock: (key, task) => lock.withLock(key, task), close: () => redis.close() }
  }
  const sqlite = new SqliteStore({ dataDir: options.dataDir, dialogueTtlMs: options.dialogueTtlMs, profileTtlMs: options.profileTtlMs, onWarning: options.onWarning })
  const purge = setInterval(() => sqlite.purgeExpired(), 3_600_000)
  purge.unref()
  return {
    sessions: sqlite,
    dedupe: sqlite,
    rateLimiter: new MemoryRateLimiter(),
    kind: 'sqlite',
    close: async () => {
      clearInterval(purge)
      await sqlite.close()
    },
  }
}
