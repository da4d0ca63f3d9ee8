import MiniSearch from 'minisearch'
import type { PolicyCard } from '../../src/knowledge/card-schema.js'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { normalizeForSearch, tokenize, tokenizeQuery } from '../../src/search/tokenizer.js'
import { loadQuestions, miniSearchDocuments } from '../eval/evaluate.js'
import { heapAfterGc, percentile, printTable, timeAlternating, type BenchRow } from './measure.js'
import { syntheticCards } from './synthetic-cards.js'

/** Knowledge-base sizes, and how often each question is asked at that size (keeps the 50k run to minutes). */
const SIZES = [
  { cards: 1_000, repetitions: 10 },
  { cards: 10_000, repetitions: 3 },
  ...(process.env.SCALE_QUICK ? [] : [{ cards: 50_000, repetitions: 3 }]),
]

/**
 * p99 over the questions of each question's least CPU time across the repetitions: what the slowest questions cost
 * the search itself, without the descheduling and the other threads' (collector's) time a loaded machine adds to any
 * one sample (the raw p99 keeps them).
 */
function bestP99(samples: readonly number[], questions: number): number {
  const best: number[] = []
  for (let question = 0; question < questions; question += 1) {
    let least = Infinity
    for (let at = question; at < samples.length; at += questions) least = Math.min(least, samples[at]!)
    best.push(least)
  }
  return percentile(best, 99)
}

interface SideResult {
  buildMs: number
  coldMs: number
  heapMb: number
  samples: number[]
  cpu: number[]
}

function miniSearchOver(cards: readonly PolicyCard[]): MiniSearch {
  const miniSearch = new MiniSearch({
    fields: ['title', 'body'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: { boost: { title: 3 }, combineWith: 'OR', tokenize: tokenizeQuery, processTerm: (term) => term },
  })
  miniSearch.addAll(miniSearchDocuments(cards))
  return miniSearch
}

/**
 * Parses the knowledge file (what a start reads) and builds the index; heap counts the parsed cards and the index,
 * as both stay in memory in the product.
 */
function buildSide<T>(
  json: string,
  build: (cards: PolicyCard[]) => T,
): { index: T; cards: PolicyCard[]; result: Omit<SideResult, 'samples' | 'cpu'> } {
  const before = heapAfterGc()
  const loadStarted = performance.now()
  const cards = JSON.parse(json) as PolicyCard[]
  const buildStarted = performance.now()
  const index = build(cards)
  const done = performance.now()
  return {
    index,
    cards,
    result: { buildMs: done - buildStarted, coldMs: done - loadStarted, heapMb: heapAfterGc() - before },
  }
}

/**
 * Search, build time, heap and cold start (load + build) at 1k, 10k and 50k synthetic cards (generated from the
 * real ones, deterministic seed), our index beside MiniSearch (BM25, same tokenizer) on the same cards in the same
 * run; questions alternate between the two so machine load hits both alike. Prints the growth per 10× cards.
 */
export async function runScaleBench(): Promise<BenchRow[]> {
  const real = loadCards()
  const synonyms = loadSynonyms()
  const questions = loadQuestions().map((question) => question.question)
  const rows: BenchRow[] = []
  const p99: Array<{
    cards: number
    ours: number
    mini: number
    oursCpu: number
    miniCpu: number
    oursBest: number
    miniBest: number
  }> = []
  for (const size of SIZES) {
    const json = JSON.stringify(syntheticCards(real, size.cards))
    const ours = buildSide(json, (cards) => createPolicyIndex(cards, { synonyms }))
    const mini = buildSide(json, (cards) => miniSearchOver(cards))
    const searches = {
      ours: (question: string) => ours.index.search(question, { limit: 5 }),
      mini: (question: string) => mini.index.search(normalizeForSearch(question)).slice(0, 5),
    }
    const { samples, cpu } = timeAlternating(searches, questions, size.repetitions)
    const row = (
      name: string,
      side: Omit<SideResult, 'samples' | 'cpu'>,
      sideSamples: number[],
      sideCpu: number[],
      baseline?: { side: Omit<SideResult, 'samples' | 'cpu'>; samples: number[]; cpu: number[] },
    ): BenchRow => ({
      name,
      values: {
        'p50 µs': percentile(sideSamples, 50).toFixed(0),
        'p99 µs': percentile(sideSamples, 99).toFixed(0),
        'CPU p99 µs': percentile(sideCpu, 99).toFixed(0),
        'p99 of best CPU µs': bestP99(sideCpu, questions.length).toFixed(0),
        'build ms': side.buildMs.toFixed(0),
        'cold start ms (load + build)': side.coldMs.toFixed(0),
        'heap MB': side.heapMb.toFixed(0),
        ...(baseline
          ? {
              'p99 ratio': (percentile(sideSamples, 99) / percentile(baseline.samples, 99)).toFixed(2),
              'CPU p99 ratio': (percentile(sideCpu, 99) / percentile(baseline.cpu, 99)).toFixed(2),
              'p99 of best CPU ratio': (
                bestP99(sideCpu, questions.length) / bestP99(baseline.cpu, questions.length)
              ).toFixed(2),
              'build ratio': (side.buildMs / baseline.side.buildMs).toFixed(2),
              'heap ratio': (side.heapMb / baseline.side.heapMb).toFixed(2),
            }
          : {}),
      },
    })
    rows.push(
      row(`${size.cards} cards: ours`, ours.result, samples.ours, cpu.ours, {
        side: mini.result,
        samples: samples.mini,
        cpu: cpu.mini,
      }),
    )
    rows.push(row(`${size.cards} cards: baseline MiniSearch`, mini.result, samples.mini, cpu.mini))
    p99.push({
      cards: size.cards,
      ours: percentile(samples.ours, 99),
      mini: percentile(samples.mini, 99),
      oursCpu: percentile(cpu.ours, 99),
      miniCpu: percentile(cpu.mini, 99),
      oursBest: bestP99(cpu.ours, questions.length),
      miniBest: bestP99(cpu.mini, questions.length),
    })
  }
  printTable(
    `Scale: synthetic cards, ${questions.length} questions (targets: p99, build ≤ MiniSearch; heap ≤ 2× MiniSearch)`,
    rows,
  )
  const growth: BenchRow[] = []
  for (let index = 1; index < p99.length; index += 1) {
    const from = p99[index - 1]!
    const to = p99[index]!
    // Growth per 10× cards: the ratio scaled to a factor of ten (10k → 50k is 5×).
    const exponent = 1 / Math.log10(to.cards / from.cards)
    growth.push({
      name: `${from.cards} → ${to.cards} cards`,
      values: {
        'ours: p99 growth per 10×': ((to.ours / from.ours) ** exponent).toFixed(2),
        'ours: CPU p99 growth per 10×': ((to.oursCpu / from.oursCpu) ** exponent).toFixed(2),
        'ours: p99-of-best-CPU growth per 10×': ((to.oursBest / from.oursBest) ** exponent).toFixed(2),
        'MiniSearch: p99 growth per 10×': ((to.mini / from.mini) ** exponent).toFixed(2),
        'MiniSearch: CPU p99 growth per 10×': ((to.miniCpu / from.miniCpu) ** exponent).toFixed(2),
        'MiniSearch: p99-of-best-CPU growth per 10×': ((to.miniBest / from.miniBest) ** exponent).toFixed(2),
      },
    })
  }
  printTable('Scale: growth of search p99 per 10× cards (target ≤ 3×)', growth)
  return [...rows, ...growth]
}
