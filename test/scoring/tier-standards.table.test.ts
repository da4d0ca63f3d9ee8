/**
 * 梯度培育标准对照表：每一行是一条可以对着《北京市优质中小企业梯度培育管理实施细则（2025年修订版）》附件1–4
 * 核对的规定。读法：“描述”说明情形，“企业数据”是填报的数字（金额单位万元，比例单位%），“应得”是标准规定的结果。
 * A table a policy officer can check line by line against the standard.
 */
import { describe, expect, it } from 'vitest'
import type { Facts } from '../../src/facts/fact-schema.js'
import { assess } from '../../src/scoring/assess.js'
import { classifySize } from '../../src/scoring/classify-size.js'
import { loadRules } from '../../src/scoring/load-rules.js'

const rules = loadRules()

/** 满足第三条各项基本条件的北京小型工业企业。 */
const ELIGIBLE_BASE: Facts = {
  registeredInBeijing: true,
  independentLegalPerson: true,
  creditBlacklisted: false,
  restrictedProducts: false,
  majorIncident3y: false,
  industry: 'industry',
  employees: 150,
  totalAssets: 8000,
}

function score(program: 'innovative' | 'specialized', indicator: string, facts: Facts): number | null {
  return assess(program, { ...ELIGIBLE_BASE, ...facts }, rules).items.find((item) => item.id === indicator)!.score
}

/** 营业收入1000万元时，研发费用 = 比重 × 10。 */
const rdRatio = (percent: number): Facts => ({ revenue: 1000, rdExpense: percent * 10 })
/** 上年度主营业务收入增长率：前年1000万元。 */
const growth = (percent: number): Facts => ({ mainRevenuePrev: 1000, mainRevenue: 1000 + percent * 10 })
const share = (percent: number): Facts => ({ revenue: 1000, mainRevenue: percent * 10 })

describe('附件1 创新型中小企业评价指标（边界取高分）', () => {
  it.each<[string, string, Facts, number]>([
    ['研发费用占比恰好5%', 'rd-ratio', rdRatio(5), 20],
    ['研发费用占比4.99%', 'rd-ratio', rdRatio(4.99), 15],
    ['研发费用占比恰好3%', 'rd-ratio', rdRatio(3), 15],
    ['研发费用占比恰好2%', 'rd-ratio', rdRatio(2), 10],
    ['研发费用占比恰好1%', 'rd-ratio', rdRatio(1), 5],
    ['研发费用占比0.99%', 'rd-ratio', rdRatio(0.99), 0],
    ['主营收入增长率恰好15%', 'main-revenue-growth', growth(15), 20],
    ['主营收入增长率恰好10%', 'main-revenue-growth', growth(10), 15],
    ['主营收入增长率恰好5%', 'main-revenue-growth', growth(5), 10],
    ['主营收入增长率恰好0%', 'main-revenue-growth', growth(0), 5],
    ['主营收入下降1%', 'main-revenue-growth', growth(-1), 0],
    ['资产负债率恰好55%', 'debt-ratio', { debtRatio: 55 }, 10],
    ['资产负债率55.01%', 'debt-ratio', { debtRatio: 55.01 }, 5],
    ['资产负债率恰好75%', 'debt-ratio', { debtRatio: 75 }, 5],
    ['资产负债率75.01%', 'debt-ratio', { debtRatio: 75.01 }, 0],
    ['主导产品属于战略性新兴产业', 'lead-product-field', { strategicEmerging: true }, 10],
    ['主导产品属于其他领域', 'lead-product-field', { strategicEmerging: false }, 5],
    ['主营收入占比恰好70%', 'main-revenue-share', share(70), 20],
    ['主营收入占比恰好60%', 'main-revenue-share', share(60), 15],
    ['主营收入占比恰好55%', 'main-revenue-share', share(55), 10],
    ['主营收入占比恰好50%', 'main-revenue-share', share(50), 5],
    ['主营收入占比49.9%', 'main-revenue-share', share(49.9), 0],
    ['有I类高价值知识产权1项', 'ip', { ipHighValue: 1, ipClass1SelfDeveloped: 1, ipClass1: 1, ipClass2: 0 }, 20],
    ['有自主研发I类知识产权1项', 'ip', { ipHighValue: 0, ipClass1SelfDeveloped: 1, ipClass1: 1, ipClass2: 0 }, 15],
    ['有I类知识产权1项（受让）', 'ip', { ipHighValue: 0, ipClass1SelfDeveloped: 0, ipClass1: 1, ipClass2: 0 }, 10],
    ['只有II类知识产权', 'ip', { ipHighValue: 0, ipClass1SelfDeveloped: 0, ipClass1: 0, ipClass2: 4 }, 5],
    ['没有知识产权', 'ip', { ipHighValue: 0, ipClass1SelfDeveloped: 0, ipClass1: 0, ipClass2: 0 }, 0],
  ])('%s → %s 得 %i 分', (_description, indicator, facts, expected) => {
    expect(score('innovative', indicator, facts)).toBe(expected)
  })
})

