import { describe, expect, it } from 'vitest'
import { readReply, type ExpectedAnswer } from './read-reply.js'

const idle: ExpectedAnswer = { facts: [], step: 'idle' }

describe('cap and count questions (封顶多少, 要几个) ask', () => {
  it('is a question, not the bound 顶多 inside it', () => {
    const reading = readReply('技术服务走出去 效果显著的企业 封顶多少', idle, {}, { lastFiscalYear: 2025 })
    expect(reading.asks).toBe(true)
    expect(Object.keys(reading.bounds ?? {})).toEqual([])
  })

  it('leaves 顶多 a bound where no 封 precedes it', () => {
    const reading = readReply('营收顶多500万', idle, {}, { lastFiscalYear: 2025 })
    expect(reading.asks).toBe(false)
  })

  it('要几个 / 要几家 ask a count: the trade word beside them is no recorded fact', () => {
    const reading = readReply('小贷公司至少要几个股东', idle, {}, { lastFiscalYear: 2025 })
    expect(reading.asks).toBe(true)
  })

  it('十几个人 still states a figure', () => {
    expect(readReply('员工十几个人', idle, {}, { lastFiscalYear: 2025 }).asks).toBe(false)
  })
})
