import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { createStores } from '../../src/store/create-stores.js'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'
import { RedisStore } from '../../src/store/redis-store.js'
import { sessionKeyToString } from '../../src/store/session-store.js'
import { SqliteStore } from '../../src/store/sqlite-session-store.js'
import { runSessionStoreContract } from './session-store.contract.js'

const REDIS_URL = 'redis://127.0.0.1:6379'

async function redisAvailable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null })
  try {
    await probe.connect()
    return (await probe.ping()) === 'PONG'
  } catch {
    console.warn('Redis at 127.0.0.1:6379 is not reachable: Redis store tests are skipped')
    return false
  } finally {
    probe.disconnect()
  }
}
const hasRedis = await redisAvailable()

runSessionStoreContract('memory', async (options) => {
  const clock = { now: 1_700_000_000_000 }
  return { store: new MemorySessionStore({ ...options, now: () => clock.now }), clock, close: async () => {} }
})

runSessionStoreContract('sqlite', async (options) => {
  const clock = { now: 1_700_000_000_000 }
  const dataDir = mkdtempSync(join(tmpdir(), 'advisor-sqlite-'))
  const store = new SqliteStore({ ...options, dataDir, now: () => clock.now })
  return {
    store,
    clock,
    rawExists: async (key) => {
      const db = new Database(join(dataDir, 'advisor.db'), { readonly: true })
      const row = db.prepare('SELECT 1 FROM sessions WHERE key = ?').get(sessionKeyToString(key))
      db.close()
      return row !== undefined
    },
    close: () => store.close(),
  }
})

runSessionStoreContract('redis', async (options) => {
  if (!hasRedis) return null
  const clock = { now: Date.now() }
  const prefix = `advisor-test:${process.pid}:${Math.random().toString(36).slice(2)}:`
  const store = new RedisStore({ ...options, url: REDIS_URL, prefix, now: () => clock.now })
  await store.connect()
  return {
    store,
    clock,
    rawExists: async (key) => (await store.client.exists(`${prefix}session:${sessionKeyToString(key)}`)) === 1,
    close: async () => {
      const keys = await store.client.keys(`${prefix}*`)
      if (keys.length > 0) await store.client.del(...keys)
      await store.close()
    },
  }
})

describe('SQLite store', () => {
  const options = { dialogueTtlMs: 7_200_000, profileTtlMs: 30 * 86_400_000 }

  it('creates its directory and survives a restart (close and reopen)', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'advisor-')), 'nested', 'data')
    const key = { channel: 'web', chatId: 'c', userId: 'u' }
    const first = new SqliteStore({ ...options, dataDir })
    await first.put(key, { dialogue: { step: 3 }, dialogueUpdatedAt: Date.now(), profile: { facts: { revenue: 3200 } }, profileUpdatedAt: Date.now() })
    await first.close()
    const second = new SqliteStore({ ...options, dataDir })
    expect((await second.get(key))?.profile).toEqual({ facts: { revenue: 3200 } })
    await second.close()
  })

  it('reads around a damaged value instead of crashing, and says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-'))
    const warnings: string[] = []
    const store = new SqliteStore({ ...options, dataDir, onWarning: (warning) => warnings.push(warning.type) })
    const key = { channel: 'web', chatId: 'c', userId: 'u' }
    await store.put(key, { dialogue: { step: 1 }, dialogueUpdatedAt: Date.now(), profile: { facts: { revenue: 1 } }, profileUpdatedAt: Date.now() })
    const raw = new Database(join(dataDir, 'advisor.db'))
    raw.prepare('UPDATE sessions SET dialogue = ? WHERE key = ?').run('{not json', sessionKeyToString(key))
    raw.close()
    const record = await store.get(key)
    expect(record?.dialogue).toBeNull()
    expect(record?.profile).toEqual({ facts: { revenue: 1 } })
    expect(warnings).toContain('store-corrupt-value')
    await store.close()
  })

  it('claims a dedupe id once per TTL', async () => {
    let now = 1_000
    const store = new SqliteStore({ ...options, dataDir: mkdtempSync(join(tmpdir(), 'advisor-')), now: () => now })
    expect(await store.claim('evt-1', 1000)).toBe(true)
    expect(await store.claim('evt-1', 1000)).toBe(false)
    now += 1001
    expect(await store.claim('evt-1', 1000)).toBe(true)
    await store.close()
  })
})

describe.skipIf(!hasRedis)('Redis store across replicas', () => {
  const options = { dialogueTtlMs: 7_200_000, profileTtlMs: 30 * 86_400_000 }
  const prefix = `advisor-test:${process.pid}:replicas:`
  const replica = async () => {
    const store = new RedisStore({ ...options, url: REDIS_URL, prefix })
    await store.connect()
    return store
  }

  it('two replicas see the same session; a dedupe id is claimed exactly once; rate limits are shared', async () => {
    const [a, b] = [await replica(), await replica()]
    try {
      const key = { channel: 'feishu', chatId: 'oc', userId: 'ou' }
      await a.put(key, { dialogue: null, dialogueUpdatedAt: Date.now(), profile: { facts: { revenue: 9 } }, profileUpdatedAt: Date.now() })
      expect((await b.get(key))?.profile).toEqual({ facts: { revenue: 9 } })
      const id = `evt-${Math.random()}`
      const claims = await Promise.all(Array.from({ length: 50 }, (_, index) => (index % 2 ? a : b).claim(id, 60_000)))
      expect(claims.filter(Boolean)).toHaveLength(1)
      const rateKey = `chat-${Math.random()}`
      const taken = await Promise.all(Array.from({ length: 12 }, (_, index) => (index % 2 ? a : b).take(rateKey, 5, 60_000)))
      expect(taken.filter(Boolean)).toHaveLength(5)
    } finally {
      const keys = await a.client.keys(`${prefix}*`)
      if (keys.length > 0) await a.client.del(...keys)
      await a.close()
      await b.close()
    }
  })

  it('an unreachable Redis fails fast with a clear error', async () => {
    const started = Date.now()
    await expect(createStores({ dataDir: tmpdir(), redisUrl: 'redis://127.0.0.1:1', dialogueTtlMs: 1, profileTtlMs: 1 })).rejects.toThrow(/cannot reach Redis/)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
