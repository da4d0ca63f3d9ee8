import type { FactBounds } from '../facts/fact-bounds.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import type { Thresholds } from './collect-thresholds.js'
import { DERIVED_VALUES } from './derived-values.js'
import { FACT_DOMAINS } from './fact-domains.js'
import { rangeOf } from './fact-range.js'
import { ceil, compare, floor, fromBigInt, fromNumber, midpoint, toNumber, type Rational } from './rational.js'

/** At most this many combinations of unknown facts are tried; beyond it the three-valued verdict stands. */
export const MAX_CASES = 512

export interface CaseSplit {
  /** The verdict when every combination agrees, else null. */
  eligible: boolean | null
  /**
   * The unknown facts that can change the verdict: first those one answer of which settles it (a failed gate, a met
   * 直通 condition), in the caller's order; then the rest, the most influential first.
   */
  missing: FactName[]
}

/**
 * The values of a numeric fact that stand for all of them: every point where a comparison can flip, and one value
 * inside each interval between — within the fact's bound when it has one ("不到1000万": only values below 1000).
 * Null when the fact cannot be split exactly (it shares a derived quantity with another fact being split, or a band
 * edge cannot be solved for it).
 */
export function numericCases(
  fact: FactName,
  facts: Facts,
  splitting: ReadonlySet<FactName>,
  thresholds: Thresholds,
  bounds?: FactBounds,
): number[] | null {
  const domain = FACT_DOMAINS[fact]
  if (domain.kind !== 'numeric') return null
  const range = rangeOf(fact, bounds)
  const low = fromNumber(range ? range.low.value : domain.min)
  const high = fromNumber(range ? range.high.value : domain.max)
  const lowOpen = range?.low.open === true
  const highOpen = range?.high.open === true
  const points: Rational[] = [low, high]
  for (const [value, numbers] of thresholds) {
    if (value === fact) {
      points.push(...numbers.map(fromNumber))
      continue
    }
    const derived = DERIVED_VALUES[value]
    if (!derived || !derived.inputs.includes(fact)) continue
    const others = derived.inputs.filter((input) => input !== fact)
    if (others.some((input) => splitting.has(input))) return null
    // Another input unknown and not split: the quantity stays unknown whatever this fact is.
    if (others.some((input) => facts[input] === undefined)) continue
    for (const number of numbers) {
      const solutions = derived.solve(fact, fromNumber(number), facts)
      if (solutions === null) return null
      points.push(...solutions)
    }
  }
  const inRange = points.filter((point) => compare(point, low) >= 0 && compare(point, high) <= 0).sort(compare)
  const unique = inRange.filter((point, index) => index === 0 || compare(point, inRange[index - 1]) !== 0)
  const cases: Rational[] = []
  if (domain.integer) {
    // Each point if it is a whole number, and the first whole number above each point.
    for (const point of unique) cases.push(fromBigInt(ceil(point)), fromBigInt(floor(point) + 1n))
  } else {
    unique.forEach((point, index) => {
      cases.push(point)
      if (index + 1 < unique.length) cases.push(midpoint(point, unique[index + 1]))
    })
  }
  // An open edge of a bound ("不到1000") is no value of the fact; the midpoint next to it stands for that end.
  const inside = (value: Rational) =>
    (lowOpen ? compare(value, low) > 0 : compare(value, low) >= 0) &&
    (highOpen ? compare(value, high) < 0 : compare(value, high) <= 0)
  const numbers = new Set<number>()
  for (const value of cases) if (inside(value)) numbers.add(toNumber(value))
  const sorted = [...numbers].sort((left, right) => left - right)
  // A midpoint that collapsed onto its neighbour (points closer than a float can tell) would leave an interval untried.
  for (let index = 1; index < sorted.length; index += 1) if (!(sorted[index] > sorted[index - 1])) return null
  const expected = unique.length * 2 - 1 - (lowOpen ? 1 : 0) - (highOpen ? 1 : 0)
  if (!domain.integer && sorted.length < expected) return null
  return sorted
}

function casesOf(
  fact: FactName,
  facts: Facts,
  splitting: ReadonlySet<FactName>,
  thresholds: Thresholds,
  bounds: FactBounds | undefined,
): readonly unknown[] | null {
  const domain = FACT_DOMAINS[fact]
  return domain.kind === 'finite' ? domain.values : numericCases(fact, facts, splitting, thresholds, bounds)
}

/**
 * Decides a verdict that three-valued logic left open, by trying every case of the unknown facts it depends on
 * (附件 thresholds make each fact's cases finite). When every case gives the same verdict, that is the verdict;
 * otherwise it lists only the facts whose value changes it. Returns null when the cases are too many or a fact
 * cannot be split exactly; the caller then keeps the three-valued answer, which is never wrong, only less sharp.
 */
export function splitUnknownFacts(input: {
  facts: Facts
  unknown: readonly FactName[]
  thresholds: Thresholds
  verdict: (facts: Facts) => boolean | null
  maxCases?: number
  /** Bounds of unknown facts: only the values inside a bound are tried. */
  bounds?: FactBounds
}): CaseSplit | null {
  const { facts, thresholds, verdict } = input
  const unknown = [...new Set(input.unknown)]
  if (unknown.length === 0) return null
  const maxCases = input.maxCases ?? MAX_CASES
  const splitting = new Set(unknown)
  const axes: (readonly unknown[])[] = []
  let total = 1
  for (const fact of unknown) {
    const cases = casesOf(fact, facts, splitting, thresholds, input.bounds)
    if (cases === null || cases.length === 0) return null
    total *= cases.length
    if (total > maxCases) return null
    axes.push(cases)
  }

  const verdicts: boolean[] = new Array<boolean>(total)
  const candidate: Record<string, unknown> = { ...facts }
  for (let index = 0; index < total; index += 1) {
    let rest = index
    for (let axis = axes.length - 1; axis >= 0; axis -= 1) {
      candidate[unknown[axis]] = axes[axis][rest % axes[axis].length]
      rest = Math.floor(rest / axes[axis].length)
    }
    const result = verdict(candidate as Facts)
    if (result === null) return null
    verdicts[index] = result
  }
  if (verdicts.every((value) => value === verdicts[0])) return { eligible: verdicts[0], missing: [] }

  // Influence of a fact: the share of the other facts' combinations in which changing it alone changes the verdict.
  // Decisive: some value of it settles the verdict whatever the other facts are.
  const influence = new Map<FactName, number>()
  const decisive = new Set<FactName>()
  let stride = 1
  for (let axis = axes.length - 1; axis >= 0; axis -= 1) {
    const size = axes[axis].length
    let groups = 0
    let changing = 0
    const settled: (boolean | null | undefined)[] = new Array(size).fill(undefined)
    for (let index = 0; index < total; index += 1) {
      const position = Math.floor(index / stride) % size
      settled[position] =
        settled[position] === undefined
          ? verdicts[index]
          : settled[position] === verdicts[index]
            ? verdicts[index]
            : null
      if (position !== 0) continue
      groups += 1
      for (let step = 1; step < size; step += 1) {
        if (verdicts[index + step * stride] !== verdicts[index]) {
          changing += 1
          break
        }
      }
    }
    influence.set(unknown[axis], changing / groups)
    if (settled.some((value) => value !== null)) decisive.add(unknown[axis])
    stride *= size
  }
  const rank = (fact: FactName) => (decisive.has(fact) ? 2 : (influence.get(fact) ?? 0))
  const missing = unknown
    .filter((fact) => (influence.get(fact) ?? 0) > 0)
    .sort((left, right) => rank(right) - rank(left))
  return { eligible: null, missing }
}
