import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { deleteKeys, probeRedis, rawRedis, TEST_REDIS_URL, uniquePrefix } from '../../test/store/redis-test-helper.js'
import { createStores } from './create-stores.js'

const hasRedis = await probeRedis()
const options = { dialogueTtlMs: 7_200_000, profileTtlMs: 30 * 86_400_000 }
const key = { channel: 'web', chatId: 'console', userId: 'u1' }
const record = {
  dialogue: { step: 1 },
  dialogueUpdatedAt: Date.now(),
  profile: { facts: { revenue: 1 } },
  profileUpdatedAt: Date.now(),
}
const directory = mkdtempSync(join(tmpdir(), 'advisor-create-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe('createStores', () => {
  it('defaults to SQLite under dataDir, and a restart keeps sessions and dedupe ids', async () => {
    const dataDir = join(directory, 'data')
    const stores = await createStores({ ...options, dataDir })
    expect(stores.kind).toBe('sqlite')
    expect(stores.lock).toBeUndefined()
    await stores.sessions.put(key, record)
    expect(await stores.dedupe.claim('evt', 60_000)).toBe(true)
    expect(await stores.rateLimiter.take('k', 1, 60_000)).toBe(true)
    expect(await stores.rateLimiter.take('k', 1, 60_000)).toBe(false)
    await stores.close()
    expect(existsSync(join(dataDir, 'advisor.db'))).toBe(true)
    const again = await createStores({ ...options, dataDir })
    expect(await again.sessions.get(key)).toEqual(record)
    expect(await again.dedupe.claim('evt', 60_000)).toBe(false)
    expect(await again.sessions.ping()).toBe(true)
    await again.close()
    expect(await again.sessions.ping()).toBe(false)
  })

  it('an unreachable Redis fails within a few seconds with a clear error', async () => {
    const started = Date.now()
    await expect(
      createStores({ ...options, dataDir: directory, redisUrl: 'redis://127.0.0.1:1' }),
    ).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringMatching(/cannot reach Redis/) })
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('a Redis that accepts connections but never answers fails within the connect timeout', async () => {
    const { createServer } = await import('node:net')
    const silent = createServer(() => undefined)
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const port = (silent.address() as { port: number }).port
    const started = Date.now()
    await expect(
      createStores({
        ...options,
        dataDir: directory,
        redisUrl: `redis://127.0.0.1:${port}`,
        redisConnectTimeoutMs: 1000,
      }),
    ).rejects.toThrow(/cannot reach Redis/)
    expect(Date.now() - started).toBeLessThan(4000)
    silent.close()
  })

  it('a malformed Redis URL is rejected at once without echoing the password', async () => {
    await expect(createStores({ ...options, dataDir: directory, redisUrl: 'localhost:6379' })).rejects.toThrow(
      /REDIS_URL .* is not valid/,
    )
    await expect(
      createStores({ ...options, dataDir: directory, redisUrl: 'https://admin:hunter2@cache.example' }),
    ).rejects.not.toThrow(/hunter2/)
  })

  it.skipIf(!hasRedis)('uses Redis for everything when a URL is given, shared by two replicas', async () => {
    const redisPrefix = uniquePrefix('create')
    const [a, b] = [
      await createStores({ ...options, dataDir: directory, redisUrl: TEST_REDIS_URL, redisPrefix }),
      await createStores({ ...options, dataDir: directory, redisUrl: TEST_REDIS_URL, redisPrefix }),
    ]
    try {
      expect(a.kind).toBe('redis')
      await a.sessions.put(key, record)
      expect(await b.sessions.get(key)).toEqual(record)
      expect(await b.sessions.count()).toBe(1)
      const claims = await Promise.all(
        Array.from({ length: 50 }, (_, index) => (index % 2 ? a : b).dedupe.claim('evt-1', 60_000)),
      )
      expect(claims.filter(Boolean)).toHaveLength(1)
      const taken = await Promise.all(
        Array.from({ length: 12 }, (_, index) => (index % 2 ? a : b).rateLimiter.take('chat', 5, 60_000)),
      )
      expect(taken.filter(Boolean)).toHaveLength(5)
      let inside = 0
      let most = 0
      await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          (index % 2 ? a : b).lock!(sessionKey(), async () => {
            inside += 1
            most = Math.max(most, inside)
            await new Promise((resolve) => setTimeout(resolve, 2))
            inside -= 1
          }),
        ),
      )
      expect(most).toBe(1)
      await a.sessions.delete(key)
      expect(await b.sessions.get(key)).toBeNull()
    } finally {
      const raw = rawRedis()
      await deleteKeys(raw, redisPrefix)
      raw.disconnect()
      await a.close()
      await b.close()
    }
    function sessionKey() {
      return 'web:console:u1'
    }
  })
})
