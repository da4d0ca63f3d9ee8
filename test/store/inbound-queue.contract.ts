import { describe, expect, it } from 'vitest'
import type { InboundQueue } from '../../src/store/inbound-queue.js'

export interface InboundQueueHarness {
  queue: InboundQueue
  /** The queue's injected clock; tests move it forward. */
  clock: { now: number }
  /** Opens a second handle on the same backing store, as the next process (or another replica) would. */
  reopen(): Promise<InboundQueue>
  close(): Promise<void>
}

const OPTIONS = { dedupeTtlMs: 8 * 3_600_000, leaseMs: 60_000 }
const entry = (id: string, body = `{"text":"营收3200万 ${id}"}`) => ({ id, channel: 'feishu', body })

/** What memory, SQLite and Redis inbound queues share (the durable-reply guarantees of the inbound pipeline). */
export function runInboundQueueContract(name: string, createHarness: () => Promise<InboundQueueHarness | null>): void {
  describe(`InboundQueue contract: ${name}`, () => {
    const withQueue =
      (test: (harness: InboundQueueHarness) => Promise<void>) => async (context: { skip: (note?: string) => void }) => {
        const harness = await createHarness()
        if (!harness) return context.skip(`${name} backend unavailable`)
        try {
          await test(harness)
        } finally {
          await harness.close()
        }
      }

    it(
      'records an entry once; a repeat of the id is refused while queued and after completion',
      withQueue(async ({ queue }) => {
        expect(await queue.enqueue(entry('feishu:om_1'), OPTIONS)).toBe(true)
        expect(await queue.enqueue(entry('feishu:om_1'), OPTIONS)).toBe(false)
        expect(await queue.depth()).toBe(1)
        await queue.complete('feishu:om_1')
        expect(await queue.depth()).toBe(0)
        expect(await queue.enqueue(entry('feishu:om_1'), OPTIONS)).toBe(false)
      }),
    )

    it(
      'an abandoned entry can be delivered again',
      withQueue(async ({ queue }) => {
        await queue.enqueue(entry('feishu:om_2'), OPTIONS)
        await queue.abandon('feishu:om_2')
        expect(await queue.depth()).toBe(0)
        expect(await queue.enqueue(entry('feishu:om_2'), OPTIONS)).toBe(true)
      }),
    )

    it(
      'the dedupe mark expires after its TTL',
      withQueue(async ({ queue, clock }) => {
        await queue.enqueue(entry('feishu:om_3'), { dedupeTtlMs: 1000, leaseMs: 500 })
        await queue.complete('feishu:om_3')
        clock.now += 1001
        if (name === 'redis') await new Promise((resolve) => setTimeout(resolve, 1100))
        expect(await queue.enqueue(entry('feishu:om_3'), OPTIONS)).toBe(true)
      }),
    )

    it(
      'a leased entry is not claimed by another process until released; then it is, with its latest body',
      withQueue(async ({ queue, reopen }) => {
        await queue.enqueue(entry('wechat:m1'), OPTIONS)
        await queue.update('wechat:m1', '{"reply":"已记下","partsSent":1}')
        const next = await reopen()
        expect(await next.claim({ channel: 'feishu', leaseMs: 60_000 })).toEqual([])
        await queue.release(['wechat:m1'])
        expect(await next.claim({ channel: 'feishu', leaseMs: 60_000 })).toEqual([
          { id: 'wechat:m1', channel: 'feishu', body: '{"reply":"已记下","partsSent":1}' },
        ])
        // Claimed means leased again: a third process does not take it too.
        expect(await (await reopen()).claim({ channel: 'feishu', leaseMs: 60_000 })).toEqual([])
      }),
    )

    it(
      'an expired lease is claimed; ignoreLeases claims every entry (single-writer start-up)',
      withQueue(async ({ queue, clock, reopen }) => {
        await queue.enqueue(entry('a'), OPTIONS)
        clock.now += 1
        await queue.enqueue(entry('b'), OPTIONS)
        const next = await reopen()
        expect(
          await next
            .claim({ channel: 'feishu', leaseMs: 60_000, ignoreLeases: true })
            .then((found) => found.map((item) => item.id)),
        ).toEqual(['a', 'b'])
        clock.now += 120_001
        const later = await reopen()
        expect((await later.claim({ channel: 'feishu', leaseMs: 60_000 })).map((item) => item.id).sort()).toEqual([
          'a',
          'b',
        ])
      }),
    )

    it(
      'a completed entry is never claimed, and update after completion does not bring it back',
      withQueue(async ({ queue, reopen }) => {
        await queue.enqueue(entry('c'), OPTIONS)
        await queue.complete('c')
        await queue.update('c', '{}')
        await queue.release(['c'])
        expect(await (await reopen()).claim({ channel: 'feishu', leaseMs: 60_000, ignoreLeases: true })).toEqual([])
        expect(await queue.depth()).toBe(0)
      }),
    )

    it(
      'a renewed lease is not claimed when the old one would have run out',
      withQueue(async ({ queue, clock, reopen }) => {
        await queue.enqueue(entry('r1'), OPTIONS)
        clock.now += 50_000
        await queue.renew(['r1', 'gone'], 60_000)
        clock.now += 50_000
        const next = await reopen()
        expect(await next.claim({ channel: 'feishu', leaseMs: 60_000 })).toEqual([])
        clock.now += 10_001
        expect((await next.claim({ channel: 'feishu', leaseMs: 60_000 })).map((item) => item.id)).toEqual(['r1'])
        expect(await queue.depth()).toBe(1)
      }),
    )

    it(
      'claims only the given channel’s entries',
      withQueue(async ({ queue, reopen }) => {
        await queue.enqueue({ id: 'wechat:w1', channel: 'wechat', body: '{}' }, OPTIONS)
        await queue.enqueue(entry('feishu:f1'), OPTIONS)
        const next = await reopen()
        expect(
          (await next.claim({ channel: 'wechat', leaseMs: 60_000, ignoreLeases: true })).map((item) => item.id),
        ).toEqual(['wechat:w1'])
        expect(
          (await next.claim({ channel: 'feishu', leaseMs: 60_000, ignoreLeases: true })).map((item) => item.id),
        ).toEqual(['feishu:f1'])
      }),
    )

    it(
      'released entries are claimed in arrival order',
      withQueue(async ({ queue, clock, reopen }) => {
        const ids = ['om_9', 'om_10', 'om_2', 'om_11']
        for (const id of ids) {
          await queue.enqueue(entry(id), OPTIONS)
          clock.now += 5
        }
        await queue.release([...ids].reverse())
        expect((await (await reopen()).claim({ channel: 'feishu', leaseMs: 60_000 })).map((item) => item.id)).toEqual(
          ids,
        )
      }),
    )

    it(
      'claims at most `limit` entries',
      withQueue(async ({ queue, reopen }) => {
        for (const id of ['l1', 'l2', 'l3']) await queue.enqueue(entry(id), OPTIONS)
        await queue.release(['l1', 'l2', 'l3'])
        expect(await (await reopen()).claim({ channel: 'feishu', leaseMs: 60_000, limit: 2 })).toHaveLength(2)
      }),
    )
  })
}
