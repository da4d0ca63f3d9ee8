import type { Redis } from 'ioredis'
import { connectRedisClient, createRedisClient, type RedisClientOptions } from './redis-client.js'
import { decodeSessionPart, encodeSessionRecord } from './session-record-codec.js'
import { checkSessionExpiry, sessionExpiresAt } from './session-expiry.js'
import { resolveSessionStoreOptions } from './session-store-options.js'
import {
  sessionKeyToString,
  type SessionKey,
  type SessionRecord,
  type SessionStore,
  type SessionStoreOptions,
} from './session-store.js'
import type { StoreWarningListener } from './store-warning.js'
import { toStoreError } from './to-store-error.js'

/** Default key prefix; give each deployment (or test run) sharing a Redis its own. */
export const DEFAULT_REDIS_PREFIX = 'advisor:'

/**
 * Either connection options (the store makes and owns its client; call `connect()`) or a `client` shared with the
 * other Redis stores (its owner connects and closes it).
 */
export type RedisSessionStoreOptions = Partial<SessionStoreOptions> & {
  /** Prepended to every key (default `advisor:`); records live at `${prefix}session:${sessionKeyToString(key)}`. */
  prefix?: string
  now?: () => number
  onWarning?: StoreWarningListener
} & (Omit<RedisClientOptions, 'onWarning'> | { client: Redis })

/** Deletes the record only if nobody rewrote it since it was read (compare the two timestamps). */
const DELETE_IF_UNCHANGED = `if (redis.call('HGET', KEYS[1], 'dialogueUpdatedAt') or '') == ARGV[1]
  and (redis.call('HGET', KEYS[1], 'profileUpdatedAt') or '') == ARGV[2] then
  return redis.call('DEL', KEYS[1])
end
return 0`

/** Erases an expired profile only if it was not rewritten since it was read. */
const CLEAR_PROFILE_IF_UNCHANGED = `if (redis.call('HGET', KEYS[1], 'profileUpdatedAt') or '') == ARGV[1] then
  return redis.call('HDEL', KEYS[1], 'profile')
end
return 0`

/** Record layout version, stored in each hash so a future layout can be told apart. */
const LAYOUT_VERSION = '1'

/**
 * Redis mode (REDIS_URL): each session is one hash shared by every replica, written atomically (MULTI) with a
 * key TTL that ends when nothing of it is visible any more, so retention needs no sweep. Expiry rules match the
 * other stores; a damaged field is read as empty and reported, never fatal.
 */
export class RedisSessionStore implements SessionStore {
  readonly #redis: Redis
  readonly #url?: string
  readonly #ownsClient: boolean
  readonly #prefix: string
  readonly #options: SessionStoreOptions
  readonly #now: () => number
  readonly #onWarning?: StoreWarningListener

  constructor(options: RedisSessionStoreOptions) {
    this.#options = resolveSessionStoreOptions(options)
    this.#prefix = options.prefix ?? DEFAULT_REDIS_PREFIX
    this.#now = options.now ?? Date.now
    this.#onWarning = options.onWarning
    if ('client' in options) {
      this.#redis = options.client
      this.#ownsClient = false
    } else {
      this.#url = options.url
      this.#redis = createRedisClient({ ...options, onWarning: options.onWarning })
      this.#ownsClient = true
    }
  }

