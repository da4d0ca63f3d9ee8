import type { FactName, Facts } from '../facts/fact-schema.js'
import type { AssessmentResult, ConditionResult, DimensionResult, ItemResult, ProgramId } from './assessment-result.js'
import { buildAdvice } from './build-advice.js'
import { classifySize, isSme } from './classify-size.js'
import { evaluateCondition, factsOf, type EvaluationContext, type ScoreBounds } from './evaluate-condition.js'
import type { LoadedRules } from './load-rules.js'
import type { Condition, NamedCondition, ProgramRules } from './rule-schema.js'
import { scoreIndicator } from './score-indicator.js'

/** Score bounds per dimension and in total, from item ranges. */
export function scoreBounds(program: ProgramRules, items: readonly ItemResult[]): ScoreBounds {
  const bounds: ScoreBounds = { total: { min: 0, max: 0 } }
  for (const dimension of program.dimensions) bounds[dimension.id] = { min: 0, max: 0 }
  for (const item of items) {
    bounds[item.dimension].min += item.minScore
    bounds[item.dimension].max += item.maxScore
    bounds.total.min += item.minScore
    bounds.total.max += item.maxScore
  }
  return bounds
}

function namedConditions(rules: LoadedRules, program: ProgramRules): { list: NamedCondition[]; byId: Record<string, Condition> } {
  const list = [...rules.gates.conditions, ...program.conditions]
  const byId: Record<string, Condition> = {}
  for (const condition of list) byId[condition.id] = condition.when
  return { list, byId }
}

/** The context a condition is evaluated in: facts, score bounds, size and the named conditions. */
export function evaluationContext(rules: LoadedRules, program: ProgramRules, facts: Facts, items: readonly ItemResult[]): EvaluationContext {
  const sme = isSme(facts, rules.size)
  return {
    facts,
    scores: scoreBounds(program, items),
    size: { size: sme.sme === null ? null : sme.sme ? 'small' : 'large', needs: sme.needs },
    named: namedConditions(rules, program).byId,
  }
}

/**
 * Assesses a firm against one program: a pure function of the rules and the facts. Every indicator and condition
 * is evaluated (nothing short-circuits), so "why not?" always has a complete answer.
 */
export function assess(program: ProgramId, facts: Facts, rules: LoadedRules): AssessmentResult {
  const programRules = rules.programs[program]
  const dimensionName = (id: string) => programRules.dimensions.find((dimension) => dimension.id === id)?.name ?? id
  const items = programRules.indicators.map((indicator) => scoreIndicator(indicator, facts, dimensionName(indicator.dimension)))
  const context = evaluationContext(rules, programRules, facts, items)
  const named = namedConditions(rules, programRules)

  const conditions: ConditionResult[] = named.list.map((condition) => {
    const result = evaluateCondition(condition.when, context)
    const needs = [...new Set([...result.needs, ...itemNeeds(items, result.scoreNeeds)])]
    return {
      id: condition.id,
      name: condition.name,
      text: condition.text,
      status: result.status,
      direct: condition.direct === true,
      facts: factsOf(condition.when, named.byId),
      needs,
    }
  })

  const verdict = evaluateCondition(programRules.eligibility, context)
  const eligible = verdict.status === 'unknown' ? null : verdict.status === 'passed'
  const missing = eligible === null ? orderMissing([...verdict.needs, ...itemNeeds(items, verdict.scoreNeeds)], items) : []

  const dimensions: DimensionResult[] = programRules.dimensions.map((dimension) => ({
    id: dimension.id,
    name: dimension.name,
    score: context.scores[dimension.id].min,
    maxPossible: context.scores[dimension.id].max,
    max: dimension.max,
  }))
  const hasPoints = programRules.indicators.length > 0
  const prerequisite = programRules.prerequisite
    ? {
        program: programRules.prerequisite.program,
        name: rules.programs[programRules.prerequisite.program].name,
        held: typeof facts[programRules.prerequisite.fact as FactName] === 'boolean' ? (facts[programRules.prerequisite.fact as FactName] as boolean) : null,
        text: programRules.prerequisite.text,
      }
    : null
  const { advice, cheapestPath } = buildAdvice({ program: programRules, items, conditions, eligible, context, facts })

  return {
    program,
    programName: programRules.name,
    eligible,
    total: hasPoints ? context.scores.total.min : null,
    totalMax: hasPoints ? context.scores.total.max : null,
    dimensions,
    items,
    conditions,
    missing,
    advice,
    cheapestPath,
    prerequisite,
    size: classifySize(facts, rules.size).size ?? (context.size.size === 'large' ? 'large' : null),
    sourceCardIds: programRules.source.cardIds,
    source: `《${programRules.source.document}》${programRules.source.part}`,
  }
}

/** Unknown facts of the items behind the given scores, largest open range first. */
function itemNeeds(items: readonly ItemResult[], scoreIds: readonly string[]): FactName[] {
  if (scoreIds.length === 0) return []
  return items
    .filter((item) => item.score === null && (scoreIds.includes('total') || scoreIds.includes(item.dimension)))
    .sort((left, right) => right.maxScore - right.minScore - (left.maxScore - left.minScore))
    .flatMap((item) => item.needs)
}

const ASKING_ORDER: FactName[] = [
  'registeredInBeijing', 'independentLegalPerson', 'creditBlacklisted', 'restrictedProducts', 'majorIncident3y',
  'industry', 'employees', 'revenue', 'totalAssets',
]

function orderMissing(needs: readonly FactName[], items: readonly ItemResult[]): FactName[] {
  void items
  const unique = [...new Set(needs)]
  return unique.sort((left, right) => {
    const leftRank = ASKING_ORDER.indexOf(left)
    const rightRank = ASKING_ORDER.indexOf(right)
    if (leftRank >= 0 || rightRank >= 0) return (leftRank < 0 ? 99 : leftRank) - (rightRank < 0 ? 99 : rightRank)
    return unique.indexOf(left) - unique.indexOf(right)
  })
}

/** All three programs in tier order. */
export function assessAll(facts: Facts, rules: LoadedRules): AssessmentResult[] {
  return (['innovative', 'specialized', 'little-giant'] as const).map((program) => assess(program, facts, rules))
}
