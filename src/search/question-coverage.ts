import { stripStopPhrases } from './tokenizer.js'

const RUN = /[\p{Script=Han}]+|[a-z0-9]+(?:\.[0-9]+)?/gu

/** What coverage needs to know about the corpus and about one piece of card text. */
export interface CoverageContext {
  /** IDF of a character bigram (or Latin/digit word) in the corpus; undefined when the corpus never uses it. */
  idf(token: string): number | undefined
  /** The weight of a term the corpus never uses: the highest IDF there is. */
  unknownWeight: number
  /** Colloquial words whose formal synonym the card text holds (they count as covered). */
  synonymWords: readonly string[]
}

/**
 * Share (0–1) of a question that a piece of card text accounts for, on character bigrams whatever tokenizer
 * ranks the cards. Each character of the question weighs the IDF of the rarest corpus bigram that contains
 * it; characters only in bigrams the corpus never uses weigh `unknownWeight` (a word no card uses is the
 * strongest sign that the question is about something else). Working on characters, not bigrams, keeps junk
 * bigrams across word boundaries ("投入补贴" → "入补") from counting against a good match.
 */
export function questionCoverage(question: string, has: (token: string) => boolean, context: CoverageContext): number {
  return preparedCoverage(prepareCoverage(question, context), has, context.synonymWords)
}

/** A question cut into weighted units once, so many pieces of text can be measured against it cheaply. */
export interface PreparedQuestion {
  runs: Array<{ run: string; latin: boolean; units: Array<{ weight: number; tokens: string[] }> }>
}

/** The question's runs and each unit's weight and tokens (see questionCoverage); independent of the text. */
export function prepareCoverage(
  question: string,
  context: Pick<CoverageContext, 'idf' | 'unknownWeight'>,
): PreparedQuestion {
  return prepareStrippedCoverage(stripStopPhrases(question), context)
}

/** prepareCoverage of a question already through `stripStopPhrases` (a search strips it once for all its uses). */
export function prepareStrippedCoverage(
  stripped: string,
  context: Pick<CoverageContext, 'idf' | 'unknownWeight'>,
): PreparedQuestion {
  const runs: PreparedQuestion['runs'] = []
  for (const match of stripped.matchAll(RUN)) {
    const run = match[0]
    if (/^[a-z0-9]/u.test(run)) {
      runs.push({ run, latin: true, units: [{ weight: context.idf(run) ?? context.unknownWeight, tokens: [run] }] })
      continue
    }
    const units = []
    for (let index = 0; index < run.length; index += 1) {
      const around =
        run.length === 1
          ? [run]
          : [run.slice(Math.max(0, index - 1), index + 1), run.slice(index, index + 2)].filter(
              (token) => token.length === 2,
            )
      let weight = 0
      for (const token of around) weight = Math.max(weight, context.idf(token) ?? 0)
      if (weight === 0) weight = context.unknownWeight
      units.push({ weight, tokens: around })
    }
    runs.push({ run, latin: false, units })
  }
  return { runs }
}

/** questionCoverage of a prepared question. */
export function preparedCoverage(
  prepared: PreparedQuestion,
  has: (token: string) => boolean,
  synonymWords: readonly string[],
): number {
  let total = 0
  let covered = 0
  for (const { run, latin, units } of prepared.runs) {
    if (latin) {
      const weight = units[0]!.weight
      total += weight
      if (has(run) || synonymWords.includes(run)) covered += weight
      continue
    }
    const synonymCovered = synonymWords.length > 0 ? synonymPositions(run, synonymWords) : NO_POSITIONS
    for (let index = 0; index < units.length; index += 1) {
      const { weight, tokens } = units[index]!
      total += weight
      if (synonymCovered.has(index) || tokens.some(has)) covered += weight
    }
  }
  return total > 0 ? covered / total : 0
}

const NO_POSITIONS: ReadonlySet<number> = new Set()

function synonymPositions(run: string, words: readonly string[]): Set<number> {
  const positions = new Set<number>()
  for (const word of words) {
    for (let start = run.indexOf(word); start >= 0; start = run.indexOf(word, start + 1)) {
      for (let index = start; index < start + word.length; index += 1) positions.add(index)
    }
  }
  return positions
}

/** A card's text cut into sentences, as coverage reads it: which sentences hold a token, and the metadata's tokens. */
export interface CoverageText {
  sentenceCount: number
  /** Indices (ascending) of the sentences that hold the token. */
  sentencesOf(token: string): readonly number[] | undefined
  /** Whether the card's title and metadata hold the token (they belong to every passage). */
  inMeta(token: string): boolean
}

