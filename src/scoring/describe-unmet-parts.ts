import { describeBoundValue } from '../facts/describe-bound.js'
import { describeFactValue, formatNumber } from '../facts/describe-fact.js'
import { FACT_LABELS } from '../facts/fact-labels.js'
import { FACT_OPTION_LABELS } from '../facts/fact-options.js'
import type { FactName } from '../facts/fact-schema.js'
import type { UnmetPart } from './assessment-result.js'
import { DERIVED_VALUES } from './derived-values.js'
import { evaluateCondition, readValue, type EvaluationContext } from './evaluate-condition.js'
import { toNumber } from './rational.js'
import type { Condition } from './rule-schema.js'

/** Of the alternatives of a failed `any`, at most this many closest ones are shown ("或"). */
const MAX_ALTERNATIVES = 2

const COMPARISONS: Record<string, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<' }
const SIZE_NAMES: Record<string, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' }

type Leaf = Extract<Condition, { value: string }>

function labelOf(name: string): { label: string; unit: string } {
  const derived = DERIVED_VALUES[name]
  if (derived) return { label: derived.label, unit: derived.unit }
  const fact = FACT_LABELS[name as FactName]
  return { label: fact?.label ?? name, unit: fact?.unit ?? '' }
}

function describeOperand(name: string, operand: unknown): string {
  if (DERIVED_VALUES[name])
    return typeof operand === 'number' ? `${formatNumber(operand)}${DERIVED_VALUES[name]!.unit}` : String(operand)
  return describeFactValue(name as FactName, operand)
}

function neededOf(leaf: Leaf): string {
  const { op, operand, value } = leaf
  if (op in COMPARISONS) return `${COMPARISONS[op]}${describeOperand(value, operand)}`
  if (op === 'in')
    return (Array.isArray(operand) ? operand : [operand]).map((option) => describeOperand(value, option)).join('/')
  if (op === 'includes') return `含${FACT_OPTION_LABELS[value as FactName]?.[String(operand)] ?? String(operand)}`
  if (op === 'neq') return `不为${describeOperand(value, operand)}`
  return describeOperand(value, operand)
}

function actualOf(name: string, context: EvaluationContext): string {
  const value = readValue(name, context.facts)
  const bound = value.kind === 'unknown' && !DERIVED_VALUES[name] ? context.bounds?.[name as FactName] : undefined
  if (bound) return describeBoundValue(name as FactName, bound)
  if (value.kind === 'unknown') return '不清楚'
  if (value.kind === 'undefined-ratio') return '无法计算（分母为0）'
  if (DERIVED_VALUES[name] && value.kind === 'number')
    return `${formatNumber(toNumber(value.value))}${DERIVED_VALUES[name]!.unit}`
  return describeFactValue(name as FactName, context.facts[name as FactName])
}

function part(subject: string, label: string, actual: string, needed: string): UnmetPart {
  return { subject, label, actual, needed, text: `${label}：${actual}，需${needed}` }
}

/** How many simple parts of a condition are met (for ranking alternatives). */
function countMet(condition: Condition, context: EvaluationContext): number {
  if ('all' in condition) return condition.all.reduce((sum, child) => sum + countMet(child, context), 0)
  if ('any' in condition) return condition.any.reduce((sum, child) => sum + countMet(child, context), 0)
  if ('ref' in condition) return countMet(context.named[condition.ref]!, context)
  if ('not' in condition) return 0
  return evaluateCondition(condition, context).status === 'passed' ? 1 : 0
}

/** The failing leaves of a failed condition, as "label: actual, needed". */
function collect(condition: Condition, context: EvaluationContext, negated: boolean): UnmetPart[] {
  if ('ref' in condition) return collect(context.named[condition.ref]!, context, negated)
  if ('not' in condition) return collect(condition.not, context, !negated)
  const failing = (child: Condition) => evaluateCondition(child, context).status === (negated ? 'passed' : 'failed')
  // Under an odd number of `not`s, all/any swap roles (De Morgan).
  const every = 'all' in condition ? condition.all : null
  const some = 'any' in condition ? condition.any : null
  const conjunction = negated ? some : every
  const disjunction = negated ? every : some
  if (conjunction) return conjunction.filter(failing).flatMap((child) => collect(child, context, negated))
  if (disjunction) {
    // Every alternative fails: show the ones that apply most (most parts met, then fewest failing), e.g. the
    // revenue band the firm is in before another band's threshold.
    const options = disjunction
      .map((child) => ({ parts: collect(child, context, negated), met: countMet(child, context) }))
      .filter((option) => option.parts.length > 0)
      .sort((left, right) => right.met - left.met || left.parts.length - right.parts.length)
      .slice(0, MAX_ALTERNATIVES)
    if (options.length <= 1) return options[0]?.parts ?? []
    const text = options.map((option) => option.parts.map((entry) => entry.text).join('；')).join('；或')
    return [{ subject: 'alternatives', label: '以下任一', actual: '', needed: '', text }]
  }
  if ('score' in condition) {
    const bounds = context.scores[condition.score]!
    const label = condition.score === 'total' ? '总分' : `${condition.score}得分`
    const actual = bounds.min === bounds.max ? `${bounds.min}分` : `最多${bounds.max}分`
    return [part(condition.score, label, actual, `${negated ? '<' : COMPARISONS[condition.op]}${condition.operand}分`)]
  }
  if ('size' in condition) {
    const size = context.size.size
    return [part('size', '企业规模', size ? SIZE_NAMES[size]! : '不清楚', negated ? '大型' : '中小企业（非大型）')]
  }
  const leaf = condition as Leaf
  const { label } = labelOf(leaf.value)
  return [
    part(leaf.value, label, actualOf(leaf.value, context), negated ? `不满足“${neededOf(leaf)}”` : neededOf(leaf)),
  ]
}

/**
 * Only the parts of a failed condition that fail, with the firm's value and the one needed: for 小巨人's
 * "研发投入达标、建有研发机构、2项以上I类知识产权" with only the institution missing, just
 * "建立研发机构级别：无，需国家级/省级/市级/市级以下". Empty unless the condition failed.
 */
export function describeUnmetParts(condition: Condition, context: EvaluationContext): UnmetPart[] {
  if (evaluateCondition(condition, context).status !== 'failed') return []
  return collect(condition, context, false)
}