/** 一家恰好60分、各类达标的企业：创新能力20（I类知识产权10 + 研发占比2%得10）、成长性20（增长10%得15 + 负债率60%得5）、
 * 专业化20（其他领域5 + 主营占比61.1%得15）。 */
const SIXTY: Facts = {
  ...ELIGIBLE_BASE,
  ipHighValue: 0,
  ipClass1SelfDeveloped: 0,
  ipClass1: 1,
  ipClass2: 0,
  revenue: 900,
  rdExpense: 18,
  mainRevenuePrev: 500,
  mainRevenue: 550,
  debtRatio: 60,
  strategicEmerging: false,
}

describe('附件1 公告条件', () => {
  it('60分且创新能力≥20、成长性≥15、专业化≥15：符合', () => {
    const result = assess('innovative', SIXTY, rules)
    expect(result.total).toBe(60)
    expect(result.dimensions.map((dimension) => [dimension.name, dimension.score])).toEqual([
      ['创新能力', 20],
      ['成长性', 20],
      ['专业化', 20],
    ])
    expect(result.eligible).toBe(true)
  })

  it('总分够60但创新能力只有15分：不符合（除非有直通条件）', () => {
    const result = assess(
      'innovative',
      {
        ...SIXTY,
        ipClass1: 0,
        ipClass2: 1,
        debtRatio: 40,
        strategicEmerging: true,
        sciAwardLevel: 'none',
        honors: [],
        rdInstitution: 'none',
        equityFinancing3y: 0,
      },
      rules,
    )
    expect(result.total).toBe(65)
    expect(result.dimensions[0].score).toBe(15)
    expect(result.eligible).toBe(false)
  })

  it.each<[string, Facts]>([
    ['近三年获省级科技奖励（不论排名）', { sciAwardLevel: 'provincial', sciAwardRank: 9 }],
    ['有效期内高新技术企业', { honors: ['highTech'] }],
    ['知识产权示范企业', { honors: ['ipDemo'] }],
    ['省级研发机构', { rdInstitution: 'provincial' }],
    ['近三年股权融资恰好500万元', { equityFinancing3y: 500 }],
  ])('直通：%s → 不看分数也符合', (_description, facts) => {
    expect(assess('innovative', { ...ELIGIBLE_BASE, ...facts }, rules).eligible).toBe(true)
  })

  it.each<[string, Facts]>([
    ['市级研发机构不算省部级以上', { rdInstitution: 'municipal' }],
    ['股权融资499万元', { equityFinancing3y: 499 }],
  ])('不构成直通：%s', (_description, facts) => {
    const result = assess('innovative', { ...ELIGIBLE_BASE, ...facts }, rules)
    expect(result.conditions.filter((condition) => condition.direct && condition.status === 'passed')).toEqual([])
  })
})

