import { detectIntent } from '../../../src/dialogue/detect-intent.js'
import { QUESTION_GROUPS } from '../../../src/dialogue/question-groups.js'
import type { FactName, Facts } from '../../../src/facts/fact-schema.js'
import {
  readReply,
  type ExpectedAnswer,
  type LastValue,
  type ReplyReading,
} from '../../../src/understanding/read-reply.js'
import type { CorpusLine, Outcome } from './corpus.js'

/** The corpus assumes today is in 2026: 上年度 = 2025. */
export const CORPUS_FISCAL_YEAR = 2025

/**
 * Reads a corpus line the way the dialogue does: an opening through detectIntent and readReply, a reply at a
 * question or the summary through readReply with what that step expects. The last values of a correction are the
 * known numbers, latest first (the corpus lists them in the order given).
 */
export function readWithUnderstanding(line: CorpusLine): Outcome {
  const { step, pending, known } = line.context
  const lastValues: LastValue[] = (Object.entries(known) as Array<[FactName, unknown]>)
    .flatMap(([fact, value]) => (typeof value === 'number' ? [{ fact, value }] : []))
    .reverse()
  const options = { lastFiscalYear: CORPUS_FISCAL_YEAR, lastValues }
  if (step === 'opening') {
    const intent = detectIntent(line.text)
    if (!['assess', 'other', 'follow-up-program', 'follow-up-aspect'].includes(intent.kind))
      return { act: 'other', facts: {}, unknown: [] }
    const reading = readReply(line.text, { facts: [], step: 'idle' }, known, options)
    if (intent.kind === 'assess') {
      return {
        act: 'start',
        facts: storedFacts(reading),
        unknown: unknownAfter(reading),
        bounds: reading.bounds,
        program: intent.programs.length === 1 ? intent.programs[0] : null,
      }
    }
    const act =
      reading.act === 'ask'
        ? 'ask'
        : Object.keys(reading.facts).length > 0
          ? 'answer'
          : reading.act === 'correct'
            ? 'correct'
            : 'other'
    return { act, facts: storedFacts(reading), unknown: unknownAfter(reading), bounds: reading.bounds, program: null }
  }
  if (step === 'verdict') {
    // After a verdict: a correction of what was given (the verdict is run again), or a question.
    const reading = readReply(line.text, { facts: [], step: 'idle' }, known, options)
    const act = reading.act === 'none' || reading.unsure.length > 0 ? 'other' : reading.act
    return { act, facts: storedFacts(reading), unknown: unknownAfter(reading), bounds: reading.bounds }
  }
  const group = QUESTION_GROUPS.find((candidate) => candidate.id === step)
  const expected: ExpectedAnswer =
    step === 'summary'
      ? { facts: [], step: 'summary' }
      : { facts: pending, step: 'question', ...(group?.yesNo ? { yesNo: group.yesNo } : {}) }
  const reading = readReply(line.text, expected, known, options)
  let act: string = reading.act
  if (reading.unsure.length > 0 || act === 'none') act = 'other'
  // A bare 是/不是 to a question that is not yes/no leaves the question open: the bot asks back.
  if (step !== 'summary' && (act === 'confirm' || act === 'deny')) act = 'other'
  return { act, facts: storedFacts(reading), unknown: unknownAfter(reading), bounds: reading.bounds }
}

/** What the reply leaves without a value: facts it marks unknown, and those a correction empties ("前面说的1500是23年的"). */
function unknownAfter(reading: ReplyReading): FactName[] {
  return [...new Set([...reading.unknown, ...reading.cleared])]
}

/** The facts the dialogue stores: an unsure reading ("做电商的": retail or wholesale) is asked back first, not stored. */
function storedFacts(reading: ReplyReading): Facts {
  return Object.fromEntries(
    Object.entries(reading.facts).filter(([fact]) => !reading.unsure.includes(fact as FactName)),
  ) as Facts
}
