import type { YearReference } from './tag-text.js'

/**
 * How many years before the last full fiscal year a year word points (去年 0, 前年 1, "2023年" with 2025 as the last
 * full year 2); null when the year is written out and no reference year is known.
 */
export function yearOffset(year: YearReference, lastFiscalYear: number | null | undefined): number | null {
  if (year.kind === 'offset') return year.offset
  return lastFiscalYear === null || lastFiscalYear === undefined ? null : lastFiscalYear - year.year
}
