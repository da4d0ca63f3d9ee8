/** A storage failure with a stable code; the dialogue turns it into a clear "try again" reply. */
export class StoreError extends Error {
  override name = 'StoreError'
  constructor(
    readonly code: 'STORE_UNAVAILABLE' | 'STORE_BUSY' | 'STORE_FULL' | 'STORE_CORRUPT',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** Maps a better-sqlite3 / ioredis error to a StoreError. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error
  const code = (error as { code?: string } | null)?.code ?? ''
  const message = error instanceof Error ? error.message : String(error)
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new StoreError('STORE_BUSY', `database busy: ${message}`, { cause: error })
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new StoreError('STORE_FULL', `disk full: ${message}`, { cause: error })
  if (code.startsWith('SQLITE_CORRUPT')) return new StoreError('STORE_CORRUPT', `database corrupt: ${message}`, { cause: error })
  return new StoreError('STORE_UNAVAILABLE', message, { cause: error })
}

/** Parses a stored JSON value; a damaged value becomes null (reported) instead of crashing the turn. */
export function parseStoredJson(text: string | null | undefined, onWarning?: (warning: { type: string; message: string }) => void): unknown {
  if (text === null || text === undefined || text === '') return null
  try {
    return JSON.parse(text)
  } catch (error) {
    onWarning?.({ type: 'store-corrupt-value', message: error instanceof Error ? error.message : String(error) })
    return null
  }
}
