import { afterAll, describe, expect, it } from 'vitest'
import { deleteKeys, probeRedis, rawRedis, uniquePrefix } from '../../test/store/redis-test-helper.js'
import { RedisRateLimiter } from './redis-rate-limiter.js'

const hasRedis = await probeRedis()
const prefix = uniquePrefix('rate')
const [first, second] = [rawRedis(), rawRedis()]
afterAll(async () => {
  await deleteKeys(first, prefix)
  first.disconnect()
  second.disconnect()
})

describe.skipIf(!hasRedis)('RedisRateLimiter', () => {
  it('is exact across two connections taking at once', async () => {
    const [a, b] = [new RedisRateLimiter(first, { prefix }), new RedisRateLimiter(second, { prefix })]
    const taken = await Promise.all(
      Array.from({ length: 40 }, (_, index) => (index % 2 ? a : b).take('chat:web:u1', 7, 60_000)),
    )
    expect(taken.filter(Boolean)).toHaveLength(7)
    expect(await a.take('chat:web:u2', 7, 60_000)).toBe(true)
  })

  it('frees tokens as the window slides, and refused attempts do not extend the block', async () => {
    const limiter = new RedisRateLimiter(first, { prefix })
    expect(await limiter.take('slide', 2, 1000)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(await limiter.take('slide', 2, 1000)).toBe(true)
    expect(await limiter.take('slide', 2, 1000)).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 500))
    // The first token (about 1.1 s old) left the window; the second (about 0.5 s old) has not.
    expect(await limiter.take('slide', 2, 1000)).toBe(true)
    expect(await limiter.take('slide', 2, 1000)).toBe(false)
    const ttl = await first.pttl(`${prefix}rate:slide`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(1000)
  })

  it('refuses everything for a zero limit and rejects a bad window', async () => {
    const limiter = new RedisRateLimiter(first, { prefix })
    expect(await limiter.take('zero', 0, 1000)).toBe(false)
    await expect(limiter.take('bad', 1, 0)).rejects.toThrow(RangeError)
  })
})
