import type { RateLimiter } from './session-store.js'

/** In-process sliding-window rate limiter. */
export class MemoryRateLimiter implements RateLimiter {
  readonly #hits = new Map<string, number[]>()
  readonly #now: () => number

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now
  }

  async take(key: string, limit: number, windowMs: number): Promise<boolean> {
    const now = this.#now()
    const recent = (this.#hits.get(key) ?? []).filter((time) => time > now - windowMs)
    if (recent.length >= limit) {
      this.#hits.set(key, recent)
      return false
    }
    recent.push(now)
    this.#hits.set(key, recent)
    return true
  }
}