/** A synonym entry the question uses: its words in the question and the formal tokens that stand for them. */
export interface UsedSynonym {
  toTokens: readonly string[]
  words: readonly string[]
}

/**
 * The best preparedCoverage over the card's passages (the metadata plus three consecutive sentences: passage `w`
 * holds sentences w, w+1 and w+2; a card of fewer than three sentences is one passage), each passage with the
 * synonym words of the entries whose formal tokens it holds. Same figure as measuring passage by passage, computed
 * from where each token occurs: every unit adds its weight once to each passage that covers it, in unit order.
 */
export function bestPassageCoverage(
  prepared: PreparedQuestion,
  text: CoverageText,
  used: readonly UsedSynonym[],
): number {
  const tally = new PassageTally(Math.max(1, text.sentenceCount - 2))
  // Where each used entry counts: everywhere when the metadata holds one of its tokens, else its sentences.
  const entries = used.map((entry) => {
    const everywhere = entry.toTokens.some((token) => text.inMeta(token))
    const sentences = everywhere ? [] : entry.toTokens.flatMap((token) => text.sentencesOf(token) ?? [])
    return { words: entry.words, everywhere, sentences }
  })
  for (const { run, latin, units } of prepared.runs) {
    if (latin) {
      addUnit(tally, text, entries, units[0]!.weight, [run], (index) => entries[index]!.words.includes(run))
      continue
    }
    const positions = entries.map((entry) => (entries.length > 0 ? synonymPositions(run, entry.words) : NO_POSITIONS))
    for (let index = 0; index < units.length; index += 1) {
      const { weight, tokens } = units[index]!
      addUnit(tally, text, entries, weight, tokens, (entry) => positions[entry]!.has(index))
    }
  }
  return tally.best()
}

/** Scratch space of PassageTally (reused: coverage is computed synchronously, one card at a time). */
let coveredScratch = new Float64Array(64)
let stampScratch = new Int32Array(64)

/** Per passage (window of three sentences), the weight of the units it covers; each unit counts once per passage. */
class PassageTally {
  readonly #covered: Float64Array
  readonly #stamps: Int32Array
  #stamp = 0
  total = 0

  constructor(readonly windows: number) {
    if (coveredScratch.length < windows) {
      coveredScratch = new Float64Array(windows * 2)
      stampScratch = new Int32Array(windows * 2)
    }
    this.#covered = coveredScratch.fill(0, 0, windows)
    this.#stamps = stampScratch.fill(0, 0, windows)
  }

  /** Starts a unit of `weight`. */
  begin(weight: number): void {
    this.#stamp += 1
    this.total += weight
  }

  /** The current unit covers the passages holding `sentence`. */
  mark(weight: number, sentence: number): void {
    const high = Math.min(sentence, this.windows - 1)
    for (let window = Math.max(0, sentence - 2); window <= high; window += 1) this.#add(window, weight)
  }

  /** The current unit covers every passage. */
  markAll(weight: number): void {
    for (let window = 0; window < this.windows; window += 1) this.#add(window, weight)
  }

  #add(window: number, weight: number): void {
    if (this.#stamps[window] === this.#stamp) return
    this.#stamps[window] = this.#stamp
    this.#covered[window] += weight
  }

  best(): number {
    if (this.total <= 0) return 0
    let best = 0
    for (let window = 0; window < this.windows; window += 1) best = Math.max(best, this.#covered[window]! / this.total)
    return best
  }
}

/** One unit: its tokens' sentences, or everywhere when the metadata holds one; then the used entries covering it. */
function addUnit(
  tally: PassageTally,
  text: CoverageText,
  entries: ReadonlyArray<{ everywhere: boolean; sentences: readonly number[] }>,
  weight: number,
  tokens: readonly string[],
  covering: (entry: number) => boolean,
): void {
  tally.begin(weight)
  for (const token of tokens) {
    if (text.inMeta(token)) return tally.markAll(weight)
    for (const sentence of text.sentencesOf(token) ?? []) tally.mark(weight, sentence)
  }
  for (let index = 0; index < entries.length; index += 1) {
    if (!covering(index)) continue
    const entry = entries[index]!
    if (entry.everywhere) return tally.markAll(weight)
    for (const sentence of entry.sentences) tally.mark(weight, sentence)
  }
}
