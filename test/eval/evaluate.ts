import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import MiniSearch from 'minisearch'
import { z } from 'zod'
import type { PolicyCard } from '../../src/knowledge/card-schema.js'
import {
  bodyText,
  BIGRAM_TOKENIZER,
  createPolicyIndex,
  DEFAULT_CONFIDENCE_THRESHOLD,
  titleText,
  type Tokenizer,
} from '../../src/search/policy-index.js'
import type { SynonymMap } from '../../src/search/load-synonyms.js'
import { normalizeForSearch } from '../../src/search/tokenizer.js'

export const QuestionFileSchema = z.object({
  schemaVersion: z.literal(1),
  description: z.string(),
  questions: z.array(
    z
      .object({ id: z.string(), question: z.string().min(1), expected: z.array(z.string()), tags: z.array(z.string()) })
      .strict(),
  ),
})
export type EvalQuestion = z.infer<typeof QuestionFileSchema>['questions'][number]

export function loadQuestions(): EvalQuestion[] {
  const path = fileURLToPath(new URL('./questions.json', import.meta.url))
  return QuestionFileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).questions
}

/** What a method returns for a question: ranked card ids, whether it would answer, and the coverage that decided it. */
export type SearchMethod = (question: string) => { ids: string[]; confident: boolean; coverage: number }

export interface Metrics {
  questions: number
  hitAt1: number
  hitAt5: number
  mrr: number
  noAnswerAccuracy: number
  /** Answerable questions the method would refuse (confident false). */
  falseRefusals: number
}

export function evaluate(method: SearchMethod, questions: readonly EvalQuestion[]): Metrics {
  const answerable = questions.filter((question) => question.expected.length > 0)
  const unanswerable = questions.filter((question) => question.expected.length === 0)
  let hit1 = 0
  let hit5 = 0
  let reciprocal = 0
  let refusals = 0
  for (const question of answerable) {
    const result = method(question.question)
    const rank = result.ids.findIndex((id) => question.expected.includes(id))
    if (rank === 0) hit1 += 1
    if (rank >= 0 && rank < 5) hit5 += 1
    if (rank >= 0 && rank < 10) reciprocal += 1 / (rank + 1)
    if (!result.confident) refusals += 1
  }
  const correctRefusals = unanswerable.filter((question) => !method(question.question).confident).length
  return {
    questions: questions.length,
    hitAt1: hit1 / Math.max(1, answerable.length),
    hitAt5: hit5 / Math.max(1, answerable.length),
    mrr: reciprocal / Math.max(1, answerable.length),
    noAnswerAccuracy: unanswerable.length > 0 ? correctRefusals / unanswerable.length : 1,
    falseRefusals: refusals,
  }
}

/** The chosen configuration: the policy index (bigram postings, BM25F), bigrams, synonyms. */
export function policyIndexMethod(
  cards: readonly PolicyCard[],
  synonyms: SynonymMap,
  tokenizer?: Tokenizer,
): SearchMethod {
  const index = createPolicyIndex(cards, { synonyms, tokenizer })
  return (question) => {
    const result = index.search(question, { limit: 10 })
    return { ids: result.hits.map((hit) => hit.card.id), confident: result.confident, coverage: result.coverage }
  }
}

/** The cards as MiniSearch documents: the same title and body fields our index uses. */
export function miniSearchDocuments(cards: readonly PolicyCard[]): Array<{ id: string; title: string; body: string }> {
  return cards
    .filter((card) => !card.duplicateOf)
    .map((card) => ({ id: card.id, title: titleText(card), body: bodyText(card) }))
}

/**
 * MiniSearch (BM25) over the cards with the given tokenizer (ours by default), the same stop phrases and title ×3:
 * the baseline every evaluation and benchmark compares with.
 */
