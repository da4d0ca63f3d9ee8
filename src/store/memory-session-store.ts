import { decodeSessionPart, encodeSessionRecord, type EncodedSessionRecord } from './session-record-codec.js'
import { checkSessionExpiry } from './session-expiry.js'
import { resolveSessionStoreOptions } from './session-store-options.js'
import {
  sessionKeyToString,
  type SessionKey,
  type SessionRecord,
  type SessionStore,
  type SessionStoreOptions,
} from './session-store.js'
import type { StoreWarningListener } from './store-warning.js'

/** Options of the in-process store; TTLs default to 2 h (dialogue) and 30 days (profile). */
export interface MemorySessionStoreOptions extends Partial<SessionStoreOptions> {
  now?: () => number
  onWarning?: StoreWarningListener
}

/**
 * In-process SessionStore for unit tests and single-process tryouts. Keeps records as JSON text, so what
 * survives here is exactly what survives in SQLite or Redis, and applies the same expiry rules.
 */
export class MemorySessionStore implements SessionStore {
  readonly #records = new Map<string, EncodedSessionRecord>()
  readonly #options: SessionStoreOptions
  readonly #now: () => number
  readonly #onWarning?: StoreWarningListener

  constructor(options: MemorySessionStoreOptions = {}) {
    this.#options = resolveSessionStoreOptions(options)
    this.#now = options.now ?? Date.now
    this.#onWarning = options.onWarning
  }

  async get(key: SessionKey): Promise<SessionRecord | null> {
    const id = sessionKeyToString(key)
    const stored = this.#records.get(id)
    if (!stored) return null
    const expiry = checkSessionExpiry(stored, this.#now(), this.#options)
    if (expiry.gone) {
      this.#records.delete(id)
      return null
    }
    if (expiry.profileExpired && stored.profile !== null) stored.profile = null
    return {
      dialogue: expiry.dialogueExpired ? null : decodeSessionPart(stored.dialogue, 'dialogue', id, this.#onWarning),
      dialogueUpdatedAt: stored.dialogueUpdatedAt,
      profile: decodeSessionPart(stored.profile, 'profile', id, this.#onWarning),
      profileUpdatedAt: stored.profileUpdatedAt,
    }
  }

  async put(key: SessionKey, record: SessionRecord): Promise<void> {
    this.#records.set(sessionKeyToString(key), encodeSessionRecord(record))
  }

  async delete(key: SessionKey): Promise<void> {
    this.#records.delete(sessionKeyToString(key))
  }

  async deletePerson(channel: string, userId: string): Promise<number> {
    const prefix = `${encodeURIComponent(channel)}:`
    const suffix = `:${encodeURIComponent(userId)}`
    let removed = 0
    for (const id of [...this.#records.keys()]) {
      if (id.startsWith(prefix) && id.endsWith(suffix) && id.slice(prefix.length, -suffix.length).indexOf(':') === -1) {
        this.#records.delete(id)
        removed += 1
      }
    }
    return removed
  }

  /** Records with anything still visible. */
  async count(): Promise<number> {
    this.purgeExpired()
    return this.#records.size
  }

  async ping(): Promise<boolean> {
    return true
  }

  /** Retention sweep: drops records whose dialogue and profile have both expired, and expired profiles. */
  purgeExpired(now = this.#now()): number {
    let removed = 0
    for (const [id, stored] of this.#records) {
      const expiry = checkSessionExpiry(stored, now, this.#options)
      if (expiry.gone) {
        this.#records.delete(id)
        removed += 1
      } else if (expiry.profileExpired) stored.profile = null
    }
    return removed
  }

  async close(): Promise<void> {
    this.#records.clear()
  }
}
