import { describe, expect, it } from 'vitest'

/** What a channel adapter must offer the contract: deliver a user's message the platform's way, read what it sent. */
export interface ChannelHarness {
  /** Delivers a private message from `user`; resolves when the channel has answered. */
  send(user: string, text: string, options?: { messageId?: string }): Promise<void>
  /** Everything the channel sent to `user`, as one string per platform message. */
  repliesTo(user: string): string[]
  close(): Promise<void>
}

export interface ContractSkip {
  test: string
  reason: string
}

const TESTS = {
  policy: 'answers a policy question with the figure and its source',
  sessions: 'keeps two users’ assessments apart',
  dedupe: 'answers a message delivered twice only once',
  order: 'answers one user’s messages in order',
  empty: 'answers an empty message with the menu',
} as const

/**
 * One contract for every channel adapter (Feishu webhook, Feishu long connection, WeChat, web), run against the
 * real dialogue manager so that no adapter drifts from the others. Skips must say why.
 */
export function runChannelContract(
  name: string,
  createHarness: () => Promise<ChannelHarness>,
  skips: ContractSkip[] = [],
) {
  const skipped = (test: string) => skips.find((skip) => skip.test === test)
  const contract = (test: string, body: (harness: ChannelHarness) => Promise<void>) => {
    const skip = skipped(test)
    if (skip) {
      it.skip(`${test} (skipped: ${skip.reason})`, () => {})
      return
    }
    it(
      test,
      async () => {
        const harness = await createHarness()
        try {
          await body(harness)
        } finally {
          await harness.close()
        }
      },
      30_000,
    )
  }

  describe(`channel contract: ${name}`, () => {
    contract(TESTS.policy, async (harness) => {
      await harness.send('alice', '老旧厂房改造能补多少钱？', { messageId: 'm-policy' })
      const reply = harness.repliesTo('alice').join('\n')
      expect(reply).toContain('最高不超过5000万元')
      expect(reply).toContain('依据：')
      expect(reply).toContain('55590088')
    })

    contract(TESTS.sessions, async (harness) => {
      await harness.send('alice', '测一下创新型中小企业', { messageId: 'm-a1' })
      await harness.send('bob', '测一下小巨人', { messageId: 'm-b1' })
      await harness.send('bob', '注册在天津', { messageId: 'm-b2' })
      await harness.send('alice', '是的', { messageId: 'm-a2' })
      expect(harness.repliesTo('bob').join('\n')).toContain('暂不符合')
      expect(harness.repliesTo('alice').join('\n')).toContain('以下情况有没有')
    })

    contract(TESTS.dedupe, async (harness) => {
      await harness.send('alice', '算力券怎么申请？', { messageId: 'm-dup' })
      const before = harness.repliesTo('alice').length
      await harness.send('alice', '算力券怎么申请？', { messageId: 'm-dup' })
      expect(before).toBeGreaterThan(0)
      expect(harness.repliesTo('alice').length).toBe(before)
    })

    contract(TESTS.order, async (harness) => {
      await harness.send('alice', '测一下创新型中小企业', { messageId: 'm-o1' })
      await harness.send('alice', '是的', { messageId: 'm-o2' })
      await harness.send('alice', '都没有', { messageId: 'm-o3' })
      const replies = harness.repliesTo('alice').join('\n')
      expect(replies.indexOf('北京市注册登记')).toBeLessThan(replies.indexOf('以下情况有没有'))
      expect(replies.indexOf('以下情况有没有')).toBeLessThan(replies.indexOf('所属行业'))
    })

    contract(TESTS.empty, async (harness) => {
      await harness.send('alice', '帮助', { messageId: 'm-help' })
      expect(harness.repliesTo('alice').join('\n')).toContain('查政策')
    })
  })
}

export const CONTRACT_TESTS = TESTS