describe('附件2 专精特新中小企业评价指标', () => {
  it.each<[string, string, Facts, number]>([
    ['主营占比恰好80%', 'main-revenue-share', share(80), 5],
    ['主营占比恰好70%', 'main-revenue-share', share(70), 3],
    ['主营占比恰好60%', 'main-revenue-share', share(60), 1],
    ['主营占比59.9%', 'main-revenue-share', share(59.9), 0],
    [
      '主营收入1000→1130→1209.1万元，平均增长率恰好10%',
      'main-revenue-growth-2y',
      { mainRevenuePrev2: 1000, mainRevenuePrev: 1130, mainRevenue: 1209.1 },
      10,
    ],
    [
      '平均增长率恰好8%',
      'main-revenue-growth-2y',
      { mainRevenuePrev2: 1000, mainRevenuePrev: 1080, mainRevenue: 1166.4 },
      8,
    ],
    ['平均增长率0%', 'main-revenue-growth-2y', { mainRevenuePrev2: 1000, mainRevenuePrev: 1000, mainRevenue: 1000 }, 2],
    [
      '平均增长率为负',
      'main-revenue-growth-2y',
      { mainRevenuePrev2: 1000, mainRevenuePrev: 1000, mainRevenue: 999 },
      0,
    ],
    ['细分市场1.9年', 'niche-years', { nicheYears: 1.9 }, 0],
    ['细分市场恰好2年', 'niche-years', { nicheYears: 2 }, 1],
    ['细分市场9.9年', 'niche-years', { nicheYears: 9.9 }, 4],
    ['细分市场10年', 'niche-years', { nicheYears: 10 }, 5],
    ['细分市场20年（封顶5分）', 'niche-years', { nicheYears: 20 }, 5],
    ['补短板、锻长板、填空白', 'lead-product-field', { leadProductField: 'gapFilling' }, 5],
    ['工业六基领域', 'lead-product-field', { leadProductField: 'sixBasics' }, 3],
    ['数字化水平四级', 'digital-level', { digitalLevel: 4 }, 5],
    ['数字化水平三级', 'digital-level', { digitalLevel: 3 }, 5],
    ['数字化水平二级', 'digital-level', { digitalLevel: 2 }, 3],
    ['数字化水平一级', 'digital-level', { digitalLevel: 1 }, 0],
    [
      '质量管理：只有ISO9001',
      'quality',
      { qualityAward: false, qualityCert: true, ownBrand: false, standardSetting: false },
      3,
    ],
    [
      '质量管理：认证+品牌（封顶5分）',
      'quality',
      { qualityAward: false, qualityCert: true, ownBrand: true, standardSetting: false },
      5,
    ],
    [
      '质量管理：都没有',
      'quality',
      { qualityAward: false, qualityCert: false, ownBrand: false, standardSetting: false },
      0,
    ],
    ['净利润率恰好10%', 'net-profit-margin', { revenue: 1000, netProfit: 100 }, 10],
    ['净利润率恰好2%', 'net-profit-margin', { revenue: 1000, netProfit: 20 }, 2],
    ['净利润率1.99%', 'net-profit-margin', { revenue: 1000, netProfit: 19.9 }, 0],
    ['亏损', 'net-profit-margin', { revenue: 1000, netProfit: -50 }, 0],
    ['资产负债率恰好50%', 'debt-ratio', { debtRatio: 50 }, 5],
    ['资产负债率恰好60%', 'debt-ratio', { debtRatio: 60 }, 3],
    ['资产负债率恰好70%', 'debt-ratio', { debtRatio: 70 }, 1],
    ['资产负债率70.1%', 'debt-ratio', { debtRatio: 70.1 }, 0],
    ['首台套产品认定', 'tech-conversion', { techConversion: ['firstSetCertified'] }, 5],
    ['国外产品认证', 'tech-conversion', { techConversion: ['foreignCert'] }, 4],
    ['医疗器械注册证', 'tech-conversion', { techConversion: ['deviceApproval'] }, 3],
    ['没有技术转化', 'tech-conversion', { techConversion: [] }, 0],
    ['已上市', 'listing', { listing: 'listed' }, 5],
    ['新三板挂牌', 'listing', { listing: 'neeq' }, 3],
    ['专精特新专板', 'listing', { listing: 'specializedBoard' }, 1],
    ['创客北京三等奖以上', 'contest', { contest: 'award' }, 5],
    ['创客北京市级决赛', 'contest', { contest: 'final' }, 3],
    ['参加过创客北京', 'contest', { contest: 'participated' }, 1],
    ['I类高价值知识产权', 'ip', { ipHighValue: 1, ipClass1SelfDeveloped: 1, ipClass1: 1, ipClass2: 0 }, 10],
    ['自主研发I类知识产权', 'ip', { ipHighValue: 0, ipClass1SelfDeveloped: 2, ipClass1: 2, ipClass2: 0 }, 8],
    ['研发费用恰好500万元', 'rd-input', { revenue: 100000, rdExpense: 500 }, 10],
    ['研发费用50万元但占比10%', 'rd-input', { revenue: 500, rdExpense: 50 }, 10],
    ['研发费用恰好400万元', 'rd-input', { revenue: 100000, rdExpense: 400 }, 8],
    ['研发费用恰好100万元', 'rd-input', { revenue: 100000, rdExpense: 100 }, 2],
    ['研发费用99万元、占比2.9%', 'rd-input', { revenue: 3413.8, rdExpense: 99 }, 0],
    ['研发人员占比恰好20%', 'rd-staff-share', { employees: 100, rdStaff: 20 }, 5],
    ['研发人员占比恰好10%', 'rd-staff-share', { employees: 100, rdStaff: 10 }, 3],
    ['研发人员占比恰好5%', 'rd-staff-share', { employees: 100, rdStaff: 5 }, 1],
    ['研发人员占比4%', 'rd-staff-share', { employees: 100, rdStaff: 4 }, 0],
    ['国家级研发机构', 'rd-institution', { rdInstitution: 'national' }, 10],
    ['省级研发机构', 'rd-institution', { rdInstitution: 'provincial' }, 8],
    ['市级研发机构', 'rd-institution', { rdInstitution: 'municipal' }, 4],
    ['区级研发机构', 'rd-institution', { rdInstitution: 'below' }, 2],
    ['没有研发机构', 'rd-institution', { rdInstitution: 'none' }, 0],
  ])('%s → %s 得 %i 分', (_description, indicator, facts, expected) => {
    expect(score('specialized', indicator, facts)).toBe(expected)
  })
})

