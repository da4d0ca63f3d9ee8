import { describe, expect, it } from 'vitest'
import { formatReplyParts } from './format-reply-parts.js'

const options = { maxLength: 500, maxParts: 6, firstPrefixLength: 4, truncatedNotice: '（内容较长，已省略）' }

describe('formatReplyParts', () => {
  it('sends a short reply as one unnumbered part', () => {
    expect(formatReplyParts('可以申请。', options)).toEqual(['可以申请。'])
  })

  it('numbers the parts and keeps every message within the limit including the @ prefix', () => {
    const text = '一二三四五六七八九十。'.repeat(130)
    const parts = formatReplyParts(text, options)
    expect(parts).toHaveLength(3)
    parts.forEach((part, index) => {
      expect(part.startsWith(`(${index + 1}/3) `)).toBe(true)
      expect(part.length + options.firstPrefixLength).toBeLessThanOrEqual(500)
    })
  })

  it('cuts at maxParts and says so in the last part', () => {
    const text = '这是一句比较长的政策说明文字，用来凑够长度。'.repeat(200)
    const parts = formatReplyParts(text, { ...options, maxParts: 2 })
    expect(parts).toHaveLength(2)
    expect(parts[1]?.endsWith('\n（内容较长，已省略）')).toBe(true)
    expect(parts[1]?.startsWith('(2/2) ')).toBe(true)
    for (const part of parts) expect(part.length + options.firstPrefixLength).toBeLessThanOrEqual(500)
  })
})
