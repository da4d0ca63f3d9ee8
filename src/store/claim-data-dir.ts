import { readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { StoreError } from './store-error.js'

/** The lock file; its POSIX lock (held by SQLite's EXCLUSIVE locking mode) is what marks DATA_DIR as owned. */
export const DATA_DIR_LOCK_FILE = 'advisor.lock'
/** Who holds the lock, for the refusal message only (the lock itself is the kernel's). */
export const DATA_DIR_OWNER_FILE = 'advisor.lock.owner'

/** Held until `release()` or the process ends. */
export interface DataDirClaim {
  release(): void
}

/**
 * One writer per SQLite file: claims DATA_DIR for this process, or throws a StoreError (STORE_BUSY) saying who
 * holds it and that a second replica needs REDIS_URL.
 *
 * The claim is a kernel file lock (fcntl, through SQLite's EXCLUSIVE locking mode on `advisor.lock`), not a pid
 * file: the kernel drops it when the holder dies, even by `kill -9`, so a stale claim can never block a restart,
 * and pid reuse (pid 1 in every container) cannot fool it.
 */
export function claimDataDir(dataDir: string): DataDirClaim {
  const file = join(dataDir, DATA_DIR_LOCK_FILE)
  const ownerFile = join(dataDir, DATA_DIR_OWNER_FILE)
  const db = new Database(file)
  try {
    db.pragma('busy_timeout = 0')
    db.pragma('journal_mode = DELETE')
    db.pragma('locking_mode = EXCLUSIVE')
    // The first write in EXCLUSIVE mode takes the exclusive lock and keeps it until the connection closes.
    db.exec(
      'CREATE TABLE IF NOT EXISTS claim (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, claimed_at INTEGER NOT NULL)',
    )
    db.prepare(
      'INSERT INTO claim (id, pid, claimed_at) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET pid = excluded.pid, claimed_at = excluded.claimed_at',
    ).run(process.pid, Date.now())
  } catch (error) {
    db.close()
    const code = String((error as { code?: unknown }).code ?? '')
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new StoreError(
        'STORE_BUSY',
        `DATA_DIR ${dataDir} is already used by another running process (${readOwner(ownerFile)}). SQLite allows one writer per file: ` +
          'stop that process, give this one its own DATA_DIR, or run every replica with REDIS_URL set.',
        { cause: error },
      )
    }
    throw new StoreError(
      'STORE_UNAVAILABLE',
      `cannot lock ${file}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
  try {
    writeFileSync(ownerFile, `pid ${process.pid} on ${hostname()} since ${new Date().toISOString()}\n`)
  } catch {
    // Informational only.
  }
  return {
    release: () => {
      if (db.open) db.close()
    },
  }
}

function readOwner(ownerFile: string): string {
  try {
    return readFileSync(ownerFile, 'utf8').trim() || 'owner unknown'
  } catch {
    return 'owner unknown'
  }
}