describe('附件2 认定条件（一）–（四）', () => {
  /** 满足（一）（二）（三）、暂无分数和直通条件的企业。 */
  const BASE: Facts = { ...ELIGIBLE_BASE, nicheYears: 2, revenue: 1000, rdExpense: 100 }
  const condition = (facts: Facts, id: string) =>
    assess('specialized', { ...BASE, ...facts }, rules).conditions.find((entry) => entry.id === id)!.status

  it.each<[string, Facts, string, string]>([
    ['细分市场恰好2年', { nicheYears: 2 }, 'niche-2y', 'passed'],
    ['细分市场1.5年', { nicheYears: 1.5 }, 'niche-2y', 'failed'],
    ['研发费用120万元、占比恰好3%', { revenue: 4000, rdExpense: 120 }, 'rd-100', 'passed'],
    ['研发费用100万元、占比2.999%', { revenue: 3334, rdExpense: 100 }, 'rd-100', 'failed'],
    ['研发费用100万元、营收1000万元（占比10%）', {}, 'rd-100', 'passed'],
    ['研发费用99万元', { rdExpense: 99 }, 'rd-100', 'failed'],
    ['营收恰好1000万元', {}, 'revenue-1000', 'passed'],
    [
      '营收800万元但近2年融资2000万元',
      { revenue: 800, rdExpense: 100, equityFinancing2y: 2000 },
      'revenue-1000',
      'passed',
    ],
    ['营收800万元、融资1999万元', { revenue: 800, rdExpense: 100, equityFinancing2y: 1999 }, 'revenue-1000', 'failed'],
    ['省级科技奖励排名第三', { sciAwardLevel: 'provincial', sciAwardRank: 3 }, 'direct-award', 'passed'],
    ['省级科技奖励排名第四', { sciAwardLevel: 'provincial', sciAwardRank: 4 }, 'direct-award', 'failed'],
    ['国家级科技奖励排名第五', { sciAwardLevel: 'national', sciAwardRank: 5 }, 'direct-award', 'passed'],
    ['国家级科技奖励排名第六', { sciAwardLevel: 'national', sciAwardRank: 6 }, 'direct-award', 'failed'],
    ['近两年研发费用均值恰好1000万元', { rdExpense: 1200, rdExpensePrev: 800 }, 'direct-rd-1000', 'passed'],
    ['近两年股权融资恰好6000万元', { equityFinancing2y: 6000 }, 'direct-equity-6000', 'passed'],
    ['创客中国500强', { makerChinaTop: 500 }, 'direct-maker-500', 'passed'],
    ['创客中国50强（也在500强内）', { makerChinaTop: 50 }, 'direct-maker-500', 'passed'],
    ['未进入创客中国名单', { makerChinaTop: null }, 'direct-maker-500', 'failed'],
  ])('%s → %s %s', (_description, facts, id, expected) => {
    expect(condition(facts, id)).toBe(expected)
  })

  it('条件（一）–（三）满足、直通条件满足：符合；专精特新须先有创新型称号，单独报告', () => {
    const result = assess('specialized', { ...BASE, makerChinaTop: 500, innovativeSmeValid: false }, rules)
    expect(result.eligible).toBe(true)
    expect(result.prerequisite).toMatchObject({ program: 'innovative', held: false })
  })
})

