import { describe, expect, it } from 'vitest'
import { normalizeReply } from './normalize-reply.js'

describe('normalizeReply', () => {
  it.each([
    ['３２００萬，員工沒有一百人', '3200万，员工没有一百人'],
    ['研發費用兩百萬 軟著12個', '研发费用两百万 软著12个'],
    ['营收\u3000 3200万', '营收 3200万'],
  ])('%s → %s', (text, expected) => {
    expect(normalizeReply(text)).toBe(expected)
  })
})
