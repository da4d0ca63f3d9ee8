import { FACT_LABELS } from '../facts/fact-labels.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import type { AdviceItem, CheapestPath, ConditionResult, ItemResult } from './assessment-result.js'
import { evaluateCondition, type EvaluationContext } from './evaluate-condition.js'
import { FACT_DOMAINS } from './fact-domains.js'
import { roundTo, type Rational } from './rational.js'
import type { Condition, Indicator, ProgramRules } from './rule-schema.js'
import { formatNumber, leverFor } from './score-indicator.js'

interface Upgrade {
  item: ItemResult
  score: number
  advice: AdviceItem
}

/** The exact edge as a figure to name: rounded towards the side that still reaches the band. */
function safeFigure(fact: FactName, value: Rational, direction: 'up' | 'down'): number {
  const domain = FACT_DOMAINS[fact]
  return roundTo(value, domain.kind === 'numeric' && domain.integer ? 0 : 2, direction)
}

function describeTarget(target: { fact: FactName; value: number }, verb: string): string {
  const label = FACT_LABELS[target.fact]
  return `${label.label}${verb}${formatNumber(target.value)}${label.unit ?? ''}`
}

/**
 * The smallest value of one fact that makes a case's condition pass, when the condition is a threshold (or a
 * choice of thresholds) on that fact or on a quantity it moves: e.g. 研发费用 400万元 or 8% of 营业收入, whichever is less.
 */
function targetOf(condition: Condition, facts: Facts): { fact: FactName; value: number } | null {
  const leaves = 'any' in condition ? condition.any : [condition]
  let best: { fact: FactName; value: number } | null = null
  for (const leaf of leaves) {
    if (!('value' in leaf) || (leaf.op !== 'gte' && leaf.op !== 'gt') || typeof leaf.operand !== 'number') return null
    const lever = leverFor(leaf.value, leaf.operand, facts)
    if (!lever) continue
    const value = safeFigure(lever.fact, lever.value, 'up')
    if (best && best.fact !== lever.fact) return null
    if (!best || value < best.value) best = { fact: lever.fact, value }
  }
  return best
}

const stripLetter = (label: string) => label.replace(/^[A-F]\.\s*/u, '')