describe('附件3 小巨人六个方面', () => {
  /** 六个方面都满足的企业（新：营收1亿元以上、近2年研发占比均3%）。 */
  const GIANT: Facts = {
    ...ELIGIBLE_BASE,
    employees: 500,
    revenue: 10000,
    revenuePrev: 9000,
    rdExpense: 300,
    rdExpensePrev: 270,
    nicheYears: 3,
    mainRevenue: 7000,
    mainRevenuePrev: 6600,
    mainRevenuePrev2: 6300,
    coreBusinessInfoSystem: true,
    qualityCert: true,
    debtRatio: 70,
    marketShare: 10,
    ownBrand: true,
    rdInstitution: 'below',
    ipClass1: 2,
    leadProductField: 'gapFilling',
    keyField: true,
  }
  const status = (facts: Facts, id: string) =>
    assess('little-giant', { ...GIANT, ...facts }, rules).conditions.find((entry) => entry.id === id)!.status

  it('六个方面都满足：符合，且不计分', () => {
    const result = assess('little-giant', GIANT, rules)
    expect(result.eligible).toBe(true)
    expect(result.total).toBeNull()
  })

  it.each<[string, Facts, string, string]>([
    ['细分市场2.9年', { nicheYears: 2.9 }, 'specialization', 'failed'],
    ['主营占比69.9%', { mainRevenue: 6990 }, 'specialization', 'failed'],
    ['资产负债率70.01%', { debtRatio: 70.01 }, 'refinement', 'failed'],
    ['没有体系认证但有国外产品认证', { qualityCert: false, techConversion: ['foreignCert'] }, 'refinement', 'passed'],
    ['没有核心业务信息系统', { coreBusinessInfoSystem: false }, 'refinement', 'failed'],
    ['市场占有率9.9%', { marketShare: 9.9 }, 'characteristic', 'failed'],
    ['营收1亿元、前年研发占比2.99%', { rdExpensePrev: 269.1 }, 'innovation-general', 'failed'],
    ['营收9999万元、研发占比3%（须6%）', { revenue: 9999, rdExpense: 300 }, 'innovation-general', 'failed'],
    [
      '营收恰好5000万元、近2年研发占比均6%',
      { revenue: 5000, rdExpense: 300, revenuePrev: 4500, rdExpensePrev: 270 },
      'innovation-general',
      'passed',
    ],
    [
      '营收4000万元：融资8000万、研发合计3000万、研发人员50%',
      { revenue: 4000, rdExpense: 1600, rdExpensePrev: 1400, equityFinancing2y: 8000, employees: 100, rdStaff: 50 },
      'innovation-general',
      'passed',
    ],
    [
      '营收4000万元：研发人员49%',
      { revenue: 4000, rdExpense: 1600, rdExpensePrev: 1400, equityFinancing2y: 8000, employees: 100, rdStaff: 49 },
      'innovation-general',
      'failed',
    ],
    [
      '营收恰好5000万元（同属两档，满足其一即可）：研发占比不足6%，但融资8000万、研发合计3000万、研发人员50%',
      { revenue: 5000, rdExpense: 200, rdExpensePrev: 2800, equityFinancing2y: 8000, employees: 100, rdStaff: 50 },
      'innovation-general',
      'passed',
    ],
    [
      '营收恰好1亿元（同属两档）：近2年研发占比均3%即可，不要求6%',
      { revenue: 10000, rdExpense: 300 },
      'innovation-general',
      'passed',
    ],
    [
      '营收5001万元：只能按6%要求，融资路径不适用',
      { revenue: 5001, rdExpense: 200, rdExpensePrev: 2800, equityFinancing2y: 8000, employees: 100, rdStaff: 50 },
      'innovation-general',
      'failed',
    ],
    ['只有1项I类知识产权', { ipClass1: 1 }, 'innovation-general', 'failed'],
    ['没有研发机构', { rdInstitution: 'none' }, 'innovation-general', 'failed'],
    ['国家级科技奖励排名第三（直通）', { sciAwardLevel: 'national', sciAwardRank: 3 }, 'innovation-direct', 'passed'],
    ['创客中国500强不是50强', { makerChinaTop: 500, sciAwardLevel: 'none' }, 'innovation-direct', 'failed'],
    ['不起补短板作用', { leadProductField: 'sixBasics' }, 'chain', 'failed'],
    ['不属于重点领域', { keyField: false }, 'field', 'failed'],
  ])('%s → %s %s', (_description, facts, id, expected) => {
    expect(status(facts, id)).toBe(expected)
  })

  it('新：一般性条件不满足但创客中国50强，直通', () => {
    expect(assess('little-giant', { ...GIANT, ipClass1: 0, makerChinaTop: 50 }, rules).eligible).toBe(true)
  })
})

