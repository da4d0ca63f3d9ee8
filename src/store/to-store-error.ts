import { StoreError } from './store-error.js'

/** SQLite result codes (better-sqlite3 `error.code`) grouped by StoreError code. */
const SQLITE_BUSY_CODES = ['SQLITE_BUSY', 'SQLITE_LOCKED']
const SQLITE_CORRUPT_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB']

function startsWithAny(code: string, prefixes: string[]): boolean {
  return prefixes.some((prefix) => code === prefix || code.startsWith(`${prefix}_`))
}

/**
 * Maps a better-sqlite3, ioredis or file-system error to a StoreError with a clear message.
 * `context` names the operation ("SQLite write", "Redis get") so the log line says what failed.
 */
export function toStoreError(error: unknown, context: string): StoreError {
  if (error instanceof StoreError) return error
  const code = String((error as { code?: unknown } | null)?.code ?? '')
  const detail = error instanceof Error ? error.message : String(error)
  if (startsWithAny(code, SQLITE_BUSY_CODES))
    return new StoreError(
      'STORE_BUSY',
      `${context} failed: the SQLite database is locked by another connection (${code}); retry later`,
      { cause: error },
    )
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL')
    return new StoreError(
      'STORE_FULL',
      `${context} failed: the disk or database is full (${code || detail}); nothing was written`,
      { cause: error },
    )
  if (startsWithAny(code, SQLITE_CORRUPT_CODES))
    return new StoreError(
      'STORE_CORRUPT',
      `${context} failed: the SQLite file is damaged or not a database (${code}); restore it from a backup`,
      { cause: error },
    )
  if (code.startsWith('SQLITE_'))
    return new StoreError('STORE_UNAVAILABLE', `${context} failed: SQLite error ${code}: ${detail}`, { cause: error })
  // Redis replies: OOM (maxmemory reached), BUSY (a script is running), LOADING (restarting from disk).
  if (/^OOM\b/.test(detail))
    return new StoreError('STORE_FULL', `${context} failed: Redis is out of memory (maxmemory reached): ${detail}`, {
      cause: error,
    })
  if (/^(BUSY|LOADING|TRYAGAIN)\b/.test(detail))
    return new StoreError('STORE_BUSY', `${context} failed: Redis is busy: ${detail}`, { cause: error })
  if (/^WRONGTYPE\b/.test(detail))
    return new StoreError(
      'STORE_CORRUPT',
      `${context} failed: the Redis key holds a value of another type: ${detail}`,
      { cause: error },
    )
  return new StoreError('STORE_UNAVAILABLE', `${context} failed: ${detail}`, { cause: error })
}
