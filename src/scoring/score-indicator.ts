import type { FactName, Facts } from '../facts/fact-schema.js'
import type { ItemResult } from './assessment-result.js'
import { evaluateCondition, factsOf, readValue, type EvaluationContext } from './evaluate-condition.js'
import { DERIVED_VALUES, inputsOf } from './derived-values.js'
import { compare, divide, floor, fromNumber, toNumber, type Rational } from './rational.js'
import type { Indicator } from './rule-schema.js'

/** Shows a number the way a Chinese form does: at most two decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100)
}

function leafContext(facts: Facts): EvaluationContext {
  return { facts, scores: {}, size: { size: null, needs: [] }, named: {} }
}

function unknownInputs(facts: Facts, names: FactName[]): FactName[] {
  return [...new Set(names)].filter((name) => facts[name] === undefined)
}

/** Scores one indicator; with unknown facts, gives the range of scores still possible. */
export function scoreIndicator(indicator: Indicator, facts: Facts, dimensionName: string): ItemResult {
  const base = {
    id: indicator.id,
    number: indicator.number,
    name: indicator.name,
    dimension: indicator.dimension,
    dimensionName,
    max: indicator.max,
    text: indicator.text,
  }
  const context = leafContext(facts)

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
  const needs = unknownInputs(
    facts,
    options.flatMap((option) => factsOf(option.when, {})),
  )
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
            open.flatMap((entry) => factsOf(entry.option.when, {})),
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