describe('第三条 基本条件：任何一项不满足，三个层级都不符合', () => {
  it.each<[string, Facts]>([
    ['注册在天津', { registeredInBeijing: false }],
    ['非独立法人（分公司）', { independentLegalPerson: false }],
    ['列入经营异常名录', { creditBlacklisted: true }],
    ['产品属于淘汰类', { restrictedProducts: true }],
    ['近三年有偷漏税', { majorIncident3y: true }],
    ['大型企业（工业1500人、营收5亿元）', { employees: 1500, revenue: 50000 }],
  ])('%s', (_description, facts) => {
    for (const program of ['innovative', 'specialized', 'little-giant'] as const) {
      expect(assess(program, { ...ELIGIBLE_BASE, honors: ['highTech'], ...facts }, rules).eligible, program).toBe(false)
    }
  })
})

describe('《中小企业划型标准规定》每个行业', () => {
  it.each<[string, Facts, string]>([
    ['农业 营收500万', { industry: 'agriculture', revenue: 500 }, 'medium'],
    ['农业 营收49万', { industry: 'agriculture', revenue: 49 }, 'micro'],
    ['农业 营收20001万', { industry: 'agriculture', revenue: 20001 }, 'large'],
    ['工业 300人 2000万', { industry: 'industry', employees: 300, revenue: 2000 }, 'medium'],
    ['工业 20人 300万', { industry: 'industry', employees: 20, revenue: 300 }, 'small'],
    ['工业 19人 5000万', { industry: 'industry', employees: 19, revenue: 5000 }, 'micro'],
    ['工业 1000人 9亿（人数未超）', { industry: 'industry', employees: 1000, revenue: 90000 }, 'medium'],
    ['工业 1001人 4亿零1万', { industry: 'industry', employees: 1001, revenue: 40001 }, 'large'],
    ['建筑业 营收6000万 资产5000万', { industry: 'construction', revenue: 6000, totalAssets: 5000 }, 'medium'],
    ['建筑业 营收8亿零1 资产8亿零1', { industry: 'construction', revenue: 80001, totalAssets: 80001 }, 'large'],
    ['批发业 20人 5000万', { industry: 'wholesale', employees: 20, revenue: 5000 }, 'medium'],
    ['批发业 5人 1000万', { industry: 'wholesale', employees: 5, revenue: 1000 }, 'small'],
    ['零售业 50人 500万', { industry: 'retail', employees: 50, revenue: 500 }, 'medium'],
    ['零售业 9人 100万', { industry: 'retail', employees: 9, revenue: 100 }, 'micro'],
    ['交通运输 300人 3000万', { industry: 'transport', employees: 300, revenue: 3000 }, 'medium'],
    ['仓储 100人 1000万', { industry: 'warehousing', employees: 100, revenue: 1000 }, 'medium'],
    ['邮政 20人 100万', { industry: 'postal', employees: 20, revenue: 100 }, 'small'],
    ['住宿 100人 2000万', { industry: 'accommodation', employees: 100, revenue: 2000 }, 'medium'],
    ['餐饮 10人 100万', { industry: 'catering', employees: 10, revenue: 100 }, 'small'],
    ['信息传输 2001人 10亿零1万', { industry: 'telecom', employees: 2001, revenue: 100001 }, 'large'],
    ['软件 100人 1000万', { industry: 'software', employees: 100, revenue: 1000 }, 'medium'],
    ['软件 10人 50万', { industry: 'software', employees: 10, revenue: 50 }, 'small'],
    ['软件 9人 5000万', { industry: 'software', employees: 9, revenue: 5000 }, 'micro'],
    ['房地产 营收1000万 资产5000万', { industry: 'realEstate', revenue: 1000, totalAssets: 5000 }, 'medium'],
    ['物业 100人 500万', { industry: 'propertyManagement', employees: 100, revenue: 500 }, 'small'],
    ['租赁和商务服务 100人 资产8000万', { industry: 'leasingBusiness', employees: 100, totalAssets: 8000 }, 'medium'],
    ['其他行业 301人', { industry: 'other', employees: 301 }, 'large'],
    ['其他行业 100人', { industry: 'other', employees: 100 }, 'medium'],
    ['其他行业 9人', { industry: 'other', employees: 9 }, 'micro'],
  ])('%s → %s', (_description, facts, expected) => {
    expect(classifySize(facts, rules.size).size).toBe(expected)
  })
})

