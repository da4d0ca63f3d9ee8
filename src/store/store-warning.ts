/**
 * A degradation a store survived (damaged value read around, Redis reconnecting, retention sweep failed).
 * Never carries enterprise figures or message text, so it can be logged as is.
 */
export interface StoreWarning {
  /** Stable kind, e.g. `store-corrupt-value`, `redis-error`, `store-purge-failed`, `redis-lock-lost`. */
  type: string
  message: string
  /** The session key string (`sessionKeyToString`) when the warning concerns one record. */
  key?: string
}

/** Receives store warnings; typically forwards them to the logger. */
export type StoreWarningListener = (warning: StoreWarning) => void
