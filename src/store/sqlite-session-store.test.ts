import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { openSqliteDatabase, SQLITE_SCHEMA_VERSION } from './open-sqlite-database.js'
import { sessionKeyToString, type SessionRecord } from './session-store.js'
import { SqliteDedupeStore } from './sqlite-dedupe-store.js'
import { SqliteSessionStore } from './sqlite-session-store.js'
import { StoreError } from './store-error.js'
import type { StoreWarning } from './store-warning.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const options = { dialogueTtlMs: 2 * HOUR, profileTtlMs: 30 * DAY }
const key = { channel: 'feishu', chatId: 'oc_1', userId: 'ou_1' }
const directories: string[] = []
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true })
})

function freshDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'advisor-sqlite-'))
  directories.push(directory)
  return directory
}

function record(now: number, revenue = 3200): SessionRecord {
  return {
    dialogue: { mode: 'assessing', step: 3 },
    dialogueUpdatedAt: now,
    profile: { facts: { revenue }, name: '北京某科技有限公司' },
    profileUpdatedAt: now,
  }
}

describe('SqliteSessionStore', () => {
  it('creates the directory and advisor.db in WAL mode with the current schema', async () => {
    const dataDir = join(freshDir(), 'nested', 'data')
    const store = new SqliteSessionStore({ ...options, dataDir })
    await store.put(key, record(Date.now()))
    expect(existsSync(join(dataDir, 'advisor.db'))).toBe(true)
    const raw = new Database(join(dataDir, 'advisor.db'), { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(raw.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: SQLITE_SCHEMA_VERSION }])
    expect(raw.prepare('SELECT channel, chat_id, user_id FROM sessions').get()).toEqual({
      channel: 'feishu',
      chat_id: 'oc_1',
      user_id: 'ou_1',
    })
    raw.close()
    await store.close()
  })

  it('loses nothing across a restart (close and reopen)', async () => {
    const dataDir = freshDir()
    const now = Date.now()
    const first = new SqliteSessionStore({ ...options, dataDir })
    await first.put(key, record(now))
    await first.close()
    const second = new SqliteSessionStore({ ...options, dataDir })
    expect(await second.get(key)).toEqual(record(now))
    await second.close()
  })

  it('is seen by a second connection and by another process', async () => {
    const dataDir = freshDir()
    const now = Date.now()
    const writer = new SqliteSessionStore({ ...options, dataDir })
    const reader = new SqliteSessionStore({ ...options, dataDir })
    await writer.put(key, record(now))
    expect(await reader.get(key)).toEqual(record(now))
    const child = spawnSync(
      process.execPath,
      [
        '-e',
        `const Database = require('better-sqlite3'); const db = new Database(process.argv[1], { readonly: true }); process.stdout.write(db.prepare('SELECT profile FROM sessions').get().profile)`,
        join(dataDir, 'advisor.db'),
      ],
      { encoding: 'utf8', cwd: process.cwd() },
    )
    expect(child.stderr).toBe('')
    expect(JSON.parse(child.stdout)).toEqual(record(now).profile)
    await writer.close()
    await reader.close()
  })

  it('reads around a damaged value, reports it without its content, and a later write repairs it', async () => {
    const dataDir = freshDir()
    const warnings: StoreWarning[] = []
    const now = Date.now()
    const store = new SqliteSessionStore({ ...options, dataDir, onWarning: (warning) => warnings.push(warning) })
    await store.put(key, record(now))
    const raw = new Database(join(dataDir, 'advisor.db'))
    raw
      .prepare('UPDATE sessions SET dialogue = ? WHERE key = ?')
      .run('{"revenue": 3200, broken', sessionKeyToString(key))
    expect(await store.get(key)).toEqual({ ...record(now), dialogue: null })
    expect(warnings).toEqual([expect.objectContaining({ type: 'store-corrupt-value', key: sessionKeyToString(key) })])
    expect(warnings[0]!.message).not.toContain('3200')
    await store.put(key, record(now, 4000))
    expect(await store.get(key)).toEqual(record(now, 4000))

    raw
      .prepare('UPDATE sessions SET profile = ?, profile_updated_at = ? WHERE key = ?')
      .run(Buffer.from([0xff, 0x00]), 'yesterday', sessionKeyToString(key))
    const damaged = await store.get(key)
    expect(damaged?.dialogue).toEqual(record(now).dialogue)
    expect(damaged?.profile).toBeNull()
    expect(warnings.length).toBeGreaterThanOrEqual(2)
    raw.close()
    await store.close()
  })

  it('refuses a file that is not a database with STORE_CORRUPT, leaving it untouched', () => {
    const dataDir = freshDir()
    writeFileSync(
      join(dataDir, 'advisor.db'),
      'this is not a database, and it is long enough to have a header'.repeat(10),
    )
    let failure: unknown
    try {
      new SqliteSessionStore({ ...options, dataDir })
    } catch (error) {
      failure = error
    }
    expect(failure).toBeInstanceOf(StoreError)
    expect(failure).toMatchObject({ code: 'STORE_CORRUPT', message: expect.stringContaining('advisor.db') })
  })

  it('refuses a schema newer than this build', () => {
    const dataDir = freshDir()
    openSqliteDatabase({ dataDir }).close()
    const raw = new Database(join(dataDir, 'advisor.db'))
    raw.prepare('UPDATE schema_version SET version = ?').run(SQLITE_SCHEMA_VERSION + 1)
    raw.close()
    expect(() => new SqliteSessionStore({ ...options, dataDir })).toThrow(/newer than this build/)
  })

  it('opens a file written by the first release (schema 1) and keeps its data', async () => {
    const dataDir = freshDir()
    const raw = new Database(join(dataDir, 'advisor.db'))
    raw.exec(`CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);
      CREATE TABLE sessions (key TEXT PRIMARY KEY, channel TEXT NOT NULL, chat_id TEXT NOT NULL, user_id TEXT NOT NULL,
        dialogue TEXT, dialogue_updated_at INTEGER NOT NULL, profile TEXT, profile_updated_at INTEGER NOT NULL);
      CREATE INDEX sessions_profile_updated ON sessions (profile_updated_at);
      CREATE TABLE dedupe (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);`)
    const now = Date.now()
    raw
      .prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(sessionKeyToString(key), 'feishu', 'oc_1', 'ou_1', '{"step":1}', now, '{"facts":{}}', now)
    raw.close()
    const store = new SqliteSessionStore({ ...options, dataDir })
    expect(await store.get(key)).toEqual({
      dialogue: { step: 1 },
      dialogueUpdatedAt: now,
      profile: { facts: {} },
      profileUpdatedAt: now,
    })
    await store.close()
    const check = new Database(join(dataDir, 'advisor.db'), { readonly: true })
    expect(check.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: SQLITE_SCHEMA_VERSION }])
    check.close()
  })

  it('a locked database fails the write with STORE_BUSY, reads still work, and nothing is half-written', async () => {
    const dataDir = freshDir()
    const now = Date.now()
    const store = new SqliteSessionStore({ ...options, dataDir, busyTimeoutMs: 50 })
    await store.put(key, record(now))
    const blocker = new Database(join(dataDir, 'advisor.db'))
    blocker.exec('BEGIN IMMEDIATE')
    const started = Date.now()
    await expect(store.put(key, record(now, 9999))).rejects.toMatchObject({
      name: 'StoreError',
      code: 'STORE_BUSY',
      message: expect.stringMatching(/locked/),
    })
    expect(Date.now() - started).toBeLessThan(2000)
    expect(await store.get(key)).toEqual(record(now))
    blocker.exec('ROLLBACK')
    blocker.close()
    await store.put(key, record(now, 9999))
    expect(await store.get(key)).toEqual(record(now, 9999))
    await store.close()
  })

  it('a full disk fails the write with STORE_FULL and keeps what was saved before', async () => {
    const dataDir = freshDir()
    const now = Date.now()
    const store = new SqliteSessionStore({ ...options, dataDir, maxPageCount: 12 })
    await store.put(key, record(now))
    let failure: unknown
    for (let user = 0; user < 500 && !failure; user += 1) {
      await store
        .put({ ...key, userId: `filler-${user}` }, { ...record(now), dialogue: { text: '填充'.repeat(300) } })
        .catch((error: unknown) => {
          failure = error
        })
    }
    expect(failure).toMatchObject({ code: 'STORE_FULL', message: expect.stringMatching(/full/) })
    expect(await store.get(key)).toEqual(record(now))
    await store.delete(key)
    await store.close()
    const check = new Database(join(dataDir, 'advisor.db'), { readonly: true })
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    check.close()
  })

  it('purgeExpired erases expired profiles and idle dialogues and deletes records with nothing left', async () => {
    const dataDir = freshDir()
    let now = 1_700_000_000_000
    const store = new SqliteSessionStore({ ...options, dataDir, now: () => now })
    await store.put({ ...key, userId: 'old' }, record(now))
    await store.put({ ...key, userId: 'stale-profile' }, { ...record(now), dialogueUpdatedAt: now + 30 * DAY })
    now += 29 * DAY
    await store.put({ ...key, userId: 'recent' }, record(now))
    now += DAY + 1
    expect(store.purgeExpired()).toBe(1)
    const raw = new Database(join(dataDir, 'advisor.db'), { readonly: true })
    const rows = raw
      .prepare(
        'SELECT user_id, dialogue IS NOT NULL AS dialogue, profile IS NOT NULL AS profile FROM sessions ORDER BY user_id',
      )
      .all()
    expect(rows).toEqual([
      { user_id: 'recent', dialogue: 0, profile: 1 },
      { user_id: 'stale-profile', dialogue: 1, profile: 0 },
    ])
    raw.close()
    expect(await store.count()).toBe(2)
    await store.close()
  })

  it('after close, operations fail with STORE_UNAVAILABLE and ping is false', async () => {
    const store = new SqliteSessionStore({ ...options, dataDir: freshDir() })
    await store.close()
    expect(await store.ping()).toBe(false)
    await expect(store.get(key)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
    await expect(store.put(key, record(Date.now()))).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
  })

  it('shares one connection with the dedupe store; closing a borrower leaves it open', async () => {
    const database = openSqliteDatabase({ dataDir: freshDir() })
    const store = new SqliteSessionStore({ ...options, database })
    const dedupe = new SqliteDedupeStore({ database })
    await store.put(key, record(Date.now()))
    await store.close()
    await dedupe.close()
    expect(database.open).toBe(true)
    expect(database.prepare('SELECT COUNT(*) AS count FROM sessions').get()).toEqual({ count: 1 })
    database.close()
  })
})
