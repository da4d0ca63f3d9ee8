import { z } from 'zod'
import { FACT_NAMES, FactsSchema, type FactName } from '../facts/fact-schema.js'
import { DERIVED_VALUES } from './derived-values.js'
import { FACT_DOMAINS } from './fact-domains.js'
import type { Condition, GateRules, ProgramRules } from './rule-schema.js'

const NUMERIC_OPERATORS = new Set(['gte', 'gt', 'lte', 'lt'])

function isFact(name: string): name is FactName {
  return (FACT_NAMES as string[]).includes(name)
}

function isNumericValue(name: string): boolean {
  return name in DERIVED_VALUES || (isFact(name) && FACT_DOMAINS[name].kind === 'numeric')
}

function fits(schema: z.ZodType, operand: unknown): boolean {
  return schema.safeParse(operand).success
}

/** Problems in one condition tree: unknown facts, refs, scores, or operands a fact can never take. */
function checkCondition(
  condition: Condition,
  where: string,
  known: { refs: Set<string>; scores: Set<string> },
  problems: string[],
): void {
  if ('all' in condition)
    condition.all.forEach((child, index) => checkCondition(child, `${where}.all.${index}`, known, problems))
  else if ('any' in condition)
    condition.any.forEach((child, index) => checkCondition(child, `${where}.any.${index}`, known, problems))
  else if ('not' in condition) checkCondition(condition.not, `${where}.not`, known, problems)
  else if ('ref' in condition) {
    if (!known.refs.has(condition.ref)) problems.push(`${where}: unknown condition ref "${condition.ref}"`)
  } else if ('score' in condition) {
    if (!known.scores.has(condition.score)) problems.push(`${where}: unknown score "${condition.score}"`)
  } else if ('value' in condition) {
    const { value, op, operand } = condition
    if (!isFact(value) && !(value in DERIVED_VALUES)) {
      problems.push(`${where}: "${value}" is neither a fact nor a derived value`)
      return
    }
    if (NUMERIC_OPERATORS.has(op)) {
      if (!isNumericValue(value) || typeof operand !== 'number')
        problems.push(`${where}: ${op} needs a numeric value and a number`)
      return
    }
    if (!isFact(value)) {
      if (typeof operand !== 'number' && !(Array.isArray(operand) && operand.every((item) => typeof item === 'number')))
        problems.push(`${where}: ${value} compares with numbers only`)
      return
    }
    const schema = (FactsSchema.shape[value] as z.ZodOptional<z.ZodType>).unwrap()
    if (op === 'includes') {
      if (!(schema instanceof z.ZodArray) || !fits(schema.element as z.ZodType, operand))
        problems.push(`${where}: ${value} can never include ${JSON.stringify(operand)}`)
    } else if (op === 'in') {
      const options = Array.isArray(operand) ? operand : [operand]
      for (const option of options)
        if (!fits(schema, option)) problems.push(`${where}: ${value} can never be ${JSON.stringify(option)}`)
    } else if (operand !== null && !fits(schema, operand)) {
      problems.push(`${where}: ${value} can never be ${JSON.stringify(operand)}`)
    }
  }
}

/**
 * Cross-checks a program's rules against the code they name, so a typo in rules/ fails at load instead of leaving
 * a condition forever unknown: every fact and derived value exists, every operand is a value the fact can take,
 * every ref and score resolves, and each indicator's bands or cases reach exactly its maximum.
 */
export function checkRuleReferences(program: ProgramRules, gates: GateRules): string[] {
  const problems: string[] = []
  const known = {
    refs: new Set([...gates.conditions, ...program.conditions].map((condition) => condition.id)),
    scores: new Set(['total', ...program.dimensions.map((dimension) => dimension.id)]),
  }
  for (const condition of gates.conditions) checkCondition(condition.when, `gates.${condition.id}`, known, problems)
  for (const condition of program.conditions)
    checkCondition(condition.when, `conditions.${condition.id}`, known, problems)
  checkCondition(program.eligibility, 'eligibility', known, problems)
  for (const indicator of program.indicators) {
    const where = `indicators.${indicator.id}`
    if (indicator.type === 'bands' || indicator.type === 'steps') {
      if (!isNumericValue(indicator.value))
        problems.push(`${where}: "${indicator.value}" is not a numeric fact or derived value`)
    }
    if (indicator.type === 'bands') {
      const top = Math.max(...indicator.bands.map((band) => band.score))
      if (top !== indicator.max) problems.push(`${where}: best band scores ${top}, max is ${indicator.max}`)
      for (const band of indicator.bands) {
        if (band.min !== undefined && band.max !== undefined && band.min > band.max)
          problems.push(`${where}: band "${band.label}" has min above max`)
      }
    } else if (indicator.type === 'cases') {
      const top = Math.max(...indicator.cases.map((option) => option.score))
      if (top !== indicator.max) problems.push(`${where}: best case scores ${top}, max is ${indicator.max}`)
      indicator.cases.forEach((option, index) =>
        checkCondition(option.when, `${where}.cases.${index}`, known, problems),
      )
    } else if (indicator.type === 'additive') {
      const sum = indicator.items.reduce((total, option) => total + option.score, 0)
      if (sum < indicator.max) problems.push(`${where}: items add up to ${sum}, below max ${indicator.max}`)
      indicator.items.forEach((option, index) =>
        checkCondition(option.when, `${where}.items.${index}`, known, problems),
      )
    }
  }
  if (program.prerequisite) {
    const fact = program.prerequisite.fact
    if (!isFact(fact) || FACT_DOMAINS[fact].kind !== 'finite')
      problems.push(`prerequisite: "${fact}" is not a yes/no fact`)
  }
  return problems
}
