import type { FactName, Facts } from '../facts/fact-schema.js'
import type { ItemResult } from './assessment-result.js'
import { evaluateCondition, factsOf, readValue, type EvaluationContext } from './evaluate-condition.js'
import { DERIVED_VALUES, inputsOf } from './derived-values.js'
import { compare, fromNumber, toNumber } from './rational.js'
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
  const base = { id: indicator.id, number: indicator.number, name: indicator.name, dimension: indicator.dimension, dimensionName, max: indicator.max, text: indicator.text }
  const context = leafContext(facts)

  if (indicator.type === 'bands' || indicator.type === 'steps') {
    const value = readValue(indicator.value, facts)
    const needs = unknownInputs(facts, inputsOf(indicator.value))
    if (value.kind === 'unknown') {
      const scores = indicator.type === 'bands' ? indicator.bands.map((band) => band.score) : [0, indicator.max]
      return { ...base, actual: null, band: null, score: null, minScore: Math.min(...scores), maxScore: Math.max(...scores), needs }
    }
    if (value.kind !== 'number') {
      const lowest = indicator.type === 'bands' ? Math.min(...indicator.bands.map((band) => band.score)) : 0
      return { ...base, actual: '无法计算（分母为0）', band: null, score: lowest, minScore: lowest, maxScore: lowest, needs: [] }
    }
    const actual = `${formatNumber(toNumber(value.value))}${indicator.unit}`
    if (indicator.type === 'steps') {
      const steps = Math.floor(toNumber(value.value) / indicator.per + 1e-9)
      const score = Math.min(indicator.max, steps * indicator.points)
      return { ...base, actual, band: `每满${indicator.per}${indicator.unit}得${indicator.points}分`, score, minScore: score, maxScore: score, needs: [] }
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
  const needs = unknownInputs(facts, options.flatMap((option) => factsOf(option.when, {})))
  if (indicator.type === 'additive') {
    const passed = evaluated.filter((entry) => entry.result.status === 'passed')
    const open = evaluated.filter((entry) => entry.result.status === 'unknown')
    const minScore = Math.min(indicator.max, passed.reduce((sum, entry) => sum + entry.option.score, 0))
    const maxScore = Math.min(indicator.max, [...passed, ...open].reduce((sum, entry) => sum + entry.option.score, 0))
    const known = minScore === maxScore
    return {
      ...base,
      actual: passed.length > 0 ? passed.map((entry) => entry.option.label.slice(0, 1)).join('、') : open.length > 0 ? null : '无',
      band: passed.length > 0 ? `满足${passed.length}项` : open.length > 0 ? null : '不满足任何一项',
      score: known ? minScore : null,
      minScore,
      maxScore,
      needs: known ? [] : unknownInputs(facts, open.flatMap((entry) => factsOf(entry.option.when, {}))),
    }
  }
  const passed = evaluated.filter((entry) => entry.result.status === 'passed').sort((left, right) => right.option.score - left.option.score)
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

/** The fact that moves an indicator, and the value it needs for a threshold on the indicator's value. */
export function leverFor(value: string, threshold: number, facts: Facts): { fact: FactName; value: number } | null {
  const known = (name: FactName) => (typeof facts[name] === 'number' ? (facts[name] as number) : null)
  switch (value) {
    case 'rdRatio': {
      const revenue = known('revenue')
      return revenue === null ? null : { fact: 'rdExpense', value: (threshold * revenue) / 100 }
    }
    case 'mainRevenueShare': {
      const revenue = known('revenue')
      return revenue === null ? null : { fact: 'mainRevenue', value: (threshold * revenue) / 100 }
    }
    case 'mainRevenueGrowth': {
      const previous = known('mainRevenuePrev')
      return previous === null ? null : { fact: 'mainRevenue', value: previous * (1 + threshold / 100) }
    }
    case 'mainRevenueGrowthAvg2y': {
      const previous = known('mainRevenuePrev')
      const before = known('mainRevenuePrev2')
      if (previous === null || before === null || before === 0) return null
      const earlier = ((previous - before) / before) * 100
      return { fact: 'mainRevenue', value: previous * (1 + (2 * threshold - earlier) / 100) }
    }
    case 'netProfitMargin': {
      const revenue = known('revenue')
      return revenue === null ? null : { fact: 'netProfit', value: (threshold * revenue) / 100 }
    }
    case 'rdStaffShare': {
      const employees = known('employees')
      return employees === null ? null : { fact: 'rdStaff', value: Math.ceil((threshold * employees) / 100) }
    }
    default:
      return DERIVED_VALUES[value] ? null : { fact: value as FactName, value: threshold }
  }
}
