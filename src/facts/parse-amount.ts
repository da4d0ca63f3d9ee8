import type { FactLabel } from './fact-labels.js'
import { convertQuantity, type FactUnit } from './convert-quantity.js'
import { readQuantity } from './read-quantity.js'

const FACT_UNITS: Record<NonNullable<FactLabel['unit']>, FactUnit> = {
  万元: 'money',
  '%': 'percent',
  人: 'count',
  项: 'count',
  年: 'years',
  级: 'level',
  名: 'count',
}

/**
 * Reads an amount written in a message in the unit of a fact (the units of fact-labels.ts): "0.32亿" in 万元
 * → 3200, "百分之六" in % → 6, "一百五十个人" in 人 → 150, "两年半" in 年 → 2.5. A bare number is taken in the
 * fact's unit. Returns null when the text is not such an amount, or is vague ("十几个"), only a bound
 * ("不到100人") or ambiguous ("0.48" for a ratio, a bare 800000 for money).
 */
export function parseAmount(text: string, unitOfFact: NonNullable<FactLabel['unit']>): number | null {
  const quantity = readQuantity(text)
  if (!quantity) return null
  const conversion = convertQuantity(quantity, FACT_UNITS[unitOfFact])
  return conversion.ok ? conversion.value : null
}

/** Money in 万元: "3200万" → 3200, "0.32亿" → 3200, "800000元" → 80, "1.5个亿" → 15000, "3200" → 3200. */
export function parseMoneyToWan(text: string): number | null {
  return parseAmount(text, '万元')
}

/** A ratio in percent: "48%" → 48, "百分之六" → 6, "5个点" → 5, "五成" → 50; a bare "0.48" → null (ambiguous). */
export function parsePercent(text: string): number | null {
  return parseAmount(text, '%')
}

/** A head or item count: "150人" → 150, "一百五十个人" → 150, "30来人" → 30, "十几个" → null. */
export function parseCount(text: string): number | null {
  return parseAmount(text, '人')
}

/** A number of years: "两年半" → 2.5, "5年" → 5, "三年多" → 3. */
export function parseYears(text: string): number | null {
  return parseAmount(text, '年')
}
