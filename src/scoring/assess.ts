import type { FactBounds } from '../facts/fact-bounds.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import type { AssessmentResult, ConditionResult, DimensionResult, ItemResult, ProgramId } from './assessment-result.js'
import { buildAdvice } from './build-advice.js'
import { describeUnmetParts } from './describe-unmet-parts.js'
import { classifySize, isSme } from './classify-size.js'
import { collectThresholds } from './collect-thresholds.js'
import {
  evaluateCondition,
  factsOf,
  type EvaluationContext,
  type Evaluated,
  type ScoreBounds,
} from './evaluate-condition.js'
import { defaultRules, type LoadedRules } from './load-rules.js'
import type { Condition, NamedCondition, ProgramRules } from './rule-schema.js'
import { scoreIndicator } from './score-indicator.js'
import { splitUnknownFacts } from './split-unknown-facts.js'

/** Tier order: each program's prerequisite comes before it. */
export const PROGRAMS: readonly ProgramId[] = ['innovative', 'specialized', 'little-giant']

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

interface NamedConditions {
  gates: LoadedRules['gates']
  list: NamedCondition[]
  byId: Record<string, Condition>
  /** The facts each named condition reads, by id. */
  facts: Map<string, FactName[]>
}
const NAMED = new WeakMap<ProgramRules, NamedConditions>()

/** The gates' and the program's named conditions; computed once per rules object (a reload brings new ones). */
function namedConditions(rules: LoadedRules, program: ProgramRules): NamedConditions {
  const cached = NAMED.get(program)
  if (cached && cached.gates === rules.gates) return cached
  const list = [...rules.gates.conditions, ...program.conditions]
  const byId: Record<string, Condition> = {}
  for (const condition of list) byId[condition.id] = condition.when
  const facts = new Map(list.map((condition) => [condition.id, factsOf(condition.when, byId)]))
  const named = { gates: rules.gates, list, byId, facts }
  NAMED.set(program, named)
  return named
}

/** The context a condition is evaluated in: facts, score bounds, size and the named conditions. */
export function evaluationContext(
  rules: LoadedRules,
  program: ProgramRules,
  facts: Facts,
  items: readonly ItemResult[],
  bounds?: FactBounds,
): EvaluationContext {
  const sme = isSme(facts, rules.size, bounds)
  return {
    facts,
    scores: scoreBounds(program, items),
    size: { size: sme.sme === null ? null : sme.sme ? 'small' : 'large', needs: sme.needs },
    named: namedConditions(rules, program).byId,
    ...(bounds ? { bounds } : {}),
  }
}

/** Scores every indicator and evaluates the program's verdict (three-valued). */
function evaluateProgram(
  rules: LoadedRules,
  programRules: ProgramRules,
  facts: Facts,
  bounds?: FactBounds,
): { items: ItemResult[]; context: EvaluationContext; verdict: Evaluated } {
  const dimensionName = (id: string) => programRules.dimensions.find((dimension) => dimension.id === id)?.name ?? id
  const items = programRules.indicators.map((indicator) =>
    scoreIndicator(indicator, facts, dimensionName(indicator.dimension), bounds),
  )
  const context = evaluationContext(rules, programRules, facts, items, bounds)
  return { items, context, verdict: evaluateCondition(programRules.eligibility, context) }
}

/**
 * The verdict and the facts that can change it. Three-valued logic first; when it leaves the verdict open, the
 * unknown facts are split into cases (see splitUnknownFacts): if every case agrees the verdict is decided, and
 * `missing` keeps only the facts that matter, the most influential first.
 */
