import { describe, expect, it } from 'vitest'
import type { Facts } from '../facts/fact-schema.js'
import { assess } from './assess.js'
import { loadRules } from './load-rules.js'

const rules = loadRules()
const GATES: Facts = {
  registeredInBeijing: true,
  independentLegalPerson: true,
  creditBlacklisted: false,
  restrictedProducts: false,
  majorIncident3y: false,
  industry: 'software',
  employees: 200,
}
/** Revenue 2亿, R&D 5% both years, 3 I类 IP: only the R&D institution is missing from 小巨人's 新 condition. */
const FIRM: Facts = {
  ...GATES,
  revenue: 20000,
  revenuePrev: 18000,
  rdExpense: 1000,
  rdExpensePrev: 900,
  ipClass1: 3,
  rdInstitution: 'none',
}

const unmetOf = (facts: Facts, id = 'innovation-general') =>
  assess('little-giant', facts, rules).conditions.find((condition) => condition.id === id)!

describe('describeUnmetParts: only the failing parts of a condition, actual vs needed', () => {
  it('names only the R&D institution when it alone fails 小巨人 新（一般性条件）', () => {
    const condition = unmetOf(FIRM)
    expect(condition.status).toBe('failed')
    expect(condition.unmet).toHaveLength(1)
    expect(condition.unmet[0]).toMatchObject({ subject: 'rdInstitution', actual: '无' })
    expect(condition.unmet[0]!.needed).toContain('市级以下')
    expect(condition.unmet[0]!.text).not.toMatch(/知识产权|研发费用/)
  })

  it('gives the firm value and the threshold for a number, and lists two failing parts when two fail', () => {
    const condition = unmetOf({ ...FIRM, ipClass1: 1 })
    expect(condition.unmet.map((part) => part.subject)).toEqual(['rdInstitution', 'ipClass1'])
    expect(condition.unmet[1]).toMatchObject({ actual: '1项', needed: '≥2项' })
  })

  it('shows the R&D ratio of the revenue band the firm is in, not a band it is not in', () => {
    // 8000万 revenue: the 5000万-1亿 band needs 6% in both years; the firm has 4%.
    const condition = unmetOf({
      ...FIRM,
      revenue: 8000,
      revenuePrev: 7000,
      rdExpense: 320,
      rdExpensePrev: 280,
      rdInstitution: 'municipal',
    })
    expect(condition.unmet).toHaveLength(1)
    expect(condition.unmet[0]!.text).toContain('4%，需≥6%')
  })

  it('is empty for a passed or an unknown condition', () => {
    expect(unmetOf({ ...FIRM, rdInstitution: 'municipal' }).unmet).toEqual([])
    const { rdInstitution: _dropped, ...unknown } = FIRM
    expect(unmetOf(unknown).status).toBe('unknown')
    expect(unmetOf(unknown).unmet).toEqual([])
  })

  it('describes a failed gate with the firm answer', () => {
    const gate = assess('innovative', { ...GATES, creditBlacklisted: true }, rules).conditions.find(
      (condition) => condition.status === 'failed',
    )!
    expect(gate.unmet).toEqual([expect.objectContaining({ subject: 'creditBlacklisted', actual: '是', needed: '否' })])
  })
})
