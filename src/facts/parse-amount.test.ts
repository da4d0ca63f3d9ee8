import { describe, expect, it } from 'vitest'
import { parseAmount, parseCount, parseMoneyToWan, parsePercent, parseYears } from './parse-amount.js'

describe('parseMoneyToWan', () => {
  it.each([
    ['3200万', 3200],
    ['0.32亿', 3200],
    ['3.2千万', 3200],
    ['1,200万元', 1200],
    ['500万', 500],
    ['800000元', 80],
    ['1.5个亿', 15000],
    ['两千万', 2000],
    ['三千二百万', 3200],
    ['３２００万', 3200],
    ['3200', 3200],
    ['约3000万', 3000],
    ['3000多万', null],
    ['3000万以上', null],
    ['八百万出头', 800],
    ['3200w', 3200],
    ['5000块', 0.5],
    ['-200万', -200],
  ])('%s → %s万元', (text, expected) => {
    expect(parseMoneyToWan(text)).toBe(expected)
  })

  it.each([
    ['800000', 'a bare amount of 10亿 or more was surely typed in yuan'],
    ['不到3000万', 'only a bound'],
    ['两三百万', 'a range'],
    ['几百万', 'vague'],
    ['48%', 'a ratio'],
    ['营收', 'no number'],
  ])('%s → null (%s)', (text) => {
    expect(parseMoneyToWan(text)).toBeNull()
  })
})

describe('parsePercent', () => {
  it.each([
    ['48%', 48],
    ['４８％', 48],
    ['百分之六', 6],
    ['百分之四十八', 48],
    ['5个点', 5],
    ['5个百分点', 5],
    ['五成', 50],
    ['千分之五', 0.5],
    ['48', 48],
    ['0.48%', 0.48],
    ['0', 0],
  ])('%s → %s%%', (text, expected) => {
    expect(parsePercent(text)).toBe(expected)
  })

  it('reads a bare fraction as ambiguous (48% or 0.48%?)', () => {
    expect(parsePercent('0.48')).toBeNull()
  })
})

describe('parseCount', () => {
  it.each([
    ['150人', 150],
    ['一百五十个人', 150],
    ['30来人', null],
    ['150来人', 150],
    ['二十多人', null],
    ['150', 150],
    ['1.5万人', 15000],
    ['12项', 12],
  ])('%s → %s', (text, expected) => {
    expect(parseCount(text)).toBe(expected)
  })

  it.each(['十几个', '几十个', '二三十人', '20-30人', '20到30人', '不到100人', '150.5人', '3200万'])(
    '%s → null',
    (text) => {
      expect(parseCount(text)).toBeNull()
    },
  )
})

describe('parseYears', () => {
  it.each([
    ['两年半', 2.5],
    ['5年', 5],
    ['三年多', 3],
    ['十年左右', 10],
    ['8', 8],
  ])('%s → %s', (text, expected) => {
    expect(parseYears(text)).toBe(expected)
  })
})

describe('parseAmount', () => {
  it.each([
    ['二级', '级', 2],
    ['3200万', '万元', 3200],
    ['12项', '项', 12],
  ] as const)('%s in %s → %s', (text, unit, expected) => {
    expect(parseAmount(text, unit)).toBe(expected)
  })
})

describe('absurd figures are refused whole, never cut short or rounded', () => {
  it.each([
    ['1e308万元'],
    ['1e308'],
    ['1E+400元'],
    ['99999999999999999999万元'],
    ['9007199254740993'],
    ['3200.12345678901234567万'],
    ['一万亿亿元'],
  ])('%s → null', (text) => {
    expect(parseMoneyToWan(text)).toBeNull()
  })

  it.each([
    ['1.5e3万元', 1500],
    ['1e5万', 100_000],
    ['3.2E3万', 3200],
    ['12345678.9万元', 12_345_678.9],
  ])('scientific or long numerals within range are read whole: %s → %s万元', (text, expected) => {
    expect(parseMoneyToWan(text)).toBe(expected)
  })

  it('bounds counts too', () => {
    expect(parseCount('1e400人')).toBeNull()
    expect(parseCount('1e2人')).toBe(100)
  })
})
