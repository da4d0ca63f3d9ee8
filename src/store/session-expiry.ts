import type { SessionStoreOptions } from './session-store.js'

/** Which parts of a stored record are past their time; `gone` means nothing is left to keep. */
export interface SessionExpiry {
  dialogueExpired: boolean
  profileExpired: boolean
  gone: boolean
}

/**
 * The one expiry rule every store applies: the dialogue expires after `dialogueTtlMs` idle, the profile after
 * `profileTtlMs`; when both have, the record is deleted. A timestamp that is not a finite number counts as expired.
 */
export function checkSessionExpiry(
  updatedAt: { dialogueUpdatedAt: number; profileUpdatedAt: number },
  now: number,
  options: SessionStoreOptions,
): SessionExpiry {
  const dialogueExpired =
    !Number.isFinite(updatedAt.dialogueUpdatedAt) || now - updatedAt.dialogueUpdatedAt > options.dialogueTtlMs
  const profileExpired =
    !Number.isFinite(updatedAt.profileUpdatedAt) || now - updatedAt.profileUpdatedAt > options.profileTtlMs
  return { dialogueExpired, profileExpired, gone: dialogueExpired && profileExpired }
}

/** Epoch ms after which nothing of the record is visible (used for the Redis key TTL). */
export function sessionExpiresAt(
  updatedAt: { dialogueUpdatedAt: number; profileUpdatedAt: number },
  options: SessionStoreOptions,
): number {
  return Math.max(
    updatedAt.dialogueUpdatedAt + options.dialogueTtlMs,
    updatedAt.profileUpdatedAt + options.profileTtlMs,
  )
}
