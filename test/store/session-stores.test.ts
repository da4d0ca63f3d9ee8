import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'
import { RedisSessionStore } from '../../src/store/redis-session-store.js'
import { sessionKeyToString } from '../../src/store/session-store.js'
import { SqliteSessionStore } from '../../src/store/sqlite-session-store.js'
import { runSessionStoreContract } from './session-store.contract.js'
import { deleteKeys, probeRedis, rawRedis, TEST_REDIS_URL, uniquePrefix } from './redis-test-helper.js'

const hasRedis = await probeRedis()

runSessionStoreContract('memory', async (options) => {
  const clock = { now: 1_700_000_000_000 }
  const store = new MemorySessionStore({ ...options, now: () => clock.now })
  return { store, clock, close: () => store.close() }
})

runSessionStoreContract('sqlite', async (options) => {
  const clock = { now: 1_700_000_000_000 }
  const dataDir = mkdtempSync(join(tmpdir(), 'advisor-contract-'))
  const store = new SqliteSessionStore({ ...options, dataDir, now: () => clock.now })
  return {
    store,
    clock,
    rawExists: async (key) => {
      const db = new Database(join(dataDir, 'advisor.db'), { readonly: true })
      try {
        return db.prepare('SELECT 1 FROM sessions WHERE key = ?').get(sessionKeyToString(key)) !== undefined
      } finally {
        db.close()
      }
    },
    close: async () => {
      await store.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
})

runSessionStoreContract('redis', async (options) => {
  if (!hasRedis) return null
  // Real time: the key TTL Redis enforces is computed from the injected clock.
  const clock = { now: Date.now() }
  const prefix = uniquePrefix('contract')
  const store = new RedisSessionStore({ ...options, url: TEST_REDIS_URL, prefix, now: () => clock.now })
  await store.connect()
  const raw = rawRedis()
  return {
    store,
    clock,
    rawExists: async (key) => (await raw.exists(store.redisKey(key))) === 1,
    close: async () => {
      await deleteKeys(raw, prefix)
      raw.disconnect()
      await store.close()
    },
  }
})
