import { afterAll, describe, expect, it } from 'vitest'
import { deleteKeys, probeRedis, rawRedis, TEST_REDIS_URL, uniquePrefix } from '../../test/store/redis-test-helper.js'
import { RedisSessionStore } from './redis-session-store.js'
import { sessionKeyToString, type SessionRecord } from './session-store.js'
import { StoreError } from './store-error.js'
import type { StoreWarning } from './store-warning.js'

const hasRedis = await probeRedis()
const HOUR = 3_600_000
const DAY = 24 * HOUR
const options = { dialogueTtlMs: 2 * HOUR, profileTtlMs: 30 * DAY }
const key = { channel: 'feishu', chatId: 'oc_群', userId: 'ou_1' }
const prefix = uniquePrefix('redis-session')
const raw = rawRedis()
afterAll(async () => {
  await deleteKeys(raw, prefix)
  raw.disconnect()
})

function record(now: number, revenue = 3200): SessionRecord {
  return {
    dialogue: { mode: 'assessing' },
    dialogueUpdatedAt: now,
    profile: { facts: { revenue } },
    profileUpdatedAt: now,
  }
}

async function replica(
  extra: { onWarning?: (warning: StoreWarning) => void; now?: () => number } = {},
): Promise<RedisSessionStore> {
  const store = new RedisSessionStore({ ...options, ...extra, url: TEST_REDIS_URL, prefix })
  await store.connect()
  return store
}

describe.skipIf(!hasRedis)('RedisSessionStore', () => {
  it('two replicas see the same sessions, writes and deletes', async () => {
    const [a, b] = [await replica(), await replica()]
    const now = Date.now()
    await a.put(key, record(now))
    expect(await b.get(key)).toEqual(record(now))
    await b.put(key, record(now, 4000))
    expect(await a.get(key)).toEqual(record(now, 4000))
    await a.delete(key)
    expect(await b.get(key)).toBeNull()
    await a.close()
    await b.close()
  })

  it('sets the key TTL to when nothing of the record stays visible', async () => {
    const store = await replica()
    const now = Date.now()
    await store.put(key, record(now))
    const ttl = await raw.pttl(store.redisKey(key))
    expect(ttl).toBeGreaterThan(30 * DAY - 60_000)
    expect(ttl).toBeLessThanOrEqual(30 * DAY)
    await store.put(key, {
      ...record(now),
      profileUpdatedAt: now - 30 * DAY - 1,
      dialogueUpdatedAt: now - 2 * HOUR - 1,
    })
    expect(await raw.exists(store.redisKey(key))).toBe(0)
    await store.close()
  })

  it('reads around a damaged field, reports it without its content, and never fails the read', async () => {
    const warnings: StoreWarning[] = []
    const store = await replica({ onWarning: (warning) => warnings.push(warning) })
    const now = Date.now()
    await store.put(key, record(now))
    await raw.hset(store.redisKey(key), 'profile', '{"facts": {"revenue": 3200')
    expect(await store.get(key)).toEqual({ ...record(now), profile: null })
    expect(warnings).toEqual([expect.objectContaining({ type: 'store-corrupt-value', key: sessionKeyToString(key) })])
    expect(warnings[0]!.message).not.toContain('3200')
    await store.close()
  })

  it('a key of the wrong type gives STORE_CORRUPT on read, and a write replaces it', async () => {
    const store = await replica()
    await raw.set(store.redisKey(key), 'not a hash')
    await expect(store.get(key)).rejects.toMatchObject({ code: 'STORE_CORRUPT' })
    await store.put(key, record(Date.now()))
    expect((await store.get(key))?.profile).toEqual({ facts: { revenue: 3200 } })
    await store.close()
  })

  it('does not delete a record another replica rewrote between the expired read and the clean-up', async () => {
    const now = Date.now()
    const later = now + 31 * DAY
    let writerNow = now
    const writer = await replica({ now: () => writerNow })
    const client = rawRedis()
    const realEval = client.eval.bind(client) as (...args: unknown[]) => Promise<unknown>
    // Another replica writes right after this replica read the expired hash, before its clean-up runs.
    Object.assign(client, {
      eval: async (...args: unknown[]) => {
        await writer.put(key, record(later, 5))
        return realEval(...args)
      },
    })
    const reader = new RedisSessionStore({ ...options, client, prefix, now: () => later })
    await writer.put(key, record(now))
    writerNow = later
    expect(await reader.get(key)).toBeNull()
    expect(await writer.get(key)).toEqual(record(later, 5))
    client.disconnect()
    await writer.close()
  })

  it('counts only its own prefix', async () => {
    const own = uniquePrefix('count')
    const store = new RedisSessionStore({ ...options, url: TEST_REDIS_URL, prefix: own })
    await store.connect()
    const now = Date.now()
    for (let user = 0; user < 3; user += 1) await store.put({ ...key, userId: `u${user}` }, record(now))
    expect(await store.count()).toBe(3)
    await deleteKeys(raw, own)
    await store.close()
  })

  it('fails fast with a clear error when Redis is unreachable, and ping is false', async () => {
    const store = new RedisSessionStore({ ...options, url: 'redis://127.0.0.1:1', prefix })
    const started = Date.now()
    await expect(store.connect()).rejects.toThrow(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/)
    expect(await store.ping()).toBe(false)
    await expect(store.get(key)).rejects.toBeInstanceOf(StoreError)
    await expect(store.put(key, record(Date.now()))).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
    expect(Date.now() - started).toBeLessThan(3000)
    await store.close()
  })

  it('rejects a URL that is not redis:// with the password hidden', () => {
    expect(() => new RedisSessionStore({ ...options, url: 'http://user:s3cret@example.com' })).toThrow(/not valid/)
    expect(() => new RedisSessionStore({ ...options, url: 'http://user:s3cret@example.com' })).not.toThrow(/s3cret/)
  })
})
