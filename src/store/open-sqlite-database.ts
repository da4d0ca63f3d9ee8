import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { StoreError } from './store-error.js'
import { toStoreError } from './to-store-error.js'

/** The database file inside DATA_DIR. */
export const SQLITE_FILE_NAME = 'advisor.db'

/**
 * Schema migrations; entry i brings the schema from version i to i + 1. Append only: never edit a shipped entry.
 * Version 1 is the layout the first release created. Mind the page budget: each new table or index costs a page
 * of every database, however small.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS sessions (
     key TEXT PRIMARY KEY, channel TEXT NOT NULL, chat_id TEXT NOT NULL, user_id TEXT NOT NULL,
     dialogue TEXT, dialogue_updated_at INTEGER NOT NULL, profile TEXT, profile_updated_at INTEGER NOT NULL);
   CREATE INDEX IF NOT EXISTS sessions_profile_updated ON sessions (profile_updated_at);
   CREATE TABLE IF NOT EXISTS dedupe (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);`,
  // The durable inbound queue (sqlite-inbound-queue.ts); its dedupe marks live in `dedupe`.
  `CREATE TABLE IF NOT EXISTS inbound (
     id TEXT PRIMARY KEY, channel TEXT NOT NULL, body TEXT NOT NULL, lease_until INTEGER NOT NULL, enqueued_at INTEGER NOT NULL);`,
]

/** The schema version this build writes. */
export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length

/** How the SQLite file is opened. */
export interface OpenSqliteOptions {
  /** Directory holding `advisor.db`; created (with parents) when missing. */
  dataDir: string
  /** How long a write waits for another connection's lock before failing with STORE_BUSY (default 1000 ms). The wait blocks the event loop, so keep it short. */
  busyTimeoutMs?: number
  /** Caps the file at this many pages (4 KiB each); writes past it fail with STORE_FULL. For quotas and tests. */
  maxPageCount?: number
  /** `NORMAL` (default) survives a process crash; `FULL` also survives a power cut, at one fsync per write. */
  synchronous?: 'NORMAL' | 'FULL'
}

function migrate(db: Database.Database, file: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
  const readVersion = () =>
    (db.prepare('SELECT MAX(version) AS version FROM schema_version').get() as { version: number | null }).version ?? 0
  // IMMEDIATE: two processes opening a fresh file at once cannot both run a migration.
  db.transaction(() => {
    const current = readVersion()
    if (current > SQLITE_SCHEMA_VERSION)
      throw new StoreError(
        'STORE_UNAVAILABLE',
        `${file} has schema version ${current}, newer than this build supports (${SQLITE_SCHEMA_VERSION}); upgrade the application`,
      )
    for (let version = current; version < SQLITE_SCHEMA_VERSION; version += 1) db.exec(MIGRATIONS[version]!)
    if (current === 0) db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SQLITE_SCHEMA_VERSION)
    else if (current < SQLITE_SCHEMA_VERSION)
      db.prepare('UPDATE schema_version SET version = ?').run(SQLITE_SCHEMA_VERSION)
  }).immediate()
}

/**
 * Opens (creating directory and file when needed) `${dataDir}/advisor.db` in WAL mode with a busy timeout and
 * brings its schema up to date. Fails with a StoreError that names the file.
 */
export function openSqliteDatabase(options: OpenSqliteOptions): Database.Database {
  const file = join(options.dataDir, SQLITE_FILE_NAME)
  let db: Database.Database | undefined
  try {
    mkdirSync(options.dataDir, { recursive: true })
    db = new Database(file)
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 1000))}`)
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`)
    if (options.maxPageCount) db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxPageCount))}`)
    migrate(db, file)
    return db
  } catch (error) {
    if (db?.open) db.close()
    throw toStoreError(error, `opening ${file}`)
  }
}
