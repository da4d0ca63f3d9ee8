import { describe, expect, it } from 'vitest'
import { KeyedSerialQueue } from './keyed-serial-queue.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('KeyedSerialQueue', () => {
  it('runs one key in arrival order, other keys alongside, and survives failures', async () => {
    const queue = new KeyedSerialQueue()
    const log: string[] = []
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        log.push(`start ${name}`)
        await sleep(ms)
        log.push(`end ${name}`)
        if (fail) throw new Error(name)
        return name
      }
    const results = await Promise.allSettled([
      queue.run('alice', task('a1', 20, true)),
      queue.run('alice', task('a2', 1)),
      queue.run('bob', task('b1', 1)),
    ])
    expect(results).toEqual([
      { status: 'rejected', reason: new Error('a1') },
      { status: 'fulfilled', value: 'a2' },
      { status: 'fulfilled', value: 'b1' },
    ])
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'))
    expect(log.indexOf('end b1')).toBeLessThan(log.indexOf('end a1'))
  })

  it('keeps strict arrival order per key under heavy concurrency with random durations', async () => {
    const queue = new KeyedSerialQueue()
    const users = Array.from({ length: 20 }, (_, index) => `feishu:oc:user-${index}`)
    const seen = new Map<string, number[]>()
    const running = new Map<string, number>()
    let overlapping = 0
    let concurrentKeys = 0
    const jobs: Promise<number>[] = []
    for (let message = 0; message < 30; message += 1)
      for (const user of users)
        jobs.push(
          queue.run(user, async () => {
            if ((running.get(user) ?? 0) > 0) overlapping += 1
            running.set(user, (running.get(user) ?? 0) + 1)
            concurrentKeys = Math.max(concurrentKeys, [...running.values()].filter((count) => count > 0).length)
            await sleep(Math.random() * 3)
            seen.set(user, [...(seen.get(user) ?? []), message])
            running.set(user, running.get(user)! - 1)
            return message
          }),
        )
    expect(queue.depth()).toBe(600)
    expect(queue.activeKeys).toBe(20)
    await Promise.all(jobs)
    expect(overlapping).toBe(0)
    expect(concurrentKeys).toBeGreaterThan(1)
    for (const user of users) expect(seen.get(user)).toEqual(Array.from({ length: 30 }, (_, index) => index))
  })

  it('a task that throws synchronously rejects only its own call', async () => {
    const queue = new KeyedSerialQueue()
    const failing = queue.run('k', () => {
      throw new Error('sync')
    })
    const next = queue.run('k', async () => 'next')
    await expect(failing).rejects.toThrow('sync')
    await expect(next).resolves.toBe('next')
  })

  it('releases a key once its queue drains, and idle() waits for everything', async () => {
    const queue = new KeyedSerialQueue()
    const done: string[] = []
    void queue.run('a', async () => {
      await sleep(10)
      done.push('a1')
    })
    void queue.run('a', async () => {
      done.push('a2')
    })
    void queue.run('b', async () => {
      await sleep(5)
      done.push('b1')
    })
    expect(queue.depth()).toBe(3)
    expect(queue.activeKeys).toBe(2)
    await queue.idle()
    expect(done.sort()).toEqual(['a1', 'a2', 'b1'])
    expect(queue.depth()).toBe(0)
    expect(queue.activeKeys).toBe(0)
    await expect(queue.run('a', async () => 'again')).resolves.toBe('again')
  })
})
