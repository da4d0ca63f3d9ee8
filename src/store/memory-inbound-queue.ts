import {
  claimable,
  type ClaimOptions,
  type EnqueueOptions,
  type InboundEntry,
  type InboundQueue,
} from './inbound-queue.js'

/** The inbound queue in process memory: for tests and for the terminal chat. Lost on exit, by design. */
export class MemoryInboundQueue implements InboundQueue {
  readonly #entries = new Map<string, InboundEntry & { leaseUntil: number }>()
  readonly #marks = new Map<string, number>()
  readonly #now: () => number

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now
  }

  async enqueue(entry: InboundEntry, options: EnqueueOptions): Promise<boolean> {
    const now = this.#now()
    this.#sweep(now)
    const mark = this.#marks.get(entry.id)
    if ((mark !== undefined && mark > now) || this.#entries.has(entry.id)) return false
    this.#marks.set(entry.id, now + options.dedupeTtlMs)
    this.#entries.set(entry.id, { ...entry, leaseUntil: now + options.leaseMs })
    return true
  }

  async update(id: string, body: string): Promise<void> {
    const entry = this.#entries.get(id)
    if (entry) entry.body = body
  }

  async complete(id: string): Promise<void> {
    this.#entries.delete(id)
  }

  async abandon(id: string): Promise<void> {
    this.#entries.delete(id)
    this.#marks.delete(id)
  }

  async claim(options: ClaimOptions): Promise<InboundEntry[]> {
    const now = this.#now()
    const claimed: InboundEntry[] = []
    for (const entry of this.#entries.values()) {
      if (claimed.length >= (options.limit ?? 100)) break
      if (entry.channel !== options.channel || !claimable(entry.leaseUntil, now, options)) continue
      entry.leaseUntil = now + options.leaseMs
      claimed.push({ id: entry.id, channel: entry.channel, body: entry.body })
    }
    return claimed
  }

  async release(ids: string[]): Promise<void> {
    for (const id of ids) {
      const entry = this.#entries.get(id)
      if (entry) entry.leaseUntil = 0
    }
  }

  async renew(ids: string[], leaseMs: number): Promise<void> {
    const until = this.#now() + leaseMs
    for (const id of ids) {
      const entry = this.#entries.get(id)
      if (entry) entry.leaseUntil = until
    }
  }

  async depth(): Promise<number> {
    return this.#entries.size
  }

  #nextSweep = 0
  /** Drops expired dedupe marks at most once a minute. */
  #sweep(now: number): void {
    if (now < this.#nextSweep) return
    this.#nextSweep = now + 60_000
    for (const [id, expiresAt] of this.#marks) if (expiresAt <= now) this.#marks.delete(id)
  }
}
