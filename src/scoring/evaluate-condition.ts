import type { FactBounds } from '../facts/fact-bounds.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import type { SizeClass, Status } from './assessment-result.js'
import { DERIVED_VALUES, inputsOf } from './derived-values.js'
import { compareRange, rangeOf } from './fact-range.js'
import { compare, fromNumber, type Rational } from './rational.js'
import type { Condition } from './rule-schema.js'

/** Score bounds per dimension id and for 'total'. */
export type ScoreBounds = Record<string, { min: number; max: number }>

export interface EvaluationContext {
  facts: Facts
  scores: ScoreBounds
  size: { size: SizeClass | null; needs: FactName[] }
  /** Named conditions, resolved by id (for `ref`). */
  named: Record<string, Condition>
  /** Bounds of unknown facts ("营收没到一千万"): a comparison the whole bound falls on one side of is decided. */
  bounds?: FactBounds
}

export interface Evaluated {
  status: Status
  /** Unknown facts whose values could change this node's status. */
  needs: FactName[]
  /** Score ids (dimension or total) whose unknown items could change it. */
  scoreNeeds: string[]
}

type Value =
  | { kind: 'unknown' }
  | { kind: 'number'; value: Rational }
  | { kind: 'other'; value: unknown }
  | { kind: 'undefined-ratio' }

function readValue(name: string, facts: Facts): Value {
  const derived = DERIVED_VALUES[name]
  if (derived) {
    if (derived.inputs.some((input) => facts[input] === undefined)) return { kind: 'unknown' }
    const value = derived.compute(facts)
    return value === null ? { kind: 'undefined-ratio' } : { kind: 'number', value }
  }
  const raw = facts[name as FactName]
  if (raw === undefined) return { kind: 'unknown' }
  return typeof raw === 'number' ? { kind: 'number', value: fromNumber(raw) } : { kind: 'other', value: raw }
}

function compareLeaf(value: Value, op: string, operand: unknown): Status {
  if (value.kind === 'unknown') return 'unknown'
  // A ratio whose denominator is zero cannot reach any threshold.
  if (value.kind === 'undefined-ratio') return 'failed'
  const pass = (result: boolean): Status => (result ? 'passed' : 'failed')
  if (op === 'in') return pass(Array.isArray(operand) && operand.some((candidate) => equals(value, candidate)))
  if (op === 'includes')
    return pass(value.kind === 'other' && Array.isArray(value.value) && value.value.includes(operand))
  if (op === 'eq') return pass(equals(value, operand))
  if (op === 'neq') return pass(!equals(value, operand))
  if (value.kind !== 'number' || typeof operand !== 'number') return 'failed'
  const order = compare(value.value, fromNumber(operand))
  switch (op) {
    case 'gte':
      return pass(order >= 0)
    case 'gt':
      return pass(order > 0)
    case 'lte':
      return pass(order <= 0)
    case 'lt':
      return pass(order < 0)
    default:
      throw new Error(`unknown operator ${op}`)
  }
}

function equals(value: Value, operand: unknown): boolean {
  if (value.kind === 'number') return typeof operand === 'number' && compare(value.value, fromNumber(operand)) === 0
  if (value.kind === 'other') return value.value === operand
  return false
}

/** Decided results carry no needs: one shared, frozen object each (a turn evaluates thousands of leaves). */
const NOTHING = Object.freeze([]) as unknown as never[]
const DECIDED: Record<'passed' | 'failed', Evaluated> = {
  passed: Object.freeze({ status: 'passed', needs: NOTHING, scoreNeeds: NOTHING }) as Evaluated,
  failed: Object.freeze({ status: 'failed', needs: NOTHING, scoreNeeds: NOTHING }) as Evaluated,
}

const UNKNOWN_FACT = new Map<FactName, Evaluated>()

/** The result of a comparison of one unknown fact: shared and frozen, like the decided ones. */
function unknownFact(fact: FactName): Evaluated {
  let result = UNKNOWN_FACT.get(fact)
  if (!result) {
    result = Object.freeze({
      status: 'unknown',
      needs: Object.freeze([fact]) as unknown as FactName[],
      scoreNeeds: NOTHING,
    }) as Evaluated
    UNKNOWN_FACT.set(fact, result)
  }
  return result
}

