import type Database from 'better-sqlite3'
import { openSqliteDatabase, type OpenSqliteOptions } from './open-sqlite-database.js'
import { decodeSessionPart, encodeSessionRecord } from './session-record-codec.js'
import { checkSessionExpiry } from './session-expiry.js'
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

/**
 * Either `dataDir` (the store opens and owns `${dataDir}/advisor.db`) or an open `database` shared with other
 * stores (from `openSqliteDatabase`; its owner closes it).
 */
export type SqliteSessionStoreOptions = Partial<SessionStoreOptions> & {
  now?: () => number
  onWarning?: StoreWarningListener
} & (OpenSqliteOptions | { database: Database.Database })

interface Row {
  dialogue: unknown
  dialogue_updated_at: unknown
  profile: unknown
  profile_updated_at: unknown
}

/**
 * The embedded default: sessions in one SQLite file under DATA_DIR (WAL, busy timeout, versioned schema), so a
 * restart loses nothing. Every write is one transaction; a failed write (busy, disk full) changes nothing and
 * throws a StoreError.
 */
export class SqliteSessionStore implements SessionStore {
  readonly #db: Database.Database
  readonly #ownsDatabase: boolean
  readonly #options: SessionStoreOptions
  readonly #now: () => number
  readonly #onWarning?: StoreWarningListener
  readonly #statements

