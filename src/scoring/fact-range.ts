import {
  isEmptyInterval,
  lowerSide,
  upperSide,
  type FactBounds,
  type FactInterval,
  type IntervalSide,
} from '../facts/fact-bounds.js'
import type { FactName } from '../facts/fact-schema.js'
import type { Status } from './assessment-result.js'
import { FACT_DOMAINS } from './fact-domains.js'

/** The values a bounded fact can still take: its bound within its schema domain (whole numbers made closed). */
export interface FactRange {
  low: IntervalSide
  high: IntervalSide
  integer: boolean
}

/**
 * The range a fact's bound leaves, or null when the fact has no usable bound (none, not numeric, or a bound that
 * leaves no value of the domain: such a contradiction decides nothing).
 */
export function rangeOf(fact: FactName, bounds: FactBounds | undefined): FactRange | null {
  const interval: FactInterval | undefined = bounds?.[fact]
  const domain = FACT_DOMAINS[fact]
  if (!interval || !domain || domain.kind !== 'numeric' || isEmptyInterval(interval)) return null
  // "不到1000万" states an amount there is: without a lower side, a bound of a figure that cannot be negative
  // excludes zero (no revenue is said "没有营收", not "不到1000万").
  let low = lowerSide(interval) ?? { value: domain.min, open: domain.min === 0 }
  let high = upperSide(interval) ?? { value: domain.max, open: false }
  if (low.value < domain.min) low = { value: domain.min, open: false }
  if (high.value > domain.max) high = { value: domain.max, open: false }
  if (domain.integer) {
    low = { value: low.open ? Math.floor(low.value) + 1 : Math.ceil(low.value), open: false }
    high = { value: high.open ? Math.ceil(high.value) - 1 : Math.floor(high.value), open: false }
  }
  if (low.value > high.value || (low.value === high.value && (low.open || high.open))) return null
  return { low, high, integer: domain.integer }
}

function contains(range: FactRange, value: number): boolean {
  const aboveLow = range.low.open ? value > range.low.value : value >= range.low.value
  const belowHigh = range.high.open ? value < range.high.value : value <= range.high.value
  return aboveLow && belowHigh && (!range.integer || Number.isInteger(value))
}

function isPoint(range: FactRange): boolean {
  return range.low.value === range.high.value
}

/**
 * A comparison of a bounded fact: passed when every value of its range meets it, failed when none does, else
 * unknown (the bound does not say which side of the threshold the value is on).
 */
export function compareRange(range: FactRange, op: string, operand: unknown): Status {
  const { low, high } = range
  const decide = (always: boolean, never: boolean): Status => (always ? 'passed' : never ? 'failed' : 'unknown')
  const members = (op === 'in' ? (Array.isArray(operand) ? operand : []) : [operand]).filter(
    (candidate): candidate is number => typeof candidate === 'number',
  )
  switch (op) {
    case 'gte':
      if (typeof operand !== 'number') return 'unknown'
      return decide(low.value >= operand, high.value < operand || (high.value === operand && high.open))
    case 'gt':
      if (typeof operand !== 'number') return 'unknown'
      return decide(low.value > operand || (low.value === operand && low.open), high.value <= operand)
    case 'lte':
      if (typeof operand !== 'number') return 'unknown'
      return decide(high.value <= operand, low.value > operand || (low.value === operand && low.open))
    case 'lt':
      if (typeof operand !== 'number') return 'unknown'
      return decide(high.value < operand || (high.value === operand && high.open), low.value >= operand)
    case 'eq':
    case 'in': {
      const inside = members.filter((member) => contains(range, member))
      const status = decide(isPoint(range) && inside.length > 0, inside.length === 0)
      return status
    }
    case 'neq': {
      const equal = compareRange(range, 'eq', operand)
      return equal === 'passed' ? 'failed' : equal === 'failed' ? 'passed' : 'unknown'
    }
    default:
      return 'unknown'
  }
}
