import type Database from 'better-sqlite3'
import {
  claimable,
  type ClaimOptions,
  type EnqueueOptions,
  type InboundEntry,
  type InboundQueue,
} from './inbound-queue.js'
import { toStoreError } from './to-store-error.js'

/** Dedupe marks share the `dedupe` table with the channels' other ids under this prefix. */
const MARK_PREFIX = 'inbound:'

/**
 * The inbound queue in the SQLite file under DATA_DIR (table `inbound`, marks in `dedupe`). One process writes the
 * file, so at start-up every entry left by the previous process is claimed (`ignoreLeases`).
 */
export class SqliteInboundQueue implements InboundQueue {
  readonly #db: Database.Database
  readonly #now: () => number
  readonly #enqueue: (entry: InboundEntry, options: EnqueueOptions, now: number) => boolean
  readonly #statements: Record<
    'update' | 'complete' | 'unmark' | 'candidates' | 'lease' | 'release' | 'depth',
    Database.Statement
  >

  constructor(options: { database: Database.Database; now?: () => number }) {
    this.#db = options.database
    this.#now = options.now ?? Date.now
    const db = this.#db
    const mark = db.prepare(
      'INSERT INTO dedupe (id, expires_at) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET expires_at = excluded.expires_at WHERE dedupe.expires_at <= ?',
    )
    const insert = db.prepare(
      'INSERT OR IGNORE INTO inbound (id, channel, body, lease_until, enqueued_at) VALUES (?, ?, ?, ?, ?)',
    )
    this.#enqueue = db.transaction((entry: InboundEntry, enqueue: EnqueueOptions, now: number) => {
      if (mark.run(MARK_PREFIX + entry.id, now + enqueue.dedupeTtlMs, now).changes !== 1) return false
      if (insert.run(entry.id, entry.channel, entry.body, now + enqueue.leaseMs, now).changes !== 1)
        throw new Error('already queued')
      return true
    })
    this.#statements = {
      update: db.prepare('UPDATE inbound SET body = ? WHERE id = ?'),
      complete: db.prepare('DELETE FROM inbound WHERE id = ?'),
      unmark: db.prepare('DELETE FROM dedupe WHERE id = ?'),
      candidates: db.prepare(
        'SELECT id, channel, body, lease_until AS leaseUntil FROM inbound WHERE channel = ? AND (? = 1 OR lease_until <= ?) ORDER BY enqueued_at LIMIT ?',
      ),
      lease: db.prepare('UPDATE inbound SET lease_until = ? WHERE id = ?'),
      release: db.prepare('UPDATE inbound SET lease_until = 0 WHERE id = ?'),
      depth: db.prepare('SELECT COUNT(*) AS count FROM inbound'),
    }
  }

  async enqueue(entry: InboundEntry, options: EnqueueOptions): Promise<boolean> {
    try {
      return this.#enqueue(entry, options, this.#now())
    } catch (error) {
      if (error instanceof Error && error.message === 'already queued') return false
      throw toStoreError(error, 'SQLite inbound enqueue')
    }
  }

  async update(id: string, body: string): Promise<void> {
    this.#write(() => this.#statements.update.run(body, id), 'SQLite inbound update')
  }

  async complete(id: string): Promise<void> {
    this.#write(() => this.#statements.complete.run(id), 'SQLite inbound complete')
  }

  async abandon(id: string): Promise<void> {
    this.#write(
      () =>
        this.#db.transaction(() => {
          this.#statements.complete.run(id)
          this.#statements.unmark.run(MARK_PREFIX + id)
        })(),
      'SQLite inbound abandon',
    )
  }

  async claim(options: ClaimOptions): Promise<InboundEntry[]> {
    const now = this.#now()
    return this.#write(
      () =>
        this.#db.transaction(() => {
          const rows = this.#statements.candidates.all(
            options.channel,
            options.ignoreLeases ? 1 : 0,
            now,
            options.limit ?? 100,
          ) as Array<InboundEntry & { leaseUntil: number }>
          const claimed = rows.filter((row) => claimable(row.leaseUntil, now, options))
          for (const row of claimed) this.#statements.lease.run(now + options.leaseMs, row.id)
          return claimed.map(({ id, channel, body }) => ({ id, channel, body }))
        })(),
      'SQLite inbound claim',
    )
  }

  async release(ids: string[]): Promise<void> {
    this.#write(
      () => this.#db.transaction(() => ids.forEach((id) => this.#statements.release.run(id)))(),
      'SQLite inbound release',
    )
  }

  async renew(ids: string[], leaseMs: number): Promise<void> {
    const until = this.#now() + leaseMs
    this.#write(
      () => this.#db.transaction(() => ids.forEach((id) => this.#statements.lease.run(until, id)))(),
      'SQLite inbound renew',
    )
  }

  async depth(): Promise<number> {
    return this.#write(() => (this.#statements.depth.get() as { count: number }).count, 'SQLite inbound depth')
  }

  #write<T>(operation: () => T, context: string): T {
    try {
      return operation()
    } catch (error) {
      throw toStoreError(error, context)
    }
  }
}
