import { describe, expect, it } from 'vitest'
import type { Facts } from '../facts/fact-schema.js'
import { readReply, type ExpectedAnswer } from './read-reply.js'
import { tagText } from './tag-text.js'

const rd: ExpectedAnswer = { facts: ['rdExpense', 'rdExpensePrev', 'rdStaff'], step: 'question' }
const known: Facts = { industry: 'software', employees: 150, revenue: 3200 }
const read = (text: string) => readReply(text, rd, known, { lastFiscalYear: 2025, lastValues: [] })

describe('markNotKnowing: the grammar of not knowing', () => {
  it.each([
    ['研发的账我从没听说过'],
    ['这些数我真不太晓得'],
    ['研发费用的账我看不明白'],
    ['研发花了多少我估计不准'],
    ['研发这块我记不大住'],
    ['研发费用暂时无法提供'],
    ['这个得先找出纳核一下'],
    ['得让会计出个数'],
    ['研发费用我回办公室查完告诉你'],
  ])('%s leaves the facts unknown', (text) => {
    const reading = read(text)
    expect(reading.act).toBe('unknown')
    expect(reading.unknown.length).toBeGreaterThan(0)
    expect(reading.facts).toEqual({})
  })

  it.each([['这个数不能给你'], ['研发的我拒绝回答'], ['老板不让说'], ['研发费用先不告诉你']])(
    '%s refuses, a skip',
    (text) => {
      expect(read(text).act).toBe('skip')
    },
  )

  it('a question why the advisor asks is no unknown', () => {
    expect(read('为什么要问研发人员').act).toBe('ask')
  })

  it('a figure said as 不准 is wrong, not unknown, and the helper words leave no tokens', () => {
    const types = tagText('营收那个数不准 我问问会计').map((token) => token.type)
    expect(types).not.toContain('grasp')
    expect(types).not.toContain('consult')
    expect(types).not.toContain('tell')
  })

  it('an inability about the figure never reads as none', () => {
    const reading = read('研发台账还没建 暂无法给出研发费用')
    expect(reading.facts).toEqual({})
    expect(reading.unknown).toEqual(expect.arrayContaining(['rdExpense']))
  })
})

describe('markNotKnowing: a negation and a verb before a fact word deny it', () => {
  const size: ExpectedAnswer = { facts: ['industry', 'employees'], step: 'question' }
  const readSize = (text: string) => readReply(text, size, {}, { lastFiscalYear: 2025, lastValues: [] })
  it('不带硬件 and 没做过软件 leave the other word the industry', () => {
    const software = readSize('医疗器械软件 我们卖的是影像科用的阅片系统 不带硬件')
    expect(software.facts.industry).toBe('software')
    expect(software.unsure).toEqual([])
    expect(readSize('我们没做过软件 做硬件').facts.industry).toBe('industry')
  })
  it('tags the negation and its verb as one no', () => {
    expect(tagText('不带硬件').map((token) => [token.text, token.type])).toEqual([
      ['不带', 'no'],
      ['硬件', 'keyword'],
    ])
  })
})
