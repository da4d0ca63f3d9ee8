import { describeBoundValue } from '../facts/describe-bound.js'
import { describeFactValue } from '../facts/describe-fact.js'
import {
  intersectIntervals,
  intervalContains,
  intervalOf,
  isEmptyInterval,
  mergeBound,
  type FactBounds,
} from '../facts/fact-bounds.js'
import { FACT_LABELS } from '../facts/fact-labels.js'
import type { FactName } from '../facts/fact-schema.js'
import type { FactBound } from '../understanding/read-facts.js'
import type { Profile } from './dialogue-state.js'

/**
 * The bounds a reply gives that the rules can use, per fact: "不到/没到" (lt), "不超过/以下" (le), "超过/多" (gt),
 * "以上/至少" (ge); two said together are taken together ("超过500万，不到1000万"). A rough size ("三十来个",
 * "一个亿左右") has no side: it is no bound, the figure is asked for.
 */
export function usableBounds(bounds: readonly FactBound[]): FactBounds {
  const result: FactBounds = {}
  for (const bound of bounds) {
    if (bound.op === 'approx') continue
    const interval = intervalOf(bound.op, bound.value)
    const old = result[bound.fact]
    const both = old ? intersectIntervals(old, interval) : interval
    if (!isEmptyInterval(both)) result[bound.fact] = both
  }
  return result
}

/**
 * Records bounds in the profile. A bound never overwrites a figure it agrees with ("超过3000万" after 3200万),
 * unless the reply corrects it ("不对，营收没那么多，三千出头"); a bound that contradicts the figure replaces it,
 * and the change is echoed. Returns the facts whose bound was stored and the echo lines.
 */
export function recordBounds(
  profile: Profile,
  given: FactBounds,
  correcting: boolean,
): { stored: FactName[]; notes: string[] } {
  const stored: FactName[] = []
  const changed: string[] = []
  for (const [fact, interval] of Object.entries(given) as Array<[FactName, NonNullable<FactBounds[FactName]>]>) {
    const exact = profile.facts[fact]
    const label = FACT_LABELS[fact].label
    if (typeof exact === 'number') {
      if (intervalContains(interval, exact) && !correcting) continue
      delete profile.facts[fact]
      profile.bounds = { ...profile.bounds, [fact]: interval }
      changed.push(`${label}已改为${describeBoundValue(fact, interval)}（原为${describeFactValue(fact, exact)}）`)
    } else {
      profile.bounds = { ...profile.bounds, [fact]: mergeBound(profile.bounds?.[fact], interval) }
    }
    profile.unknown = profile.unknown.filter((name) => name !== fact)
    stored.push(fact)
  }
  return { stored, notes: changed.length > 0 ? [`${changed.join('；')}。`] : [] }
}

/** An exact figure replaces what was said about it: the bounds of the given facts are dropped. */
export function dropBounds(profile: Profile, facts: readonly string[]): void {
  if (!profile.bounds) return
  const kept = { ...profile.bounds }
  for (const fact of facts) delete kept[fact as FactName]
  if (Object.keys(kept).length > 0) profile.bounds = kept
  else delete profile.bounds
}
