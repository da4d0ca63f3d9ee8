import { describe, expect, it } from 'vitest'
import { parseChineseNumber } from './parse-chinese-number.js'

describe('parseChineseNumber', () => {
  it.each([
    ['3200', 3200],
    ['1,200', 1200],
    ['1,234,567.5', 1234567.5],
    ['３２００', 3200],
    ['3.5', 3.5],
    ['0.32', 0.32],
    ['三千二百', 3200],
    ['三千二', 3200],
    ['两万五', 25000],
    ['一百五十', 150],
    ['一百五', 150],
    ['一百零五', 105],
    ['一千零一十', 1010],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['壹佰', 100],
    ['贰拾叁', 23],
    ['二〇二四', 2024],
    ['三点五', 3.5],
    ['3千2百万', 32_000_000],
    ['3.2万', 32_000],
    ['3.2千万', 32_000_000],
    ['0.32亿', 32_000_000],
    ['1.5个亿', 150_000_000],
    ['1亿2000万', 120_000_000],
    ['两千万', 20_000_000],
    ['三千二百万', 32_000_000],
    ['3200万', 32_000_000],
    ['3200w', 32_000_000],
    ['-200', -200],
    ['负200', -200],
  ])('%s → %s', (text, expected) => {
    expect(parseChineseNumber(text)).toBe(expected)
  })

  it.each(['', 'abc', '十几', '二三十', '3200元', '48%', '一二三四万', '1,2'])('%s is not a numeral', (text) => {
    expect(parseChineseNumber(text)).toBeNull()
  })
})

// The numerals the grounding check (src/phrasing/chinese-numerals.ts) rewrites are read by this parser too.
describe('parseChineseNumber on the numerals the grounding check rewrites', () => {
  it.each([
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十五', 25],
    ['三百', 300],
    ['一千零五十', 1050],
    ['五千万', 50_000_000],
    ['两百万', 2_000_000],
    ['十万', 100_000],
    ['一亿五千万', 150_000_000],
    ['十五点五', 15.5],
  ])('%s → %d', (numeral, value) => {
    expect(parseChineseNumber(numeral)).toBe(value)
  })

  it('reads no value from a numeral that ends in 点', () => {
    expect(parseChineseNumber('三点')).toBeNull()
  })
})
