import type { SessionStoreOptions } from './session-store.js'

/** Default idle dialogue expiry: 2 hours. */
export const DEFAULT_DIALOGUE_TTL_MS = 2 * 3_600_000
/** Default profile retention: 30 days. */
export const DEFAULT_PROFILE_TTL_MS = 30 * 86_400_000

/** Fills in defaults and rejects TTLs that are not positive numbers (a zero TTL would silently keep nothing). */
export function resolveSessionStoreOptions(options: Partial<SessionStoreOptions>): SessionStoreOptions {
  const resolved = {
    dialogueTtlMs: options.dialogueTtlMs ?? DEFAULT_DIALOGUE_TTL_MS,
    profileTtlMs: options.profileTtlMs ?? DEFAULT_PROFILE_TTL_MS,
  }
  for (const [name, value] of Object.entries(resolved))
    if (!Number.isFinite(value) || value <= 0)
      throw new RangeError(`${name} must be a positive number of milliseconds, got ${value}`)
  return resolved
}
