import { loadCards } from '../../src/knowledge/load-cards.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { BIGRAM_TOKENIZER, DEFAULT_CONFIDENCE_THRESHOLD } from '../../src/search/policy-index.js'
import {
  calibrateThreshold,
  coverages,
  evaluate,
  policyIndexMethod,
  loadQuestions,
  miniSearchMethod,
  thresholdPoint,
  type EvalQuestion,
  type SearchMethod,
} from './evaluate.js'
import { createJiebaTokenizer } from './jieba-tokenizer.js'
import { existsSync } from 'node:fs'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import {
  answerShares,
  baselineReplies,
  chatReplies,
  loadSharedDevSet,
  meetsAnswerTargets,
  projectAnswerSet,
  scoreReplies,
  SHARED_DEV_SET,
  type AnswerMetrics,
  type LabelledQuestion,
} from './answer-eval.js'

/**
 * `npm run eval [--misses | --tune-misses]`: retrieval (the labelled questions against our index, bigram and jieba, and MiniSearch
 * BM25), then the end-to-end answer (key facts contained / declined) through the dialogue manager on the project's
 * answer set (tune, heldout) and the shared dev set, beside the frozen pre-issue-10 composer as the baseline.
 */
const cards = loadCards()
const synonyms = loadSynonyms()
const questions = loadQuestions()
const tuning = questions.filter((question) => !question.tags.includes('held-out'))
const heldOut = questions.filter((question) => question.tags.includes('held-out'))
const finalCheck = questions.filter((question) => question.tags.includes('final-check'))
const jieba = createJiebaTokenizer()

const methods: Array<[string, SearchMethod]> = [
  ['bigram inverted index + BM25F, bigrams (chosen)', policyIndexMethod(cards, synonyms)],
  ['bigram inverted index + BM25F, jieba', policyIndexMethod(cards, synonyms, jieba)],
  ['baseline: MiniSearch BM25, bigrams', miniSearchMethod(cards, BIGRAM_TOKENIZER, synonyms)],
  ['baseline: MiniSearch BM25, jieba', miniSearchMethod(cards, jieba, synonyms)],
]

const format = (value: number) => value.toFixed(3)
const count = (subset: readonly EvalQuestion[]) =>
  `${subset.filter((question) => question.expected.length > 0).length}+${subset.filter((question) => question.expected.length === 0).length}`
const answerableCards = new Set(questions.flatMap((question) => question.expected)).size
console.log(
  `${questions.length} questions (answerable+unanswerable): all ${count(questions)} over ${answerableCards} cards; tuning ${count(tuning)}; held-out ${count(heldOut)}, of which final-check ${count(finalCheck)}\n`,
)
console.log(
  '| method | hit@1 | hit@5 | MRR | no-answer acc. | false refusals | held-out hit@1 | held-out hit@5 | held-out no-answer | final-check hit@1 | final-check no-answer |',
)
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
const rows = methods.map(([name, method]) => ({
  name,
  all: evaluate(method, questions),
  held: evaluate(method, heldOut),
  final: evaluate(method, finalCheck),
}))
for (const { name, all, held, final } of rows) {
  console.log(
    `| ${name} | ${format(all.hitAt1)} | ${format(all.hitAt5)} | ${format(all.mrr)} | ${format(all.noAnswerAccuracy)} | ${all.falseRefusals} | ${format(held.hitAt1)} | ${format(held.hitAt5)} | ${format(held.noAnswerAccuracy)} | ${format(final.hitAt1)} | ${format(final.noAnswerAccuracy)} |`,
  )
}

const [chosenMethod] = methods
const calibrated = calibrateThreshold(coverages(chosenMethod[1], tuning))
const heldPoint = thresholdPoint(coverages(chosenMethod[1], heldOut), calibrated.threshold)
const percent = (value: number) => `${(value * 100).toFixed(0)}%`
console.log(
  `\nconfidence threshold: calibrated on the tuning questions ${calibrated.threshold} (answers ${percent(calibrated.answered)}, refuses ${percent(calibrated.refused)} of unanswerable); in use ${DEFAULT_CONFIDENCE_THRESHOLD}; on held-out questions it answers ${percent(heldPoint.answered)} and refuses ${percent(heldPoint.refused)}`,
)

