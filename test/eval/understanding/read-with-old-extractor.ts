import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { FactName, Facts } from '../../../src/facts/fact-schema.js'
import type { CorpusLine, Outcome, Reader } from './corpus.js'
import { CORPUS_FISCAL_YEAR } from './read-with-understanding.js'

/** The last commit with the old extractor (extract-facts, detect-intent's word lists, group-yes-no): the baseline. */
export const BASELINE_COMMIT = 'c013cb7'
const CACHE = fileURLToPath(
  new URL(`../../../node_modules/.cache/understanding-baseline-${BASELINE_COMMIT}/`, import.meta.url),
)
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** The old dialogue manager's test for "a question, not an answer" (it was not exported). */
const OLD_QUESTION_LIKE = /(吗|呢|怎么|如何|什么|哪些|哪个|多少|能否|可以|是否|有没有|\?|？)/

interface OldExtraction {
  facts: Facts
  unknown: FactName[]
  rejected: Array<{ fact: FactName }>
  correction: boolean
}
type OldExtract = (
  text: string,
  context: { expecting: FactName[]; known: Facts; lastFiscalYear?: number },
) => OldExtraction
type OldIntent = (text: string) => { kind: string; programs?: string[] }
type OldGroupYesNo = (text: string) => 'yes' | 'no' | null

/**
 * The old extraction entry points, run from the git history (git archive of src/facts and src/dialogue at
 * BASELINE_COMMIT into node_modules/.cache), so the baseline runs unchanged after the code left src/.
 */
export async function loadOldReader(): Promise<Reader> {
  if (!existsSync(`${CACHE}src/facts/extract-facts.ts`)) {
    mkdirSync(CACHE, { recursive: true })
    const archive = execFileSync('git', ['archive', BASELINE_COMMIT, 'src/facts', 'src/dialogue'], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    })
    execFileSync('tar', ['-x', '-C', CACHE], { input: archive })
  }
  const url = (path: string) => pathToFileURL(`${CACHE}${path}`).href
  const { extractFacts } = (await import(url('src/facts/extract-facts.ts'))) as { extractFacts: OldExtract }
  const { detectIntent } = (await import(url('src/dialogue/detect-intent.ts'))) as { detectIntent: OldIntent }
  const { matchGroupYesNo } = (await import(url('src/dialogue/group-yes-no.ts'))) as { matchGroupYesNo: OldGroupYesNo }
  const { QUESTION_GROUPS } = (await import(url('src/dialogue/question-groups.ts'))) as {
    QUESTION_GROUPS: Array<{ id: string; facts: FactName[]; yesNo?: 'positive' | 'negative' }>
  }

  const touches = (extraction: OldExtraction) =>
    Object.keys(extraction.facts).length > 0 || extraction.unknown.length > 0 || extraction.rejected.length > 0
  const actOf = (extraction: OldExtraction, text: string): string => {
    if (Object.keys(extraction.facts).length > 0 || extraction.rejected.length > 0)
      return extraction.correction ? 'correct' : 'answer'
    if (extraction.unknown.length > 0) return 'unknown'
    return OLD_QUESTION_LIKE.test(text) ? 'ask' : 'other'
  }
  return (line: CorpusLine): Outcome => {
    const { step, pending, known } = line.context
    const context = { known, lastFiscalYear: CORPUS_FISCAL_YEAR }
    const intent = detectIntent(line.text)
    if (step === 'opening' || step === 'verdict') {
      // The old dialogue started an assessment without reading the opening's facts.
      if (intent.kind === 'assess')
        return {
          act: 'start',
          facts: {},
          unknown: [],
          program: intent.programs?.length === 1 ? intent.programs[0] : null,
        }
      const extraction = extractFacts(line.text, { ...context, expecting: [] })
      const act =
        Object.keys(extraction.facts).length > 0 && !OLD_QUESTION_LIKE.test(line.text)
          ? 'answer'
          : OLD_QUESTION_LIKE.test(line.text)
            ? 'ask'
            : 'other'
      return { act, facts: act === 'answer' ? extraction.facts : {}, unknown: [], program: null }
    }
    if (step === 'summary') {
      if (intent.kind === 'confirm') return { act: 'confirm', facts: {}, unknown: [] }
      const extraction = extractFacts(line.text, { ...context, expecting: [] })
      if (touches(extraction))
        return {
          act: Object.keys(extraction.facts).length > 0 ? 'correct' : actOf(extraction, line.text),
          facts: extraction.facts,
          unknown: extraction.unknown,
        }
      return { act: OLD_QUESTION_LIKE.test(line.text) ? 'ask' : 'other', facts: {}, unknown: [] }
    }
    // The old DialogueManager#extract: a bare 是/没有 answers a yes/no group; otherwise only what the message names.
    const group = QUESTION_GROUPS.find(
      (candidate) => candidate.yesNo && pending.length > 0 && pending.every((fact) => candidate.facts.includes(fact)),
    )
    let extraction: OldExtraction
    if (!group) extraction = extractFacts(line.text, { ...context, expecting: pending })
    else {
      const answer = matchGroupYesNo(line.text)
      const named = extractFacts(line.text, { ...context, expecting: answer ? pending : [] })
      if (!answer) extraction = touches(named) ? named : extractFacts(line.text, { ...context, expecting: pending })
      else if (group.yesNo === 'positive' ? answer === 'yes' : answer === 'no') {
        extraction = {
          ...named,
          facts: Object.fromEntries(pending.map((fact) => [fact, group.yesNo === 'positive'])) as Facts,
          rejected: [],
        }
      } else extraction = { ...named, facts: {}, rejected: [{ fact: pending[0] }] }
    }
    if (!touches(extraction))
      return {
        act: OLD_QUESTION_LIKE.test(line.text) || intent.kind === 'follow-up-aspect' ? 'ask' : 'other',
        facts: {},
        unknown: [],
      }
    return { act: actOf(extraction, line.text), facts: extraction.facts, unknown: extraction.unknown }
  }
}
