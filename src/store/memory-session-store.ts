import { sessionKeyToString, type SessionKey, type SessionRecord, type SessionStore, type SessionStoreOptions } from './session-store.js'

/** In-process SessionStore for tests and single-process tryouts; same expiry rules as the persistent stores. */
export class MemorySessionStore implements SessionStore {
  readonly #records = new Map<string, SessionRecord>()
  readonly #options: SessionStoreOptions
  readonly #now: () => number

  constructor(options: Partial<SessionStoreOptions> & { now?: () => number } = {}) {
    this.#options = { dialogueTtlMs: options.dialogueTtlMs ?? 2 * 3_600_000, profileTtlMs: options.profileTtlMs ?? 30 * 86_400_000 }
    this.#now = options.now ?? Date.now
  }

  async get(key: SessionKey): Promise<SessionRecord | null> {
    const id = sessionKeyToString(key)
    const record = this.#records.get(id)
    if (!record) return null
    const now = this.#now()
    if (now - record.profileUpdatedAt > this.#options.profileTtlMs && now - record.dialogueUpdatedAt > this.#options.profileTtlMs) {
      this.#records.delete(id)
      return null
    }
    const copy = structuredClone(record)
    if (now - copy.dialogueUpdatedAt > this.#options.dialogueTtlMs) copy.dialogue = null
    if (now - copy.profileUpdatedAt > this.#options.profileTtlMs) copy.profile = null
    return copy
  }

  async put(key: SessionKey, record: SessionRecord): Promise<void> {
    this.#records.set(sessionKeyToString(key), structuredClone(record))
  }

  async delete(key: SessionKey): Promise<void> {
    this.#records.delete(sessionKeyToString(key))
  }

  async count(): Promise<number> {
    return this.#records.size
  }

  async ping(): Promise<boolean> {
    return true
  }

  async close(): Promise<void> {}
}
