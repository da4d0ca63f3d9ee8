import { FACT_LABELS } from '../facts/fact-labels.js'
import type { FactName } from '../facts/fact-schema.js'

/**
 * 上年度 is "企业上一完整会计年度" (附件4（一）): the last full calendar year before the clock's date. The
 * rules read these facts by year: 上年度 = that year, 前年 = the one before, 大前年 = the one before that
 * (近2年主营业务收入平均增长率 needs three years of 主营业务收入, 附件4（十四）).
 */
export const YEARS_BACK: Partial<Record<FactName, 0 | 1 | 2>> = {
  revenue: 0,
  revenuePrev: 1,
  mainRevenue: 0,
  mainRevenuePrev: 1,
  mainRevenuePrev2: 2,
  rdExpense: 0,
  rdExpensePrev: 1,
  netProfit: 0,
}

/** The last full calendar year at this instant (Beijing time: the year turns at midnight UTC+8). */
export function lastFullYear(now: number): number {
  return new Date(now + 8 * 3_600_000).getUTCFullYear() - 1
}

/** "上年度营业收入" → "2025年营业收入"; other facts keep their label. */
export function yearLabel(fact: FactName, lastYear: number): string {
  const { label } = FACT_LABELS[fact]
  const back = YEARS_BACK[fact]
  return back === undefined ? label : `${lastYear - back}年${label.replace(/^(上年度|大前年|前年)/u, '')}`
}

/** Replaces {Y1} (上年度), {Y2} (前年) and {Y3} (大前年) with real years. */
export function fillYears(text: string, lastYear: number): string {
  return text.replace(/\{Y([123])\}/gu, (_match, back: string) => String(lastYear - Number(back) + 1))
}
