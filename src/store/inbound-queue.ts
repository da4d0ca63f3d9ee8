/**
 * The durable inbound queue: every message a channel acknowledges to its platform is recorded here first and
 * removed only after its reply is sent, so a restart (or a crash) never loses an answer. Memory, SQLite and Redis
 * implement it; the inbound pipeline (src/channels/inbound-pipeline.ts) is its only user.
 *
 * An entry's id is its idempotency key (e.g. `feishu:om_…`). Enqueueing also leaves a dedupe mark that outlives
 * the entry, so a platform retry of a message that is queued or answered is recognised, while a message whose
 * entry was abandoned (`abandon`) can be delivered again.
 */
export interface InboundEntry {
  id: string
  channel: string
  /** Opaque JSON written by the pipeline (the parsed message, the reply once advised, parts sent). */
  body: string
}

export interface EnqueueOptions {
  /** How long the dedupe mark lasts (longer than the platform's retry window). */
  dedupeTtlMs: number
  /** The entry belongs to this process until then; after it, any process may claim it (`claim`). */
  leaseMs: number
}

export interface ClaimOptions {
  /** Only this channel's entries (each channel's pipeline claims its own). */
  channel: string
  leaseMs: number
  /**
   * Claim every entry, leased or not: for a single-writer store (SQLite under one DATA_DIR), where whoever held a
   * lease before this start is gone. With a shared store (Redis) only expired or released leases are claimed.
   */
  ignoreLeases?: boolean
  /** At most this many entries (default 100). */
  limit?: number
}

export interface InboundQueue {
  /** Records the entry and its dedupe mark atomically; false (nothing written) when the id is already marked. */
  enqueue(entry: InboundEntry, options: EnqueueOptions): Promise<boolean>
  /** Replaces the entry's body (progress); a no-op when the entry is gone. */
  update(id: string, body: string): Promise<void>
  /** The reply was sent: removes the entry; the dedupe mark stays until it expires. */
  complete(id: string): Promise<void>
  /** Gives up on the entry: removes it and its dedupe mark, so a platform retry is answered. */
  abandon(id: string): Promise<void>
  /** Takes over entries whose lease expired (or was released) and leases them to the caller for `leaseMs`. */
  claim(options: ClaimOptions): Promise<InboundEntry[]>
  /** Ends the caller's leases on these entries (on shutdown), so the next start claims them at once. */
  release(ids: string[]): Promise<void>
  /** Extends the leases of entries still being worked on, so no other process takes them over meanwhile. */
  renew(ids: string[], leaseMs: number): Promise<void>
  /** Entries recorded and not yet completed (metrics, tests). */
  depth(): Promise<number>
}

/** Whether an entry with this lease may be claimed now. */
export function claimable(leaseUntil: number, now: number, options: ClaimOptions): boolean {
  return options.ignoreLeases === true || leaseUntil <= now
}
