import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { parseStoredJson, toStoreError } from './store-error.js'
import { sessionKeyToString, type DedupeStore, type SessionKey, type SessionRecord, type SessionStore, type SessionStoreOptions } from './session-store.js'

const SCHEMA_VERSION = 1

interface Row {
  dialogue: string | null
  dialogue_updated_at: number
  profile: string | null
  profile_updated_at: number
}

/**
 * The embedded default: one SQLite file under DATA_DIR (WAL, busy timeout), so a restart loses nothing.
 * Sessions and dedupe keys share the file.
 */
export class SqliteStore implements SessionStore, DedupeStore {
  readonly #db: Database.Database
  readonly #options: SessionStoreOptions
  readonly #now: () => number
  readonly #onWarning?: (warning: { type: string; message: string }) => void
  readonly #statements: Record<string, Database.Statement>

  constructor(options: SessionStoreOptions & { dataDir: string; busyTimeoutMs?: number; maxPageCount?: number; now?: () => number; onWarning?: (warning: { type: string; message: string }) => void }) {
    this.#options = options
    this.#now = options.now ?? Date.now
    this.#onWarning = options.onWarning
    try {
      mkdirSync(options.dataDir, { recursive: true })
      this.#db = new Database(join(options.dataDir, 'advisor.db'))
      this.#db.pragma('journal_mode = WAL')
      this.#db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`)
      // Caps the file size (tests use it to simulate a full disk: writes then fail with SQLITE_FULL).
      if (options.maxPageCount) this.#db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`)
      this.#db.pragma('synchronous = NORMAL')
      this.#migrate()
    } catch (error) {
      throw toStoreError(error)
    }
    this.#statements = {
      get: this.#db.prepare('SELECT dialogue, dialogue_updated_at, profile, profile_updated_at FROM sessions WHERE key = ?'),
      put: this.#db.prepare(`INSERT INTO sessions (key, channel, chat_id, user_id, dialogue, dialogue_updated_at, profile, profile_updated_at)
        VALUES (@key, @channel, @chatId, @userId, @dialogue, @dialogueUpdatedAt, @profile, @profileUpdatedAt)
        ON CONFLICT(key) DO UPDATE SET dialogue = excluded.dialogue, dialogue_updated_at = excluded.dialogue_updated_at,
          profile = excluded.profile, profile_updated_at = excluded.profile_updated_at`),
      delete: this.#db.prepare('DELETE FROM sessions WHERE key = ?'),
      count: this.#db.prepare('SELECT COUNT(*) AS count FROM sessions'),
      purge: this.#db.prepare('DELETE FROM sessions WHERE profile_updated_at < ? AND dialogue_updated_at < ?'),
      claim: this.#db.prepare('INSERT INTO dedupe (id, expires_at) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET expires_at = excluded.expires_at WHERE dedupe.expires_at <= ?'),
      purgeDedupe: this.#db.prepare('DELETE FROM dedupe WHERE expires_at <= ?'),
    }
  }

  #migrate(): void {
    this.#db.exec(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS sessions (
        key TEXT PRIMARY KEY, channel TEXT NOT NULL, chat_id TEXT NOT NULL, user_id TEXT NOT NULL,
        dialogue TEXT, dialogue_updated_at INTEGER NOT NULL, profile TEXT, profile_updated_at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS sessions_profile_updated ON sessions (profile_updated_at);
      CREATE TABLE IF NOT EXISTS dedupe (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);`)
    const row = this.#db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined
    if (!row) this.#db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION)
    else if (row.version > SCHEMA_VERSION) throw new Error(`advisor.db has schema ${row.version}, newer than this build (${SCHEMA_VERSION})`)
  }

  async get(key: SessionKey): Promise<SessionRecord | null> {
    try {
      const row = this.#statements.get.get(sessionKeyToString(key)) as Row | undefined
      if (!row) return null
      const now = this.#now()
      const profileExpired = now - row.profile_updated_at > this.#options.profileTtlMs
      const dialogueExpired = now - row.dialogue_updated_at > this.#options.dialogueTtlMs
      if (profileExpired && now - row.dialogue_updated_at > this.#options.profileTtlMs) {
        this.#statements.delete.run(sessionKeyToString(key))
        return null
      }
      return {
        dialogue: dialogueExpired ? null : parseStoredJson(row.dialogue, this.#onWarning),
        dialogueUpdatedAt: row.dialogue_updated_at,
        profile: profileExpired ? null : parseStoredJson(row.profile, this.#onWarning),
        profileUpdatedAt: row.profile_updated_at,
      }
    } catch (error) {
      throw toStoreError(error)
    }
  }

  async put(key: SessionKey, record: SessionRecord): Promise<void> {
    try {
      this.#statements.put.run({
        key: sessionKeyToString(key),
        channel: key.channel,
        chatId: key.chatId,
        userId: key.userId,
        dialogue: record.dialogue === null ? null : JSON.stringify(record.dialogue),
        dialogueUpdatedAt: record.dialogueUpdatedAt,
        profile: record.profile === null ? null : JSON.stringify(record.profile),
        profileUpdatedAt: record.profileUpdatedAt,
      })
    } catch (error) {
      throw toStoreError(error)
    }
  }

  async delete(key: SessionKey): Promise<void> {
    try {
      this.#statements.delete.run(sessionKeyToString(key))
    } catch (error) {
      throw toStoreError(error)
    }
  }

  async count(): Promise<number> {
    return (this.#statements.count.get() as { count: number }).count
  }

  async ping(): Promise<boolean> {
    try {
      this.#db.prepare('SELECT 1').get()
      return true
    } catch {
      return false
    }
  }

  /** Retention: removes sessions whose profile and dialogue are both past the profile retention. */
  purgeExpired(now = this.#now()): number {
    const cutoff = now - this.#options.profileTtlMs
    this.#statements.purgeDedupe.run(now)
    return this.#statements.purge.run(cutoff, cutoff).changes
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    try {
      const now = this.#now()
      return this.#statements.claim.run(id, now + ttlMs, now).changes === 1
    } catch (error) {
      throw toStoreError(error)
    }
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close()
  }
}
