/**
 * Persistence ports. The dialogue layer only sees these interfaces; memory, SQLite and Redis implement them.
 */
export interface SessionKey {
  channel: string
  chatId: string
  userId: string
}

export function sessionKeyToString(key: SessionKey): string {
  return [key.channel, key.chatId, key.userId].map((part) => encodeURIComponent(part)).join(':')
}

/** What is kept per (channel, chat, user). `dialogue` expires when idle; `profile` lives much longer. */
export interface SessionRecord {
  /** Dialogue state (JSON-serialisable), null when no dialogue is under way. */
  dialogue: unknown | null
  /** Epoch ms of the last dialogue update. */
  dialogueUpdatedAt: number
  /** The enterprise profile: facts the user told us (JSON-serialisable). */
  profile: unknown | null
  profileUpdatedAt: number
}

export interface SessionStoreOptions {
  /** Idle dialogue expiry in ms (default 2 h). */
  dialogueTtlMs: number
  /** Profile retention in ms (default 30 days). */
  profileTtlMs: number
}

export interface SessionStore {
  /** Returns the record with expired parts already cleared (dialogue null when idle too long), or null. */
  get(key: SessionKey): Promise<SessionRecord | null>
  put(key: SessionKey, record: SessionRecord): Promise<void>
  /** Removes the one record kept for the key. */
  delete(key: SessionKey): Promise<void>
  /**
   * 删除我的数据: removes every record of one person in one channel, whatever chat it was kept for (a person is
   * (channel, userId) across chats). Returns how many records were removed.
   */
  deletePerson(channel: string, userId: string): Promise<number>
  /** Number of records kept (for metrics/admin). */
  count(): Promise<number>
  /** Checks the backing store is reachable (readiness). */
  ping(): Promise<boolean>
  close(): Promise<void>
}

export interface DedupeStore {
  /** Atomically claims `id`; true the first time within `ttlMs`, false for a repeat. */
  claim(id: string, ttlMs: number): Promise<boolean>
  close(): Promise<void>
}

export interface RateLimiter {
  /** Takes one token for `key`; false when `limit` is exceeded within `windowMs`. */
  take(key: string, limit: number, windowMs: number): Promise<boolean>
}
