import { describe, expect, it } from 'vitest'
import { normalizeMessage } from './normalize-message.js'

describe('normalizeMessage', () => {
  it.each([
    ['３２００万', '3200万'],
    ['４８％', '48%'],
    ['Ⅰ类5项，Ⅱ类12项', 'I类5项，II类12项'],
    ['3200万，2800万', '3200万，2800万'],
    ['营收\u3000 3200万', '营收 3200万'],
    ['①没有②没有③没有', ';没有;没有;没有'],
    // Traditional characters fold into the simplified ones the lexicons use; 著 of 软著 is simplified too.
    ['營收3200萬，員工沒有一百人', '营收3200万，员工没有一百人'],
    ['研發費用兩百萬 軟著12個', '研发费用两百万 软著12个'],
  ])('%s → %s', (text, expected) => {
    expect(normalizeMessage(text)).toBe(expected)
  })
})