/** The higher levels an indicator can reach from its current score, each with the change that reaches it. */
function upgradesOf(indicator: Indicator, item: ItemResult, facts: Facts): Upgrade[] {
  const current = item.score ?? item.minScore
  const upgrades: Upgrade[] = []
  const make = (score: number, band: string, text: string, target?: AdviceItem['target'] | null): Upgrade => ({
    item,
    score,
    advice: {
      kind: 'indicator',
      id: item.id,
      name: item.name,
      text: `${text}，可得${score}分（+${score - current}分）`,
      currentScore: current,
      nextBand: band,
      nextScore: score,
      pointsGained: score - current,
      ...(target ? { target } : {}),
    },
  })
  if (indicator.type === 'bands') {
    for (const band of [...indicator.bands].sort((left, right) => left.score - right.score)) {
      if (band.score <= current) continue
      const increasing = band.min !== undefined
      const threshold = increasing ? band.min! : band.max!
      const direction = increasing ? '达到' : '降到'
      const lever = leverFor(indicator.value, threshold, facts)
      const target = lever
        ? { fact: lever.fact, value: safeFigure(lever.fact, lever.value, increasing ? 'up' : 'down') }
        : null
      let text = `${indicator.name}${direction}${formatNumber(threshold)}${indicator.unit}（${band.label}）`
      if (target && target.fact !== indicator.value) text += `，即${describeTarget(target, direction)}`
      upgrades.push(make(band.score, band.label, text, target))
    }
  } else if (indicator.type === 'steps') {
    for (let score = current + indicator.points; score <= indicator.max; score += indicator.points) {
      const years = (score / indicator.points) * indicator.per
      upgrades.push(
        make(score, `满${years}${indicator.unit}`, `${indicator.name}满${years}${indicator.unit}`, {
          fact: indicator.value as FactName,
          value: years,
        }),
      )
    }
  } else if (indicator.type === 'cases') {
    for (const option of [...indicator.cases].sort((left, right) => left.score - right.score)) {
      if (option.score <= current) continue
      const target = targetOf(option.when, facts)
      const text = `${indicator.name}达到“${stripLetter(option.label)}”${target ? `，即${describeTarget(target, '达到')}` : ''}`
      upgrades.push(make(option.score, option.label, text, target))
    }
  } else {
    const context: EvaluationContext = { facts, scores: {}, size: { size: null, needs: [] }, named: {} }
    const unmet = indicator.items.filter((option) => evaluateCondition(option.when, context).status !== 'passed')
    let score = current
    const labels: string[] = []
    for (const option of unmet) {
      if (score >= indicator.max) break
      score = Math.min(indicator.max, score + option.score)
      labels.push(stripLetter(option.label))
      upgrades.push(make(score, labels.join('、'), `${indicator.name}再满足：${labels.join('、')}`))
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

/** Up to this many indicators are combined exhaustively; beyond, a greedy choice (largest gains first) is made. */
const EXHAUSTIVE_INDICATORS = 3

/**
 * The smallest set of indicator changes that makes the score condition pass. Exhaustive over every combination of
 * up to three indicators and every level of each, so within that size it is the true minimum: fewest indicators
 * first, then fewest points (the smallest effort). Rarely a firm needs more than three; then the largest gains are
 * taken one by one until the condition passes (short, though not proven minimal).
 */
function findCheapestPath(
  program: ProgramRules,
  upgrades: Map<string, Upgrade[]>,
  items: readonly ItemResult[],
  context: EvaluationContext,
): Upgrade[] | null {
  const scoreCondition = program.conditions.find((condition) => condition.id === 'score')
  if (!scoreCondition) return null
  const passes = (chosen: readonly Upgrade[]): boolean => {
    const scores: EvaluationContext['scores'] = {}
    for (const [id, bounds] of Object.entries(context.scores)) scores[id] = { min: bounds.min, max: bounds.max }
    for (const upgrade of chosen) {
      const gain = upgrade.score - upgrade.item.minScore
      scores[upgrade.item.dimension].min += gain
      scores.total.min += gain
    }
    return evaluateCondition(scoreCondition.when, { ...context, scores }).status === 'passed'
  }
  const candidates = items.filter((item) => (upgrades.get(item.id)?.length ?? 0) > 0)
  for (let size = 1; size <= Math.min(EXHAUSTIVE_INDICATORS, candidates.length); size += 1) {
    let best: Upgrade[] | null = null
    let bestPoints = Infinity
    const chosen: Upgrade[] = []
    function search(levels: readonly (readonly Upgrade[])[], index: number, points: number): void {
      if (points >= bestPoints) return
      if (index === levels.length) {
        if (passes(chosen)) {
          best = [...chosen]
          bestPoints = points
        }
        return
      }
      for (const level of levels[index]) {
        chosen.push(level)
        search(levels, index + 1, points + level.score - level.item.minScore)
        chosen.pop()
      }
    }
    for (const combination of combinations(candidates, size))
      search(
        combination.map((item) => upgrades.get(item.id)!),
        0,
        0,
      )
    if (best) return best
  }
  const greedy: Upgrade[] = []
  const tops = candidates
    .map((item) => upgrades.get(item.id)!.at(-1)!)
    .sort((left, right) => right.score - right.item.minScore - (left.score - left.item.minScore))
  for (const upgrade of tops) {
    greedy.push(upgrade)
    if (passes(greedy)) return greedy
  }
  return null
}

/**
 * Advice for a firm: for every indicator below its maximum, the next band and the fact value that reaches it; every
 * failed condition; and the cheapest set of changes that would make the firm eligible (or the statement that only
 * a 直通 condition can).
 */
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
    advice.push({
      kind: condition.direct ? 'direct' : 'condition',
      id: condition.id,
      name: condition.name,
      text: condition.direct ? `或满足直通条件：${condition.name}` : `需满足：${condition.name}`,
    })
  }

  if (eligible !== false)
    return { advice, cheapestPath: eligible === true ? { changes: [], text: '已满足认定条件。' } : null }
  const blocking = conditions.filter(
    (condition) => condition.status === 'failed' && !condition.direct && condition.id !== 'score',
  )
  const scoreFailed = conditions.some((condition) => condition.id === 'score' && condition.status === 'failed')
  const path = scoreFailed ? findCheapestPath(program, upgrades, items, context) : []
  const changes = (path ?? []).map((upgrade) => upgrade.advice)
  const parts: string[] = []
  // Only the failing parts, with the firm's value and the one needed (a condition of three parts may fail on one).
  const blockingText = (condition: ConditionResult) =>
    condition.unmet.length > 0 ? condition.unmet.map((part) => part.text).join('；') : condition.name
  if (blocking.length > 0) parts.push(`必须满足：${blocking.map(blockingText).join('；')}`)
  if (scoreFailed)
    parts.push(
      path && path.length > 0
        ? `最少改动：${changes.map((change) => change.text).join('；')}`
        : '仅靠提高得分难以达到，可考虑直通条件',
    )
  const direct = conditions.filter((condition) => condition.direct && condition.status !== 'passed')
  if (scoreFailed && direct.length > 0)
    parts.push(`或满足任一直通条件：${direct.map((condition) => condition.name).join('；')}`)
  return { advice, cheapestPath: { changes, text: parts.join('。') } }
}
