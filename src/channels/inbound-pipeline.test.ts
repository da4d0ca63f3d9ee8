import { describe, expect, it } from 'vitest'
import type { Advisor, InboundMessage } from '../dialogue/messages.js'
import type { InboundQueue } from '../store/inbound-queue.js'
import { MemoryInboundQueue } from '../store/memory-inbound-queue.js'
import { createInboundPipeline, type ChannelAdapter } from './inbound-pipeline.js'

/** A platform that records what it was sent and fails on demand (the send side of a channel). */
function platform(options: { failures?: number; error?: Error & { retriable?: boolean }; redelivers?: boolean } = {}) {
  const sent: Array<{ entryId: string; index: number; text: string }> = []
  let failures = options.failures ?? 0
  const adapter: ChannelAdapter<{ id: string; user: string; text: string }, string> = {
    channel: 'test',
    parse: (raw) => ({
      kind: 'message',
      message: {
        channel: 'test',
        chatId: raw.user,
        userId: raw.user,
        text: raw.text,
        mentionsBot: true,
        messageId: raw.id,
        receivedAt: 0,
      },
    }),
    render: (reply) => reply.text.split('|'),
    send: async (part, context) => {
      if (failures > 0) {
        failures -= 1
        throw options.error ?? new Error('network down')
      }
      sent.push({ entryId: context.entryId, index: context.index, text: part })
    },
    redelivers: options.redelivers ?? true,
    dedupeTtlMs: 60_000,
    failureReply: '抱歉，出错了',
  }
  return { adapter, sent }
}

const counting = (): Advisor & { calls: InboundMessage[] } => {
  const calls: InboundMessage[] = []
  return {
    calls,
    handle: async (message) => (calls.push(message), { text: `第一段：${message.text}|第二段`, citations: [] }),
  }
}

describe('inbound pipeline failure policy', () => {
  it('a store that cannot record refuses a re-delivering platform, and answers without a record otherwise', async () => {
    const broken: InboundQueue = Object.assign(new MemoryInboundQueue(), {
      enqueue: async () => Promise.reject(new Error('SQLITE_FULL')),
    })
    const webhook = platform()
    const refusing = createInboundPipeline(webhook.adapter, {
      inbound: broken,
      advisor: counting(),
      singleWriter: true,
    })
    expect(await refusing.accept({ id: 'm1', user: 'u', text: '你好' })).toBe('unavailable')
    await refusing.idle()
    expect(webhook.sent).toEqual([])

    const puppet = platform({ redelivers: false })
    const answering = createInboundPipeline(puppet.adapter, {
      inbound: broken,
      advisor: counting(),
      singleWriter: true,
    })
    expect(await answering.accept({ id: 'm1', user: 'u', text: '你好' })).toBe('queued')
    await answering.idle()
    expect(puppet.sent.map((part) => part.text)).toEqual(['第一段：你好', '第二段'])
  })

  it('after a restart, resumes at the first part not sent, without asking the advisor again', async () => {
    const inbound = new MemoryInboundQueue()
    const first = platform()
    const advisor = counting()
    let parts = 0
    first.adapter.send = async (part, context) => {
      if (parts++ > 0) return new Promise(() => {}) // the second part hangs until shutdown
      first.sent.push({ entryId: context.entryId, index: context.index, text: part })
    }
    const before = createInboundPipeline(first.adapter, { inbound, advisor, singleWriter: true, sendTimeoutMs: 60_000 })
    await before.accept({ id: 'm1', user: 'u', text: '营收3200万' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await before.stop(50)).toEqual({ drained: 0, left: 1 })

    const second = platform()
    const after = createInboundPipeline(second.adapter, { inbound, advisor, singleWriter: true })
    await after.start()
    await after.idle()
    expect(first.sent.map((part) => part.index)).toEqual([0])
    expect(second.sent).toEqual([{ entryId: 'test:m1', index: 1, text: '第二段' }])
    expect(advisor.calls).toHaveLength(1)
    expect(await inbound.depth()).toBe(0)
  })

  it('retries a failing send in the background with backoff, then leaves it queued; gives up after maxDeliveries rounds', async () => {
    const inbound = new MemoryInboundQueue()
    const { adapter, sent } = platform({ failures: 100 })
    const pauses: number[] = []
    const options = {
      inbound,
      advisor: counting(),
      singleWriter: true,
      sendAttempts: 3,
      retryBaseDelayMs: 100,
      maxDeliveries: 2,
      sleep: async (ms: number) => void pauses.push(ms),
    }
    const pipeline = createInboundPipeline(adapter, options)
    await pipeline.accept({ id: 'm1', user: 'u', text: '你好' })
    await pipeline.idle()
    expect(pauses).toEqual([100, 200])
    expect(await inbound.depth()).toBe(1)
    // Next start: a second round; the one after gives up and forgets the id, so a platform retry is answered.
    const round2 = createInboundPipeline(adapter, options)
    await round2.start()
    await round2.idle()
    expect(await inbound.depth()).toBe(1)
    await round2.stop(0)
    const round3 = createInboundPipeline(adapter, options)
    await round3.start()
    await round3.idle()
    expect(await inbound.depth()).toBe(0)
    expect(sent).toEqual([])
    expect(await round3.accept({ id: 'm1', user: 'u', text: '你好' })).toBe('queued')
    await round3.stop(0)
  })

  it('does not retry an error the platform calls final, and answers the advisor’s failure with the failure reply', async () => {
    const inbound = new MemoryInboundQueue()
    const { adapter, sent } = platform({
      failures: 1,
      error: Object.assign(new Error('bot not in chat'), { retriable: false }),
    })
    const advisor: Advisor = { handle: async () => Promise.reject(new Error('store down')) }
    const pipeline = createInboundPipeline(adapter, { inbound, advisor, singleWriter: true, retryBaseDelayMs: 1 })
    await pipeline.accept({ id: 'm1', user: 'u', text: '你好' })
    await pipeline.accept({ id: 'm2', user: 'u', text: '你好' })
    await pipeline.idle()
    expect(sent.map((part) => `${part.entryId} ${part.text}`)).toEqual(['test:m2 抱歉，出错了'])
    expect(await inbound.depth()).toBe(0)
  })

  it('a parse that hangs (a platform lookup) gives up after the timeout and does not block the user’s next message', async () => {
    const { adapter, sent } = platform()
    const parse = adapter.parse
    adapter.arrivalKey = (raw) => raw.user
    adapter.parse = (raw) => (raw.text === '卡住' ? new Promise(() => {}) : parse(raw))
    const pipeline = createInboundPipeline(adapter, {
      inbound: new MemoryInboundQueue(),
      advisor: counting(),
      singleWriter: true,
      sendTimeoutMs: 100,
    })
    const stuck = pipeline.accept({ id: 'm1', user: 'u', text: '卡住' })
    const next = pipeline.accept({ id: 'm2', user: 'u', text: '你好' })
    expect(await stuck).toBe('retry-later')
    expect(await next).toBe('queued')
    await pipeline.idle()
    expect(sent.map((part) => part.text)).toEqual(['第一段：你好', '第二段'])
  })
})