export function miniSearchOver(cards: readonly PolicyCard[], tokenizer: Tokenizer = BIGRAM_TOKENIZER): MiniSearch {
  const miniSearch = new MiniSearch({
    fields: ['title', 'body'],
    tokenize: (text) => tokenizer.index(text),
    processTerm: (term) => term,
    searchOptions: {
      boost: { title: 3 },
      combineWith: 'OR',
      tokenize: (text) => tokenizer.query(text),
      processTerm: (term) => term,
    },
  })
  miniSearch.addAll(miniSearchDocuments(cards))
  return miniSearch
}

/**
 * The baseline: MiniSearch (BM25) with the same tokenizer, the same stop phrases and title ×3. It has no notion
 * of "no answer", so it gets ours: the same coverage rule and threshold, applied to its own top card. Differences
 * in no-answer accuracy then come from ranking alone.
 */
export function miniSearchMethod(
  cards: readonly PolicyCard[],
  tokenizer: Tokenizer,
  synonyms: SynonymMap,
): SearchMethod {
  const coverageIndex = createPolicyIndex(cards, { synonyms })
  const miniSearch = miniSearchOver(cards, tokenizer)
  return (question) => {
    const results = miniSearch.search(normalizeForSearch(question))
    const top = results[0]
    const coverage = top === undefined ? 0 : coverageIndex.coverageFor(question, String(top.id))
    return {
      ids: results.slice(0, 10).map((result) => String(result.id)),
      confident: coverage >= DEFAULT_CONFIDENCE_THRESHOLD,
      coverage,
    }
  }
}

/** One point of the threshold sweep: how a confidence threshold would decide the given questions. */
export interface ThresholdPoint {
  threshold: number
  /** Share of answerable questions that would be answered. */
  answered: number
  /** Share of unanswerable questions that would be refused. */
  refused: number
  /** (answered + refused) / 2: both kinds of mistake count the same, whatever the mix of questions. */
  balanced: number
}

/** The coverage the method reports for each question, with whether the question has an answer. */
export function coverages(
  method: SearchMethod,
  questions: readonly EvalQuestion[],
): Array<{ coverage: number; answerable: boolean }> {
  return questions.map((question) => ({
    coverage: method(question.question).coverage,
    answerable: question.expected.length > 0,
  }))
}

/** How a threshold decides these questions. */
export function thresholdPoint(
  samples: ReadonlyArray<{ coverage: number; answerable: boolean }>,
  threshold: number,
): ThresholdPoint {
  const answerable = samples.filter((sample) => sample.answerable)
  const unanswerable = samples.filter((sample) => !sample.answerable)
  const answered = answerable.filter((sample) => sample.coverage >= threshold).length / Math.max(1, answerable.length)
  const refused = unanswerable.filter((sample) => sample.coverage < threshold).length / Math.max(1, unanswerable.length)
  return { threshold, answered, refused, balanced: (answered + refused) / 2 }
}

/**
 * Calibrates the confidence threshold on the tuning questions: the best balanced accuracy, and among equally
 * good thresholds the middle of the widest run (the largest margin to the nearest question on either side).
 */
export function calibrateThreshold(samples: ReadonlyArray<{ coverage: number; answerable: boolean }>): ThresholdPoint {
  const values = [...new Set(samples.map((sample) => sample.coverage))].sort((left, right) => left - right)
  const cuts = [0, ...values.slice(1).map((value, index) => (value + values[index]) / 2), 1]
  const points = cuts.map((cut) => thresholdPoint(samples, cut))
  const best = Math.max(...points.map((point) => point.balanced))
  let runStart = -1
  let widest: [number, number] = [0, 0]
  for (let index = 0; index <= points.length; index += 1) {
    const good = index < points.length && points[index].balanced === best
    if (good && runStart < 0) runStart = index
    if (!good && runStart >= 0) {
      const low = values[Math.max(0, runStart - 1)] ?? 0
      const high = values[Math.min(values.length - 1, index - 1)] ?? 1
      if (high - low > widest[1] - widest[0]) widest = [low, high]
      runStart = -1
    }
  }
  return thresholdPoint(samples, Math.round(((widest[0] + widest[1]) / 2) * 100) / 100)
}
