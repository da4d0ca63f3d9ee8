import { FACT_LABELS } from '../facts/fact-labels.js'
import type { Facts } from '../facts/fact-schema.js'
import type { AdviceItem, CheapestPath, ConditionResult, ItemResult } from './assessment-result.js'
import { evaluateCondition, type EvaluationContext } from './evaluate-condition.js'
import type { Indicator, ProgramRules } from './rule-schema.js'
import { formatNumber, leverFor } from './score-indicator.js'

interface Upgrade {
  item: ItemResult
  score: number
  advice: AdviceItem
}

function roundUp(value: number): number {
  return Math.ceil(value * 100 - 1e-9) / 100
}

/** The higher levels an indicator can reach from its current score, each with the change that reaches it. */
function upgradesOf(indicator: Indicator, item: ItemResult, facts: Facts): Upgrade[] {
  const current = item.score ?? item.minScore
  const upgrades: Upgrade[] = []
  const make = (score: number, text: string, target?: AdviceItem['target']): Upgrade => ({
    item,
    score,
    advice: { kind: 'indicator', id: item.id, text: `${text}，可得${score}分（+${score - current}分）`, pointsGained: score - current, ...(target ? { target } : {}) },
  })
  if (indicator.type === 'bands') {
    for (const band of [...indicator.bands].sort((left, right) => left.score - right.score)) {
      if (band.score <= current) continue
      const increasing = band.min !== undefined
      const threshold = increasing ? band.min! : band.max!
      const lever = leverFor(indicator.value, threshold, facts)
      const direction = increasing ? '达到' : '降到'
      let text = `${indicator.name}${direction}${formatNumber(threshold)}${indicator.unit}（${band.label}）`
      if (lever && lever.fact !== indicator.value) text += `，即${FACT_LABELS[lever.fact].label}${direction}${formatNumber(roundUp(lever.value))}${FACT_LABELS[lever.fact].unit ?? ''}`
      upgrades.push(make(band.score, text, lever ? { fact: lever.fact, value: roundUp(lever.value) } : undefined))
    }
  } else if (indicator.type === 'steps') {
    for (let score = current + indicator.points; score <= indicator.max; score += indicator.points) {
      const years = (score / indicator.points) * indicator.per
      upgrades.push(make(score, `${indicator.name}满${years}${indicator.unit}`, { fact: indicator.value as keyof Facts, value: years }))
    }
  } else if (indicator.type === 'cases') {
    for (const option of [...indicator.cases].sort((left, right) => left.score - right.score)) {
      if (option.score > current) upgrades.push(make(option.score, `${indicator.name}达到“${option.label}”`))
    }
  } else {
    const unmet = indicator.items.filter((option) => evaluateCondition(option.when, { facts, scores: {}, size: { size: null, needs: [] }, named: {} }).status !== 'passed')
    let score = current
    const labels: string[] = []
    for (const option of unmet) {
      if (score >= indicator.max) break
      score = Math.min(indicator.max, score + option.score)
      labels.push(option.label.replace(/^[A-D]\.\s*/u, ''))
      upgrades.push(make(score, `${indicator.name}再满足：${labels.join('、')}`))
    }
  }
  return upgrades
}

function combinations<T>(values: readonly T[], size: number): T[][] {
  if (size === 0) return [[]]
  const result: T[][] = []
  values.forEach((value, index) => {
    for (const rest of combinations(values.slice(index + 1), size - 1)) result.push([value, ...rest])
  })
  return result
}

/**
 * The smallest set of indicator changes that makes the score condition pass: fewest indicators first (up to 3),
 * then fewest points. Exhaustive over the indicators, so the answer is the true minimum within that size.
 */
function findCheapestPath(program: ProgramRules, upgrades: Map<string, Upgrade[]>, items: readonly ItemResult[], context: EvaluationContext): Upgrade[] | null {
  const scoreCondition = program.conditions.find((condition) => condition.id === 'score')
  if (!scoreCondition) return null
  const passes = (chosen: readonly Upgrade[]) => {
    const scores = structuredClone(context.scores)
    for (const upgrade of chosen) {
      const gain = upgrade.score - upgrade.item.minScore
      scores[upgrade.item.dimension].min += gain
      scores.total.min += gain
    }
    return evaluateCondition(scoreCondition.when, { ...context, scores }).status === 'passed'
  }
  const candidates = items.filter((item) => (upgrades.get(item.id)?.length ?? 0) > 0)
  for (let size = 1; size <= 3; size += 1) {
    let best: Upgrade[] | null = null
    let bestPoints = Infinity
    for (const combination of combinations(candidates, size)) {
      const levels = combination.map((item) => upgrades.get(item.id)!)
      const search = (index: number, chosen: Upgrade[]): void => {
        if (index === levels.length) {
          const points = chosen.reduce((sum, upgrade) => sum + upgrade.score - upgrade.item.minScore, 0)
          if (points < bestPoints && passes(chosen)) {
            best = [...chosen]
            bestPoints = points
          }
          return
        }
        for (const level of levels[index]) search(index + 1, [...chosen, level])
      }
      search(0, [])
    }
    if (best) return best
  }
  return null
}

export function buildAdvice(input: {
  program: ProgramRules
  items: readonly ItemResult[]
  conditions: readonly ConditionResult[]
  eligible: boolean | null
  context: EvaluationContext
  facts: Facts
}): { advice: AdviceItem[]; cheapestPath: CheapestPath | null } {
  const { program, items, conditions, eligible, context, facts } = input
  const advice: AdviceItem[] = []
  const upgrades = new Map<string, Upgrade[]>()
  for (const indicator of program.indicators) {
    const item = items.find((candidate) => candidate.id === indicator.id)!
    if (item.score === null || item.score >= item.max) continue
    const levels = upgradesOf(indicator, item, facts)
    upgrades.set(item.id, levels)
    if (levels[0]) advice.push(levels[0].advice)
  }
  for (const condition of conditions) {
    if (condition.status !== 'failed' || condition.id === 'score') continue
    advice.push({ kind: condition.direct ? 'direct' : 'condition', id: condition.id, text: condition.direct ? `或满足直通条件：${condition.name}` : `需满足：${condition.name}` })
  }

  if (eligible !== false) return { advice, cheapestPath: eligible === true ? { changes: [], text: '已满足认定条件。' } : null }
  const blocking = conditions.filter((condition) => condition.status === 'failed' && !condition.direct && condition.id !== 'score')
  const scoreFailed = conditions.some((condition) => condition.id === 'score' && condition.status === 'failed')
  const path = scoreFailed ? findCheapestPath(program, upgrades, items, context) : []
  const changes = (path ?? []).map((upgrade) => upgrade.advice)
  const parts: string[] = []
  if (blocking.length > 0) parts.push(`必须满足：${blocking.map((condition) => condition.name).join('；')}`)
  if (scoreFailed) parts.push(path && path.length > 0 ? `最少改动：${changes.map((change) => change.text).join('；')}` : '仅靠提高得分难以达到，可考虑直通条件')
  const direct = conditions.filter((condition) => condition.direct && condition.status !== 'passed')
  if (scoreFailed && direct.length > 0) parts.push(`或满足任一直通条件：${direct.map((condition) => condition.name).join('；')}`)
  return { advice, cheapestPath: { changes, text: parts.join('。') } }
}
