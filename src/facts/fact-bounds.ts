import { z } from 'zod'
import { FACT_NAMES, FactsSchema, type FactName } from './fact-schema.js'

/**
 * What the owner said about a figure without giving it ("营收没到一千万": revenue lt 1000, "五百多万": gt 500 and
 * lt 600): the interval the value lies in. At most one lower side (gt/ge) and one upper side (lt/le). A bound is
 * never a value: the fact stays unknown, and the rules decide from the interval only where every comparison that
 * reads the fact falls on one side of its threshold.
 */
export const FactIntervalSchema = z
  .object({ gt: z.number(), ge: z.number(), lt: z.number(), le: z.number() })
  .partial()
  .strict()
  .refine((interval) => !(interval.gt !== undefined && interval.ge !== undefined), 'two lower sides')
  .refine((interval) => !(interval.lt !== undefined && interval.le !== undefined), 'two upper sides')
export type FactInterval = z.infer<typeof FactIntervalSchema>

export type BoundOp = 'lt' | 'le' | 'gt' | 'ge'

function isNumeric(schema: z.ZodType): boolean {
  if (schema instanceof z.ZodOptional) return isNumeric(schema.unwrap() as z.ZodType)
  return schema instanceof z.ZodNumber
}
const NUMERIC_FACTS = FACT_NAMES.filter((name) => isNumeric(FactsSchema.shape[name] as z.ZodType))
const FactNameSchema = z.enum(NUMERIC_FACTS as [FactName, ...FactName[]])

/** The bounds of a profile, per numeric fact. */
export const FactBoundsSchema = z.partialRecord(FactNameSchema, FactIntervalSchema)
export type FactBounds = Partial<Record<FactName, FactInterval>>

/** A side of an interval: its edge and whether the edge itself is excluded. */
export interface IntervalSide {
  value: number
  open: boolean
}

export function lowerSide(interval: FactInterval): IntervalSide | null {
  if (interval.gt !== undefined) return { value: interval.gt, open: true }
  if (interval.ge !== undefined) return { value: interval.ge, open: false }
  return null
}

export function upperSide(interval: FactInterval): IntervalSide | null {
  if (interval.lt !== undefined) return { value: interval.lt, open: true }
  if (interval.le !== undefined) return { value: interval.le, open: false }
  return null
}

/** Whether no number lies in the interval. */
export function isEmptyInterval(interval: FactInterval): boolean {
  const low = lowerSide(interval)
  const high = upperSide(interval)
  if (!low || !high) return false
  return low.value > high.value || (low.value === high.value && (low.open || high.open))
}

function tighterLower(left: IntervalSide | null, right: IntervalSide | null): IntervalSide | null {
  if (!left) return right
  if (!right) return left
  if (left.value !== right.value) return left.value > right.value ? left : right
  return left.open ? left : right
}

function tighterUpper(left: IntervalSide | null, right: IntervalSide | null): IntervalSide | null {
  if (!left) return right
  if (!right) return left
  if (left.value !== right.value) return left.value < right.value ? left : right
  return left.open ? left : right
}

function fromSides(low: IntervalSide | null, high: IntervalSide | null): FactInterval {
  const interval: FactInterval = {}
  if (low) interval[low.open ? 'gt' : 'ge'] = low.value
  if (high) interval[high.open ? 'lt' : 'le'] = high.value
  return interval
}

/** The interval of one bound ("不到1000": lt 1000). */
export function intervalOf(op: BoundOp, value: number): FactInterval {
  return { [op]: value }
}

/** The part both intervals share (the interval of two bounds said together: "超过500万，不到1000万"). */
export function intersectIntervals(left: FactInterval, right: FactInterval): FactInterval {
  return fromSides(tighterLower(lowerSide(left), lowerSide(right)), tighterUpper(upperSide(left), upperSide(right)))
}

/**
 * A new bound for a fact that already has one: they are taken together when they agree ("五百多万" then "不到550"),
 * and the new one replaces the old when they contradict (a correction: "不对，超过一千万了").
 */
export function mergeBound(old: FactInterval | undefined, next: FactInterval): FactInterval {
  if (!old) return next
  const both = intersectIntervals(old, next)
  return isEmptyInterval(both) ? next : both
}

/** Whether a value lies in the interval. */
export function intervalContains(interval: FactInterval, value: number): boolean {
  const low = lowerSide(interval)
  const high = upperSide(interval)
  if (low && (low.open ? value <= low.value : value < low.value)) return false
  if (high && (high.open ? value >= high.value : value > high.value)) return false
  return true
}
