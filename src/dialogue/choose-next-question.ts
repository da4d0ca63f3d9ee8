import type { FactName, Facts } from '../facts/fact-schema.js'
import { FACT_LABELS } from '../facts/fact-labels.js'
import { QUESTION_GROUPS, type QuestionGroup } from './question-groups.js'
import { fillYears, lastFullYear, yearLabel } from './year-words.js'

export interface NextQuestion {
  group: QuestionGroup
  /** The facts this question asks for (the group's facts that are still askable). */
  facts: FactName[]
  text: string
}

/**
 * Picks the next question: the first group (in asking order) that holds a fact the verdict still depends on
 * and that the user has not already said they do not know. Returns null when nothing is left to ask.
 */
export function chooseNextQuestion(
  missing: readonly FactName[],
  declined: readonly FactName[],
  options: {
    known?: Facts
    used?: readonly FactName[]
    lastYear?: number
    /** Facts the owner gave a bound for: asked again only when the verdict still needs them (in `missing`). */
    bounded?: readonly FactName[]
  } = {},
): NextQuestion | null {
  const lastYear = options.lastYear ?? lastFullYear(Date.now())
  const askable = new Set(missing.filter((fact) => !declined.includes(fact)))
  if (askable.size === 0) return null
  const known = options.known ?? {}
  for (const group of QUESTION_GROUPS) {
    if (!group.facts.some((fact) => askable.has(fact))) continue
    // Ask the group's other unknown facts the program reads in the same breath ("industry and head count").
    const facts = group.facts.filter(
      (fact) =>
        askable.has(fact) ||
        (options.used?.includes(fact) &&
          known[fact] === undefined &&
          !declined.includes(fact) &&
          !options.bounded?.includes(fact)),
    )
    return { group, facts, text: renderQuestion(group, facts, lastYear) }
  }
  // A fact no group asks for: ask for it by name.
  const [fact] = [...askable]
  const label = FACT_LABELS[fact]
  const group: QuestionGroup = { id: `single-${fact}`, facts: [fact], question: '请告诉我{items}。' }
  return { group, facts: [fact], text: renderQuestion(group, [fact], lastYear) }
}

function itemLabel(fact: FactName, lastYear: number): string {
  const label = yearLabel(fact, lastYear)
  return FACT_LABELS[fact].unit === '万元' ? `${label}（万元）` : label
}

/** Fills the group's question with the names of the facts asked; years are real ones, `lastYear` being 上年度. */
export function renderQuestion(group: QuestionGroup, facts: readonly FactName[], lastYear: number): string {
  const alone = facts.length === 1 ? group.alone?.[facts[0]] : undefined
  if (alone)
    return alone.example
      ? `${fillYears(alone.question, lastYear)}
（${fillYears(alone.example, lastYear)}）`
      : fillYears(alone.question, lastYear)
  const items = facts.map((fact) => itemLabel(fact, lastYear)).join('、')
  let question = group.question.replace('{items}', items)
  if (facts.length === 1)
    question = question.replace('各是多少', '是多少').replace('各有几项', '有几项').replace('各多少', '是多少')
  return group.example ? `${question}\n（${fillYears(group.example, lastYear)}）` : question
}