const [chosen, , baseline] = rows
const targets = chosen.all.hitAt5 >= 0.95 && chosen.all.hitAt1 >= 0.8 && chosen.all.noAnswerAccuracy >= 0.8
const notWorse = (['hitAt1', 'hitAt5', 'mrr', 'noAnswerAccuracy'] as const).every(
  (metric) => chosen.all[metric] >= baseline.all[metric],
)
console.log(
  `targets (hit@5 ≥ 0.95, hit@1 ≥ 0.80, no-answer ≥ 0.80): ${targets ? 'met' : 'NOT met'}; no worse than the MiniSearch baseline on every metric: ${notWorse ? 'yes' : 'NO'}`,
)

if (process.argv.includes('--misses')) {
  const [, method] = chosenMethod
  for (const question of questions) {
    const result = method(question.question)
    const rank = result.ids.findIndex((id) => question.expected.includes(id))
    const wrongDecision = question.expected.length === 0 ? result.confident : !result.confident
    if ((question.expected.length > 0 && rank !== 0) || wrongDecision) {
      console.log(
        question.id,
        question.question,
        'rank',
        rank,
        'coverage',
        result.coverage,
        'top',
        result.ids.slice(0, 3).join(','),
        'expected',
        question.expected.join(',') || '(none)',
      )
    }
  }
}

// End-to-end answers.
const answerIndex = createPolicyIndex(cards, { synonyms })
const answerSets: Array<[string, LabelledQuestion[]]> = [
  ['answer set: tune', projectAnswerSet('tune')],
  ['answer set: heldout', projectAnswerSet('heldout')],
]
if (existsSync(SHARED_DEV_SET)) answerSets.push(['shared dev set (../shared/eval)', loadSharedDevSet()])
const row = (metrics: AnswerMetrics) => {
  const shares = answerShares(metrics)
  return `${metrics.allFacts}/${metrics.answerable} (${shares.allFacts.toFixed(2)}) | ${metrics.answerableDeclined} (${(shares.answerableDeclined * 100).toFixed(1)}%) | ${metrics.unanswerableDeclined}/${metrics.unanswerable} (${shares.unanswerableDeclined.toFixed(2)})`
}
console.log(
  '\nend-to-end answers (every key fact / answerable declined / unanswerable declined); targets ≥ 0.90 / ≤ 2 % / ≥ 0.95',
)
console.log('| set | composer | every key fact | answerable declined | unanswerable declined |')
console.log('| --- | --- | --- | --- | --- |')
let answerTargets = true
const answerMisses: Array<[string, AnswerMetrics]> = []
for (const [name, set] of answerSets) {
  const current = scoreReplies(set, await chatReplies(answerIndex, set))
  const baselineMetrics = scoreReplies(set, await baselineReplies(answerIndex, set))
  console.log(`| ${name} | current (chat) | ${row(current).split(' | ').join(' | ')} |`)
  console.log(`| ${name} | baseline (frozen) | ${row(baselineMetrics).split(' | ').join(' | ')} |`)
  if (!name.includes('tune')) answerTargets &&= meetsAnswerTargets(current)
  answerMisses.push([name, current])
}
console.log(`answer targets on the held-out split and the shared dev set: ${answerTargets ? 'met' : 'NOT met'}`)
// `--tune-misses` lists only the tune split's failures: the held-out lines stay unseen while tuning.
if (process.argv.includes('--misses') || process.argv.includes('--tune-misses')) {
  const listed = process.argv.includes('--misses')
    ? answerMisses
    : answerMisses.filter(([name]) => name.endsWith('tune'))
  for (const [name, metrics] of listed) {
    for (const miss of metrics.misses)
      console.log(`${name} ✗ ${miss.id} ${miss.q} — ${miss.why}\n    ${JSON.stringify(miss.reply).slice(0, 300)}`)
  }
}
if (!targets || !notWorse || !answerTargets) process.exitCode = 1