function decideVerdict(
  rules: LoadedRules,
  programRules: ProgramRules,
  facts: Facts,
  items: readonly ItemResult[],
  verdict: Evaluated,
  bounds?: FactBounds,
): { eligible: boolean | null; missing: FactName[] } {
  if (verdict.status !== 'unknown') return { eligible: verdict.status === 'passed', missing: [] }
  const unknown = orderMissing([...verdict.needs, ...itemNeeds(items, verdict.scoreNeeds)], items)
  const split = splitUnknownFacts({
    facts,
    unknown,
    thresholds: collectThresholds(rules, programRules, facts.industry),
    bounds,
    verdict: (candidate) => {
      const status = evaluateProgram(rules, programRules, candidate, bounds).verdict.status
      return status === 'unknown' ? null : status === 'passed'
    },
  })
  return split ?? { eligible: null, missing: unknown }
}

/**
 * Assesses a firm against one program: a pure function of the rules and the facts. Every indicator and condition
 * is evaluated (nothing short-circuits), so "why not?" always has a complete answer. `eligible` is null only when
 * the verdict truly depends on unknown facts (listed in `missing`). `bounds` are what the owner said about figures
 * not given ("营收没到一千万"): the facts stay unknown, and whatever only needs the side of a threshold is decided.
 */
export function assess(
  program: ProgramId,
  facts: Facts,
  rules: LoadedRules = defaultRules(),
  bounds?: FactBounds,
): AssessmentResult {
  const programRules = rules.programs[program]
  const { items, context, verdict } = evaluateProgram(rules, programRules, facts, bounds)
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
      facts: named.facts.get(condition.id) ?? [],
      needs,
      unmet: describeUnmetParts(condition.when, context),
    }
  })

  const { eligible, missing } = decideVerdict(rules, programRules, facts, items, verdict, bounds)

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
        held:
          typeof facts[programRules.prerequisite.fact as FactName] === 'boolean'
            ? (facts[programRules.prerequisite.fact as FactName] as boolean)
            : null,
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
    size: classifySize(facts, rules.size, bounds).size ?? (context.size.size === 'large' ? 'large' : null),
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
  'registeredInBeijing',
  'independentLegalPerson',
  'creditBlacklisted',
  'restrictedProducts',
  'majorIncident3y',
  'industry',
  'employees',
  'revenue',
  'totalAssets',
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

/**
 * All three programs in tier order. Each result's `prerequisite` reports the chain: 专精特新 needs a valid 创新型
 * title, 小巨人 a valid 专精特新 one (held: true / false / null when not told).
 */
export function assessAll(facts: Facts, rules: LoadedRules = defaultRules(), bounds?: FactBounds): AssessmentResult[] {
  return PROGRAMS.map((program) => assess(program, facts, rules, bounds))
}

/** An either/or condition of the standard that a fact the firm gave fails one way of, while another way is still open. */
export interface OpenAlternative {
  program: ProgramId
  id: string
  /** The standard's sentence, quoted as written. */
  text: string
  /** The given facts whose way fails. */
  failedBy: FactName[]
}

/**
 * The program's "A，或B" conditions (a top-level `any`) that one of the `given` facts fails one way of while another
 * way is still undecided: "营收800万" fails 1000万元以上 but leaves 近2年股权融资2000万元以上 open, and an owner who asks
 * "还能评吗" should hear the other way rather than only the next question.
 */
export function openAlternatives(
  program: ProgramId,
  facts: Facts,
  given: readonly FactName[],
  rules: LoadedRules = defaultRules(),
  bounds?: FactBounds,
): OpenAlternative[] {
  const programRules = rules.programs[program]
  const { context } = evaluateProgram(rules, programRules, facts, bounds)
  const named = namedConditions(rules, programRules)
  return named.list.flatMap((condition) => {
    const when = condition.when
    if (!('any' in when) || evaluateCondition(when, context).status !== 'unknown') return []
    const ways = when.any.map((way) => ({
      status: evaluateCondition(way, context).status,
      facts: factsOf(way, named.byId),
    }))
    const failedBy = [
      ...new Set(
        ways
          .filter((way) => way.status === 'failed')
          .flatMap((way) => way.facts.filter((fact) => given.includes(fact))),
      ),
    ]
    if (failedBy.length === 0 || !ways.some((way) => way.status === 'unknown')) return []
    return [{ program, id: condition.id, text: condition.text, failedBy }]
  })
}
