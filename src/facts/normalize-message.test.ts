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
  ])('%s → %s', (text, expected) => {
    expect(normalizeMessage(text)).toBe(expected)
  })
})
