import { describe, expect, it } from 'vitest'
import { KeyedSerialQueue } from './keyed-serial-queue.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('KeyedSerialQueue', () => {
  it('runs one key in arrival order, other keys alongside, and survives failures', async () => {
    const queue = new KeyedSerialQueue()
    const log: string[] = []
    const task = (name: string, ms: number, fail = false) => async () => {
      log.push(`start ${name}`)
      await sleep(ms)
      log.push(`end ${name}`)
      if (fail) throw new Error(name)
      return name
    }
    const results = await Promise.allSettled([queue.run('alice', task('a1', 20, true)), queue.run('alice', task('a2', 1)), queue.run('bob', task('b1', 1))])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled'])
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'))
    expect(log.indexOf('end b1')).toBeLessThan(log.indexOf('end a1'))
    await sleep(0)
    expect(queue.depth()).toBe(0)
    expect(queue.activeKeys).toBe(0)
  })
})