  constructor(options: SqliteSessionStoreOptions) {
    this.#options = resolveSessionStoreOptions(options)
    this.#now = options.now ?? Date.now
    this.#onWarning = options.onWarning
    this.#ownsDatabase = !('database' in options)
    this.#db = 'database' in options ? options.database : openSqliteDatabase(options)
    const db = this.#db
    this.#statements = {
      get: db.prepare('SELECT dialogue, dialogue_updated_at, profile, profile_updated_at FROM sessions WHERE key = ?'),
      put: db.prepare(`INSERT INTO sessions (key, channel, chat_id, user_id, dialogue, dialogue_updated_at, profile, profile_updated_at)
        VALUES (@key, @channel, @chatId, @userId, @dialogue, @dialogueUpdatedAt, @profile, @profileUpdatedAt)
        ON CONFLICT(key) DO UPDATE SET dialogue = excluded.dialogue, dialogue_updated_at = excluded.dialogue_updated_at,
          profile = excluded.profile, profile_updated_at = excluded.profile_updated_at`),
      delete: db.prepare('DELETE FROM sessions WHERE key = ?'),
      // No index on (channel, user_id): deleting a person is rare, and a scan of even 100k rows takes milliseconds.
      deletePerson: db.prepare('DELETE FROM sessions WHERE channel = ? AND user_id = ?'),
      // Compare-and-delete: a record rewritten since it was read (another process) is left alone.
      deleteUnchanged: db.prepare(
        'DELETE FROM sessions WHERE key = ? AND dialogue_updated_at IS ? AND profile_updated_at IS ?',
      ),
      clearProfileUnchanged: db.prepare(
        'UPDATE sessions SET profile = NULL WHERE key = ? AND profile_updated_at IS ? AND profile IS NOT NULL',
      ),
      countLive: db.prepare(
        'SELECT COUNT(*) AS count FROM sessions WHERE dialogue_updated_at >= ? OR profile_updated_at >= ?',
      ),
      purgeGone: db.prepare('DELETE FROM sessions WHERE dialogue_updated_at < ? AND profile_updated_at < ?'),
      purgeProfiles: db.prepare(
        'UPDATE sessions SET profile = NULL WHERE profile_updated_at < ? AND profile IS NOT NULL',
      ),
      purgeDialogues: db.prepare(
        'UPDATE sessions SET dialogue = NULL WHERE dialogue_updated_at < ? AND dialogue IS NOT NULL',
      ),
      ping: db.prepare('SELECT 1 AS ok'),
    }
  }

  async get(key: SessionKey): Promise<SessionRecord | null> {
    const id = sessionKeyToString(key)
    let row: Row | undefined
    try {
      row = this.#statements.get.get(id) as Row | undefined
    } catch (error) {
      throw toStoreError(error, 'SQLite session read')
    }
    if (!row) return null
    const updatedAt = {
      dialogueUpdatedAt: this.#readTime(row.dialogue_updated_at, id),
      profileUpdatedAt: this.#readTime(row.profile_updated_at, id),
    }
    const expiry = checkSessionExpiry(updatedAt, this.#now(), this.#options)
    if (expiry.gone) {
      this.#cleanUp(
        'delete',
        () => this.#statements.deleteUnchanged.run(id, row.dialogue_updated_at, row.profile_updated_at),
        id,
      )
      return null
    }
    if (expiry.profileExpired && row.profile !== null)
      this.#cleanUp('profile', () => this.#statements.clearProfileUnchanged.run(id, row.profile_updated_at), id)
    return {
      dialogue: expiry.dialogueExpired ? null : decodeSessionPart(row.dialogue, 'dialogue', id, this.#onWarning),
      dialogueUpdatedAt: updatedAt.dialogueUpdatedAt,
      profile: expiry.profileExpired ? null : decodeSessionPart(row.profile, 'profile', id, this.#onWarning),
      profileUpdatedAt: updatedAt.profileUpdatedAt,
    }
  }

  async put(key: SessionKey, record: SessionRecord): Promise<void> {
    const encoded = encodeSessionRecord(record)
    try {
      this.#db
        .transaction(() => {
          this.#statements.put.run({
            key: sessionKeyToString(key),
            channel: key.channel,
            chatId: key.chatId,
            userId: key.userId,
            ...encoded,
          })
        })
        .immediate()
    } catch (error) {
      throw toStoreError(error, 'SQLite session write')
    }
  }

  async delete(key: SessionKey): Promise<void> {
    try {
      this.#statements.delete.run(sessionKeyToString(key))
    } catch (error) {
      throw toStoreError(error, 'SQLite session delete')
    }
  }

  async deletePerson(channel: string, userId: string): Promise<number> {
    try {
      return this.#statements.deletePerson.run(channel, userId).changes
    } catch (error) {
      throw toStoreError(error, 'SQLite person delete')
    }
  }

  /** Records with anything still visible (expired rows awaiting the sweep are not counted). */
  async count(): Promise<number> {
    try {
      const now = this.#now()
      return (
        this.#statements.countLive.get(now - this.#options.dialogueTtlMs, now - this.#options.profileTtlMs) as {
          count: number
        }
      ).count
    } catch (error) {
      throw toStoreError(error, 'SQLite session count')
    }
  }

  async ping(): Promise<boolean> {
    try {
      return (this.#statements.ping.get() as { ok: number }).ok === 1
    } catch {
      return false
    }
  }

  /**
   * Retention sweep (run periodically): deletes records whose dialogue and profile have both expired, and erases
   * expired profiles and idle dialogues from the file. Returns the number of records deleted.
   */
  purgeExpired(now = this.#now()): number {
    const dialogueCutoff = now - this.#options.dialogueTtlMs
    const profileCutoff = now - this.#options.profileTtlMs
    try {
      return this.#db
        .transaction(() => {
          const removed = this.#statements.purgeGone.run(dialogueCutoff, profileCutoff).changes
          this.#statements.purgeProfiles.run(profileCutoff)
          this.#statements.purgeDialogues.run(dialogueCutoff)
          return removed
        })
        .immediate()
    } catch (error) {
      throw toStoreError(error, 'SQLite retention sweep')
    }
  }

  async close(): Promise<void> {
    if (this.#ownsDatabase && this.#db.open) this.#db.close()
  }

  #readTime(value: unknown, id: string): number {
    if (typeof value === 'number' && Number.isFinite(value)) return value
    this.#onWarning?.({
      type: 'store-corrupt-value',
      message: `stored session timestamp is not a number (${typeof value}); treated as expired`,
      key: id,
    })
    return 0
  }

  /** Expiry clean-up on read is best effort: the read already succeeded, and the sweep will retry. */
  #cleanUp(what: string, operation: () => unknown, id: string): void {
    try {
      operation()
    } catch (error) {
      this.#onWarning?.({
        type: 'store-cleanup-failed',
        message: toStoreError(error, `SQLite expiry clean-up (${what})`).message,
        key: id,
      })
    }
  }
}