describe('不知道不等于没有', () => {
  it('基本条件未知：结论待定，并列出需要的信息', () => {
    const result = assess('innovative', { honors: ['highTech'] }, rules)
    expect(result.eligible).toBeNull()
    expect(result.missing.slice(0, 2)).toEqual(['registeredInBeijing', 'independentLegalPerson'])
  })

  it('未知信息无论取什么值结论都一样时，直接给出结论', () => {
    // 60分且各类达标：直通条件未知也不影响“符合”。
    expect(assess('innovative', SIXTY, rules).eligible).toBe(true)
    // 已知得分最高只能到45分：没有直通条件信息时仍待定，给出直通条件后即可判定不符合。
    const low: Facts = {
      ...ELIGIBLE_BASE,
      ipClass1: 0,
      ipClass2: 0,
      ipHighValue: 0,
      ipClass1SelfDeveloped: 0,
      revenue: 1000,
      rdExpense: 0,
      mainRevenuePrev: 500,
      mainRevenue: 400,
      debtRatio: 80,
      strategicEmerging: false,
    }
    const pending = assess('innovative', low, rules)
    expect(pending.eligible).toBeNull()
    expect(pending.missing).toEqual(['sciAwardLevel', 'honors', 'rdInstitution', 'equityFinancing3y'])
    expect(
      assess(
        'innovative',
        { ...low, sciAwardLevel: 'none', honors: [], rdInstitution: 'none', equityFinancing3y: 0 },
        rules,
      ).eligible,
    ).toBe(false)
  })

  it('营业收入不知道、但研发费用为0：营收是多少研发占比都是0，创新能力不可能达到20分，直接判定不符合', () => {
    const facts: Facts = {
      ...ELIGIBLE_BASE,
      sciAwardLevel: 'none',
      honors: [],
      rdInstitution: 'none',
      equityFinancing3y: 0,
      rdExpense: 0,
      ipHighValue: 0,
      ipClass1SelfDeveloped: 0,
      ipClass1: 1,
      ipClass2: 0,
      mainRevenuePrev: 100,
      mainRevenue: 120,
      debtRatio: 40,
      strategicEmerging: true,
      employees: 150,
      totalAssets: 100,
    }
    const result = assess('innovative', facts, rules)
    expect(result.eligible).toBe(false)
    expect(result.missing).toEqual([])
  })

  it('规模：从业人员未超上限时，营业收入不知道也能判定为中小企业', () => {
    const result = assess('innovative', { ...ELIGIBLE_BASE, employees: 900, totalAssets: undefined }, rules)
    expect(result.conditions.find((condition) => condition.id === 'gate-size')!.status).toBe('passed')
  })
})
