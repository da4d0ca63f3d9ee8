import { describe, expect, it } from 'vitest'
import { readReply, type ExpectedAnswer } from './read-reply.js'

const idle: ExpectedAnswer = { facts: [], step: 'idle' }

describe('封顶多少 asks for a cap', () => {
  it('is a question, not the bound 顶多 inside it', () => {
    const reading = readReply('技术服务走出去 效果显著的企业 封顶多少', idle, {}, { lastFiscalYear: 2025 })
    expect(reading.asks).toBe(true)
    expect(Object.keys(reading.bounds ?? {})).toEqual([])
  })

  it('leaves 顶多 a bound where no 封 precedes it', () => {
    const reading = readReply('营收顶多500万', idle, {}, { lastFiscalYear: 2025 })
    expect(reading.asks).toBe(false)
  })
})
