import { Redis } from 'ioredis'
import { parseStoredJson, StoreError, toStoreError } from './store-error.js'
import { sessionKeyToString, type DedupeStore, type RateLimiter, type SessionKey, type SessionRecord, type SessionStore, type SessionStoreOptions } from './session-store.js'

const RATE_LIMIT_SCRIPT = `local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`

/**
 * Redis mode (REDIS_URL): sessions, profiles, dedupe keys and rate limits shared by every replica.
 * Commands fail fast while Redis is away (no offline queue), so a turn answers "try again" instead of hanging,
 * and the client reconnects by itself.
 */
export class RedisStore implements SessionStore, DedupeStore, RateLimiter {
  readonly #redis: Redis
  readonly #prefix: string
  readonly #options: SessionStoreOptions
  readonly #now: () => number
  readonly #onWarning?: (warning: { type: string; message: string }) => void

  constructor(options: SessionStoreOptions & { url: string; prefix?: string; commandTimeoutMs?: number; now?: () => number; onWarning?: (warning: { type: string; message: string }) => void }) {
    this.#options = options
    this.#prefix = options.prefix ?? 'advisor:'
    this.#now = options.now ?? Date.now
    this.#onWarning = options.onWarning
    this.#redis = new Redis(options.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      // A Redis that stops answering (network partition, paused host) must not hang a turn.
      commandTimeout: options.commandTimeoutMs ?? 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    })
    this.#redis.on('error', (error) => this.#onWarning?.({ type: 'redis-error', message: error.message }))
  }

  /** Connects, failing within a few seconds with a clear error when Redis cannot be reached. */
  async connect(): Promise<void> {
    try {
      await this.#redis.connect()
      await this.#redis.ping()
    } catch (error) {
      this.#redis.disconnect()
      throw new StoreError('STORE_UNAVAILABLE', `cannot reach Redis: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
    }
  }

  #sessionKey(key: SessionKey): string {
    return `${this.#prefix}session:${sessionKeyToString(key)}`
  }

  async get(key: SessionKey): Promise<SessionRecord | null> {
    try {
      const hash = await this.#redis.hgetall(this.#sessionKey(key))
      if (!hash || Object.keys(hash).length === 0) return null
      const now = this.#now()
      const dialogueUpdatedAt = Number(hash.dialogueUpdatedAt ?? 0)
      const profileUpdatedAt = Number(hash.profileUpdatedAt ?? 0)
      return {
        dialogue: now - dialogueUpdatedAt > this.#options.dialogueTtlMs ? null : parseStoredJson(hash.dialogue, this.#onWarning),
        dialogueUpdatedAt,
        profile: now - profileUpdatedAt > this.#options.profileTtlMs ? null : parseStoredJson(hash.profile, this.#onWarning),
        profileUpdatedAt,
      }
    } catch (error) {
      throw toStoreError(error)
    }
  }

  async put(key: SessionKey, record: SessionRecord): Promise<void> {
    const redisKey = this.#sessionKey(key)
    try {
      await this.#redis
        .multi()
        .del(redisKey)
        .hset(redisKey, {
          dialogue: record.dialogue === null ? '' : JSON.stringify(record.dialogue),
          dialogueUpdatedAt: String(record.dialogueUpdatedAt),
          profile: record.profile === null ? '' : JSON.stringify(record.profile),
          profileUpdatedAt: String(record.profileUpdatedAt),
        })
        .pexpire(redisKey, this.#options.profileTtlMs)
        .exec()
    } catch (error) {
      throw toStoreError(error)
    }
  }

  async delete(key: SessionKey): Promise<void> {
    try {
      await this.#redis.del(this.#sessionKey(key))
    } catch (error) {
      throw toStoreError(error)
    }
  }

  async count(): Promise<number> {
    let cursor = '0'
    let total = 0
    do {
      const [next, keys] = await this.#redis.scan(cursor, 'MATCH', `${this.#prefix}session:*`, 'COUNT', 500)
      cursor = next
      total += keys.length
    } while (cursor !== '0')
    return total
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.#redis.ping()) === 'PONG'
    } catch {
      return false
    }
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    try {
      return (await this.#redis.set(`${this.#prefix}dedupe:${id}`, '1', 'PX', ttlMs, 'NX')) === 'OK'
    } catch (error) {
      throw toStoreError(error)
    }
  }

  async take(key: string, limit: number, windowMs: number): Promise<boolean> {
    try {
      const window = Math.floor(this.#now() / windowMs)
      const count = (await this.#redis.eval(RATE_LIMIT_SCRIPT, 1, `${this.#prefix}rate:${key}:${window}`, String(windowMs))) as number
      return count <= limit
    } catch (error) {
      throw toStoreError(error)
    }
  }

  /** The underlying client, for locks shared across replicas. */
  get client(): Redis {
    return this.#redis
  }

  async close(): Promise<void> {
    this.#redis.disconnect()
  }
}
