import { describe, expect, it } from 'vitest'
import { readReply } from '../understanding/read-reply.js'
import { MAX_QUANTITY_VALUE, readQuantity } from './read-quantity.js'

describe('readQuantity bounds', () => {
  it('marks a figure beyond the bound or beyond exact digits as out of range, keeping it unrounded', () => {
    expect(readQuantity('1e308万元')).toMatchObject({ outOfRange: true, unit: 'yuan' })
    expect(readQuantity('99999999999999999999')).toMatchObject({ outOfRange: true })
    expect(readQuantity(`${MAX_QUANTITY_VALUE * 10}`)).toMatchObject({ outOfRange: true })
    expect(readQuantity('3200万')).toMatchObject({ outOfRange: false, value: 32_000_000 })
    expect(readQuantity('约3000多万元')).toMatchObject({ outOfRange: false, approximate: true })
  })
})

describe('an absurd amount in a message is asked again, never stored truncated', () => {
  it.each(['1e308万元营收', '营收1e308万元', '营收是99999999999999999999万元', '去年营收1E+20元'])('%s', (text) => {
    const result = readReply(text, { facts: ['revenue'], step: 'question' }, {}, { lastFiscalYear: 2025 })
    expect(result.facts).toEqual({})
    expect(result.rejected).toHaveLength(1)
    expect(result.rejected[0]).toMatchObject({ fact: 'revenue' })
    expect(result.rejected[0]!.reason).toContain('不像是真实的数字')
  })
})

describe('readQuantity: 多/几 after the last digit also bound the value from above', () => {
  it.each([
    ['五百多万', 5_000_000, 6_000_000],
    ['1500多万', 15_000_000, 16_000_000],
    ['一千多万', 10_000_000, 20_000_000],
    ['一个多亿', 100_000_000, 200_000_000],
    ['二十多人', 20, 30],
    ['十几个人', 10, 20],
    // The leading digit unknown: below ten times the magnitude.
    ['几十个人', 10, 100],
    ['几百万', 1_000_000, 10_000_000],
  ])('%s: more than %d, less than %d', (text, value, ceiling) => {
    const quantity = readQuantity(text)!
    expect(quantity.bound).toBe('gt')
    expect(quantity.value).toBe(value)
    expect(quantity.ceiling).toBe(ceiling)
  })

  it.each(['超过2000万', '三十来个', '不到一千万'])('%s has no ceiling from 多', (text) => {
    expect(readQuantity(text)?.ceiling).toBeUndefined()
  })
})

describe('readQuantity: 百十 and 多 after a ratio unit', () => {
  it('百十 is about a hundred', () => {
    expect(readQuantity('百十')).toMatchObject({ value: 100, bound: 'approx' })
    expect(readQuantity('百十来')).toMatchObject({ value: 100, bound: 'approx' })
  })

  it('四成多 and 40%多 are more than 40 %', () => {
    expect(readQuantity('四成多')).toMatchObject({ value: 40, unit: 'percent', bound: 'gt', ceiling: 50 })
    expect(readQuantity('40%多')).toMatchObject({ value: 40, unit: 'percent', bound: 'gt' })
  })
})

describe('readQuantity: bounds said after the figure', () => {
  it.each([
    ['三千万不足', 'lt'],
    ['一千万都没有', 'lt'],
    ['200人还没到', 'lt'],
    ['300人以下', 'le'],
  ])('%s is %s', (text, bound) => {
    expect(readQuantity(text)?.bound).toBe(bound)
  })
})

describe('readQuantity: 不够/不满 after a figure bound it, 的样子 is 左右, 挂零 is 出头', () => {
  it.each([
    ['三千万不够', { bound: 'lt', value: 30_000_000 }],
    ['两千万的样子', { bound: 'approx', value: 20_000_000 }],
    ['两千五百万的样子', { bound: null, value: 25_000_000 }],
    ['1亿挂零', { bound: null, value: 100_000_000 }],
  ])('%s', (text, expected) => {
    expect(readQuantity(text)).toMatchObject(expected)
  })
})

describe('readQuantity: fractions, half a tenth, 打底/起步 and a magnitude named as a class', () => {
  it.each([
    ['四分之一', { value: 25, unit: 'percent', bound: null }],
    ['五分之一', { value: 20, unit: 'percent', bound: null }],
    ['一成半', { value: 15, unit: 'percent', bound: null }],
    ['两成半', { value: 25, unit: 'percent', bound: null }],
    ['八千万打底', { value: 80_000_000, unit: 'yuan', bound: 'ge' }],
    ['5000万起步', { value: 50_000_000, unit: 'yuan', bound: 'ge' }],
    ['千万级', { value: 10_000_000, unit: 'yuan', bound: 'ge' }],
    ['百万级别', { value: 1_000_000, unit: 'yuan', bound: 'ge' }],
    ['亿级', { value: 100_000_000, unit: 'yuan', bound: 'ge' }],
  ])('%s', (text, expected) => {
    expect(readQuantity(text)).toMatchObject(expected)
  })

  it('三分之一 is a third in percent; 百分之 and 千分之 keep their own scale', () => {
    expect(readQuantity('三分之一')?.value).toBeCloseTo(33.33, 2)
    expect(readQuantity('百分之十二点五')).toMatchObject({ value: 12.5, unit: 'percent' })
    expect(readQuantity('千分之五')).toMatchObject({ value: 0.5, unit: 'percent' })
  })
})
