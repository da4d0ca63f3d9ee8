import { describe, expect, it } from 'vitest'
import type { FactBounds } from '../facts/fact-bounds.js'
import type { Facts } from '../facts/fact-schema.js'
import { assess } from './assess.js'
import { compareRange, rangeOf } from './fact-range.js'
import { loadRules } from './load-rules.js'
import { numericCases } from './split-unknown-facts.js'

const rules = loadRules()
const GATES: Facts = {
  registeredInBeijing: true,
  independentLegalPerson: true,
  creditBlacklisted: false,
  restrictedProducts: false,
  majorIncident3y: false,
  industry: 'software',
  employees: 150,
}

const statusOf = (result: ReturnType<typeof assess>, id: string) =>
  result.conditions.find((condition) => condition.id === id)?.status

describe('fact ranges: a bound decides a comparison only when the whole bound is on one side', () => {
  it.each([
    [{ lt: 1000 }, 'gte', 1000, 'failed'],
    [{ lt: 1000 }, 'lt', 1000, 'passed'],
    [{ le: 1000 }, 'gte', 1000, 'unknown'],
    [{ le: 1000 }, 'lte', 1000, 'passed'],
    [{ gt: 5000 }, 'gte', 5000, 'passed'],
    [{ gt: 5000 }, 'gt', 5000, 'passed'],
    [{ ge: 5000 }, 'gt', 5000, 'unknown'],
    [{ gt: 500 }, 'gte', 1000, 'unknown'],
    [{ gt: 500, lt: 600 }, 'gte', 1000, 'failed'],
    [{ gt: 500, lt: 600 }, 'eq', 700, 'failed'],
    [{ gt: 500, lt: 600 }, 'in', [550, 700], 'unknown'],
  ] as const)('revenue %o %s %o → %s', (interval, op, operand, status) => {
    const range = rangeOf('revenue', { revenue: interval })
    expect(range).not.toBeNull()
    expect(compareRange(range!, op, operand)).toBe(status)
  })

  it('head counts are whole: “不到300人” is at most 299, so “≥300” fails and “≤299” holds', () => {
    const range = rangeOf('employees', { employees: { lt: 300 } })!
    expect(range.high).toEqual({ value: 299, open: false })
    expect(compareRange(range, 'gte', 300)).toBe('failed')
    expect(compareRange(range, 'lte', 299)).toBe('passed')
  })

  it('a bound that leaves no value of the schema decides nothing', () => {
    expect(rangeOf('revenue', { revenue: { lt: 0 } })).toBeNull()
    expect(rangeOf('revenue', { revenue: { gt: 600, lt: 500 } })).toBeNull()
  })

  it('the cases tried for a bounded fact stay inside its bound, one value for each side of every threshold', () => {
    const cases = numericCases('revenue', {}, new Set(['revenue']), new Map([['revenue', [1000, 5000, 10000]]]), {
      revenue: { gt: 500, lt: 6000 },
    })!
    expect(cases.every((value) => value > 500 && value < 6000)).toBe(true)
    expect(cases).toContain(1000)
    expect(cases).toContain(5000)
    expect(cases.some((value) => value > 500 && value < 1000)).toBe(true)
    expect(cases.some((value) => value > 5000 && value < 6000)).toBe(true)
    expect(cases).not.toContain(10000)
  })
})

describe('assess with bounds: the verdict is decided where only the side of a threshold matters', () => {
  it('小巨人: 营收不到5000万 leaves only the under-5000万 branch (8000万 equity …), which fails without financing', () => {
    const bounds: FactBounds = { revenue: { lt: 5000 } }
    const facts: Facts = { ...GATES, equityFinancing2y: 0 }
    const result = assess('little-giant', facts, rules, bounds)
    expect(statusOf(result, 'innovation-general')).toBe('failed')
    expect(statusOf(assess('little-giant', facts, rules), 'innovation-general')).toBe('unknown')
    const unmet = result.conditions.find((condition) => condition.id === 'innovation-general')!.unmet
    expect(unmet.map((part) => part.text).join('；')).toMatch(/不到5000万元/u)
  })

  it('专精特新: 营收没到一千万 and no equity financing fails 第五条（三） whatever the exact figure', () => {
    const facts: Facts = { ...GATES, equityFinancing2y: 0 }
    const result = assess('specialized', facts, rules, { revenue: { lt: 1000 } })
    expect(statusOf(result, 'revenue-1000')).toBe('failed')
    expect(result.eligible).toBe(false)
    expect(assess('specialized', facts, rules).eligible).toBeNull()
  })

  it('a bound on the wrong side of nothing decides nothing: 营收超过500万 leaves 第五条（三） open', () => {
    const facts: Facts = { ...GATES, equityFinancing2y: 0 }
    const result = assess('specialized', facts, rules, { revenue: { gt: 500 } })
    expect(statusOf(result, 'revenue-1000')).toBe('unknown')
    expect(result.missing).toContain('revenue')
  })

  it('规模: 软件业员工超过2000人且营收超过10亿 is a large firm (fails the size gate); 不到300人 is an SME', () => {
    const { employees: _employees, ...facts } = GATES
    void _employees
    const large = assess('innovative', facts, rules, { employees: { gt: 2000 }, revenue: { gt: 100000 } })
    expect(large.size).toBe('large')
    expect(large.eligible).toBe(false)
    expect(statusOf(large, 'gate-size')).toBe('failed')
    const sme = assess('innovative', facts, rules, { employees: { lt: 300 } })
    expect(statusOf(sme, 'gate-size')).toBe('passed')
  })

  it('a score item is pinned when every value of the bound falls in one band: 研发240万、营收不到1000万 → 占比>24%', () => {
    const facts: Facts = { ...GATES, rdExpense: 240 }
    const item = (bounds?: FactBounds) =>
      assess('innovative', facts, rules, bounds).items.find((entry) => entry.id === 'rd-ratio')!
    expect(item().score).toBeNull()
    expect(item({ revenue: { lt: 1000 } })).toMatchObject({ score: 20, minScore: 20, maxScore: 20, needs: [] })
    // 营收超过3000万: the ratio is below 8%, any band from E to A below that is still possible.
    const open = item({ revenue: { gt: 3000 } })
    expect(open.score).toBeNull()
    expect(open.maxScore).toBe(20)
    expect(open.needs).toContain('revenue')
    // 营收超过5000万、不到8000万: 240/8000=3% … 240/5000=4.8% → band B (15).
    expect(item({ revenue: { gt: 5000, lt: 8000 } })).toMatchObject({ score: 15 })
  })

  it('an exact figure given later wins over the bound', () => {
    const facts: Facts = { ...GATES, equityFinancing2y: 0, revenue: 1500 }
    const result = assess('specialized', facts, rules, { revenue: { lt: 1000 } })
    expect(statusOf(result, 'revenue-1000')).toBe('passed')
  })
})
