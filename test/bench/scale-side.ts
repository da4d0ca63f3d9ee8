import { readFileSync } from 'node:fs'
import type { PolicyCard } from '../../src/knowledge/card-schema.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { normalizeForSearch } from '../../src/search/tokenizer.js'
import { miniSearchOver } from '../eval/evaluate.js'
import { collectGarbage, heapAfterGc, timeCall } from './measure.js'

/** What the scale bench hands one side: which index to build, a file with the cards (the JSON a start reads) and the questions. */
export interface ScaleSideData {
  side: 'ours' | 'mini'
  cardsPath: string
  questions: string[]
}

/** What a side reports once built. */
export interface ScaleSideBuilt {
  buildMs: number
  coldMs: number
  heapMb: number
}

/** One round: wall and CPU µs of every question, in question order. */
export interface ScaleSideRound {
  wall: number[]
  cpu: number[]
}

/**
 * One side of the scale bench in its own process (forked with an IPC channel; the data comes as the first message),
 * so with its own heap and collector threads: the other side's garbage and collections (MiniSearch's searches at 10k
 * cards allocate megabytes each) never land in this side's timings. Builds the index, reports build time and heap,
 * answers every question once (JIT warm-up), then times a round of every question each time the bench asks.
 */
const send = (message: unknown) => process.send!(message)
const { side, cardsPath, questions } = await new Promise<ScaleSideData>((resolve) =>
  process.once('message', (message) => resolve(message as ScaleSideData)),
)
const json = readFileSync(cardsPath, 'utf8')
const synonyms = side === 'ours' ? loadSynonyms() : undefined
const before = heapAfterGc()
const loadStarted = performance.now()
const cards = JSON.parse(json) as PolicyCard[]
const buildStarted = performance.now()
const search: (question: string) => unknown =
  side === 'ours'
    ? (
        (index) => (question: string) =>
          index.search(question, { limit: 5 })
      )(createPolicyIndex(cards, { synonyms }))
    : (
        (index) => (question: string) =>
          index.search(normalizeForSearch(question)).slice(0, 5)
      )(miniSearchOver(cards))
const done = performance.now()
const built: ScaleSideBuilt = {
  buildMs: done - buildStarted,
  coldMs: done - loadStarted,
  heapMb: heapAfterGc() - before,
}
for (const question of questions) search(question)
send(built)
process.on('message', (message: 'round' | 'stop') => {
  if (message === 'stop') {
    process.disconnect()
    return
  }
  collectGarbage()
  const round: ScaleSideRound = { wall: [], cpu: [] }
  for (const question of questions) {
    const time = timeCall(() => search(question))
    round.wall.push(time.wall)
    round.cpu.push(time.cpu)
  }
  send(round)
})
