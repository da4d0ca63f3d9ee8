import type Database from 'better-sqlite3'
import type { Redis } from 'ioredis'
import { MemoryRateLimiter } from './memory-rate-limiter.js'
import { openSqliteDatabase } from './open-sqlite-database.js'
import { connectRedisClient, createRedisClient } from './redis-client.js'
import { RedisDedupeStore } from './redis-dedupe-store.js'
import { RedisLock } from './redis-lock.js'
import { RedisRateLimiter } from './redis-rate-limiter.js'
import { DEFAULT_REDIS_PREFIX, RedisSessionStore } from './redis-session-store.js'
import type { InboundQueue } from './inbound-queue.js'
import { RedisInboundQueue } from './redis-inbound-queue.js'
import type { DedupeStore, RateLimiter, SessionStore } from './session-store.js'
import { SqliteInboundQueue } from './sqlite-inbound-queue.js'
import { SqliteDedupeStore } from './sqlite-dedupe-store.js'
import { SqliteSessionStore } from './sqlite-session-store.js'
import { toStoreError } from './to-store-error.js'
import type { StoreWarningListener } from './store-warning.js'

/** How often the SQLite retention sweep runs. */
const SQLITE_PURGE_INTERVAL_MS = 3_600_000

/** The stores one process uses, all backed by the same SQLite file or the same Redis connection. */
export interface Stores {
  sessions: SessionStore
  dedupe: DedupeStore
  rateLimiter: RateLimiter
  /** The durable inbound queue of the channels (acknowledged messages until their reply is sent). */
  inbound: InboundQueue
  /** True when one process owns the store (SQLite): at start-up it takes over every leftover entry. */
  singleWriter: boolean
  kind: 'sqlite' | 'redis'
  /** Cross-replica per-key lock (Redis mode only; in SQLite mode one process owns the file). */
  lock?: <T>(key: string, task: () => Promise<T>) => Promise<T>
  /** Stops the retention sweep and closes the SQLite file or the Redis connection. */
  close(): Promise<void>
}

/** What `createStores` needs; the composition root fills it from the validated config. */
export interface CreateStoresOptions {
  /** Directory for `advisor.db` in SQLite mode (created when missing). */
  dataDir: string
  /** Redis mode when set: everything is shared by replicas through this Redis. */
  redisUrl?: string
  /** Key prefix in Redis (default `advisor:`), so several deployments or test runs can share one server. */
  redisPrefix?: string
  /** How long connecting to Redis may take before failing (default 5000 ms). */
  redisConnectTimeoutMs?: number
  dialogueTtlMs: number
  profileTtlMs: number
  onWarning?: StoreWarningListener
}

async function createRedisStores(options: CreateStoresOptions & { redisUrl: string }): Promise<Stores> {
  const prefix = options.redisPrefix ?? DEFAULT_REDIS_PREFIX
  const client: Redis = createRedisClient({ url: options.redisUrl, onWarning: options.onWarning })
  await connectRedisClient(client, options.redisUrl, options.redisConnectTimeoutMs)
  const lock = new RedisLock(client, { prefix, onWarning: options.onWarning })
  return {
    sessions: new RedisSessionStore({ client, prefix, dialogueTtlMs: options.dialogueTtlMs, profileTtlMs: options.profileTtlMs, onWarning: options.onWarning }),
    dedupe: new RedisDedupeStore(client, { prefix }),
    rateLimiter: new RedisRateLimiter(client, { prefix }),
    inbound: new RedisInboundQueue(client, { prefix }),
    singleWriter: false,
    kind: 'redis',
    lock: (key, task) => lock.withLock(key, task),
    close: async () => {
      client.disconnect()
    },
  }
}

function createSqliteStores(options: CreateStoresOptions): Stores {
  const database: Database.Database = openSqliteDatabase({ dataDir: options.dataDir })
  const sessions = new SqliteSessionStore({ database, dialogueTtlMs: options.dialogueTtlMs, profileTtlMs: options.profileTtlMs, onWarning: options.onWarning })
  const dedupe = new SqliteDedupeStore({ database })
  const purge = () => {
    try {
      sessions.purgeExpired()
      dedupe.purgeExpired()
    } catch (error) {
      // A busy or full database must not crash the process; the next sweep retries.
      options.onWarning?.({ type: 'store-purge-failed', message: toStoreError(error, 'SQLite retention sweep').message })
    }
  }
  purge()
  const timer = setInterval(purge, SQLITE_PURGE_INTERVAL_MS)
  timer.unref()
  return {
    sessions,
    dedupe,
    rateLimiter: new MemoryRateLimiter(),
    inbound: new SqliteInboundQueue({ database }),
    singleWriter: true,
    kind: 'sqlite',
    close: async () => {
      clearInterval(timer)
      if (database.open) database.close()
    },
  }
}

/**
 * Redis when `redisUrl` is given (sessions, profiles, dedupe ids, rate limits and turn locks shared by
 * replicas), else the embedded SQLite file `${dataDir}/advisor.db` with an hourly retention sweep.
 * A bad Redis URL or an unreachable Redis rejects within a few seconds with a StoreError (STORE_UNAVAILABLE).
 */
export async function createStores(options: CreateStoresOptions): Promise<Stores> {
  if (options.redisUrl) return createRedisStores({ ...options, redisUrl: options.redisUrl })
  return createSqliteStores(options)
}
