import { describe, expect, it } from 'vitest'
import { FACT_LABELS } from '../facts/fact-labels.js'
import type { FactName } from '../facts/fact-schema.js'
import { loadRules } from '../scoring/load-rules.js'
import { renderQuestion } from './choose-next-question.js'
import { QUESTION_GROUPS } from './question-groups.js'
import { fillYears, lastFullYear, YEARS_BACK, yearLabel } from './year-words.js'

describe('year words', () => {
  it('takes 上年度 as the last full calendar year in Beijing', () => {
    expect(lastFullYear(Date.parse('2026-12-01T12:00:00+08:00'))).toBe(2025)
    expect(lastFullYear(Date.parse('2026-12-31T23:59:00+08:00'))).toBe(2025)
    expect(lastFullYear(Date.parse('2027-01-01T00:10:00+08:00'))).toBe(2026)
  })

  it('labels year-bound facts with real years', () => {
    expect(yearLabel('mainRevenue', 2025)).toBe('2025年主营业务收入')
    expect(yearLabel('mainRevenuePrev', 2025)).toBe('2024年主营业务收入')
    expect(yearLabel('mainRevenuePrev2', 2025)).toBe('2023年主营业务收入')
    expect(yearLabel('rdExpensePrev', 2025)).toBe('2024年研发费用')
    expect(yearLabel('employees', 2025)).toBe('从业人员')
    expect(fillYears('{Y3}、{Y2}、{Y1}', 2030)).toBe('2028、2029、2030')
  })

  it('shows no fixed year in any question', () => {
    for (const group of QUESTION_GROUPS) {
      const text = renderQuestion(group, group.facts, 2041)
      for (const [, year] of text.matchAll(/(\d{4})年/gu)) expect(Number(year), group.id).toBeGreaterThanOrEqual(2039)
      expect(text, group.id).not.toMatch(/\{Y\d\}/u)
    }
  })

  it('names each year the way the labels say the rules read it', () => {
    // Every fact the year table knows is labelled 上年度/前年/大前年, and the offset matches that word.
    const offsets: Record<string, number> = { 上年度: 0, 前年: 1, 大前年: 2 }
    for (const [fact, back] of Object.entries(YEARS_BACK) as Array<[FactName, number]>) {
      const word = /^(上年度|大前年|前年)/u.exec(FACT_LABELS[fact].label)?.[1]
      expect(word, fact).toBeDefined()
      expect(offsets[word!], fact).toBe(back)
    }
    // The rules that read these facts say 上年度 or 近2年 (which the standard computes from 上年度 back).
    const rules = JSON.stringify(loadRules())
    expect(rules).toContain('上年度研发费用')
    expect(rules).toContain('近2年主营业务收入平均增长率')
  })
})
