import { describe, expect, it } from 'vitest'
import type { Facts } from '../facts/fact-schema.js'
import { assess } from './assess.js'
import { DERIVED_VALUES } from './derived-values.js'
import { FACT_DOMAINS, type FactDomain } from './fact-domains.js'
import { loadRules } from './load-rules.js'
import { compare, fromNumber, toNumber } from './rational.js'
import { leverFor } from './score-indicator.js'

const rules = loadRules()

/** A firm whose derived quantities have round denominators, so every edge is reachable by a decimal fact. */
const BASE: Facts = {
  registeredInBeijing: true,
  independentLegalPerson: true,
  creditBlacklisted: false,
  restrictedProducts: false,
  majorIncident3y: false,
  industry: 'other',
  employees: 10000,
  revenue: 1000,
  revenuePrev: 1000,
  mainRevenuePrev: 1000,
  mainRevenuePrev2: 1000,
  rdExpensePrev: 100,
}

/** Facts that make `value` exactly `target`, or null when no decimal fact value gives it exactly. */
function factsAt(value: string, target: number): Facts | null {
  const lever = leverFor(value, target, BASE)
  if (!lever) return null
  const facts = { ...BASE, [lever.fact]: toNumber(lever.value) } as Facts
  const derived = DERIVED_VALUES[value]
  const actual = derived ? derived.compute(facts) : fromNumber(facts[value as keyof Facts] as number)
  return actual !== null && compare(actual, fromNumber(target)) === 0 ? facts : null
}

/**
 * Every edge of every banded indicator, read from rules/: on the edge the higher of the two bands' scores
 * (附件4（十三）), a hair below and above it the score of the band that holds that value.
 */
describe('every band edge of every indicator', () => {
  for (const program of ['innovative', 'specialized'] as const) {
    for (const indicator of rules.programs[program].indicators) {
      if (indicator.type !== 'bands') continue
      const edges = [
        ...new Set(
          indicator.bands.flatMap((band) => [band.min, band.max]).filter((edge): edge is number => edge !== undefined),
        ),
      ]
      for (const edge of edges) {
        const domain = FACT_DOMAINS[indicator.value as keyof Facts] as FactDomain | undefined
        const step = domain?.kind === 'numeric' && domain.integer ? 1 : 0.01
        for (const offset of [0, -step, step]) {
          const point = Math.round((edge + offset) * 100) / 100
          it(`${program} ${indicator.id} = ${point}${indicator.unit}`, () => {
            const facts = factsAt(indicator.value, point)
            expect(facts, `no facts reach ${point}`).not.toBeNull()
            if (domain?.kind === 'numeric' && (point < domain.min || point > domain.max)) return
            const holding = indicator.bands.filter(
              (band) => (band.min ?? -Infinity) <= point && point <= (band.max ?? Infinity),
            )
            const expected = Math.max(...holding.map((band) => band.score))
            const item = assess(program, facts!, rules).items.find((entry) => entry.id === indicator.id)!
            expect(item.score).toBe(expected)
          })
        }
      }
    }
  }

  it('main revenue 1000 → 1130 → 1209.1 万元 averages exactly 10%, which floating point misses', () => {
    expect((((1209.1 - 1130) / 1130 + (1130 - 1000) / 1000) / 2) * 100).not.toBe(10)
    const item = assess(
      'specialized',
      { ...BASE, mainRevenuePrev2: 1000, mainRevenuePrev: 1130, mainRevenue: 1209.1 },
      rules,
    ).items.find((entry) => entry.id === 'main-revenue-growth-2y')!
    expect(item.score).toBe(10)
    expect(item.actual).toBe('10%')
  })

  it('counts niche years by whole steps, exactly', () => {
    const score = (years: number) =>
      assess('specialized', { ...BASE, nicheYears: years }, rules).items.find((entry) => entry.id === 'niche-years')!
        .score
    expect([0, 1.99, 2, 3.99, 4, 7.9, 8, 9.99, 10, 30].map(score)).toEqual([0, 0, 1, 1, 2, 3, 4, 4, 5, 5])
  })
})

describe('advice targets reach the band they name', () => {
  const firms: Facts[] = [
    {
      ...BASE,
      revenue: 1234.5,
      rdExpense: 11,
      mainRevenue: 700,
      mainRevenuePrev: 690,
      debtRatio: 77.7,
      netProfit: 3.3,
      employees: 333,
      rdStaff: 7,
    },
    {
      ...BASE,
      revenue: 987.65,
      rdExpense: 29.3,
      mainRevenue: 444.4,
      mainRevenuePrev: 433,
      mainRevenuePrev2: 420.5,
      debtRatio: 61,
      netProfit: -5,
      employees: 77,
      rdStaff: 1,
    },
  ]
  for (const [index, firm] of firms.entries()) {
    for (const program of ['innovative', 'specialized'] as const) {
      it(`${program}, firm ${index + 1}`, () => {
        const result = assess(program, firm, rules)
        const targeted = result.advice.filter((entry) => entry.kind === 'indicator' && entry.target)
        expect(targeted.length).toBeGreaterThan(0)
        for (const entry of targeted) {
          const improved = assess(program, { ...firm, [entry.target!.fact]: entry.target!.value }, rules)
          const score = improved.items.find((item) => item.id === entry.id)!.score!
          expect(score, entry.text).toBeGreaterThanOrEqual(entry.nextScore!)
          expect(entry.name).toBe(result.items.find((item) => item.id === entry.id)!.name)
          expect(entry.pointsGained).toBe(entry.nextScore! - entry.currentScore!)
        }
      })
    }
  }

  it('rounds a money target up to the next 0.01 万元, never down', () => {
    const advice = assess('innovative', { ...BASE, revenue: 1234.5, rdExpense: 11 }, rules).advice.find(
      (entry) => entry.id === 'rd-ratio',
    )!
    // 1% of 1234.5 = 12.345 → 12.35
    expect(advice.target).toEqual({ fact: 'rdExpense', value: 12.35 })
    expect(advice.text).toContain('12.35万元')
  })

  it('names the cheaper of the two routes of 研发费用投入 (amount or share)', () => {
    const advice = assess('specialized', { ...BASE, revenue: 2000, rdExpense: 50 }, rules).advice.find(
      (entry) => entry.id === 'rd-input',
    )!
    // E: 100万元 or 3% of 2000 = 60万元 → 60
    expect(advice.target).toEqual({ fact: 'rdExpense', value: 60 })
    expect(advice.nextScore).toBe(2)
  })
})
