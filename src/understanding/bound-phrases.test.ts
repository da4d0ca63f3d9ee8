import { describe, expect, it } from 'vitest'
import type { Facts } from '../facts/fact-schema.js'
import { readReply, type ExpectedAnswer } from './read-reply.js'

const revenue: ExpectedAnswer = { facts: ['revenue'], step: 'question' }
const main: ExpectedAnswer = { facts: ['mainRevenuePrev2', 'mainRevenuePrev', 'mainRevenue'], step: 'question' }
const rd: ExpectedAnswer = { facts: ['rdExpense', 'rdStaff'], step: 'question' }
const known: Facts = { industry: 'software', employees: 150 }
const read = (text: string, expected: ExpectedAnswer = revenue) =>
  readReply(text, expected, known, { lastFiscalYear: 2025, lastValues: [] })
const bounds = (text: string) => read(text).bounds.map(({ fact, op, value }) => ({ fact, op, value }))

describe('bound phrases', () => {
  it.each([
    ['营收摸不到一千万', 'lt', 1000],
    ['营收怎么也超不过五千万', 'le', 5000],
    ['营收起码得有八百万', 'ge', 800],
    ['营收两千万打不住', 'gt', 2000],
    ['营收比一千万只多不少', 'ge', 1000],
    ['营收刚过八百万一点点', 'gt', 800],
  ])('%s is a bound', (text, op, value) => {
    expect(read(text).facts.revenue).toBeUndefined()
    expect(bounds(text)).toContainEqual({ fact: 'revenue', op, value })
  })

  it.each(['营收介于八百到一千二百万', '营收在八百万和一千二百万之间', '营收八百到一千二百万'])(
    '%s states both ends of a range',
    (text) => {
      expect(bounds(text)).toEqual([
        { fact: 'revenue', op: 'ge', value: 800 },
        { fact: 'revenue', op: 'le', value: 1200 },
      ])
    },
  )
})

describe('figures in lists and chat units', () => {
  it('figures after 分别 parted by spaces are one list', () => {
    expect(read('主营三年分别是九百 一千一 一千四', main).facts).toEqual({
      mainRevenuePrev2: 900,
      mainRevenuePrev: 1100,
      mainRevenue: 1400,
    })
  })

  it('个w is 万', () => {
    expect(read('研发投了八十个w 人有九个', rd).facts).toEqual({ rdExpense: 80, rdStaff: 9 })
  })
})
