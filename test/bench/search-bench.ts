import MiniSearch from 'minisearch'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { normalizeForSearch, tokenize, tokenizeQuery } from '../../src/search/tokenizer.js'
import { loadQuestions, miniSearchDocuments } from '../eval/evaluate.js'
import { heapAfterGc, percentile, printTable, type BenchRow } from './measure.js'

const REPETITIONS = 200

function timeQueries(search: (question: string) => unknown, questions: readonly string[]): number[] {
  for (const question of questions) search(question)
  const samples: number[] = []
  for (let round = 0; round < REPETITIONS; round += 1) {
    for (const question of questions) {
      const start = process.hrtime.bigint()
      search(question)
      samples.push(Number(process.hrtime.bigint() - start) / 1000)
    }
  }
  return samples
}

/** Search latency, build time and heap: our index beside MiniSearch (BM25, same tokenizer) in the same run. */
export async function runSearchBench(): Promise<BenchRow[]> {
  const cards = loadCards()
  const synonyms = loadSynonyms()
  const questions = loadQuestions().map((question) => question.question)

  const heapBefore = heapAfterGc()
  let start = performance.now()
  const index = createPolicyIndex(cards, { synonyms })
  const buildMs = performance.now() - start
  const heapIndex = heapAfterGc() - heapBefore
  const ours = timeQueries((question) => index.search(question, { limit: 5 }), questions)

  const heapBeforeMini = heapAfterGc()
  start = performance.now()
  const miniSearch = new MiniSearch({
    fields: ['title', 'body'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: { boost: { title: 3 }, combineWith: 'OR', tokenize: tokenizeQuery, processTerm: (term) => term },
  })
  miniSearch.addAll(miniSearchDocuments(cards))
  const miniBuildMs = performance.now() - start
  const heapMini = heapAfterGc() - heapBeforeMini
  const baseline = timeQueries((question) => miniSearch.search(normalizeForSearch(question)).slice(0, 5), questions)

  const row = (name: string, samples: number[], build: number, heap: number): BenchRow => ({
    name,
    values: {
      'p50 µs': percentile(samples, 50).toFixed(1),
      'p99 µs': percentile(samples, 99).toFixed(1),
      'build ms': build.toFixed(0),
      'heap MB': heap.toFixed(1),
    },
  })
  const rows = [row(`flexsearch + BM25F (${index.size} cards)`, ours, buildMs, heapIndex), row('baseline: MiniSearch BM25', baseline, miniBuildMs, heapMini)]
  printTable(`Search: ${questions.length} questions × ${REPETITIONS} (target p99 < 1000 µs)`, rows)
  return rows
}
