import { describe, expect, it } from 'vitest'
import type { FactName, Facts } from '../facts/fact-schema.js'
import { assess } from './assess.js'
import type { ProgramId } from './assessment-result.js'
import { FACT_DOMAINS } from './fact-domains.js'
import { loadRules } from './load-rules.js'

const rules = loadRules()

const GATES: Facts = {
  registeredInBeijing: true,
  independentLegalPerson: true,
  creditBlacklisted: false,
  restrictedProducts: false,
  majorIncident3y: false,
}
const NO_DIRECT: Facts = {
  sciAwardLevel: 'none',
  honors: [],
  rdInstitution: 'none',
  equityFinancing3y: 0,
  equityFinancing2y: 0,
  makerChinaTop: null,
}

describe('an unknown fact that cannot change the verdict does not leave it open', () => {
  // 研发费用为0：营业收入是多少研发占比都是0，创新能力最多10分，不可能达到20分。
  const zeroRd: Facts = {
    ...GATES,
    ...NO_DIRECT,
    industry: 'other',
    employees: 50,
    rdExpense: 0,
    ipHighValue: 0,
    ipClass1SelfDeveloped: 0,
    ipClass1: 1,
    ipClass2: 0,
    mainRevenuePrev: 100,
    mainRevenue: 120,
    debtRatio: 40,
    strategicEmerging: true,
  }

  it('decides "not eligible" when no revenue can lift 研发费用占比 above 0', () => {
    const result = assess('innovative', zeroRd, rules)
    // Taken one by one, the indicators that read revenue could still score up to their maximum …
    expect(result.items.find((item) => item.id === 'rd-ratio')!.maxScore).toBe(20)
    // … but no single revenue value gets them there together.
    expect(result.eligible).toBe(false)
    expect(result.missing).toEqual([])
  })

  it('keeps the verdict open, and asks for revenue only, when revenue does decide it', () => {
    const result = assess('innovative', { ...zeroRd, rdExpense: 30 }, rules)
    expect(result.eligible).toBeNull()
    expect(result.missing).toEqual(['revenue'])
  })

  it('puts a fact whose one answer settles the verdict first', () => {
    const result = assess('innovative', { ...zeroRd, rdExpense: 30, registeredInBeijing: undefined }, rules)
    expect(result.eligible).toBeNull()
    expect(result.missing).toEqual(['registeredInBeijing', 'revenue'])
  })
})

/** A small seeded generator, so a failure is reproducible. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

function sample(fact: FactName, next: () => number): unknown {
  const domain = FACT_DOMAINS[fact]
  if (domain.kind === 'finite') return domain.values[Math.floor(next() * domain.values.length)]
  const high = Math.min(domain.max, fact === 'employees' || fact === 'rdStaff' ? 2000 : 20000)
  const value = domain.min + next() * (high - domain.min)
  return domain.integer ? Math.round(value) : Math.round(value * 100) / 100
}

describe('a decided verdict holds for every value of the unknown fact (randomised, seeded)', () => {
  const next = random(20250101)
  const full: Facts = {
    ...GATES,
    ...NO_DIRECT,
    industry: 'industry',
    employees: 120,
    totalAssets: 9000,
    revenue: 4000,
    revenuePrev: 3600,
    mainRevenue: 3000,
    mainRevenuePrev: 2800,
    mainRevenuePrev2: 2500,
    rdExpense: 160,
    rdExpensePrev: 140,
    netProfit: 240,
    debtRatio: 58,
    rdStaff: 18,
    ipHighValue: 0,
    ipClass1SelfDeveloped: 1,
    ipClass1: 2,
    ipClass2: 5,
    strategicEmerging: false,
    nicheYears: 4,
    leadProductField: 'sixBasics',
    digitalLevel: 2,
    qualityAward: false,
    qualityCert: true,
    ownBrand: true,
    standardSetting: false,
    techConversion: [],
    listing: 'none',
    contest: 'participated',
    coreBusinessInfoSystem: true,
    marketShare: 8,
    keyField: true,
    sciAwardRank: 10,
  }
  const numeric = (Object.keys(full) as FactName[]).filter((fact) => FACT_DOMAINS[fact].kind === 'numeric')
  let decided = 0
  for (let round = 0; round < 40; round += 1) {
    const facts = { ...full } as Record<string, unknown>
    for (const fact of numeric) if (next() < 0.5) facts[fact] = sample(fact, next)
    const hidden = numeric[Math.floor(next() * numeric.length)]
    delete facts[hidden]
    for (const program of ['innovative', 'specialized', 'little-giant'] as ProgramId[]) {
      it(`round ${round + 1}, ${program}, ${hidden} unknown`, () => {
        const result = assess(program, facts as Facts, rules)
        if (result.eligible === null) {
          expect(result.missing).toContain(hidden)
          return
        }
        decided += 1
        const domain = FACT_DOMAINS[hidden]
        const probes =
          domain.kind === 'numeric'
            ? [domain.min, domain.max, ...Array.from({ length: 40 }, () => sample(hidden, next))]
            : []
        for (const value of probes)
          expect(
            assess(program, { ...facts, [hidden]: value } as Facts, rules).eligible,
            `${hidden} = ${String(value)}`,
          ).toBe(result.eligible)
      })
    }
  }
  it('decided some of them', () => expect(decided).toBeGreaterThan(0))
})
