import { describe, expect, it } from 'vitest'
import { chineseNumeralsToDigits } from './chinese-numerals.js'

describe('chineseNumeralsToDigits', () => {
  it.each([
    ['百分之三十', '30%'],
    ['百分之十五点五', '15.5%'],
    ['百分之12.5', '12.5%'],
    ['最高五千万元', '最高5000万元'],
    ['一点五亿元', '1.5亿元'],
    ['三十万元', '30万元'],
    ['二〇二三年', '2023年'],
    ['三年内', '3年内'],
    ['两倍', '2倍'],
    ['六个月', '6个月'],
    ['一年内', '1年内'],
    ['每年三月', '每年3月'],
  ])('%s → %s', (text, expected) => {
    expect(chineseNumeralsToDigits(text)).toBe(expected)
  })

  it.each([
    '一站式',
    '统一',
    '进一步',
    '十分便利',
    '千万不要',
    '万一',
    '一项政策',
    '一次性',
    '一一对应',
    '三四个',
    '百强企业',
    '第一',
  ])('leaves the idiom %s alone', (text) => {
    expect(chineseNumeralsToDigits(text)).toBe(text)
  })
})
