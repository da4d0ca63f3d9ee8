import type { FactBounds } from '../facts/fact-bounds.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import type { SizeClass } from './assessment-result.js'
import { evaluateCondition, type EvaluationContext } from './evaluate-condition.js'
import type { Condition, SizeRules } from './rule-schema.js'

export interface SizeResult {
  size: SizeClass | null
  /** Unknown facts that would decide the size. */
  needs: FactName[]
  /** The standard's sentence for the firm's industry. */
  text: string | null
}

function test(condition: Condition, facts: Facts, bounds?: FactBounds) {
  const context: EvaluationContext = { facts, scores: {}, size: { size: null, needs: [] }, named: {}, bounds }
  return evaluateCondition(condition, context)
}

/**
 * 《中小企业划型标准规定》: 中小微型 when the industry's first test holds (either part); then 中型 / 小型 when both
 * parts of that tier hold, else 微型. Unknown facts leave the size unknown only when they could change it.
 */
export function classifySize(facts: Facts, rules: SizeRules, bounds?: FactBounds): SizeResult {
  if (facts.industry === undefined) return { size: null, needs: ['industry'], text: null }
  const industry = rules.industries[facts.industry]
  if (!industry) throw new Error(`no size rule for industry ${facts.industry}`)
  const sme = test(industry.sme as Condition, facts, bounds)
  if (sme.status === 'failed') return { size: 'large', needs: [], text: industry.text }
  if (sme.status === 'unknown') return { size: null, needs: sme.needs, text: industry.text }
  const medium = test(industry.medium as Condition, facts, bounds)
  if (medium.status === 'passed') return { size: 'medium', needs: [], text: industry.text }
  const small = test(industry.small as Condition, facts, bounds)
  if (medium.status === 'failed' && small.status === 'passed') return { size: 'small', needs: [], text: industry.text }
  if (medium.status === 'failed' && small.status === 'failed') return { size: 'micro', needs: [], text: industry.text }
  // Known to be an SME; which tier needs more facts. Callers that only need "not large" can go on.
  return { size: null, needs: [...new Set([...medium.needs, ...small.needs])], text: industry.text }
}

/** Whether the firm is an SME (not large): true, false, or null when unknown. */
export function isSme(facts: Facts, rules: SizeRules, bounds?: FactBounds): { sme: boolean | null; needs: FactName[] } {
  if (facts.industry === undefined) return { sme: null, needs: ['industry'] }
  const industry = rules.industries[facts.industry]
  const result = test(industry.sme as Condition, facts, bounds)
  return { sme: result.status === 'unknown' ? null : result.status === 'passed', needs: result.needs }
}
