import { afterAll, describe, expect, it } from 'vitest'
import { deleteKeys, probeRedis, rawRedis, uniquePrefix } from '../../test/store/redis-test-helper.js'
import { RedisLock } from './redis-lock.js'

const hasRedis = await probeRedis()
const prefix = uniquePrefix('lock')
const [first, second] = [rawRedis(), rawRedis()]
afterAll(async () => {
  await deleteKeys(first, prefix)
  first.disconnect()
  second.disconnect()
})
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.skipIf(!hasRedis)('RedisLock', () => {
  it('two connections contending never hold the lock at the same time', async () => {
    const locks = [new RedisLock(first, { prefix }), new RedisLock(second, { prefix })]
    let holders = 0
    let maxHolders = 0
    const order: number[] = []
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        locks[index % 2]!.withLock('feishu:oc:ou', async () => {
          holders += 1
          maxHolders = Math.max(maxHolders, holders)
          await sleep(2)
          order.push(index)
          holders -= 1
        }),
      ),
    )
    expect(maxHolders).toBe(1)
    expect(order.sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, index) => index))
    expect(await first.exists(`${prefix}lock:feishu:oc:ou`)).toBe(0)
  })

  it('acquire waits up to waitMs, and only the token holder can release', async () => {
    const [a, b] = [new RedisLock(first, { prefix }), new RedisLock(second, { prefix })]
    const lease = await a.acquire('k', 5_000, 0)
    expect(lease).not.toBeNull()
    const started = Date.now()
    expect(await b.acquire('k', 5_000, 100)).toBeNull()
    expect(Date.now() - started).toBeGreaterThanOrEqual(90)
    // A stale holder with another token cannot free the lock.
    await second.set(`${prefix}lock:k`, 'someone-else', 'PX', 5_000)
    expect(await lease!.release()).toBe(false)
    expect(await first.get(`${prefix}lock:k`)).toBe('someone-else')
    await second.del(`${prefix}lock:k`)
    const next = await b.acquire('k', 5_000, 100)
    expect(next).not.toBeNull()
    expect(await next!.release()).toBe(true)
  })

  it('an abandoned lock frees itself after its TTL', async () => {
    const [a, b] = [new RedisLock(first, { prefix }), new RedisLock(second, { prefix })]
    expect(await a.acquire('crashed', 100, 0)).not.toBeNull()
    expect(await b.acquire('crashed', 100, 500)).not.toBeNull()
  })

  it('withLock renews the lease while a long task runs, and a waiter gives up with STORE_BUSY', async () => {
    const [a, b] = [
      new RedisLock(first, { prefix, ttlMs: 300 }),
      new RedisLock(second, { prefix, ttlMs: 300, waitMs: 100 }),
    ]
    let release!: () => void
    const running = a.withLock('long', () => new Promise<void>((resolve) => (release = resolve)))
    // Well past the 300 ms lease: only renewal keeps it.
    await sleep(700)
    await expect(b.withLock('long', async () => 'never')).rejects.toMatchObject({ code: 'STORE_BUSY' })
    release()
    await running
    expect(await b.withLock('long', async () => 'ran')).toBe('ran')
  })

  it('withLock releases the lock when the task fails', async () => {
    const lock = new RedisLock(first, { prefix })
    await expect(lock.withLock('failing', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await first.exists(`${prefix}lock:failing`)).toBe(0)
  })
})
