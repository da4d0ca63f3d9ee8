import { describe, expect, it } from 'vitest'
import type { Facts } from '../facts/fact-schema.js'
import { loadCards } from '../knowledge/load-cards.js'
import { assess } from '../scoring/assess.js'
import { loadRules } from '../scoring/load-rules.js'
import { composeVerdict } from './compose-verdict.js'
import { loadTierBenefits } from './load-tier-benefits.js'
import { planExactScore } from './plan-exact-score.js'
import type { PolicySearch } from './ports.js'
import type { Program } from './programs.js'

const rules = loadRules()
const benefits = loadTierBenefits()
const cards = new Map(loadCards().map((card) => [card.id, card]))
const search: PolicySearch = { search: () => ({ hits: [], confident: false }), get: (id) => cards.get(id) }

const BASE: Facts = {
  registeredInBeijing: true,
  independentLegalPerson: true,
  creditBlacklisted: false,
  restrictedProducts: false,
  majorIncident3y: false,
  industry: 'industry',
  employees: 150,
}
const FIRMS: Record<string, Facts> = {
  empty: {},
  gates: { ...BASE, registeredInBeijing: false, independentLegalPerson: false, creditBlacklisted: true },
  large: { ...BASE, employees: 5000, revenue: 900000 },
  highTech: { ...BASE, honors: ['highTech'] },
  scored: { ...BASE, revenue: 3200, mainRevenue: 3000, mainRevenuePrev: 2500, rdExpense: 240 },
  weak: {
    ...BASE,
    revenue: 3200,
    mainRevenue: 1000,
    mainRevenuePrev: 1200,
    mainRevenuePrev2: 1300,
    rdExpense: 5,
    debtRatio: 90,
    netProfit: -50,
    ipClass1: 0,
    ipClass2: 0,
    ipHighValue: 0,
    ipClass1SelfDeveloped: 0,
    sciAwardLevel: 'none',
    honors: [],
    rdInstitution: 'none',
    equityFinancing3y: 0,
  },
  lowRd: { ...BASE, revenue: 5000, rdExpense: 50 },
  strong: {
    ...BASE,
    revenue: 20000,
    revenuePrev: 17000,
    mainRevenue: 19000,
    mainRevenuePrev: 16000,
    mainRevenuePrev2: 14000,
    rdExpense: 1500,
    rdExpensePrev: 1200,
    rdStaff: 40,
    netProfit: 2400,
    debtRatio: 40,
    ipClass1: 6,
    ipClass1SelfDeveloped: 5,
    ipHighValue: 2,
    ipClass2: 10,
    nicheYears: 9,
    marketShare: 15,
    strategicEmerging: true,
    leadProductField: 'gapFilling',
    digitalLevel: 3,
    qualityCert: true,
    qualityAward: false,
    ownBrand: true,
    standardSetting: true,
    coreBusinessInfoSystem: true,
    rdInstitution: 'municipal',
    innovativeSmeValid: true,
    specializedSmeValid: true,
    keyField: true,
  },
}
const PROGRAM_SETS: Program[][] = [
  ['innovative'],
  ['specialized'],
  ['little-giant'],
  ['innovative', 'specialized', 'little-giant'],
]

/** The verdict as the dialogue shows it: the exact-score offer counted by planExactScore unless given. */
function compose(facts: Facts, programs: Program[], exactScoreQuestions?: number) {
  const results = programs.map((program) => assess(program, facts, rules))
  return composeVerdict(results, search, benefits, {
    exactScoreQuestions: exactScoreQuestions ?? planExactScore(results, [], facts, 2025).questions,
  })
}

describe('composeVerdict', () => {
  for (const [name, facts] of Object.entries(FIRMS)) {
    for (const programs of PROGRAM_SETS) {
      it(`${name} × ${programs.join('+')}: one screen, every program's verdict, the full account behind 详细`, () => {
        const verdict = compose(facts, programs)
        const screen = `${verdict.body}\n${verdict.footer}`
        expect(screen.length).toBeLessThanOrEqual(300)
        for (const program of programs) expect(screen).toContain(`【${assess(program, facts, rules).programName}】`)
        expect(verdict.body).toMatch(/回复“详细”看逐项得分和依据。$/u)
        expect(verdict.detail.text.length).toBeGreaterThanOrEqual(verdict.body.length - 40)
        expect(verdict.detail.text).toMatch(/依据：/u)
      })
    }
  }

  it('shows the range of a verdict decided before every scoring fact is known, and the offer', () => {
    const verdict = compose(FIRMS.scored, ['innovative'], 3)
    expect(verdict.body.split('\n')[0]).toBe('【北京市创新型中小企业】✅ 符合（已确定65分，最高可能100分）')
    expect(verdict.body).toContain('再答3个问题可算出准确得分，回复“算准分数”继续。')
    expect(compose(FIRMS.scored, ['innovative'], 0).body).not.toContain('算准分数')
  })

  it('names the two biggest gaps and the smallest change when not eligible', () => {
    const verdict = compose(FIRMS.weak, ['innovative'])
    expect(verdict.body).toMatch(/❌ 暂不符合/u)
    const gaps = verdict.body.split('\n').find((line) => line.startsWith('差距最大：'))
    expect(gaps?.split('；')).toHaveLength(2)
    expect(verdict.body).toMatch(/最少改动：|或满足直通条件/u)
  })

  it('keeps the item-by-item account behind 详细: dimensions, lost points, the tier’s benefits', () => {
    const verdict = compose(FIRMS.strong, ['specialized'])
    expect(verdict.body).not.toMatch(/专业化\d+\/25/u)
    expect(verdict.detail.text).toMatch(/专业化\d+\/25 · 精细化\d+\/25 · 特色化\d+\/15 · 创新能力\d+\/35/u)
    expect(verdict.detail.text).toMatch(/失分最多：/u)
    expect(verdict.detail.text).toMatch(/16条支持/u)
    expect(verdict.detail.card.title).toBe('北京市专精特新中小企业测评结果（详细）')
  })

  it('states a failed gate with its reason on the screen', () => {
    const verdict = compose(FIRMS.gates, ['innovative', 'specialized', 'little-giant'])
    expect(verdict.body).toMatch(/不满足申报基本条件（第三条）中的“在北京市内工商注册登记”/u)
  })
})

describe('composeVerdict names only the failing parts of a condition', () => {
  it('小巨人 新（一般性条件） with only the R&D institution missing says just that, with the firm answer', () => {
    // No award and no contest rank either, so 新 is decided by its 一般性条件 alone.
    const facts: Facts = { ...FIRMS.strong!, rdInstitution: 'none', sciAwardLevel: 'none', makerChinaTop: null }
    expect(assess('little-giant', facts, rules).eligible).toBe(false)
    const verdict = compose(facts, ['little-giant'])
    expect(verdict.body).toContain('研发机构级别：无，需国家级/省级/市级/市级以下')
    expect(verdict.body).not.toContain('研发投入达标、建有研发机构、2项以上I类知识产权')
    expect(verdict.detail.text).toContain('未满足：研发机构级别：无')
    expect(verdict.detail.text).not.toMatch(/未满足：[^\n]*知识产权/)
  })
})
