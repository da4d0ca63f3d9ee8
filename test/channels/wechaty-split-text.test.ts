import { describe, expect, it } from 'vitest'
import { splitText } from '../../src/channels/split-text.js'

describe('splitText', () => {
  it('returns short text whole and rejects silly limits', () => {
    expect(splitText('  一句话。 ', 50)).toEqual(['一句话。'])
    expect(splitText('', 50)).toEqual([])
    expect(() => splitText('x', 5)).toThrow(RangeError)
  })

  it('cuts at the latest line break or sentence end, and loses no text', () => {
    const text = `第一段第一句。第一段第二句！\n第二段内容比较长，需要继续写下去才能超过限制？${'补充说明。'.repeat(10)}`
    const parts = splitText(text, 40)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(40)
    expect(parts.join('\n').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''))
    expect(parts[0]).toBe('第一段第一句。第一段第二句！\n第二段内容比较长，需要继续写下去才能超过限制？')
    for (const part of parts.slice(0, -1)) expect(part).toMatch(/[。！？]$/)
  })

  it('never cuts inside a number, a 《title》, a document number or a URL', () => {
    const unit =
      '企业研发投入1,234,567.89万元，增长12.5%，见《北京市专精特新中小企业认定管理办法》京经信发〔2024〕18号，详见https://jxj.beijing.gov.cn/zwgk/abc.html 之后'
    const text = unit.repeat(6)
    // Every protected span (the URL is the longest, 39 characters) fits in these limits.
    for (const limit of [40, 47, 61, 80, 120]) {
      const parts = splitText(text, limit)
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(limit)
      const joined = parts.join('\n')
      expect(joined).not.toMatch(/[0-9][.,]?\n[.,]?[0-9]/)
      expect(joined).not.toMatch(/《[^》]*\n/)
      expect(joined).not.toMatch(/〔2024〕\n|〔\n|\n〕/)
      expect(joined).not.toMatch(/https:\/\/[^\s]*\n[a-z]/)
      expect(parts.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
    }
  })

  it('does not start a part with punctuation and keeps emoji whole', () => {
    const text = `${'好'.repeat(19)}”。后面${'😀'.repeat(30)}`
    const parts = splitText(text, 20)
    for (const part of parts) {
      expect(part).not.toMatch(/^[”。，、]/)
      expect(part).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/)
    }
    expect(parts.join('')).toBe(text)
  })
})
