import { describe, expect, it } from 'vitest'
import type { Facts } from '../facts/fact-schema.js'
import { assess } from '../scoring/assess.js'
import { loadRules } from '../scoring/load-rules.js'
import { planExactScore } from './plan-exact-score.js'

const rules = loadRules()
const BASE: Facts = {
  registeredInBeijing: true,
  independentLegalPerson: true,
  creditBlacklisted: false,
  restrictedProducts: false,
  majorIncident3y: false,
  industry: 'software',
  employees: 150,
}
const SCORED: Facts = { ...BASE, revenue: 3200, mainRevenue: 3000, mainRevenuePrev: 2500, rdExpense: 240 }

describe('planExactScore', () => {
  it('counts the question groups that still move an eligible score', () => {
    const result = assess('innovative', SCORED, rules)
    expect(result.eligible).toBe(true)
    expect(result.totalMax).toBeGreaterThan(result.total!)
    const plan = planExactScore([result], [], SCORED, 2025)
    expect(new Set(plan.facts)).toEqual(
      new Set(result.items.filter((item) => item.score === null).flatMap((item) => item.needs)),
    )
    // debt ratio (profit group), IP (ip group), strategic emerging (specialization group).
    expect(plan.questions).toBe(3)
    expect(plan.next?.group.id).toBe('profit')
  })

  it('leaves out what the user said they do not know', () => {
    const result = assess('innovative', SCORED, rules)
    const plan = planExactScore([result], ['debtRatio'], SCORED, 2025)
    expect(plan.facts).not.toContain('debtRatio')
    expect(plan.questions).toBe(2)
  })

  it('is empty once every item is scored, and for ineligible or undecided programs', () => {
    const complete: Facts = {
      ...SCORED,
      debtRatio: 48,
      ipHighValue: 0,
      ipClass1SelfDeveloped: 0,
      ipClass1: 0,
      ipClass2: 0,
      strategicEmerging: true,
    }
    expect(planExactScore([assess('innovative', complete, rules)], [], complete, 2025).questions).toBe(0)
    const ineligible = assess('specialized', { ...BASE, revenue: 5000, rdExpense: 50 }, rules)
    expect(ineligible.eligible).toBe(false)
    expect(planExactScore([ineligible], [], {}, 2025)).toEqual({ facts: [], questions: 0, next: null })
    const undecided = assess('innovative', BASE, rules)
    expect(undecided.eligible).toBeNull()
    expect(planExactScore([undecided], [], BASE, 2025).questions).toBe(0)
  })
})
