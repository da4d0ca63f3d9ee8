import type { FactUnit } from './convert-quantity.js'
import type { FactName } from './fact-schema.js'

/** A numeric fact, or a family of them by year: slots[0] is 上年度, slots[1] 前年, slots[2] 大前年. */
export interface AmountTopic {
  id: string
  slots: FactName[]
  unit: FactUnit
  /** Facts chosen by a 近N年 window instead of a year (股权融资). */
  windows?: Partial<Record<number, FactName>>
  /** Several kinds of IP add up to one count (实用新型 8 + 软著 4 = Ⅱ类 12). */
  additive?: boolean
  /** A bare fraction is the ratio as a share ("资产负债率0.45" = 45 %): below 1 % the ratio is implausible. */
  fractionIsShare?: boolean
}

export const AMOUNT_TOPICS = {
  revenue: { id: 'revenue', slots: ['revenue', 'revenuePrev'], unit: 'money' },
  mainRevenue: { id: 'mainRevenue', slots: ['mainRevenue', 'mainRevenuePrev', 'mainRevenuePrev2'], unit: 'money' },
  rdExpense: { id: 'rdExpense', slots: ['rdExpense', 'rdExpensePrev'], unit: 'money' },
  netProfit: { id: 'netProfit', slots: ['netProfit'], unit: 'money' },
  totalAssets: { id: 'totalAssets', slots: ['totalAssets'], unit: 'money' },
  equityFinancing: {
    id: 'equityFinancing',
    slots: ['equityFinancing2y', 'equityFinancing3y'],
    unit: 'money',
    windows: { 2: 'equityFinancing2y', 3: 'equityFinancing3y' },
  },
  debtRatio: { id: 'debtRatio', slots: ['debtRatio'], unit: 'percent', fractionIsShare: true },
  marketShare: { id: 'marketShare', slots: ['marketShare'], unit: 'percent' },
  employees: { id: 'employees', slots: ['employees'], unit: 'count' },
  rdStaff: { id: 'rdStaff', slots: ['rdStaff'], unit: 'count' },
  ipClass1: { id: 'ipClass1', slots: ['ipClass1'], unit: 'count', additive: true },
  ipClass1SelfDeveloped: { id: 'ipClass1SelfDeveloped', slots: ['ipClass1SelfDeveloped'], unit: 'count' },
  ipHighValue: { id: 'ipHighValue', slots: ['ipHighValue'], unit: 'count' },
  ipClass2: { id: 'ipClass2', slots: ['ipClass2'], unit: 'count', additive: true },
  nicheYears: { id: 'nicheYears', slots: ['nicheYears'], unit: 'years' },
  digitalLevel: { id: 'digitalLevel', slots: ['digitalLevel'], unit: 'level' },
} as const satisfies Record<string, AmountTopic>

export type BooleanFactName =
  | 'registeredInBeijing'
  | 'independentLegalPerson'
  | 'creditBlacklisted'
  | 'restrictedProducts'
  | 'majorIncident3y'
  | 'strategicEmerging'
  | 'qualityAward'
  | 'qualityCert'
  | 'ownBrand'
  | 'standardSetting'
  | 'coreBusinessInfoSystem'
  | 'keyField'
  | 'innovativeSmeValid'
  | 'specializedSmeValid'

/** Facts whose value is read from the words around the keyword (级别, 名次, 成绩). */
export type GradedFact = 'rdInstitution' | 'sciAward' | 'contest' | 'makerChinaTop'

/** What a keyword in a message means. */
export type KeywordMeaning =
  | { type: 'amount'; topic: AmountTopic; sign?: -1; part?: string; countTopic?: AmountTopic }
  | { type: 'flag'; fact: BooleanFactName; value?: boolean; onlyWhenAsked?: boolean }
  | {
      type: 'choice'
      fact: 'industry' | 'listing' | 'leadProductField'
      value: string
      explicit?: boolean
      also?: readonly string[]
    }
  | { type: 'member'; fact: 'honors' | 'techConversion'; value: string }
  | { type: 'graded'; fact: GradedFact }
  | { type: 'registration' }
  | { type: 'fixed'; fact: 'netProfit'; value: number }
  /** An IP count without its class (专利 20 项): asked again. */
  | { type: 'unclassifiedIp' }
  /** A word for a whole matter (荣誉资质 → honors): read only with 不清楚 or 没有. */
  | { type: 'matter'; facts: ReadonlyArray<'honors' | 'techConversion' | 'listing' | 'contest'> }
  /** 占比/增长率/纳税/负债: takes a number of these units that is no fact, so it fills nothing. */
  | { type: 'sink'; units: ReadonlyArray<FactUnit> }
  /** Words that hold digit characters (一直, 一等奖) or contain a keyword without being one (营业外收入, 小巨人). */
  | { type: 'noise' }
