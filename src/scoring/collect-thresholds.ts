import type { LoadedRules } from './load-rules.js'
import type { Condition, Indicator, ProgramRules } from './rule-schema.js'

/** For each value a rule compares (fact or derived quantity), every number it is compared with. */
export type Thresholds = ReadonlyMap<string, readonly number[]>

function addThreshold(map: Map<string, Set<number>>, value: string, threshold: number): void {
  const set = map.get(value) ?? new Set<number>()
  set.add(threshold)
  map.set(value, set)
}

function walk(condition: Condition, map: Map<string, Set<number>>): void {
  if ('all' in condition) condition.all.forEach((child) => walk(child, map))
  else if ('any' in condition) condition.any.forEach((child) => walk(child, map))
  else if ('not' in condition) walk(condition.not, map)
  else if ('value' in condition) {
    for (const operand of Array.isArray(condition.operand) ? condition.operand : [condition.operand]) {
      if (typeof operand === 'number') addThreshold(map, condition.value, operand)
    }
  }
}

function addIndicatorThresholds(indicator: Indicator, map: Map<string, Set<number>>): void {
  if (indicator.type === 'bands') {
    for (const band of indicator.bands)
      for (const edge of [band.min, band.max]) if (edge !== undefined) addThreshold(map, indicator.value, edge)
  } else if (indicator.type === 'steps') {
    for (let step = 1; (step - 1) * indicator.points < indicator.max; step += 1)
      addThreshold(map, indicator.value, step * indicator.per)
  } else {
    for (const option of indicator.type === 'cases' ? indicator.cases : indicator.items) walk(option.when, map)
  }
}

function sorted(map: Map<string, Set<number>>): Thresholds {
  return new Map([...map].map(([value, set]) => [value, [...set].sort((left, right) => left - right)]))
}

const INDICATOR_CACHE = new WeakMap<Indicator, Thresholds>()

/** The points at which one indicator's score can change: its band edges, step multiples and case comparisons. */
export function indicatorThresholds(indicator: Indicator): Thresholds {
  const cached = INDICATOR_CACHE.get(indicator)
  if (cached) return cached
  const map = new Map<string, Set<number>>()
  addIndicatorThresholds(indicator, map)
  const thresholds = sorted(map)
  INDICATOR_CACHE.set(indicator, thresholds)
  return thresholds
}

const CACHE = new WeakMap<ProgramRules, Map<string, Thresholds>>()

/**
 * Every point at which a verdict of the program can change: band edges, step multiples, and the numbers of every
 * comparison in the gates, the size standard (of the given industry, or of all when it is unknown), the conditions
 * and the indicators.
 */
export function collectThresholds(rules: LoadedRules, program: ProgramRules, industry?: string): Thresholds {
  const byIndustry = CACHE.get(program) ?? new Map<string, Thresholds>()
  CACHE.set(program, byIndustry)
  const cached = byIndustry.get(industry ?? '*')
  if (cached) return cached
  const map = new Map<string, Set<number>>()
  for (const condition of [...rules.gates.conditions, ...program.conditions]) walk(condition.when, map)
  walk(program.eligibility, map)
  const industries =
    industry !== undefined && rules.size.industries[industry]
      ? [rules.size.industries[industry]]
      : Object.values(rules.size.industries)
  for (const entry of industries) {
    for (const test of [entry.sme, entry.medium, entry.small]) walk(test as Condition, map)
  }
  for (const indicator of program.indicators) addIndicatorThresholds(indicator, map)
  const thresholds = sorted(map)
  byIndustry.set(industry ?? '*', thresholds)
  return thresholds
}
