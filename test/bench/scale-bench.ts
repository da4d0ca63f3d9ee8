import { fork } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { loadQuestions } from '../eval/evaluate.js'
import { percentile, printTable, type BenchRow } from './measure.js'
import type { ScaleSideBuilt, ScaleSideData, ScaleSideRound } from './scale-side.js'
import { syntheticCards } from './synthetic-cards.js'

/** Knowledge-base sizes, and how often each question is asked at that size (keeps the 50k run to minutes). */
const SIZES = [
  { cards: 1_000, repetitions: 10 },
  { cards: 10_000, repetitions: 3 },
  ...(process.env.SCALE_QUICK ? [] : [{ cards: 50_000, repetitions: 3 }]),
]

/**
 * p99 over the questions of each question's least time (CPU or wall) across the repetitions: what the slowest questions cost
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

type SideResult = ScaleSideBuilt

/** One side of the bench in its own process (scale-side.ts): its build figures and a way to time rounds. */
interface Side {
  built: ScaleSideBuilt
  round: () => Promise<ScaleSideRound>
  stop: () => void
}

async function startSide(data: ScaleSideData): Promise<Side> {
  const child = fork(new URL('./scale-side.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`the ${data.side} side exited (${code})`))
      child.once('exit', exited)
      child.once('message', (message) => {
        child.off('exit', exited)
        resolve(message as T)
      })
    })
  const built = next<ScaleSideBuilt>()
  child.send(data)
  return {
    built: await built,
    round: () => {
      const answered = next<ScaleSideRound>()
      child.send('round')
      return answered
    },
    stop: () => child.kill(),
  }
}

/**
 * Search, build time, heap and cold start (load + build) at 1k, 10k and 50k synthetic cards (generated from the
 * real ones, deterministic seed), our index beside MiniSearch (BM25, same tokenizer) on the same cards in the same
 * run. Each side runs in its own process, so with its own V8 heap and collector, as each would in a server: sharing one heap,
 * MiniSearch's garbage at 10k cards (megabytes a search) was collected during our searches and more than doubled
 * our p99 there. The sides take turns by rounds of every question (the order swapped each round), so machine load
 * hits both alike. Prints the growth per 10× cards.
 */
export async function runScaleBench(): Promise<BenchRow[]> {
  const real = loadCards()
  const directory = mkdtempSync(join(tmpdir(), 'scale-bench-'))
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
    oursBestWall: number
    miniBestWall: number
  }> = []
  for (const size of SIZES) {
    const cardsPath = join(directory, `cards-${size.cards}.json`)
    writeFileSync(cardsPath, JSON.stringify(syntheticCards(real, size.cards)))
    // Built one after the other (each alone on the machine), then timed in alternating rounds.
    const ours = await startSide({ side: 'ours', cardsPath, questions })
    const mini = await startSide({ side: 'mini', cardsPath, questions })
    const samples = { ours: [] as number[], mini: [] as number[] }
    const cpu = { ours: [] as number[], mini: [] as number[] }
    try {
      for (let round = 0; round < size.repetitions; round += 1)
        for (const [name, side] of round % 2 === 0
          ? ([
              ['ours', ours],
              ['mini', mini],
            ] as const)
          : ([
              ['mini', mini],
              ['ours', ours],
            ] as const)) {
          const timed = await side.round()
          samples[name].push(...timed.wall)
          cpu[name].push(...timed.cpu)
        }
    } finally {
      ours.stop()
      mini.stop()
      rmSync(cardsPath, { force: true })
    }
    const row = (
      name: string,
      side: SideResult,
      sideSamples: number[],
      sideCpu: number[],
      baseline?: { side: SideResult; samples: number[]; cpu: number[] },
    ): BenchRow => ({
      name,
      values: {
        'p50 µs': percentile(sideSamples, 50).toFixed(0),
        'p99 µs': percentile(sideSamples, 99).toFixed(0),
        'CPU p99 µs': percentile(sideCpu, 99).toFixed(0),
        'p99 of best CPU µs': bestP99(sideCpu, questions.length).toFixed(0),
        'p99 of best wall µs': bestP99(sideSamples, questions.length).toFixed(0),
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
              'p99 of best wall ratio': (
                bestP99(sideSamples, questions.length) / bestP99(baseline.samples, questions.length)
              ).toFixed(2),
              'build ratio': (side.buildMs / baseline.side.buildMs).toFixed(2),
              'heap ratio': (side.heapMb / baseline.side.heapMb).toFixed(2),
            }
          : {}),
      },
    })
    rows.push(
      row(`${size.cards} cards: ours`, ours.built, samples.ours, cpu.ours, {
        side: mini.built,
        samples: samples.mini,
        cpu: cpu.mini,
      }),
    )
    rows.push(row(`${size.cards} cards: baseline MiniSearch`, mini.built, samples.mini, cpu.mini))
    p99.push({
      cards: size.cards,
      ours: percentile(samples.ours, 99),
      mini: percentile(samples.mini, 99),
      oursCpu: percentile(cpu.ours, 99),
      miniCpu: percentile(cpu.mini, 99),
      oursBest: bestP99(cpu.ours, questions.length),
      miniBest: bestP99(cpu.mini, questions.length),
      oursBestWall: bestP99(samples.ours, questions.length),
      miniBestWall: bestP99(samples.mini, questions.length),
    })
  }
  rmSync(directory, { recursive: true, force: true })
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
        'ours: p99-of-best-wall growth per 10×': ((to.oursBestWall / from.oursBestWall) ** exponent).toFixed(2),
        'MiniSearch: p99 growth per 10×': ((to.mini / from.mini) ** exponent).toFixed(2),
        'MiniSearch: CPU p99 growth per 10×': ((to.miniCpu / from.miniCpu) ** exponent).toFixed(2),
        'MiniSearch: p99-of-best-CPU growth per 10×': ((to.miniBest / from.miniBest) ** exponent).toFixed(2),
        'MiniSearch: p99-of-best-wall growth per 10×': ((to.miniBestWall / from.miniBestWall) ** exponent).toFixed(2),
      },
    })
  }
  printTable('Scale: growth of search p99 per 10× cards (target ≤ 3×)', growth)
  return [...rows, ...growth]
}
