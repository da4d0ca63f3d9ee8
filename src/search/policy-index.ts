import type { PolicyCard } from '../knowledge/card-schema.js'
import type { SynonymMap } from './load-synonyms.js'
import { normalizeForSearch, stripStopPhrases, tokenize, tokenizeQuery } from './tokenizer.js'
import { bestSnippet, sentencesByToken, snippetSentences, type SnippetSentence } from './best-snippet.js'
import {
  bestPassageCoverage,
  prepareStrippedCoverage,
  type CoverageContext,
  type CoverageText,
} from './question-coverage.js'

export interface SearchHit {
  card: PolicyCard
  score: number
  /** The card sentence that best matches the question, quoted exactly (≤ 120 characters). */
  snippet: string
}

export interface SearchResult {
  hits: SearchHit[]
  /** false when nothing matches well enough to answer from: callers say "没有找到" instead of guessing. */
  confident: boolean
  /** Share of the question's (IDF-weighted) terms found in the top card, 0–1. */
  coverage: number
}

/** How text becomes terms; the default is character bigrams (`npm run eval` compares jieba). */
export interface Tokenizer {
  index(text: string): string[]
  query(question: string): string[]
}

export const BIGRAM_TOKENIZER: Tokenizer = { index: tokenize, query: tokenizeQuery }

export interface PolicyIndexOptions {
  tokenizer?: Tokenizer
  synonyms?: SynonymMap
  /** Minimum coverage for a confident answer (calibrated by `npm run eval`). */
  confidenceThreshold?: number
  /**
   * The term statistics of an index over the same cards with the same tokenizer ({@link PolicyIndex.toSnapshot}),
   * e.g. persisted by the build: the cards are then not tokenised again. Ignored when it does not fit the cards.
   */
  snapshot?: PolicyIndexSnapshot
}

/**
 * What the index derives from tokenising its cards, as plain data (structured-clone friendly: strings, arrays,
 * typed arrays), so a build can persist it and a start skip the tokenising. Postings are flat, as the index keeps
 * them: the term at `terms[i]` owns `positions[offsets[i] … offsets[i + 1]]` and the (title, body) count pairs
 * `counts[2 × offsets[i] … 2 × offsets[i + 1]]`.
 */
export interface PolicyIndexSnapshot {
  /** Ids of the indexed (non-duplicate) cards, in index order. */
  cardIds: string[]
  cards: Array<{
    titleTerms: string[]
    titleCounts: number[]
    titleLength: number
    bodyLength: number
    titleWeight: number
    titleText: string
    bodyText: string
  }>
  terms: string[]
  offsets: Int32Array
  positions: Int32Array
  counts: Int32Array
  /**
   * Per card (index order), the id of its body's Han text (`hanTextIds`): cards whose bodies have the same Han text
   * share one, so a Han phrase is searched in one of their bodies per query.
   */
  hanTextIds: Int32Array
}

/**
 * Minimum passage coverage for a confident answer. Calibrated by `npm run eval` on the tuning questions (best
 * balanced accuracy between answering answerable and refusing unanswerable questions, middle of the widest
 * tying range); the held-out questions are reported separately. Recalibrate when questions or stop phrases change.
 */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.47
const TITLE_WEIGHT = 3
const BODY_WEIGHT = 1
const SYNONYM_WEIGHT = 0.7
/**
 * The most candidates one term brings (its strongest cards): bounds a query's work as the knowledge base grows.
 * Above the size of today's knowledge base, so there every card holding a selective term is a candidate.
 */
const CANDIDATES_PER_TERM = 1000
/**
 * The most candidates a query scores: the selective terms bring theirs rarest term first, and once this many are in,
 * the rest only score them (the strongest of the term that fills it come first). Above the size of today's
 * knowledge base, where every card holding a selective term is a candidate; bounds a query's work as it grows.
 */
const CANDIDATE_BUDGET = 1000
/** The most bits of a card position sorted per pass of the candidates' radix sort. */
const RADIX_BITS = 11
/** Below this many candidates, the built-in sort is quicker than the radix sort's passes. */
const RADIX_MIN = 128
/** Values a card has in `#cardWeights` (padded from three to four: fewer cards' values straddle two cache lines). */
const CARD_WEIGHTS = 4
/**
 * Bounds are summed in another order than the scores they bound, so rounding can put a bound a few units in the last
 * place below its score: a bound is raised by this factor before it is compared (far above the rounding, far below
 * any score gap that matters).
 */
const BOUND_MARGIN = 1 + 1e-9
/** Cards whose sentences stay tokenised between queries. */
const PASSAGE_CACHE = 1024

interface Passages {
  sentences: SnippetSentence[]
  /** Per term, the sentences holding it (for the snippet). */
  byToken: Map<string, number[]>
  /** Character bigrams of the title and the document's metadata, shared by every passage of the card. */
  metaBigrams: ReadonlySet<string>
  /** The same as coverage reads it (made once with the passages, not per query). */
  coverageText: CoverageText
}
const K1 = 1.2
const B = 0.75

interface FieldStats {
  counts: Map<string, number>
  length: number
}

interface IndexedCard {
  card: PolicyCard
  title: FieldStats
  /** The body's length only: its counts live in the postings. */
  body: { length: number }
  /** BM25 length normalisation of each field, fixed once the averages are known. */
  titleNorm: number
  bodyNorm: number
  titleWeight: number
  titleText: string
  bodyText: string
}

interface WeightedPhrase {
  phrase: string
  /**
   * Han only: a card can hold the phrase only if it holds every bigram of it (checked in the bigrams' postings), so
   * the substring search runs only there.
   */
  hanOnly: boolean
  bigrams: string[]
  bigramIdf: number[]
  /** Per bigram, the bit of the query term it is (0 when it is not a term of the first 32): see `termBits`. */
  bigramBits: number[]
  /** The bits of all its bigrams when each is one of the first 32 terms, else undefined (holding is then unknown). */
  mask?: number
  /** Mean IDF of the phrase's bigrams. */
  idf: number
}

/** A synonym entry the question uses, with its words the question holds (in the entry's order). */
interface UsedEntry {
  entry: SynonymEntry
  words: string[]
}

type SynonymEntry = SynonymMap['entries'][number] & { toTokens: string[] }

interface QueryTerm {
  token: string
  weight: number
  /** IDF of the token, computed once per query. */
  idf: number
  /** The original question token this term stands for (itself, or the colloquial word a synonym replaces). */
  source: string
  /** Its postings: entries `start … end` of `#postings` (none when no card holds it); `end - start` is its document frequency. */
  start: number
  end: number
}

function fieldStats(text: string, tokenizer: Tokenizer): FieldStats {
  const counts = new Map<string, number>()
  const tokens = tokenizer.index(text)
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1)
  return { counts, length: tokens.length }
}

/** The title field of a card as indexed (the MiniSearch baseline indexes the same text). */
export function titleText(card: PolicyCard): string {
  return [card.title, card.subtitle, card.heading].filter(Boolean).join(' ')
}

