import { FACT_NAMES, type FactName } from '../facts/fact-schema.js'
import { factsOf } from './evaluate-condition.js'
import { defaultRules, type LoadedRules } from './load-rules.js'
import type { ProgramRules } from './rule-schema.js'
import type { ProgramId } from './assessment-result.js'
import { inputsOf } from './derived-values.js'

/**
 * Every fact a program's rules read (gates, size, conditions, indicators), in a natural asking order — the fact
 * schema's: gates, size, finance, intellectual property, the rest — for a dialogue that asks turn by turn.
 */
const USED = new WeakMap<ProgramRules, { gates: LoadedRules['gates']; facts: FactName[] }>()

export function factsUsedBy(program: ProgramId, rules: LoadedRules = defaultRules()): FactName[] {
  const rulesOfProgram = rules.programs[program]
  const cached = USED.get(rulesOfProgram)
  if (cached && cached.gates === rules.gates) return [...cached.facts]
  const facts = computeFactsUsedBy(rulesOfProgram, rules)
  USED.set(rulesOfProgram, { gates: rules.gates, facts })
  return [...facts]
}

function computeFactsUsedBy(rulesOfProgram: ProgramRules, rules: LoadedRules): FactName[] {
  const named: Record<string, never> = {}
  const used = new Set<FactName>(['industry', 'employees', 'revenue', 'totalAssets'])
  for (const condition of [...rules.gates.conditions, ...rulesOfProgram.conditions])
    for (const fact of factsOf(condition.when, named)) used.add(fact)
  for (const indicator of rulesOfProgram.indicators) {
    if (indicator.type === 'bands' || indicator.type === 'steps')
      for (const fact of inputsOf(indicator.value)) used.add(fact)
    const options = indicator.type === 'cases' ? indicator.cases : indicator.type === 'additive' ? indicator.items : []
    for (const option of options) for (const fact of factsOf(option.when, named)) used.add(fact)
  }
  if (rulesOfProgram.prerequisite) used.add(rulesOfProgram.prerequisite.fact as FactName)
  return FACT_NAMES.filter((fact) => used.has(fact))
}
