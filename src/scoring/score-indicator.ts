import { describeBoundValue } from '../facts/describe-bound.js'
import type { FactBounds } from '../facts/fact-bounds.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import type { ItemResult } from './assessment-result.js'
import { evaluateCondition, factsOf, readValue, type EvaluationContext } from './evaluate-condition.js'
import { DERIVED_VALUES, inputsOf } from './derived-values.js'
import { compare, divide, floor, fromNumber, toNumber, type Rational } from './rational.js'
import type { Indicator } from './rule-schema.js'
import { indicatorThresholds } from './collect-thresholds.js'
import { FACT_DOMAINS } from './fact-domains.js'
import { rangeOf } from './fact-range.js'
import { numericCases } from './split-unknown-facts.js'

/** At most this many combinations of an item's unknown inputs are tried to narrow its score range by their bounds. */
const MAX_ITEM_CASES = 256

/** Shows a number the way a Chinese form does: at most two decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100)
}

function leafContext(facts: Facts, bounds?: FactBounds): EvaluationContext {
  return { facts, scores: {}, size: { size: null, needs: [] }, named: {}, bounds }
}

type IndicatorOption = { when: Parameters<typeof factsOf>[0] }
const OPTION_FACTS = new WeakMap<Indicator, { all: FactName[]; each: Map<IndicatorOption, FactName[]> }>()

/** The facts each case or item of an indicator reads, and all of them (rules are data: computed once per indicator). */
function factsOfOptions(
  indicator: Indicator,
  options: readonly IndicatorOption[],
): { all: FactName[]; each: Map<IndicatorOption, FactName[]> } {
  const cached = OPTION_FACTS.get(indicator)
  if (cached) return cached
  const each = new Map(options.map((option) => [option, factsOf(option.when, {})]))
  const computed = { all: [...new Set([...each.values()].flat())], each }
  OPTION_FACTS.set(indicator, computed)
  return computed
}

function unknownInputs(facts: Facts, names: FactName[]): FactName[] {
  return [...new Set(names)].filter((name) => facts[name] === undefined)
}

/**
 * Scores one indicator; with unknown facts, gives the range of scores still possible. A bound on an unknown input
 * ("营收不到1000万") narrows the range to the scores its values can reach; when they all score the same, the score
 * is known while the figure is not.
 */
export function scoreIndicator(
  indicator: Indicator,
  facts: Facts,
  dimensionName: string,
  bounds?: FactBounds,
): ItemResult {
  // An item depends only on its inputs: a turn scores the same items many times (each program, each case tried
  // for a verdict), so results are kept per indicator and input values. Results are never mutated.
  const key = inputKey(indicator, facts, dimensionName, bounds)
  let cache = ITEM_CACHE.get(indicator)
  if (!cache) ITEM_CACHE.set(indicator, (cache = new Map()))
  const cached = cache.get(key)
  if (cached) return cached
  const result = scoreWithBounds(indicator, facts, dimensionName, bounds)
  if (cache.size >= ITEM_CACHE_LIMIT) cache.clear()
  cache.set(key, result)
  return result
}

const ITEM_CACHE = new WeakMap<Indicator, Map<string, ItemResult>>()
const ITEM_CACHE_LIMIT = 512

function inputsOfIndicator(indicator: Indicator): readonly FactName[] {
  if (indicator.type === 'bands' || indicator.type === 'steps') return inputsOf(indicator.value)
  return factsOfOptions(indicator, indicator.type === 'cases' ? indicator.cases : indicator.items).all
}

function inputKey(indicator: Indicator, facts: Facts, dimensionName: string, bounds?: FactBounds): string {
  let key = dimensionName
  for (const fact of inputsOfIndicator(indicator)) {
    const value = facts[fact]
    key += `|${value === undefined ? '?' : Array.isArray(value) ? `[${value.join(',')}]` : `${typeof value}:${String(value)}`}`
    const bound = value === undefined ? bounds?.[fact] : undefined
    if (bound) key += `~${bound.gt ?? ''},${bound.ge ?? ''},${bound.lt ?? ''},${bound.le ?? ''}`
  }
  return key
}

function scoreWithBounds(indicator: Indicator, facts: Facts, dimensionName: string, bounds?: FactBounds): ItemResult {
  const result = scoreFromFacts(indicator, facts, dimensionName, bounds)
  if (!bounds || result.score !== null || !result.needs.some((fact) => rangeOf(fact, bounds))) return result
  const unknown = result.needs
  const splitting = new Set(unknown)
  const thresholds = indicatorThresholds(indicator)
  const axes: (readonly unknown[])[] = []
  let total = 1
  for (const fact of unknown) {
    const domain = FACT_DOMAINS[fact]
    const cases = domain.kind === 'finite' ? domain.values : numericCases(fact, facts, splitting, thresholds, bounds)
    if (cases === null || cases.length === 0) return result
    total *= cases.length
    if (total > MAX_ITEM_CASES) return result
    axes.push(cases)
  }
  const candidate: Record<string, unknown> = { ...facts }
  const scores = new Set<number>()
  const bands = new Set<string | null>()
  for (let index = 0; index < total; index += 1) {
    let rest = index
    for (let axis = axes.length - 1; axis >= 0; axis -= 1) {
      candidate[unknown[axis]] = axes[axis][rest % axes[axis].length]
      rest = Math.floor(rest / axes[axis].length)
    }
    const exact = scoreFromFacts(indicator, candidate as Facts, dimensionName)
    if (exact.score === null) return result
    scores.add(exact.score)
    bands.add(exact.band)
  }
  const minScore = Math.min(...scores)
  const maxScore = Math.max(...scores)
  if (minScore !== maxScore) return { ...result, minScore, maxScore }
  const valueName = indicator.type === 'bands' || indicator.type === 'steps' ? indicator.value : null
  const bound = valueName && !DERIVED_VALUES[valueName] ? bounds[valueName as FactName] : undefined
  return {
    ...result,
    actual: valueName && bound ? describeBoundValue(valueName as FactName, bound) : null,
    score: minScore,
    minScore,
    maxScore,
    band: bands.size === 1 ? [...bands][0] : null,
    needs: [],
  }
}