/** The title and the document's metadata: what every passage of the card shares. */
function metaText(card: PolicyCard): string {
  return [
    card.title,
    card.subtitle,
    card.heading,
    card.documentTitle,
    card.issuer,
    card.docNumber,
    card.audience,
    card.toolType,
    card.timing,
    card.section,
  ]
    .filter(Boolean)
    .join('\n')
}

/** The body field of a card as indexed. */
export function bodyText(card: PolicyCard): string {
  return [
    card.content,
    card.requirements,
    card.process,
    card.contact,
    card.audience,
    card.toolType,
    card.documentTitle,
    card.issuer,
    card.docNumber,
    card.timing,
    card.section,
  ]
    .filter(Boolean)
    .join('\n')
}

/**
 * The policy card index: an inverted index (term → cards holding it in the title or body, custom Chinese
 * tokenizer) finds the candidates; BM25F ranks them term at a time, with query-time synonyms and phrase boosts.
 * Postings are flat typed arrays (the positions of all terms in one array, their counts in another) and the
 * per-candidate buffers are reused, so a query allocates little whatever the size.
 * A query's work is bounded as the knowledge base grows: at most CANDIDATE_BUDGET candidates (rarest terms first),
 * every term merged with them by galloping through the longer list, and phrase substring searches only for the
 * candidates whose cap (term score plus a bound of their boosts, from the terms they hold, added in the final
 * score's order so it is never below it) still ranks before the limit-th hit by score, then by card id.
 */
export class PolicyIndex {
  readonly #tokenizer: Tokenizer
  /**
   * The postings, flat: term `#termIds.get(token)` = t owns the entries `#offsets[t] … #offsets[t + 1]` (by card
   * position, ascending), entry `at` being the card position `#postings[3 at]` and its title and body counts
   * `#postings[3 at + 1]`, `#postings[3 at + 2]`: a posting's counts lie beside its position, so a merge that finds a
   * card reads its counts from the same cache line (with separate arrays, that read missed the cache per hit).
   */
  readonly #termIds = new Map<string, number>()
  #terms: string[] = []
  #offsets: Int32Array = new Int32Array(1)
  #postings: Int32Array = new Int32Array(0)
  /** Per card position, its rank by card id (`localeCompare` order): ties between equal scores, without the ids. */
  #idRanks = new Int32Array(0)
  /**
   * Per candidate of the current query (by position order): its term score, title weight and length norms (reused:
   * search is synchronous; CANDIDATE_BUDGET long).
   */
  #scores = new Float64Array(0)
  #candidateTitleWeights = new Float64Array(0)
  #candidateTitleNorms = new Float64Array(0)
  #candidateBodyNorms = new Float64Array(0)
  /** Per candidate, the most its final score can be (reused like the scores). */
  #caps = new Float64Array(0)
  /** The best values seen by `limitthLargest` (the most hits a query takes). */
  readonly #best = new Float64Array(50)
  /** Non-zero for the candidates scored first, by their caps (reused like the scores). */
  #chosen = new Uint8Array(0)
  /** Non-zero for the current query's candidates (reused like the scores). */
  #marks = new Uint8Array(0)
  /**
   * Per candidate of the current query, which of its first 32 terms the card holds (anywhere, and in the title):
   * bit i stands for terms[i]. They bound a card's phrase boosts before any substring search.
   */
  #termBits = new Int32Array(0)
  #titleBits = new Int32Array(0)
  /** For a term held by more than CANDIDATES_PER_TERM cards, the positions of its strongest ones. */
  readonly #strongest = new Map<string, Int32Array>()
  readonly #passageCache = new Map<IndexedCard, Passages>()
  readonly #cards: IndexedCard[] = []
  /**
   * Per card position p, its title weight and BM25 length normalisations side by side (one cache line for the three):
   * `#cardWeights[CARD_WEIGHTS p]`, `[… + 1]` (title), `[… + 2]` (body).
   */
  #cardWeights = new Float64Array(0)
  /** Per card position, its normalised title and body text (the phrase searches read only these). */
  #titleTexts: string[] = []
  #bodyTexts: string[] = []
  /**
   * Per card position, the id of its body's Han text (`hanTextIds`): a Han phrase is in a body exactly when it is in
   * the Han text, so cards sharing an id (district versions of one policy that differ in figures and dates) share
   * the answer, and a query searches one of their bodies. Per id, which of the current query's first 32 phrases were
   * searched and found (valid when its stamp is the query's): reused, reset lazily.
   */
  #hanTextIds: Int32Array = new Int32Array(0)
  #hanStamps = new Int32Array(0)
  #hanSearched = new Int32Array(0)
  #hanFound = new Int32Array(0)
  #queryStamp = 0
  /** The current query's candidates by position, ascending (reused). */
  #sortedCandidates = new Int32Array(0)
  /** Scratch space and digit counts of the candidates' radix sort (reused). */
  #sortScratch = new Int32Array(0)
  readonly #digitCounts = new Int32Array(1 << RADIX_BITS)
  readonly #byId = new Map<string, PolicyCard>()
  readonly #averageTitle: number
  readonly #averageBody: number
  readonly #synonyms: SynonymEntry[]
  readonly #phrases: string[]
  readonly #threshold: number
  /** Document frequency of character bigrams, for coverage (from the postings with the bigram tokenizer). */
  readonly #bigramFrequency: (token: string) => number | undefined
  readonly #coverageContext: Omit<CoverageContext, 'synonymWords'>

