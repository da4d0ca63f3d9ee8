/** Stable codes a caller can branch on; the dialogue turns any of them into a short "try again" reply. */
export type StoreErrorCode = 'STORE_UNAVAILABLE' | 'STORE_BUSY' | 'STORE_FULL' | 'STORE_CORRUPT'

/**
 * A storage failure with a stable code and a clear English message (for logs and operators, not for users).
 * The original driver error is kept as `cause`.
 */
export class StoreError extends Error {
  override name = 'StoreError'
  readonly code: StoreErrorCode

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}
