import { describe, expect, it } from 'vitest'
import type { FactName, Facts } from '../facts/fact-schema.js'
import { readReply } from './read-reply.js'

/** Known values in the order the owner gave them; the last values are latest first, as the dialogue passes them. */
const read = (text: string, known: Facts) =>
  readReply(text, { facts: ['rdExpense', 'rdExpensePrev', 'rdStaff'], step: 'question' }, known, {
    lastFiscalYear: 2025,
    lastValues: (Object.entries(known) as Array<[FactName, unknown]>)
      .flatMap(([fact, value]) => (typeof value === 'number' ? [{ fact, value }] : []))
      .reverse(),
  })

describe('a correction that points at a known value by its position or size', () => {
  const main: Facts = { mainRevenuePrev2: 1500, mainRevenuePrev: 1800, mainRevenue: 2100 }
  it('中间那个 / 第三个 count in the order given; the figure after the pointer replaces that value', () => {
    expect(read('主营那三个数 中间那个错了 应该是一千九', main).facts).toEqual({ mainRevenuePrev: 1900 })
    expect(read('主营第三个数多写了 是两千零一十', main).facts).toEqual({ mainRevenue: 2010 })
  })
  it('头尾对调 / 第一个和第三个对调 swap the two values pointed at', () => {
    expect(read('主营那三个数 头尾对调一下', main).facts).toEqual({ mainRevenuePrev2: 2100, mainRevenue: 1500 })
    expect(read('主营第一个和第三个对调', main).facts).toEqual({ mainRevenuePrev2: 2100, mainRevenue: 1500 })
  })
  it('without a correction word, ordinals before figures answer the question asked, not a known value', () => {
    const reading = read('第一个240 第二个200', { revenue: 3200, revenuePrev: 2800 })
    expect(reading.facts.revenue).toBeUndefined()
    expect(reading.facts.revenuePrev).toBeUndefined()
  })
  it('另一个 is the other of two values than the one pointed at before', () => {
    expect(read('大的那个数是对的 另一个应该是2650', { revenue: 3200, revenuePrev: 2800 }).facts).toEqual({
      revenuePrev: 2650,
    })
  })
  it('a slipped zero after the pointer scales the value it points at', () => {
    expect(
      read('刚才那串数 中间的少写了个零', { mainRevenuePrev2: 150, mainRevenuePrev: 180, mainRevenue: 2100 }).facts,
    ).toEqual({
      mainRevenuePrev: 1800,
    })
  })
  it('最早那年 is the earliest year; 少算了一百 right after the pointer changes it by that much', () => {
    const reading = read('最早那年的主营少算了一百', main)
    expect(reading.act).toBe('correct')
    expect(reading.facts).toEqual({ mainRevenuePrev2: 1600 })
  })
  it('小的那个 is the smaller value; a pointer whose figure restates the value confirms it', () => {
    expect(read('两个营收里小的那个写错了 是2650', { revenue: 3200, revenuePrev: 2800 }).facts).toEqual({
      revenuePrev: 2650,
    })
    expect(
      read('研发费用那两个 头一个240是对的 第二个应该是210', { rdExpense: 240, rdExpensePrev: 200 }).facts,
    ).toEqual({
      rdExpensePrev: 210,
    })
  })
})