  constructor(cards: readonly PolicyCard[], options: PolicyIndexOptions = {}) {
    this.#tokenizer = options.tokenizer ?? BIGRAM_TOKENIZER
    const postings = new Map<string, number[]>()
    this.#synonyms = (options.synonyms?.entries ?? []).map((entry) => ({
      from: entry.from.map(normalizeForSearch),
      to: entry.to,
      typo: entry.typo,
      toTokens: entry.to.flatMap((target) => tokenize(target)),
    }))
    this.#phrases = (options.synonyms?.phrases ?? []).map(normalizeForSearch)
    this.#threshold = options.confidenceThreshold ?? DEFAULT_CONFIDENCE_THRESHOLD
    let titleTotal = 0
    let bodyTotal = 0
    const restored = options.snapshot && !options.tokenizer ? this.#restore(cards, options.snapshot) : undefined
    if (restored) ({ titleTotal, bodyTotal } = restored)
    // Tokenise the cards unless the snapshot gave their statistics.
    for (const card of restored ? [] : cards) {
      this.#byId.set(card.id, card)
      if (card.duplicateOf) continue
      const body = fieldStats(bodyText(card), this.#tokenizer)
      const position = this.#cards.length
      const indexed: IndexedCard = {
        card,
        title: fieldStats(titleText(card), this.#tokenizer),
        body: { length: body.length },
        titleNorm: 1,
        bodyNorm: 1,
        titleWeight: card.flags.includes('title-mismatch') ? BODY_WEIGHT : TITLE_WEIGHT,
        titleText: normalizeForSearch(titleText(card)),
        bodyText: normalizeForSearch(bodyText(card)),
      }
      this.#cards.push(indexed)
      titleTotal += indexed.title.length
      bodyTotal += indexed.body.length
      const post = (token: string, titleCount: number, bodyCount: number) => {
        const list = postings.get(token)
        if (list) list.push(position, titleCount, bodyCount)
        else postings.set(token, [position, titleCount, bodyCount])
      }
      for (const [token, bodyCount] of body.counts) post(token, indexed.title.counts.get(token) ?? 0, bodyCount)
      for (const [token, titleCount] of indexed.title.counts) if (!body.counts.has(token)) post(token, titleCount, 0)
    }
    this.#averageTitle = titleTotal / Math.max(1, this.#cards.length)
    this.#averageBody = bodyTotal / Math.max(1, this.#cards.length)
    for (const indexed of this.#cards) {
      indexed.titleNorm = 1 - B + (B * indexed.title.length) / Math.max(1, this.#averageTitle)
      indexed.bodyNorm = 1 - B + (B * indexed.body.length) / Math.max(1, this.#averageBody)
    }
    this.#cardWeights = new Float64Array(CARD_WEIGHTS * this.#cards.length)
    this.#cards.forEach((indexed, position) => {
      this.#cardWeights[CARD_WEIGHTS * position] = indexed.titleWeight
      this.#cardWeights[CARD_WEIGHTS * position + 1] = indexed.titleNorm
      this.#cardWeights[CARD_WEIGHTS * position + 2] = indexed.bodyNorm
    })
    this.#titleTexts = this.#cards.map((indexed) => indexed.titleText)
    this.#bodyTexts = this.#cards.map((indexed) => indexed.bodyText)
    if (!restored) this.#hanTextIds = hanTextIds(this.#bodyTexts)
    const hanTexts = this.#hanTextIds.reduce((largest, id) => Math.max(largest, id + 1), 0)
    this.#hanStamps = new Int32Array(hanTexts)
    this.#hanSearched = new Int32Array(hanTexts)
    this.#hanFound = new Int32Array(hanTexts)
    const budget = Math.min(this.#cards.length, CANDIDATE_BUDGET)
    this.#sortedCandidates = new Int32Array(budget)
    this.#sortScratch = new Int32Array(budget)
    this.#scores = new Float64Array(budget)
    this.#candidateTitleWeights = new Float64Array(budget)
    this.#candidateTitleNorms = new Float64Array(budget)
    this.#candidateBodyNorms = new Float64Array(budget)
    this.#caps = new Float64Array(budget)
    this.#chosen = new Uint8Array(budget)
    this.#termBits = new Int32Array(budget)
    this.#titleBits = new Int32Array(budget)
    if (!restored) this.#flatten(postings)
    this.#terms.forEach((token, term) => {
      const start = this.#offsets[term]
      const end = this.#offsets[term + 1]
      if (end - start <= CANDIDATES_PER_TERM) return
      // Its strongest cards by BM25F weight, then position: those above the CANDIDATES_PER_TERM-th largest weight,
      // then those at it by position (postings are ascending), sorted.
      const weights = new Float64Array(end - start)
      for (let at = start; at < end; at += 1)
        weights[at - start] = this.#weighted(
          this.#postings[3 * at],
          this.#postings[3 * at + 1],
          this.#postings[3 * at + 2],
        )
      const threshold = selectKth(Float64Array.from(weights), weights.length - CANDIDATES_PER_TERM)
      const chosen: number[] = []
      for (let index = 0; index < weights.length; index += 1) if (weights[index] > threshold) chosen.push(index)
      for (let index = 0; index < weights.length && chosen.length < CANDIDATES_PER_TERM; index += 1)
        if (weights[index] === threshold) chosen.push(index)
      chosen.sort((left, right) => weights[right] - weights[left] || left - right)
      this.#strongest.set(
        token,
        Int32Array.from(chosen, (index) => this.#postings[3 * (start + index)]),
      )
    })
    const byId = Array.from(this.#cards, (_, position) => position)
    const collator = new Intl.Collator()
    byId.sort((left, right) => collator.compare(this.#cards[left].card.id, this.#cards[right].card.id))
    this.#idRanks = new Int32Array(this.#cards.length)
    byId.forEach((position, rank) => {
      // Ids that compare equal share a rank, as they tie under localeCompare.
      const previous = byId[rank - 1]
      const tied = rank > 0 && collator.compare(this.#cards[previous].card.id, this.#cards[position].card.id) === 0
      this.#idRanks[position] = tied ? this.#idRanks[previous] : rank
    })
    this.#marks = new Uint8Array(this.#cards.length)
    this.#bigramFrequency = (token) => {
      const term = this.#termIds.get(token)
      return term === undefined ? undefined : this.#offsets[term + 1] - this.#offsets[term]
    }
    if (this.#tokenizer !== BIGRAM_TOKENIZER) {
      const bigramFrequency = new Map<string, number>()
      for (const { card } of this.#cards) {
        for (const token of new Set(tokenize(`${titleText(card)}\n${bodyText(card)}`)))
          bigramFrequency.set(token, (bigramFrequency.get(token) ?? 0) + 1)
      }
      this.#bigramFrequency = (token) => bigramFrequency.get(token)
    }
    const count = this.#cards.length
    const idfOf = (frequency: number) => Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5))
    this.#coverageContext = {
      idf: (token) => {
        const frequency = this.#bigramFrequency(token)
        return frequency === undefined ? undefined : idfOf(frequency)
      },
      unknownWeight: idfOf(0),
    }
  }

  /**
   * Takes the cards' term statistics from a snapshot instead of tokenising them; undefined (and nothing taken) when
   * the snapshot was made from other cards.
   */
  #restore(
    cards: readonly PolicyCard[],
    snapshot: PolicyIndexSnapshot,
  ): { titleTotal: number; bodyTotal: number } | undefined {
    const indexed = cards.filter((card) => !card.duplicateOf)
    if (
      indexed.length !== snapshot.cardIds.length ||
      snapshot.cards.length !== indexed.length ||
      indexed.some((card, position) => card.id !== snapshot.cardIds[position]) ||
      snapshot.offsets?.length !== snapshot.terms.length + 1 ||
      snapshot.positions?.length !== snapshot.offsets[snapshot.terms.length] ||
      snapshot.counts?.length !== 2 * snapshot.positions.length ||
      snapshot.hanTextIds?.length !== indexed.length ||
      snapshot.hanTextIds.some((id) => id < 0 || id >= indexed.length)
    )
      return undefined
    for (const card of cards) this.#byId.set(card.id, card)
    let titleTotal = 0
    let bodyTotal = 0
    indexed.forEach((card, position) => {
      const stored = snapshot.cards[position]
      const counts = new Map<string, number>()
      stored.titleTerms.forEach((term, at) => counts.set(term, stored.titleCounts[at]))
      this.#cards.push({
        card,
        title: { counts, length: stored.titleLength },
        body: { length: stored.bodyLength },
        titleNorm: 1,
        bodyNorm: 1,
        titleWeight: stored.titleWeight,
        titleText: stored.titleText,
        bodyText: stored.bodyText,
      })
      titleTotal += stored.titleLength
      bodyTotal += stored.bodyLength
    })
    this.#terms = snapshot.terms
    this.#terms.forEach((token, term) => this.#termIds.set(token, term))
    this.#offsets = snapshot.offsets
    this.#postings = new Int32Array(3 * snapshot.positions.length)
    for (let at = 0; at < snapshot.positions.length; at += 1) {
      this.#postings[3 * at] = snapshot.positions[at]
      this.#postings[3 * at + 1] = snapshot.counts[2 * at]
      this.#postings[3 * at + 2] = snapshot.counts[2 * at + 1]
    }
    this.#hanTextIds = snapshot.hanTextIds
    return { titleTotal, bodyTotal }
  }

  /** The postings built from the cards (position, title count, body count triples per term), made flat. */
  #flatten(postings: ReadonlyMap<string, readonly number[]>): void {
    this.#terms = [...postings.keys()]
    this.#offsets = new Int32Array(this.#terms.length + 1)
    this.#terms.forEach((token, term) => {
      this.#termIds.set(token, term)
      this.#offsets[term + 1] = this.#offsets[term] + postings.get(token)!.length / 3
    })
    this.#postings = new Int32Array(3 * this.#offsets[this.#terms.length])
    this.#terms.forEach((token, term) => {
      const list = postings.get(token)!
      for (let index = 0, at = this.#offsets[term]; index < list.length; index += 3, at += 1) {
        this.#postings[3 * at] = list[index]
        this.#postings[3 * at + 1] = list[index + 1]
        this.#postings[3 * at + 2] = list[index + 2]
      }
    })
  }

  /** The term statistics of the cards, for {@link PolicyIndexOptions.snapshot} (a persisted index). */
  toSnapshot(): PolicyIndexSnapshot {
    const size = this.#postings.length / 3
    const positions = new Int32Array(size)
    const counts = new Int32Array(2 * size)
    for (let at = 0; at < size; at += 1) {
      positions[at] = this.#postings[3 * at]
      counts[2 * at] = this.#postings[3 * at + 1]
      counts[2 * at + 1] = this.#postings[3 * at + 2]
    }
    return {
      cardIds: this.#cards.map((indexed) => indexed.card.id),
      cards: this.#cards.map((indexed) => ({
        titleTerms: [...indexed.title.counts.keys()],
        titleCounts: [...indexed.title.counts.values()],
        titleLength: indexed.title.length,
        bodyLength: indexed.body.length,
        titleWeight: indexed.titleWeight,
        titleText: indexed.titleText,
        bodyText: indexed.bodyText,
      })),
      terms: this.#terms,
      offsets: this.#offsets,
      positions,
      counts,
      hanTextIds: this.#hanTextIds,
    }
  }

  /** Number of indexed (non-duplicate) cards. */
  get size(): number {
    return this.#cards.length
  }

  get(id: string): PolicyCard | undefined {
    return this.#byId.get(id)
  }

  /** Cards holding the term (title or body). */
  #documentFrequency(token: string): number {
    const term = this.#termIds.get(token)
    return term === undefined ? 0 : this.#offsets[term + 1] - this.#offsets[term]
  }

  /** Which entries of `#postings` are the term's (none when no card holds it). */
  #range(token: string): { start: number; end: number } {
    const term = this.#termIds.get(token)
    return term === undefined ? { start: 0, end: 0 } : { start: this.#offsets[term], end: this.#offsets[term + 1] }
  }

  #idf(token: string): number {
    const frequency = this.#documentFrequency(token)
    return Math.log(1 + (this.#cards.length - frequency + 0.5) / (frequency + 0.5))
  }

  /** A query term with its postings looked up once (the scoring reads its range and frequency from it). */
  #queryTerm(token: string, weight: number, source: string): QueryTerm {
    const term = this.#termIds.get(token)
    const start = term === undefined ? 0 : this.#offsets[term]
    const end = term === undefined ? 0 : this.#offsets[term + 1]
    const frequency = end - start
    const idf = Math.log(1 + (this.#cards.length - frequency + 0.5) / (frequency + 0.5))
    return { token, weight, idf, source, start, end }
  }

  /** `used`: the synonym entries the question uses, with their words in it (see `#usedSynonyms`). */
  #queryTerms(question: string, stripped: string, used: readonly UsedEntry[]): QueryTerm[] {
    const terms = new Map<string, QueryTerm>()
    // The bigram tokenizer's query tokens are those of the stripped question (`tokenizeQuery`), stripped once.
    const tokens = this.#tokenizer === BIGRAM_TOKENIZER ? new Set(tokenize(stripped)) : this.#tokenizer.query(question)
    for (const token of tokens) terms.set(token, this.#queryTerm(token, 1, token))
    for (const { entry, words } of used) {
      const matched = words[0]
      // The bigram tokenizer's tokens of the targets, in order, are the entry's `toTokens` (made at load).
      const targetTokens =
        this.#tokenizer === BIGRAM_TOKENIZER
          ? entry.toTokens
          : entry.to.flatMap((target) => this.#tokenizer.index(target))
      for (const token of targetTokens)
        if (!terms.has(token))
          // A mistyped form (创新劵) is the word itself: its target counts in full, a synonym's at SYNONYM_WEIGHT.
          terms.set(token, this.#queryTerm(token, entry.typo ? 1 : SYNONYM_WEIGHT, matched))
    }
    return [...terms.values()]
  }

  /** The synonym entries whose words the normalised question holds, each with those words in entry order. */
  #usedSynonyms(normalized: string): UsedEntry[] {
    const used: UsedEntry[] = []
    for (const entry of this.#synonyms) {
      let words: string[] | undefined
      for (const word of entry.from) if (normalized.includes(word)) (words ??= []).push(word)
      if (words) used.push({ entry, words })
    }
    return used
  }

  /** Query runs worth a phrase boost: configured program names, document numbers, and 3+ character runs. */
  #phrasesOf(normalized: string, stripped: string, bitOf: ReadonlyMap<string, number>): WeightedPhrase[] {
    const phrases = this.#phrases.filter((phrase) => normalized.includes(phrase))
    const documentNumber = /[\p{Script=Han}]{1,6}[〔[(（]\d{4}[〕\])）]\d+号/u.exec(normalized)
    if (documentNumber) phrases.push(documentNumber[0].replace(/[[(（]/u, '〔').replace(/[\])）]/u, '〕'))
    for (const run of stripped.match(/[\p{Script=Han}]{3,}/gu) ?? []) phrases.push(run)
    return [...new Set(phrases)].map((phrase) => {
      const bigrams = tokenize(phrase).filter((token) => token.length === 2)
      const bigramIdf = bigrams.map((bigram) => this.#idf(bigram))
      const idf = bigramIdf.reduce((sum, value) => sum + value, 0) / Math.max(1, bigramIdf.length)
      const hanOnly = this.#tokenizer === BIGRAM_TOKENIZER && /^[\p{Script=Han}]{2,}$/u.test(phrase)
      const bigramBits = bigrams.map((bigram) => bitOf.get(bigram) ?? 0)
      const known = this.#tokenizer === BIGRAM_TOKENIZER && bigramBits.every((bit) => bit !== 0)
      const mask = known ? bigramBits.reduce((all, bit) => all | bit, 0) : undefined
      return { phrase, hanOnly, bigrams, bigramIdf, bigramBits, mask, idf }
    })
  }

  /**
   * Word order: the longest run of consecutive question bigrams that the title also holds ("融资租赁费用" →
   * "融资租赁" in 中关村融资租赁资金补贴) scores its IDF again, so a title naming the question's subject beats a body
   * that merely mentions the same words apart.
   */
  #titleStreakBoost(indexed: IndexedCard, runs: readonly WeightedPhrase[]): number {
    if (indexed.titleWeight !== TITLE_WEIGHT) return 0
    let best = 0
    for (const run of runs) {
      let streak = 0
      for (let index = 0; index < run.bigrams.length; index += 1) {
        const bigram = run.bigrams[index]
        if (indexed.title.counts.has(bigram)) {
          streak += run.bigramIdf[index]
          if (streak > best) best = streak
        } else {
          streak = 0
        }
      }
    }
    return best * 0.5
  }

  /** The BM25F-weighted count of a term in the card at `position` (the counts come with the posting). */
  #weighted(position: number, titleCount: number, bodyCount: number): number {
    return (
      (this.#cardWeights[CARD_WEIGHTS * position] * titleCount) / this.#cardWeights[CARD_WEIGHTS * position + 1] +
      (BODY_WEIGHT * bodyCount) / this.#cardWeights[CARD_WEIGHTS * position + 2]
    )
  }

  /**
   * Adds the cards one selective term brings to the candidates `into[0 … count]` when at most `room` more fit, and
   * marks them; returns the new count. All its cards not yet candidates when they fit; else the strongest of those
   * (by BM25F weight, then position), or of its precomputed strongest when it has them. Written in place: no list
   * per term.
   */
  #bring(term: QueryTerm, room: number, marks: Uint8Array, into: Int32Array, count: number): number {
    const strongest = this.#strongest.get(term.token)
    if (strongest) {
      const full = count + room
      for (let index = 0; index < strongest.length && count < full; index += 1) {
        const position = strongest[index]
        if (marks[position] !== 0) continue
        marks[position] = 1
        into[count++] = position
      }
      return count
    }
    const { start, end } = term
    const all = this.#postings
    let unmarked = 0
    for (let at = start; at < end; at += 1) if (marks[all[3 * at]] === 0) unmarked += 1
    if (unmarked <= room) {
      for (let at = start; at < end; at += 1) {
        const position = all[3 * at]
        if (marks[position] !== 0) continue
        marks[position] = 1
        into[count++] = position
      }
      return count
    }
    // The room-th largest weight: the cards above it, then those at it by position (postings are ascending).
    const positions: number[] = []
    const weights = new Float64Array(unmarked)
    for (let at = start; at < end; at += 1)
      if (marks[all[3 * at]] === 0) {
        weights[positions.length] = this.#weighted(all[3 * at], all[3 * at + 1], all[3 * at + 2])
        positions.push(all[3 * at])
      }
    const threshold = selectKth(Float64Array.from(weights), weights.length - room)
    const chosen = positions.filter((_, index) => weights[index] > threshold)
    for (let index = 0; index < positions.length && chosen.length < room; index += 1)
      if (weights[index] === threshold) chosen.push(positions[index])
    for (const position of chosen) {
      marks[position] = 1
      into[count++] = position
    }
    return count
  }

  /**
   * Adds the word-order and phrase boosts to a card's term score (in this order, as the scores are defined).
   * `held` and `titleHeld` are the card's term bits; `streak`, when known, is its title's word-order streak (from the
   * bits, when every phrase bigram is one of the first 32 terms).
   */
  #withPhrases(
    position: number,
    termScore: number,
    phrases: readonly WeightedPhrase[],
    bits: { held: number; titleHeld: number; streak: number | undefined },
  ): number {
    let score = termScore
    score += bits.streak !== undefined ? bits.streak * 0.5 : this.#titleStreakBoost(this.#cards[position], phrases)
    for (let index = 0; index < phrases.length; index += 1) {
      const phrase = phrases[index]
      if (this.#mayHold(phrase, position, bits.titleHeld, true) && this.#titleTexts[position].includes(phrase.phrase))
        score += phrase.idf * (this.#cardWeights[CARD_WEIGHTS * position] === TITLE_WEIGHT ? 1.5 : 0.5)
      else if (this.#mayHold(phrase, position, bits.held, false) && this.#bodyHolds(phrase, index, position))
        score += phrase.idf * 0.4
    }
    return score
  }

  /**
   * Whether the body at `position` holds the phrase (the `index`-th of the query's): a Han phrase's answer is kept
   * per Han text for the query, so the cards sharing one search a single body.
   */
  #bodyHolds(phrase: WeightedPhrase, index: number, position: number): boolean {
    if (!phrase.hanOnly || index >= 32) return this.#bodyTexts[position].includes(phrase.phrase)
    const id = this.#hanTextIds[position]
    const bit = 1 << index
    if (this.#hanStamps[id] !== this.#queryStamp) {
      this.#hanStamps[id] = this.#queryStamp
      this.#hanSearched[id] = 0
      this.#hanFound[id] = 0
    } else if ((this.#hanSearched[id] & bit) !== 0) return (this.#hanFound[id] & bit) !== 0
    const found = this.#bodyTexts[position].includes(phrase.phrase)
    this.#hanSearched[id] |= bit
    if (found) this.#hanFound[id] |= bit
    return found
  }

  /**
   * False when the card (or its title) surely lacks the phrase: a Han phrase needs all its bigrams, read from the
   * card's term bits when they are all query terms, else looked up in their postings; true when it may hold it.
   */
  #mayHold(phrase: WeightedPhrase, position: number, held: number, inTitle: boolean): boolean {
    if (!phrase.hanOnly) return true
    if (phrase.mask !== undefined) return (held & phrase.mask) === phrase.mask
    for (const bigram of phrase.bigrams) {
      const { start, end } = this.#range(bigram)
      const at = gallop(this.#postings, start, end, position, 3)
      if (at === end || this.#postings[3 * at] !== position || (inTitle && this.#postings[3 * at + 1] === 0))
        return false
    }
    return true
  }

  /**
   * An upper bound of the score `#withPhrases` gives a candidate, from the query terms it holds (`termBits`,
   * `titleBits`): the word-order streak exactly, each phrase at the most its holding allows. No substring search.
   * The boosts are added to the term score in the order `#withPhrases` adds them, each at least the one it bounds:
   * rounded addition is monotone, so the cap is never below the final score, and equal to it when every boost is.
   */
  #cap(
    fullTitle: boolean,
    termScore: number,
    phrases: readonly WeightedPhrase[],
    held: number,
    titleHeld: number,
    streaks: Map<number, number>,
  ): number {
    let streakBest = 0
    const known = fullTitle ? streaks.get(titleHeld) : 0
    if (known !== undefined) streakBest = known
    else {
      for (const run of phrases) {
        let streak = 0
        for (let index = 0; index < run.bigrams.length; index += 1) {
          const bit = run.bigramBits[index]
          if (bit === 0 || (titleHeld & bit) !== 0) {
            streak += run.bigramIdf[index]
            if (streak > streakBest) streakBest = streak
          } else {
            streak = 0
          }
        }
      }
      streaks.set(titleHeld, streakBest)
    }
    let cap = termScore
    cap += streakBest * 0.5
    const titleFactor = fullTitle ? 1.5 : 0.5
    for (const phrase of phrases) {
      if (!phrase.hanOnly || phrase.mask === undefined) cap += phrase.idf * 1.5
      else if ((titleHeld & phrase.mask) === phrase.mask) cap += phrase.idf * titleFactor
      else if ((held & phrase.mask) === phrase.mask) cap += phrase.idf * 0.4
    }
    return cap
  }

  /**
   * The card's sentences and metadata bigrams (for snippets and coverage), made when a card is among the hits and
   * kept for the most recent cards only: memory stays proportional to the index, not to every sentence's terms.
   */
  #passages(indexed: IndexedCard): Passages {
    const cached = this.#passageCache.get(indexed)
    if (cached) {
      this.#passageCache.delete(indexed)
      this.#passageCache.set(indexed, cached)
      return cached
    }
    const sentences = snippetSentences(indexed.card)
    const byToken = sentencesByToken(sentences)
    const metaBigrams = new Set(tokenize(metaText(indexed.card)))
    const passages: Passages = {
      sentences,
      byToken,
      metaBigrams,
      coverageText: {
        sentenceCount: sentences.length,
        sentencesOf: (token) => byToken.get(token),
        inMeta: (token) => metaBigrams.has(token),
      },
    }
    this.#passageCache.set(indexed, passages)
    if (this.#passageCache.size > PASSAGE_CACHE) this.#passageCache.delete(this.#passageCache.keys().next().value!)
    return passages
  }

  /**
   * How much of the question one passage of the card accounts for, at best: a passage is the title and the
   * document's metadata plus three consecutive sentences. Asking for the words to meet in one passage, not
   * anywhere in a long card, keeps an omnibus card from "covering" an unrelated question word by word.
   */
  /** `used`: the synonym entries the question uses (`#usedSynonyms`): only they can add synonym words. */
  #coverage(stripped: string, indexed: IndexedCard, used: readonly UsedEntry[]): number {
    const prepared = prepareStrippedCoverage(stripped, this.#coverageContext)
    const synonyms = used.map(({ entry, words }) => ({ toTokens: entry.toTokens, words }))
    return bestPassageCoverage(prepared, this.#passages(indexed).coverageText, synonyms)
  }

  /** The coverage of a question by a given card (used to give a baseline the same no-answer rule). */
  coverageFor(question: string, cardId: string): number {
    const indexed = this.#cards.find((entry) => entry.card.id === cardId)
    if (!indexed) return 0
    return this.#coverage(stripStopPhrases(question), indexed, this.#usedSynonyms(normalizeForSearch(question)))
  }

  /** Adds the term at posting `at` to the candidate `next`'s score and bits (the BM25F weighting of `#weighted`). */
  #addTerm(next: number, at: number, factor: number, bit: number): void {
    const titleCount = this.#postings[3 * at + 1]
    const bodyCount = this.#postings[3 * at + 2]
    // A zero count's division is skipped: it adds +0, so the sum is the same to the last bit.
    const fromTitle =
      titleCount === 0 ? 0 : (this.#candidateTitleWeights[next] * titleCount) / this.#candidateTitleNorms[next]
    const weighted =
      bodyCount === 0 ? fromTitle : fromTitle + (BODY_WEIGHT * bodyCount) / this.#candidateBodyNorms[next]
    this.#scores[next] += factor * ((weighted * (K1 + 1)) / (weighted + K1))
    this.#termBits[next] |= bit
    if (titleCount > 0) this.#titleBits[next] |= bit
  }

  /**
   * The hit's snippet for the query's terms (their IDFs computed with them). `held`: the hit's term bits. With the
   * bigram tokenizer every sentence token is a body term, so a term the card does not hold is in none of its
   * sentences and is not looked up; other tokenizers look every term up.
   */
  #snippetOf(indexed: IndexedCard, terms: readonly QueryTerm[], held: number): string {
    const { sentences, byToken } = this.#passages(indexed)
    return bestSnippet(indexed.card, sentences, byToken, terms, this.#tokenizer === BIGRAM_TOKENIZER ? held : -1)
  }

  search(question: string, options: { limit?: number } = {}): SearchResult {
    const limit = Math.min(Math.max(options.limit ?? 5, 1), 50)
    const normalized = normalizeForSearch(question)
    const stripped = stripStopPhrases(question)
    const used = this.#usedSynonyms(normalized)
    const terms = this.#queryTerms(question, stripped, used)
    if (terms.length === 0) return { hits: [], confident: false, coverage: 0 }
    const common = this.#cards.length * 0.25
    const selective = terms.filter((term) => term.end - term.start <= common)
    const marks = this.#marks
    // Candidates: cards holding a selective term (every term when none is selective); then every term is scored
    // term at a time over its postings, in the terms' order (the same sums as scoring each card over all terms).
    // The rarest terms bring theirs first; once CANDIDATE_BUDGET are in, the other terms only score them.
    const bringing = (selective.length > 0 ? selective : terms)
      .map((term, order) => ({ term, order, frequency: term.end - term.start }))
      .sort((left, right) => left.frequency - right.frequency || left.order - right.order)
    // The candidates, then sorted by position (`sorted` below).
    const candidates = this.#sortedCandidates
    let count = 0
    for (const { term } of bringing) {
      const room = CANDIDATE_BUDGET - count
      if (room <= 0) break
      count = this.#bring(term, room, marks, candidates, count)
    }
    // Bit i of a candidate's termBits: it holds terms[i] (the first 32 terms; the phrases' bounds use them).
    const bitOf = new Map<string, number>()
    terms.slice(0, 32).forEach((term, index) => bitOf.set(term.token, 1 << index))
    const phrases = this.#phrasesOf(normalized, stripped, bitOf)
    // A new stamp: the Han texts' phrase answers of earlier queries no longer count (all reset when it wraps).
    this.#queryStamp = (this.#queryStamp + 1) | 0
    if (this.#queryStamp === 0) {
      this.#hanStamps.fill(0)
      this.#queryStamp = 1
    }
    // A title that holds none of the phrases' bigrams gets no word-order boost: when every such bigram is a query
    // term, the title bits tell which titles hold one, and the others skip that computation.
    const streakBits = phrases.reduce((all, phrase) => all | (phrase.mask ?? 0), 0)
    const titleMarks = phrases.every((phrase) => phrase.mask !== undefined)
    // The candidates by position, ascending; what the scoring keeps per candidate is kept in this order, in small
    // reused arrays (their title weights and length norms copied, so the loops below touch no per-card array).
    const sorted = candidates.subarray(0, count)
    sortPositions(sorted, this.#sortScratch, this.#digitCounts, this.#cards.length - 1)
    const scores = this.#scores.fill(0, 0, count)
    const termBits = this.#termBits.fill(0, 0, count)
    const titleBits = this.#titleBits.fill(0, 0, count)
    const titleWeights = this.#candidateTitleWeights
    const titleNorms = this.#candidateTitleNorms
    const bodyNorms = this.#candidateBodyNorms
    const cardWeights = this.#cardWeights
    for (let next = 0; next < count; next += 1) {
      const position = sorted[next]
      marks[position] = 0
      titleWeights[next] = cardWeights[CARD_WEIGHTS * position]
      titleNorms[next] = cardWeights[CARD_WEIGHTS * position + 1]
      bodyNorms[next] = cardWeights[CARD_WEIGHTS * position + 2]
    }
    // Every term is scored over the candidates, term at a time in the terms' order (the same sums as scoring each
    // card over all terms): a merge of the sorted candidates with the term's postings, galloping through the longer
    // list, so a common term costs about candidates × log(its cards / candidates), a rare one its cards × log.
    const postings = this.#postings
    for (let index = 0; index < terms.length; index += 1) {
      const { start, end, weight, idf } = terms[index]
      const bit = index < 32 ? 1 << index : 0
      const factor = weight * idf
      if (end - start >= count) {
        for (let next = 0, at = start; next < count; next += 1) {
          at = gallop(postings, at, end, sorted[next], 3)
          if (at === end) break
          if (postings[3 * at] !== sorted[next]) continue
          this.#addTerm(next, at, factor, bit)
          at += 1
        }
      } else {
        for (let at = start, next = 0; at < end; at += 1) {
          next = gallop(sorted, next, count, postings[3 * at])
          if (next === count) break
          if (sorted[next] !== postings[3 * at]) continue
          this.#addTerm(next, at, factor, bit)
          next += 1
        }
      }
    }
    // Each candidate's term score plus a bound of its boosts (from the terms it holds) caps its final score: the
    // candidates with the best caps are scored first, and a candidate whose cap falls below the limit-th final score
    // (or equals it with an id ranked after that hit's) cannot enter the hits, so its phrases are never searched.
    // Exact: the same hits and scores as scoring them all.
    const caps = this.#caps
    // The streak bound depends only on which terms the title holds: computed once per such set.
    const streaks = new Map<number, number>()
    // Boosts only add, so the limit-th best term score is a lower bound of the limit-th final score: a candidate
    // whose term score plus the most any card's boosts can add (every term held, in a full-weight title) is below it
    // cannot enter the hits, and its cap is not computed (-Infinity: never scored). The bound is added in another
    // order than the cap, so it is raised by BOUND_MARGIN before the comparison.
    const floor = limitthLargest(scores, count, limit, this.#best) / BOUND_MARGIN
    const allBits = terms.length >= 32 ? -1 : (1 << terms.length) - 1
    const boostMost = this.#cap(true, 0, phrases, allBits, allBits, streaks)
    for (let next = 0; next < count; next += 1)
      caps[next] =
        (scores[next] + boostMost) * BOUND_MARGIN < floor
          ? -Infinity
          : this.#cap(
              titleWeights[next] === TITLE_WEIGHT,
              scores[next],
              phrases,
              termBits[next],
              titleBits[next],
              streaks,
            )
    // The best matches so far, in rank order (at most `limit`): the last one's score is the cutoff.
    const idRanks = this.#idRanks
    const matches: Array<{ position: number; score: number; rank: number; held: number }> = []
    // First the `limit` candidates with the highest caps (a small sorted selection), which sets the cutoff; then
    // every other candidate whose cap reaches it: its cap ranks before the limit-th match (by score, then id).
    const first: number[] = []
    for (let index = 0; index < count; index += 1) {
      if (first.length === limit) {
        if (caps[index] <= caps[first[limit - 1]]) continue
        first.pop()
      }
      let at = first.length
      first.push(index)
      while (at > 0 && caps[first[at - 1]] < caps[index]) {
        first[at] = first[at - 1]
        at -= 1
      }
      first[at] = index
    }
    const chosen = this.#chosen
    for (const index of first) chosen[index] = 1
    for (let step = 0; step < first.length + count; step += 1) {
      const next = step < first.length ? first[step] : step - first.length
      if (step >= first.length) {
        if (chosen[next] !== 0) continue
        if (matches.length >= limit) {
          const last = matches[limit - 1]
          const cap = caps[next]
          if (cap !== last.score ? !(cap > last.score) : !(idRanks[sorted[next]] < last.rank)) continue
        }
      }
      // Scores the candidate and keeps it among the best matches when it ranks before the last.
      const position = sorted[next]
      const held = termBits[next]
      const titleHeld = titleBits[next]
      // With every phrase bigram among the term bits, the streak is the one its cap was computed with.
      const streak = !titleMarks
        ? undefined
        : titleWeights[next] === TITLE_WEIGHT && (titleHeld & streakBits) !== 0
          ? streaks.get(titleHeld)!
          : 0
      const score = this.#withPhrases(position, scores[next], phrases, { held, titleHeld, streak })
      if (!(score > 0)) continue
      const match = { position, score, rank: idRanks[position], held }
      if (matches.length === limit && byRank(match, matches[limit - 1]) >= 0) continue
      let at = matches.length === limit ? limit - 1 : matches.length
      while (at > 0 && byRank(match, matches[at - 1]) < 0) {
        matches[at] = matches[at - 1]
        at -= 1
      }
      matches[at] = match
    }
    for (const index of first) chosen[index] = 0
    const scored = matches.map((match) => ({
      indexed: this.#cards[match.position],
      score: match.score,
      held: match.held,
    }))

    const coverage = scored[0] ? this.#coverage(stripped, scored[0].indexed, used) : 0
    const index = this
    return {
      // A snippet is made when it is read (the dialogue reads the cards, the search route the snippets), then kept.
      hits: scored.map((entry) => {
        let snippet: string | undefined
        return {
          card: entry.indexed.card,
          score: Math.round(entry.score * 1000) / 1000,
          get snippet(): string {
            return (snippet ??= index.#snippetOf(entry.indexed, terms, entry.held))
          },
        }
      }),
      confident: coverage >= this.#threshold,
      coverage: Math.round(coverage * 1000) / 1000,
    }
  }
}

/**
 * Every Han character is at or above U+2E80 (CJK radicals): a text's Han text keeps the code units from there up and
 * marks each run of the others (figures, dates, Latin, ASCII punctuation) by one separator. A Han-only phrase lies
 * inside one run of kept units, so it occurs in a text exactly when it occurs in its Han text; keeping more than the
 * Han characters only makes equal Han texts rarer, never wrong.
 */
const HAN_FLOOR = 0x2e80
const SEPARATOR = 0x7c

/** A hash (FNV-1a) of the text's Han text, read in place. */
function hanTextHash(text: string): number {
  let hash = 0x811c9dc5 | 0
  let gap = false
  for (let at = 0; at < text.length; at += 1) {
    const unit = text.charCodeAt(at)
    if (unit < HAN_FLOOR) {
      gap = true
      continue
    }
    if (gap) hash = Math.imul(hash ^ SEPARATOR, 0x01000193)
    gap = false
    hash = Math.imul(hash ^ unit, 0x01000193)
  }
  return gap ? Math.imul(hash ^ SEPARATOR, 0x01000193) : hash
}

/** Whether two texts have the same Han text, compared in place. */
function sameHanText(left: string, right: string): boolean {
  for (let from = 0, to = 0; ; from += 1, to += 1) {
    const leftGap = from < left.length && left.charCodeAt(from) < HAN_FLOOR
    const rightGap = to < right.length && right.charCodeAt(to) < HAN_FLOOR
    if (leftGap !== rightGap) return false
    while (from < left.length && left.charCodeAt(from) < HAN_FLOOR) from += 1
    while (to < right.length && right.charCodeAt(to) < HAN_FLOOR) to += 1
    if (from === left.length || to === right.length) return from === left.length && to === right.length
    if (left.charCodeAt(from) !== right.charCodeAt(to)) return false
  }
}

/** Per text, the id of its Han text (ids 0, 1 … in order of first use): equal Han texts get one id. */
function hanTextIds(texts: readonly string[]): Int32Array {
  const ids = new Int32Array(texts.length)
  // Per hash, the first text of each Han text with that hash.
  const firsts = new Map<number, number[]>()
  let next = 0
  texts.forEach((text, position) => {
    const hash = hanTextHash(text)
    const bucket = firsts.get(hash)
    const first = bucket?.find((other) => sameHanText(texts[other], text))
    if (first !== undefined) {
      ids[position] = ids[first]
      return
    }
    ids[position] = next++
    if (bucket) bucket.push(position)
    else firsts.set(hash, [position])
  })
  return ids
}

/** Hits in rank order: higher score first, then card id (its rank in `localeCompare` order). */
function byRank(left: { score: number; rank: number }, right: { score: number; rank: number }): number {
  return right.score - left.score || left.rank - right.rank
}

/**
 * Sorts card positions (0 … largest) ascending: a least-significant-digit radix sort, at most RADIX_BITS a pass
 * (the position's bits shared evenly between the passes, so the digit counts to clear and sum stay small), so a
 * thousand candidates take one or two linear passes where a comparison sort takes ten thousand comparisons.
 */
function sortPositions(values: Int32Array, scratch: Int32Array, counts: Int32Array, largest: number): void {
  if (values.length < RADIX_MIN) {
    values.sort()
    return
  }
  let from = values
  let to = scratch.subarray(0, values.length)
  const bits = 32 - Math.clz32(largest)
  const digitBits = Math.ceil(bits / Math.max(1, Math.ceil(bits / RADIX_BITS)))
  const mask = (1 << digitBits) - 1
  for (let shift = 0; shift < bits; shift += digitBits) {
    counts.fill(0, 0, mask + 1)
    for (let index = 0; index < from.length; index += 1) counts[(from[index] >>> shift) & mask] += 1
    for (let digit = 0, total = 0; digit <= mask; digit += 1) {
      const size = counts[digit]
      counts[digit] = total
      total += size
    }
    for (let index = 0; index < from.length; index += 1) to[counts[(from[index] >>> shift) & mask]++] = from[index]
    const sortedSoFar = to
    to = from
    from = sortedSoFar
  }
  if (from !== values) values.set(from)
}

/** The limit-th largest of `values[0 … count]` (-Infinity when there are fewer); `best` is scratch, ≥ limit long. */
function limitthLargest(values: Float64Array, count: number, limit: number, best: Float64Array): number {
  let filled = 0
  for (let index = 0; index < count; index += 1) {
    const value = values[index]
    if (filled === limit && !(value > best[limit - 1])) continue
    let at = filled === limit ? limit - 1 : filled++
    while (at > 0 && best[at - 1] < value) {
      best[at] = best[at - 1]
      at -= 1
    }
    best[at] = value
  }
  return filled === limit ? best[limit - 1] : -Infinity
}

/**
 * The value at `k` of the values sorted ascending (quickselect with a three-way partition, so equal values cost no
 * extra rounds); reorders `values`.
 */
function selectKth(values: Float64Array, k: number): number {
  let low = 0
  let high = values.length - 1
  while (low < high) {
    const first = values[low]
    const middle = values[(low + high) >> 1]
    const last = values[high]
    const pivot = Math.max(Math.min(first, middle), Math.min(Math.max(first, middle), last))
    let below = low
    let at = low
    let above = high
    while (at <= above) {
      const value = values[at]
      if (value < pivot) {
        values[at++] = values[below]
        values[below++] = value
      } else if (value > pivot) {
        values[at] = values[above]
        values[above--] = value
      } else at += 1
    }
    if (k < below) high = below - 1
    else if (k > above) low = above + 1
    else return pivot
  }
  return values[k]
}

/**
 * The first index in [low, end) whose value is ≥ `value` (end when none) in ascending `values`: galloping from low
 * (steps 1, 2, 4 …) to a bracket, then bisecting it, so the cost grows with the log of the distance skipped. With a
 * `stride`, entry i's value is `values[stride i]` (the card positions of the interleaved postings).
 */
function gallop(values: Int32Array, low: number, end: number, value: number, stride = 1): number {
  if (low >= end || values[stride * low] >= value) return low
  let step = 1
  let high = low + 1
  while (high < end && values[stride * high] < value) {
    low = high
    step *= 2
    high = low + step
  }
  if (high > end) high = end
  while (low + 1 < high) {
    const middle = (low + high) >> 1
    if (values[stride * middle] < value) low = middle
    else high = middle
  }
  return high
}

/** Builds the index over the cards (duplicates are kept for `get` but not indexed). */
export function createPolicyIndex(cards: readonly PolicyCard[], options: PolicyIndexOptions = {}): PolicyIndex {
  return new PolicyIndex(cards, options)
}
