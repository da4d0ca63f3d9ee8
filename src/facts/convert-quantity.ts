import type { Quantity } from './read-quantity.js'

/** The unit a fact is stored in (fact-schema.ts): money in 万元, ratios in percent. */
export type FactUnit = 'money' | 'percent' | 'count' | 'years' | 'level' | 'top'

/** Why a quantity cannot be used for a fact: each maps to a re-ask. */
export type QuantityProblem =
  | 'vague' // 十几个, 二三十人
  | 'upperBound' // 不到100人
  | 'unitMismatch' // 30人 for an amount of money
  | 'fractionOrPercent' // 0.48 for a ratio: 48% or 0.48%?
  | 'unitMissing' // a bare 800000 for money: 80亿? or 80万?
  | 'notInteger' // 150.5人
  | 'outOfRange' // 1e308万元, a 20-digit figure: absurd as written

export type Conversion = { ok: true; value: number } | { ok: false; problem: QuantityProblem }

/** A bare number this large (万元, i.e. ≥ 10亿) was most likely typed in yuan: ask for the unit. */
const BARE_MONEY_LIMIT = 100_000

const ACCEPTED_UNITS: Record<FactUnit, ReadonlyArray<Quantity['unit']>> = {
  money: ['yuan', null],
  percent: ['percent', null],
  count: ['person', 'item', null],
  years: ['year', null],
  level: ['level', null],
  top: ['top', null],
}

/** Whether a quantity's unit can measure a fact of this unit (a bare number fits any). */
export function fitsUnit(quantity: Quantity, unit: FactUnit): boolean {
  return ACCEPTED_UNITS[unit].includes(quantity.unit)
}

/**
 * Converts a quantity to the unit of a fact. A bare number takes the fact's unit (3200 → 3200万元), except a
 * bare ratio between 0 and 1 with a decimal point ("0.48": 48% or 0.48%?) and a bare amount of 10亿 or more,
 * which are ambiguous and asked again. "约/多/以上" are taken as written; "不到" and ranges are not.
 */
export function convertQuantity(quantity: Quantity, unit: FactUnit): Conversion {
  if (quantity.outOfRange) return { ok: false, problem: 'outOfRange' }
  if (quantity.vague) return { ok: false, problem: 'vague' }
  if (!fitsUnit(quantity, unit)) return { ok: false, problem: 'unitMismatch' }
  if (quantity.upperBound) return { ok: false, problem: 'upperBound' }
  const { value } = quantity
  switch (unit) {
    case 'money':
      if (quantity.unit === 'yuan') return { ok: true, value: Number((value / 10_000).toPrecision(12)) }
      if (Math.abs(value) >= BARE_MONEY_LIMIT) return { ok: false, problem: 'unitMissing' }
      return { ok: true, value }
    case 'percent':
      if (quantity.unit === null && value > 0 && value < 1) return { ok: false, problem: 'fractionOrPercent' }
      return { ok: true, value }
    case 'count':
    case 'level':
    case 'top':
      return Number.isInteger(value) ? { ok: true, value } : { ok: false, problem: 'notInteger' }
    case 'years':
      return { ok: true, value }
  }
}
