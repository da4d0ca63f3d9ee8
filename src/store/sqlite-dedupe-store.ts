import type Database from 'better-sqlite3'
import { openSqliteDatabase, type OpenSqliteOptions } from './open-sqlite-database.js'
import type { DedupeStore } from './session-store.js'
import { toStoreError } from './to-store-error.js'

/** Either `dataDir` (opens and owns the file) or an open `database` shared with the session store. */
export type SqliteDedupeStoreOptions = { now?: () => number } & (OpenSqliteOptions | { database: Database.Database })

/**
 * Dedupe ids in the SQLite file, so a platform retry after a restart is still recognised. A claim is one
 * atomic upsert: it succeeds only when the id is new or its previous claim has expired.
 */
export class SqliteDedupeStore implements DedupeStore {
  readonly #db: Database.Database
  readonly #ownsDatabase: boolean
  readonly #now: () => number
  readonly #claim: Database.Statement
  readonly #purge: Database.Statement

  constructor(options: SqliteDedupeStoreOptions) {
    this.#now = options.now ?? Date.now
    this.#ownsDatabase = !('database' in options)
    this.#db = 'database' in options ? options.database : openSqliteDatabase(options)
    this.#claim = this.#db.prepare(
      'INSERT INTO dedupe (id, expires_at) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET expires_at = excluded.expires_at WHERE dedupe.expires_at <= ?',
    )
    this.#purge = this.#db.prepare('DELETE FROM dedupe WHERE expires_at <= ?')
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    if (!Number.isFinite(ttlMs) || ttlMs <= 0)
      throw new RangeError(`dedupe ttlMs must be a positive number, got ${ttlMs}`)
    const now = this.#now()
    try {
      return this.#claim.run(id, now + ttlMs, now).changes === 1
    } catch (error) {
      throw toStoreError(error, 'SQLite dedupe claim')
    }
  }

  /** Deletes expired ids (run periodically); returns how many were removed. */
  purgeExpired(now = this.#now()): number {
    try {
      return this.#purge.run(now).changes
    } catch (error) {
      throw toStoreError(error, 'SQLite dedupe sweep')
    }
  }

  async close(): Promise<void> {
    if (this.#ownsDatabase && this.#db.open) this.#db.close()
  }
}
