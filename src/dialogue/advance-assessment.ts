import type { FactName, Facts } from '../facts/fact-schema.js'
import { chooseNextQuestion, type NextQuestion } from './choose-next-question.js'
import type { AssessmentOutcome } from './ports.js'
import type { Program } from './programs.js'

export type AssessmentStep<Result extends AssessmentOutcome> =
  | { kind: 'ask'; question: NextQuestion; results: Result[] }
  /** `stoppedEarly`: a 第三条 gate or the firm's size decided it; no need to confirm the other facts. */
  | { kind: 'decided'; results: Result[]; stoppedEarly: boolean }

const TITLE_FACT: Partial<Record<Program, FactName>> = {
  innovative: 'innovativeSmeValid',
  specialized: 'specializedSmeValid',
}

/** A 第三条 gate the firm fails, or null. */
export function failedGate(facts: Facts): FactName | null {
  if (facts.registeredInBeijing === false) return 'registeredInBeijing'
  if (facts.independentLegalPerson === false) return 'independentLegalPerson'
  if (facts.creditBlacklisted === true) return 'creditBlacklisted'
  if (facts.restrictedProducts === true) return 'restrictedProducts'
  if (facts.majorIncident3y === true) return 'majorIncident3y'
  return null
}

/**
 * One step of a tier assessment: assess the programs in tier order and either ask the next question the
 * verdict depends on, or report that every program is decided (or cannot be decided without facts the user
 * does not know). When several programs are assessed and a lower tier fails, the higher ones are not pursued
 * (each tier needs the one below), unless the firm already holds the lower title.
 */
export function advanceAssessment<Result extends AssessmentOutcome & { size?: string | null }>(
  programs: readonly Program[],
  facts: Facts,
  declined: readonly FactName[],
  assess: (program: Program, facts: Facts) => Result,
  usedBy: (program: Program) => readonly FactName[] = () => [],
  bounded: readonly FactName[] = [],
): AssessmentStep<Result> {
  const results: Result[] = []
  const gate = failedGate(facts)
  for (const program of programs) {
    const result = assess(program, facts)
    results.push(result)
    if (gate || result.size === 'large') return { kind: 'decided', results, stoppedEarly: true }
    if (result.eligible === null) {
      const question = chooseNextQuestion(result.missing, declined, { known: facts, used: usedBy(program), bounded })
      if (question) return { kind: 'ask', question, results }
    }
    const titleFact = TITLE_FACT[program]
    const holdsTitle = titleFact ? facts[titleFact] === true : false
    if (result.eligible === false && programs.length > 1 && !holdsTitle) break
  }
  return { kind: 'decided', results, stoppedEarly: false }
}