/**
 * An all/any of children, three-valued: the first decisive child (failed for all, passed for any) decides it;
 * otherwise it is open when some child is, with the needs of the open children. Children after a decisive one
 * are not evaluated: they cannot change the result, and conditions have no side effects.
 */
function combine(children: readonly Condition[], mode: 'all' | 'any', context: EvaluationContext): Evaluated {
  const decisive: Status = mode === 'all' ? 'failed' : 'passed'
  let open: Evaluated[] | null = null
  for (const child of children) {
    const result = evaluateCondition(child, context)
    if (result.status === decisive) return DECIDED[decisive]
    if (result.status === 'unknown') (open ??= []).push(result)
  }
  if (open === null) return DECIDED[mode === 'all' ? 'passed' : 'failed']
  if (open.length === 1) return open[0]
  const needs = new Set<FactName>()
  const scoreNeeds = new Set<string>()
  for (const child of open) {
    for (const fact of child.needs) needs.add(fact)
    for (const score of child.scoreNeeds) scoreNeeds.add(score)
  }
  return { status: 'unknown', needs: [...needs], scoreNeeds: scoreNeeds.size > 0 ? [...scoreNeeds] : NOTHING }
}

/** Kleene three-valued evaluation of a rule condition; unknown facts stay unknown, never "no". */
export function evaluateCondition(condition: Condition, context: EvaluationContext): Evaluated {
  if ('all' in condition) return combine(condition.all, 'all', context)
  if ('any' in condition) return combine(condition.any, 'any', context)
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, context)
    if (inner.status !== 'unknown') return DECIDED[inner.status === 'passed' ? 'failed' : 'passed']
    return inner
  }
  if ('ref' in condition) {
    const named = context.named[condition.ref]
    if (!named) throw new Error(`unknown condition ref ${condition.ref}`)
    return evaluateCondition(named, context)
  }
  if ('score' in condition) {
    const bounds = context.scores[condition.score]
    if (!bounds) throw new Error(`unknown score ${condition.score}`)
    const meets = (value: number) => (condition.op === 'gte' ? value >= condition.operand : value > condition.operand)
    if (meets(bounds.min)) return DECIDED.passed
    if (!meets(bounds.max)) return DECIDED.failed
    return { status: 'unknown', needs: [], scoreNeeds: [condition.score] }
  }
  if ('size' in condition) {
    const { size, needs } = context.size
    if (size === null) return { status: 'unknown', needs, scoreNeeds: [] }
    return DECIDED[size === 'large' ? 'failed' : 'passed']
  }
  const value = readValue(condition.value, context.facts)
  let status = compareLeaf(value, condition.op, condition.operand)
  if (status === 'unknown' && context.bounds && !DERIVED_VALUES[condition.value]) {
    const range = rangeOf(condition.value as FactName, context.bounds)
    if (range) status = compareRange(range, condition.op, condition.operand)
  }
  if (status !== 'unknown') return DECIDED[status]
  if (!DERIVED_VALUES[condition.value]) return unknownFact(condition.value as FactName)
  const needs = inputsOf(condition.value).filter((fact) => context.facts[fact] === undefined)
  return { status, needs, scoreNeeds: NOTHING }
}

/** Every fact a condition reads (for reporting). */
export function factsOf(condition: Condition, named: Record<string, Condition>, seen = new Set<string>()): FactName[] {
  if ('all' in condition) return [...new Set(condition.all.flatMap((child) => factsOf(child, named, seen)))]
  if ('any' in condition) return [...new Set(condition.any.flatMap((child) => factsOf(child, named, seen)))]
  if ('not' in condition) return factsOf(condition.not, named, seen)
  if ('ref' in condition) {
    if (seen.has(condition.ref)) return []
    seen.add(condition.ref)
    return factsOf(named[condition.ref], named, seen)
  }
  if ('score' in condition) return []
  if ('size' in condition) return ['industry', 'employees', 'revenue', 'totalAssets']
  return inputsOf(condition.value)
}

export { readValue }
