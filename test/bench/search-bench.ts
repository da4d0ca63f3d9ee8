import { loadCards } from '../../src/knowledge/load-cards.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { normalizeForSearch } from '../../src/search/tokenizer.js'
import { loadQuestions, miniSearchOver } from '../eval/evaluate.js'
import { heapAfterGc, percentile, printTable, timeAlternating, type BenchRow } from './measure.js'

const REPETITIONS = 200

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

  const heapBeforeMini = heapAfterGc()
  start = performance.now()
  const miniSearch = miniSearchOver(cards)
  const miniBuildMs = performance.now() - start
  const heapMini = heapAfterGc() - heapBeforeMini
  // Questions alternate between the two, so machine load (the machine is shared) hits both alike.
  const searches = {
    ours: (question: string) => index.search(question, { limit: 5 }),
    mini: (question: string) => miniSearch.search(normalizeForSearch(question)).slice(0, 5),
  }
  const { samples, cpu } = timeAlternating(searches, questions, REPETITIONS)

  const row = (
    name: string,
    wall: number[],
    cpuTimes: number[],
    build: number,
    heap: number,
    baseline?: { wall: number[]; cpu: number[] },
  ): BenchRow => ({
    name,
    values: {
      'p50 µs': percentile(wall, 50).toFixed(1),
      'p99 µs': percentile(wall, 99).toFixed(1),
      'CPU p99 µs': percentile(cpuTimes, 99).toFixed(1),
      'p99 ratio': baseline ? (percentile(wall, 99) / percentile(baseline.wall, 99)).toFixed(2) : '',
      'CPU p99 ratio': baseline ? (percentile(cpuTimes, 99) / percentile(baseline.cpu, 99)).toFixed(2) : '',
      'build ms': build.toFixed(0),
      'heap MB': heap.toFixed(1),
    },
  })
  const rows = [
    row(`inverted index + BM25F (${index.size} cards)`, samples.ours, cpu.ours, buildMs, heapIndex, {
      wall: samples.mini,
      cpu: cpu.mini,
    }),
    row('baseline: MiniSearch BM25', samples.mini, cpu.mini, miniBuildMs, heapMini),
  ]
  printTable(`Search: ${questions.length} questions × ${REPETITIONS} (target p99 < 1000 µs)`, rows)
  return rows
}
