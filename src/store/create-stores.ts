import { mkdirSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { claimDataDir } from './claim-data-dir.js'
import { MemoryRateLimiter } from './memory-rate-limiter.js'
import { openSqliteDatabase } from './open-sqlite-database.js'
import type { InboundQueue } from './inbound-queue.js'
import type { DedupeStore, RateLimiter, SessionStore } from './session-store.js'
import { SqliteInboundQueue } from './sqlite-inbound-queue.js'
import { SqliteDedupeStore } from './sqlite-dedupe-store.js'
import { SqliteSessionStore } from './sqlite-session-store.js'
import { toStoreError } from './to-store-error.js'
import { readiness, READINESS_PROBE_ID } from './store-readiness.js'
import { trackInboundWrites, trackWrites, WriteHealth } from './write-health.js'
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
  /**
   * Readiness: the store answers, a probe write succeeds, and no real write has failed recently (so a full disk,
   * a read-only file or a Redis without memory makes /readyz say not ready).
   */
  ready(): Promise<boolean>
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
  /** SQLite only: caps the file (pages of 4 KiB); writes past it fail with STORE_FULL. For quotas and tests. */
  sqliteMaxPageCount?: number
  onWarning?: StoreWarningListener
}

function createSqliteStores(options: CreateStoresOptions): Stores {
  mkdirSync(options.dataDir, { recursive: true })
  // One writer per SQLite file: a second process on this DATA_DIR refuses to start (replicas use REDIS_URL).
  const claim = claimDataDir(options.dataDir)
  let database: Database.Database
  try {
    database = openSqliteDatabase({ dataDir: options.dataDir, maxPageCount: options.sqliteMaxPageCount })
  } catch (error) {
    claim.release()
    throw error
  }
  const sessions = new SqliteSessionStore({
    database,
    dialogueTtlMs: options.dialogueTtlMs,
    profileTtlMs: options.profileTtlMs,
    onWarning: options.onWarning,
  })
  const dedupe = new SqliteDedupeStore({ database })
  const purge = () => {
    try {
      sessions.purgeExpired()
      dedupe.purgeExpired()
    } catch (error) {
      // A busy or full database must not crash the process; the next sweep retries.
      options.onWarning?.({
        type: 'store-purge-failed',
        message: toStoreError(error, 'SQLite retention sweep').message,
      })
    }
  }
  purge()
  const timer = setInterval(purge, SQLITE_PURGE_INTERVAL_MS)
  timer.unref()
  const health = new WriteHealth()
  const tracked = trackWrites({ sessions, dedupe, rateLimiter: new MemoryRateLimiter() }, health)
  const probe = database.prepare(
    'INSERT INTO dedupe (id, expires_at) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET expires_at = excluded.expires_at',
  )
  const probeWrite = async () => {
    try {
      database.transaction(() => probe.run(READINESS_PROBE_ID, Date.now() + 60_000)).immediate()
    } catch (error) {
      throw toStoreError(error, 'SQLite readiness probe')
    }
  }
  return {
    ...tracked,
    inbound: trackInboundWrites(new SqliteInboundQueue({ database }), health),
    singleWriter: true,
    kind: 'sqlite',
    ready: readiness(tracked.sessions, health, probeWrite),
    close: async () => {
      clearInterval(timer)
      if (database.open) database.close()
      claim.release()
    },
  }
}

/**
 * Redis when `redisUrl` is given (sessions, profiles, dedupe ids, rate limits and turn locks shared by
 * replicas), else the embedded SQLite file `${dataDir}/advisor.db` with an hourly retention sweep.
 * A bad Redis URL or an unreachable Redis rejects within a few seconds with a StoreError (STORE_UNAVAILABLE).
 */
export async function createStores(options: CreateStoresOptions): Promise<Stores> {
  if (options.redisUrl) {
    // Loaded only in Redis mode: ioredis is not needed (nor paid for at start) with the embedded store.
    const { createRedisStores } = await import('./create-redis-stores.js')
    return createRedisStores({ ...options, redisUrl: options.redisUrl })
  }
  return createSqliteStores(options)
}
