import type { DedupeStore } from './session-store.js'

/** In-process dedupe: remembers ids until their TTL passes. For tests and single-process runs. */
export class MemoryDedupeStore implements DedupeStore {
  readonly #seen = new Map<string, number>()
  readonly #now: () => number
  #nextSweep = 0

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    const now = this.#now()
    this.#sweep(now)
    const expiresAt = this.#seen.get(id)
    if (expiresAt !== undefined && expiresAt > now) return false
    this.#seen.set(id, now + ttlMs)
    return true
  }

  async close(): Promise<void> {
    this.#seen.clear()
  }

  /** Drops expired ids at most once a minute (a sweep per claim would make every claim O(n)). */
  #sweep(now: number): void {
    if (now < this.#nextSweep) return
    this.#nextSweep = now + 60_000
    for (const [id, expiresAt] of this.#seen) if (expiresAt <= now) this.#seen.delete(id)
  }
}