  /** Connects (own client) or waits for the shared client, failing within a few seconds with a clear StoreError. */
  async connect(timeoutMs?: number): Promise<void> {
    await connectRedisClient(this.#redis, this.#url ?? '(shared client)', timeoutMs)
  }

  /** The underlying client (for tests and admin tools). */
  get client(): Redis {
    return this.#redis
  }

  /** The Redis key holding a session. */
  redisKey(key: SessionKey): string {
    return `${this.#prefix}session:${sessionKeyToString(key)}`
  }

  async get(key: SessionKey): Promise<SessionRecord | null> {
    const redisKey = this.redisKey(key)
    const id = sessionKeyToString(key)
    let hash: Record<string, string>
    try {
      hash = await this.#redis.hgetall(redisKey)
    } catch (error) {
      throw toStoreError(error, 'Redis session read')
    }
    if (Object.keys(hash).length === 0) return null
    const updatedAt = {
      dialogueUpdatedAt: this.#readTime(hash.dialogueUpdatedAt, id),
      profileUpdatedAt: this.#readTime(hash.profileUpdatedAt, id),
    }
    const expiry = checkSessionExpiry(updatedAt, this.#now(), this.#options)
    if (expiry.gone) {
      await this.#cleanUp(
        'delete',
        DELETE_IF_UNCHANGED,
        redisKey,
        [hash.dialogueUpdatedAt ?? '', hash.profileUpdatedAt ?? ''],
        id,
      )
      return null
    }
    if (expiry.profileExpired && hash.profile !== undefined)
      await this.#cleanUp('profile', CLEAR_PROFILE_IF_UNCHANGED, redisKey, [hash.profileUpdatedAt ?? ''], id)
    return {
      dialogue: expiry.dialogueExpired ? null : decodeSessionPart(hash.dialogue, 'dialogue', id, this.#onWarning),
      dialogueUpdatedAt: updatedAt.dialogueUpdatedAt,
      profile: expiry.profileExpired ? null : decodeSessionPart(hash.profile, 'profile', id, this.#onWarning),
      profileUpdatedAt: updatedAt.profileUpdatedAt,
    }
  }

  async put(key: SessionKey, record: SessionRecord): Promise<void> {
    const encoded = encodeSessionRecord(record)
    const redisKey = this.redisKey(key)
    const ttlMs = Math.ceil(sessionExpiresAt(encoded, this.#options) - this.#now())
    try {
      if (ttlMs <= 0) {
        // Already past retention: keeping it would only break the retention promise.
        await this.#redis.del(redisKey)
        return
      }
      const fields: Record<string, string> = {
        v: LAYOUT_VERSION,
        channel: key.channel,
        chatId: key.chatId,
        userId: key.userId,
        dialogueUpdatedAt: String(encoded.dialogueUpdatedAt),
        profileUpdatedAt: String(encoded.profileUpdatedAt),
      }
      if (encoded.dialogue !== null) fields.dialogue = encoded.dialogue
      if (encoded.profile !== null) fields.profile = encoded.profile
      const results = await this.#redis.multi().del(redisKey).hset(redisKey, fields).pexpire(redisKey, ttlMs).exec()
      const failed = results?.find(([error]) => error)
      if (!results || failed) throw failed?.[0] ?? new Error('transaction discarded')
    } catch (error) {
      throw toStoreError(error, 'Redis session write')
    }
  }

  async delete(key: SessionKey): Promise<void> {
    try {
      await this.#redis.del(this.redisKey(key))
    } catch (error) {
      throw toStoreError(error, 'Redis session delete')
    }
  }

  /**
   * Every chat of one person: SCAN for `session:<channel>:*:<userId>` (parts are URI-encoded, so a chat id never
   * holds a raw `:` and the pattern cannot reach into another user), then UNLINK. Rare, so no per-person index.
   */
  async deletePerson(channel: string, userId: string): Promise<number> {
    const glob = (part: string) => encodeURIComponent(part).replace(/[*?[\]\\]/g, '\\$&')
    const pattern = `${this.#prefix.replace(/[*?[\]\\]/g, '\\$&')}session:${glob(channel)}:*:${glob(userId)}`
    const exact = (redisKey: string) => {
      const rest = redisKey.slice(
        `${this.#prefix}session:${encodeURIComponent(channel)}:`.length,
        -(encodeURIComponent(userId).length + 1),
      )
      return !rest.includes(':')
    }
    let cursor = '0'
    let removed = 0
    try {
      do {
        const [next, keys] = await this.#redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000)
        cursor = next
        const mine = keys.filter(exact)
        if (mine.length > 0) removed += await this.#redis.unlink(...mine)
      } while (cursor !== '0')
    } catch (error) {
      throw toStoreError(error, 'Redis person delete')
    }
    return removed
  }

  /** Session keys under this prefix (SCAN, so it never blocks Redis; cost grows with the key space). */
  async count(): Promise<number> {
    const pattern = `${this.#prefix.replace(/[*?[\]\\]/g, '\\$&')}session:*`
    let cursor = '0'
    let total = 0
    try {
      do {
        const [next, keys] = await this.#redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000)
        cursor = next
        total += keys.length
      } while (cursor !== '0')
    } catch (error) {
      throw toStoreError(error, 'Redis session count')
    }
    return total
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.#redis.ping()) === 'PONG'
    } catch {
      return false
    }
  }

  async close(): Promise<void> {
    if (this.#ownsClient) this.#redis.disconnect()
  }

  #readTime(value: string | undefined, id: string): number {
    const time = Number(value)
    if (value !== undefined && value !== '' && Number.isFinite(time)) return time
    this.#onWarning?.({
      type: 'store-corrupt-value',
      message: 'stored session timestamp is missing or not a number; treated as expired',
      key: id,
    })
    return 0
  }

  /** Expiry clean-up on read is best effort: the read already succeeded and the key TTL removes it anyway. */
  async #cleanUp(what: string, script: string, redisKey: string, args: string[], id: string): Promise<void> {
    try {
      await this.#redis.eval(script, 1, redisKey, ...args)
    } catch (error) {
      this.#onWarning?.({
        type: 'store-cleanup-failed',
        message: toStoreError(error, `Redis expiry clean-up (${what})`).message,
        key: id,
      })
    }
  }
}
