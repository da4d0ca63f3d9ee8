import { loadCards } from '../../src/knowledge/load-cards.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { BIGRAM_TOKENIZER } from '../../src/search/policy-index.js'
import { evaluate, flexsearchMethod, loadQuestions, miniSearchMethod, type Metrics, type SearchMethod } from './evaluate.js'
import { createJiebaTokenizer } from './jieba-tokenizer.js'

const cards = loadCards()
const synonyms = loadSynonyms()
const questions = loadQuestions()
const heldOut = questions.filter((question) => question.tags.includes('held-out'))
const jieba = createJiebaTokenizer()

const methods: Array<[string, SearchMethod]> = [
  ['flexsearch + BM25F rerank, bigrams (chosen)', flexsearchMethod(cards, synonyms)],
  ['flexsearch + BM25F rerank, jieba', flexsearchMethod(cards, synonyms, jieba)],
  ['baseline: MiniSearch BM25, bigrams', miniSearchMethod(cards, BIGRAM_TOKENIZER, synonyms)],
  ['baseline: MiniSearch BM25, jieba', miniSearchMethod(cards, jieba, synonyms)],
]

const format = (value: number) => value.toFixed(3)
const answerable = questions.filter((question) => question.expected.length > 0).length
console.log(`${questions.length} questions (${answerable} answerable over ${new Set(questions.flatMap((question) => question.expected)).size} cards, ${questions.length - answerable} with no answer); held-out ${heldOut.length}\n`)
console.log('| method | hit@1 | hit@5 | MRR | no-answer acc. | false refusals | held-out hit@1 | held-out hit@5 |')
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |')
const rows: Array<[string, Metrics, Metrics]> = methods.map(([name, method]) => [name, evaluate(method, questions), evaluate(method, heldOut)])
for (const [name, all, held] of rows) {
  console.log(`| ${name} | ${format(all.hitAt1)} | ${format(all.hitAt5)} | ${format(all.mrr)} | ${format(all.noAnswerAccuracy)} | ${all.falseRefusals} | ${format(held.hitAt1)} | ${format(held.hitAt5)} |`)
}
const [, chosen] = rows[0]
const [, baseline] = rows[2]
const targets = chosen.hitAt5 >= 0.95 && chosen.hitAt1 >= 0.8
const notWorse = chosen.hitAt1 >= baseline.hitAt1 && chosen.hitAt5 >= baseline.hitAt5 && chosen.mrr >= baseline.mrr && chosen.noAnswerAccuracy >= baseline.noAnswerAccuracy
console.log(`\ntargets (hit@5 ≥ 0.95, hit@1 ≥ 0.80): ${targets ? 'met' : 'NOT met'}; no worse than the MiniSearch baseline on every metric: ${notWorse ? 'yes' : 'NO'}`)

if (process.argv.includes('--misses')) {
  const [, method] = methods[0]
  for (const question of questions) {
    const result = method(question.question)
    const rank = result.ids.findIndex((id) => question.expected.includes(id))
    const wrongRefusal = question.expected.length === 0 ? result.confident : !result.confident
    if (rank !== 0 || wrongRefusal) console.log(question.id, question.question, 'rank', rank, 'confident', result.confident, 'top', result.ids.slice(0, 3).join(','), 'expected', question.expected.join(','))
  }
}
if (!targets || !notWorse) process.exitCode = 1
