import { afterAll, describe, expect, it } from 'vitest'
import { deleteKeys, probeRedis, rawRedis, uniquePrefix } from '../../test/store/redis-test-helper.js'
import { RedisDedupeStore } from './redis-dedupe-store.js'

const hasRedis = await probeRedis()
const prefix = uniquePrefix('dedupe')
const [first, second] = [rawRedis(), rawRedis()]
afterAll(async () => {
  await deleteKeys(first, prefix)
  first.disconnect()
  second.disconnect()
})

describe.skipIf(!hasRedis)('RedisDedupeStore', () => {
  it('50 concurrent claims of one id over two connections: exactly one wins', async () => {
    const [a, b] = [new RedisDedupeStore(first, { prefix }), new RedisDedupeStore(second, { prefix })]
    for (let round = 0; round < 5; round += 1) {
      const id = `feishu:event:${round}`
      const claims = await Promise.all(Array.from({ length: 50 }, (_, index) => (index % 2 ? a : b).claim(id, 60_000)))
      expect(claims.filter(Boolean)).toHaveLength(1)
    }
  })

  it('lets an id be claimed again after its TTL', async () => {
    const store = new RedisDedupeStore(first, { prefix })
    expect(await store.claim('short', 50)).toBe(true)
    expect(await store.claim('short', 50)).toBe(false)
    const ttl = await first.pttl(`${prefix}dedupe:short`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(50)
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(await store.claim('short', 50)).toBe(true)
  })
})
