import type { FactName, Facts } from '../facts/fact-schema.js'
import type { AssessmentResult } from '../scoring/assessment-result.js'
import { chooseNextQuestion, type NextQuestion } from './choose-next-question.js'

export interface ExactScorePlan {
  /** Unknown facts that still move an eligible program's score (the user has not said they do not know them). */
  facts: FactName[]
  /** How many questions (question groups) asking them takes. */
  questions: number
  /** The first of those questions, or null when none is left. */
  next: NextQuestion | null
}

/**
 * What finishing the exact score of eligible programs takes: the unknown facts of their unscored items, asked
 * group by group in the usual order. Programs without points (小巨人), undecided ones (the assessment itself
 * finishes those) and ineligible ones (no score can change a ❌ once decided) are left out.
 */
export function planExactScore(
  results: readonly AssessmentResult[],
  declined: readonly FactName[],
  known: Facts,
  lastYear?: number,
): ExactScorePlan {
  const wanted = new Set<FactName>()
  for (const result of results) {
    if (result.eligible !== true || result.total === null || result.totalMax === result.total) continue
    for (const item of result.items)
      if (item.score === null)
        for (const fact of item.needs) if (known[fact] === undefined && !declined.includes(fact)) wanted.add(fact)
  }
  const facts = [...wanted]
  let remaining = [...facts]
  let questions = 0
  let next: NextQuestion | null = null
  for (
    let question = chooseNextQuestion(remaining, declined, { lastYear });
    question;
    question = chooseNextQuestion(remaining, declined, { lastYear })
  ) {
    next ??= question
    questions += 1
    const asked = new Set([...question.facts, ...question.group.facts])
    remaining = remaining.filter((fact) => !asked.has(fact))
  }
  return { facts, questions, next }
}