function scoreFromFacts(indicator: Indicator, facts: Facts, dimensionName: string, bounds?: FactBounds): ItemResult {
  const base = {
    id: indicator.id,
    number: indicator.number,
    name: indicator.name,
    dimension: indicator.dimension,
    dimensionName,
    max: indicator.max,
    text: indicator.text,
  }
  const context = leafContext(facts, bounds)

  if (indicator.type === 'bands' || indicator.type === 'steps') {
    const value = readValue(indicator.value, facts)
    const needs = unknownInputs(facts, inputsOf(indicator.value))
    if (value.kind === 'unknown') {
      const scores = indicator.type === 'bands' ? indicator.bands.map((band) => band.score) : [0, indicator.max]
      return {
        ...base,
        actual: null,
        band: null,
        score: null,
        minScore: Math.min(...scores),
        maxScore: Math.max(...scores),
        needs,
      }
    }
    if (value.kind !== 'number') {
      const lowest = indicator.type === 'bands' ? Math.min(...indicator.bands.map((band) => band.score)) : 0
      return {
        ...base,
        actual: '无法计算（分母为0）',
        band: null,
        score: lowest,
        minScore: lowest,
        maxScore: lowest,
        needs: [],
      }
    }
    const actual = `${formatNumber(toNumber(value.value))}${indicator.unit}`
    if (indicator.type === 'steps') {
      const steps = Number(floor(divide(value.value, fromNumber(indicator.per))))
      const score = Math.min(indicator.max, Math.max(0, steps) * indicator.points)
      return {
        ...base,
        actual,
        band: `每满${indicator.per}${indicator.unit}得${indicator.points}分`,
        score,
        minScore: score,
        maxScore: score,
        needs: [],
      }
    }
    let best: { label: string; score: number } | null = null
    for (const band of indicator.bands) {
      const aboveMin = band.min === undefined || compare(value.value, fromNumber(band.min)) >= 0
      const belowMax = band.max === undefined || compare(value.value, fromNumber(band.max)) <= 0
      if (aboveMin && belowMax && (best === null || band.score > best.score)) best = band
    }
    const score = best?.score ?? 0
    return { ...base, actual, band: best?.label ?? null, score, minScore: score, maxScore: score, needs: [] }
  }

  const options = indicator.type === 'cases' ? indicator.cases : indicator.items
  const evaluated = options.map((option) => ({ option, result: evaluateCondition(option.when, context) }))
  const optionFacts = factsOfOptions(indicator, options)
  const needs = unknownInputs(facts, optionFacts.all)
  if (indicator.type === 'additive') {
    const passed = evaluated.filter((entry) => entry.result.status === 'passed')
    const open = evaluated.filter((entry) => entry.result.status === 'unknown')
    const minScore = Math.min(
      indicator.max,
      passed.reduce((sum, entry) => sum + entry.option.score, 0),
    )
    const maxScore = Math.min(
      indicator.max,
      [...passed, ...open].reduce((sum, entry) => sum + entry.option.score, 0),
    )
    const known = minScore === maxScore
    return {
      ...base,
      actual:
        passed.length > 0
          ? passed.map((entry) => entry.option.label.slice(0, 1)).join('、')
          : open.length > 0
            ? null
            : '无',
      band: passed.length > 0 ? `满足${passed.length}项` : open.length > 0 ? null : '不满足任何一项',
      score: known ? minScore : null,
      minScore,
      maxScore,
      needs: known
        ? []
        : unknownInputs(
            facts,
            open.flatMap((entry) => optionFacts.each.get(entry.option) ?? []),
          ),
    }
  }
  const passed = evaluated
    .filter((entry) => entry.result.status === 'passed')
    .sort((left, right) => right.option.score - left.option.score)
  const open = evaluated.filter((entry) => entry.result.status === 'unknown')
  const minScore = passed[0]?.option.score ?? Math.min(...options.map((option) => option.score))
  const maxScore = Math.max(minScore, ...open.map((entry) => entry.option.score))
  const known = minScore === maxScore && (passed.length > 0 || open.length === 0)
  return {
    ...base,
    actual: passed[0] ? passed[0].option.label.replace(/^[A-F]\.\s*/u, '') : null,
    band: known ? (passed[0]?.option.label ?? null) : null,
    score: known ? minScore : null,
    minScore,
    maxScore,
    needs: known ? [] : needs,
  }
}

/**
 * The fact that moves an indicator (the fact itself, or the first input of a derived quantity: 研发费用 for
 * 研发费用占比, 主营业务收入 for 增长率) and its exact value at which the indicator equals `threshold`; null when
 * the other inputs are unknown.
 */
export function leverFor(value: string, threshold: number, facts: Facts): { fact: FactName; value: Rational } | null {
  const derived = DERIVED_VALUES[value]
  if (!derived) return { fact: value as FactName, value: fromNumber(threshold) }
  const fact = derived.inputs[0]
  const solutions = derived.solve(fact, fromNumber(threshold), facts)
  return solutions && solutions.length > 0 ? { fact, value: solutions[0] } : null
}
