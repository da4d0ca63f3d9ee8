import { Index } from 'flexsearch'
import type { PolicyCard } from '../knowledge/card-schema.js'
import type { SynonymMap } from './load-synonyms.js'
import { normalizeForSearch, stripStopPhrases, tokenize, tokenizeQuery } from './tokenizer.js'
import { bestSnippet, snippetSentences, type SnippetSentence } from './best-snippet.js'
import { prepareCoverage, preparedCoverage, type CoverageContext } from './question-coverage.js'

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
const K1 = 1.2
const B = 0.75
const CANDIDATES_PER_TERM = 400

interface FieldStats {
  counts: Map<string, number>
  length: number
}

interface IndexedCard {
  card: PolicyCard
  title: FieldStats
  body: FieldStats
  /** BM25 length normalisation of each field, fixed once the averages are known. */
  titleNorm: number
  bodyNorm: number
  titleWeight: number
  titleText: string
  bodyText: string
  sentences: SnippetSentence[]
  /** Character bigrams of the title and the document's metadata, shared by every passage of the card. */
  metaBigrams: ReadonlySet<string>
}

interface WeightedPhrase {
  phrase: string
  /** Han only: text can hold the phrase only if its terms hold every bigram (a cheap test before `includes`). */
  hanOnly: boolean
  bigrams: string[]
  bigramIdf: number[]
  /** Mean IDF of the phrase's bigrams. */
  idf: number
}

interface QueryTerm {
  token: string
  weight: number
  /** IDF of the token, computed once per query. */
  idf: number
  /** The original question token this term stands for (itself, or the colloquial word a synonym replaces). */
  source: string
}

function fieldStats(text: string, tokenizer: Tokenizer): FieldStats {
  const counts = new Map<string, number>()
  const tokens = tokenizer.index(text)
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1)
  return { counts, length: tokens.length }
}

function titleText(card: PolicyCard): string {
  return [card.title, card.subtitle, card.heading].filter(Boolean).join(' ')
}

/** The title and the document's metadata: what every passage of the card shares. */
function metaText(card: PolicyCard): string {
  return [card.title, card.subtitle, card.heading, card.documentTitle, card.issuer, card.docNumber, card.audience, card.toolType, card.timing, card.section].filter(Boolean).join('\n')
}

function bodyText(card: PolicyCard): string {
  return [card.content, card.requirements, card.process, card.audience, card.toolType, card.documentTitle, card.issuer, card.docNumber, card.timing, card.section]
    .filter(Boolean)
    .join('\n')
}

/**
 * The policy card index: flexsearch inverted indexes (one for titles, one for bodies, custom Chinese
 * tokenizer) find the candidates; BM25F in app code ranks them, with query-time synonyms and phrase boosts.
 */
export class PolicyIndex {
  readonly #tokenizer: Tokenizer
  readonly #titleIndex: Index
  readonly #bodyIndex: Index
  readonly #cards: IndexedCard[] = []
  readonly #byId = new Map<string, PolicyCard>()
  readonly #documentFrequency = new Map<string, number>()
  readonly #averageTitle: number
  readonly #averageBody: number
  readonly #synonyms: Array<SynonymMap['entries'][number] & { toTokens: string[] }>
  readonly #phrases: string[]
  readonly #threshold: number
  /** Document frequency of character bigrams, for coverage (the same map as #documentFrequency for bigrams). */
  readonly #bigramFrequency: Map<string, number>
  readonly #coverageContext: Omit<CoverageContext, 'synonymWords'>

  constructor(cards: readonly PolicyCard[], options: PolicyIndexOptions = {}) {
    this.#tokenizer = options.tokenizer ?? BIGRAM_TOKENIZER
    const encode = (text: string) => this.#tokenizer.index(text)
    this.#titleIndex = new Index({ tokenize: 'strict', encode })
    this.#bodyIndex = new Index({ tokenize: 'strict', encode })
    this.#synonyms = (options.synonyms?.entries ?? []).map((entry) => ({ from: entry.from.map(normalizeForSearch), to: entry.to, toTokens: entry.to.flatMap((target) => tokenize(target)) }))
    this.#phrases = (options.synonyms?.phrases ?? []).map(normalizeForSearch)
    this.#threshold = options.confidenceThreshold ?? DEFAULT_CONFIDENCE_THRESHOLD
    let titleTotal = 0
    let bodyTotal = 0
    for (const card of cards) {
      this.#byId.set(card.id, card)
      if (card.duplicateOf) continue
      const position = this.#cards.length
      const indexed: IndexedCard = {
        card,
        title: fieldStats(titleText(card), this.#tokenizer),
        body: fieldStats(bodyText(card), this.#tokenizer),
        titleNorm: 1,
        bodyNorm: 1,
        titleWeight: card.flags.includes('title-mismatch') ? BODY_WEIGHT : TITLE_WEIGHT,
        titleText: normalizeForSearch(titleText(card)),
        bodyText: normalizeForSearch(bodyText(card)),
        sentences: snippetSentences(card),
        metaBigrams: new Set(tokenize(metaText(card))),
      }
      this.#cards.push(indexed)
      this.#titleIndex.add(position, titleText(card))
      this.#bodyIndex.add(position, bodyText(card))
      titleTotal += indexed.title.length
      bodyTotal += indexed.body.length
      for (const token of new Set([...indexed.title.counts.keys(), ...indexed.body.counts.keys()])) {
        this.#documentFrequency.set(token, (this.#documentFrequency.get(token) ?? 0) + 1)
      }
    }
    this.#averageTitle = titleTotal / Math.max(1, this.#cards.length)
    this.#averageBody = bodyTotal / Math.max(1, this.#cards.length)
    for (const indexed of this.#cards) {
      indexed.titleNorm = 1 - B + (B * indexed.title.length) / Math.max(1, this.#averageTitle)
      indexed.bodyNorm = 1 - B + (B * indexed.body.length) / Math.max(1, this.#averageBody)
    }
    this.#bigramFrequency = this.#documentFrequency
    if (this.#tokenizer !== BIGRAM_TOKENIZER) {
      this.#bigramFrequency = new Map()
      for (const { card } of this.#cards) {
        for (const token of new Set(tokenize(`${titleText(card)}\n${bodyText(card)}`))) this.#bigramFrequency.set(token, (this.#bigramFrequency.get(token) ?? 0) + 1)
      }
    }
    const count = this.#cards.length
    const idfOf = (frequency: number) => Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5))
    this.#coverageContext = {
      idf: (token) => {
        const frequency = this.#bigramFrequency.get(token)
        return frequency === undefined ? undefined : idfOf(frequency)
      },
      unknownWeight: idfOf(0),
    }
  }

  /** Number of indexed (non-duplicate) cards. */
  get size(): number {
    return this.#cards.length
  }

  get(id: string): PolicyCard | undefined {
    return this.#byId.get(id)
  }

  #idf(token: string): number {
    const frequency = this.#documentFrequency.get(token) ?? 0
    return Math.log(1 + (this.#cards.length - frequency + 0.5) / (frequency + 0.5))
  }

  #queryTerms(question: string): QueryTerm[] {
    const terms = new Map<string, QueryTerm>()
    for (const token of this.#tokenizer.query(question)) terms.set(token, { token, weight: 1, idf: this.#idf(token), source: token })
    const normalized = normalizeForSearch(question)
    for (const entry of this.#synonyms) {
      const matched = entry.from.find((word) => normalized.includes(word))
      if (!matched) continue
      for (const target of entry.to) {
        for (const token of this.#tokenizer.index(target)) if (!terms.has(token)) terms.set(token, { token, weight: SYNONYM_WEIGHT, idf: this.#idf(token), source: matched })
      }
    }
    return [...terms.values()]
  }

  /** Query runs worth a phrase boost: configured program names, document numbers, and 3+ character runs. */
  #phrasesOf(question: string): WeightedPhrase[] {
    const normalized = normalizeForSearch(question)
    const phrases = this.#phrases.filter((phrase) => normalized.includes(phrase))
    const documentNumber = /[\p{Script=Han}]{1,6}[〔[(（]\d{4}[〕\])）]\d+号/u.exec(normalized)
    if (documentNumber) phrases.push(documentNumber[0].replace(/[[(（]/u, '〔').replace(/[\])）]/u, '〕'))
    for (const run of stripStopPhrases(question).match(/[\p{Script=Han}]{3,}/gu) ?? []) phrases.push(run)
    return [...new Set(phrases)].map((phrase) => {
      const bigrams = tokenize(phrase).filter((token) => token.length === 2)
      const bigramIdf = bigrams.map((bigram) => this.#idf(bigram))
      const idf = bigramIdf.reduce((sum, value) => sum + value, 0) / Math.max(1, bigramIdf.length)
      return { phrase, hanOnly: this.#tokenizer === BIGRAM_TOKENIZER && /^[\p{Script=Han}]{2,}$/u.test(phrase), bigrams, bigramIdf, idf }
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

  #score(indexed: IndexedCard, terms: readonly QueryTerm[], phrases: readonly WeightedPhrase[]): number {
    let score = 0
    for (const term of terms) {
      const titleCount = indexed.title.counts.get(term.token) ?? 0
      const bodyCount = indexed.body.counts.get(term.token) ?? 0
      if (titleCount === 0 && bodyCount === 0) continue
      const weighted = (indexed.titleWeight * titleCount) / indexed.titleNorm + (BODY_WEIGHT * bodyCount) / indexed.bodyNorm
      score += term.weight * term.idf * ((weighted * (K1 + 1)) / (weighted + K1))
    }
    score += this.#titleStreakBoost(indexed, phrases)
    for (const phrase of phrases) {
      if (this.#mayHold(indexed.title, phrase) && indexed.titleText.includes(phrase.phrase)) score += phrase.idf * (indexed.titleWeight === TITLE_WEIGHT ? 1.5 : 0.5)
      else if (this.#mayHold(indexed.body, phrase) && indexed.bodyText.includes(phrase.phrase)) score += phrase.idf * 0.4
    }
    return score
  }

  /** False when the field surely lacks the phrase (a Han phrase needs all its bigrams); true when it may hold it. */
  #mayHold(field: FieldStats, phrase: WeightedPhrase): boolean {
    if (!phrase.hanOnly) return true
    for (const bigram of phrase.bigrams) if (!field.counts.has(bigram)) return false
    return true
  }

  /** Colloquial words of the question whose formal synonym the given text holds. */
  #synonymWords(question: string, has: (token: string) => boolean): string[] {
    const normalized = normalizeForSearch(question)
    const words: string[] = []
    for (const entry of this.#synonyms) {
      if (!entry.toTokens.some(has)) continue
      for (const word of entry.from) if (normalized.includes(word)) words.push(word)
    }
    return words
  }

  /**
   * How much of the question one passage of the card accounts for, at best: a passage is the title and the
   * document's metadata plus three consecutive sentences. Asking for the words to meet in one passage, not
   * anywhere in a long card, keeps an omnibus card from "covering" an unrelated question word by word.
   */
  #coverage(question: string, indexed: IndexedCard): number {
    let best = 0
    const sentences = indexed.sentences
    // The question is cut into weighted units once per card, not once per passage.
    const prepared = prepareCoverage(question, this.#coverageContext)
    for (let index = 0; index < Math.max(1, sentences.length - 2); index += 1) {
      const window = sentences.slice(index, index + 3)
      const has = (token: string) => indexed.metaBigrams.has(token) || window.some((sentence) => sentence.tokens.has(token))
      best = Math.max(best, preparedCoverage(prepared, has, this.#synonymWords(question, has)))
      if (best === 1) break
    }
    return best
  }

  /** The coverage of a question by a given card (used to give a baseline the same no-answer rule). */
  coverageFor(question: string, cardId: string): number {
    const indexed = this.#cards.find((entry) => entry.card.id === cardId)
    return indexed ? this.#coverage(question, indexed) : 0
  }

  search(question: string, options: { limit?: number } = {}): SearchResult {
    const limit = Math.min(Math.max(options.limit ?? 5, 1), 50)
    const terms = this.#queryTerms(question)
    if (terms.length === 0) return { hits: [], confident: false, coverage: 0 }
    const candidates = new Set<number>()
    const common = this.#cards.length * 0.25
    const selective = terms.filter((term) => (this.#documentFrequency.get(term.token) ?? 0) <= common)
    for (const term of selective.length > 0 ? selective : terms) {
      for (const position of this.#titleIndex.search(term.token, { limit: CANDIDATES_PER_TERM })) candidates.add(Number(position))
      for (const position of this.#bodyIndex.search(term.token, { limit: CANDIDATES_PER_TERM })) candidates.add(Number(position))
    }
    const phrases = this.#phrasesOf(question)
    const matches: Array<{ indexed: IndexedCard; score: number }> = []
    for (const position of candidates) {
      const indexed = this.#cards[position]
      const score = this.#score(indexed, terms, phrases)
      if (score > 0) matches.push({ indexed, score })
    }
    const scored = matches
      .sort((left, right) => right.score - left.score || left.indexed.card.id.localeCompare(right.indexed.card.id))
      .slice(0, limit)

    const coverage = scored[0] ? this.#coverage(question, scored[0].indexed) : 0
    const queryTokens = terms.map((term) => term.token)
    return {
      hits: scored.map((entry) => ({
        card: entry.indexed.card,
        score: Math.round(entry.score * 1000) / 1000,
        snippet: bestSnippet(entry.indexed.card, entry.indexed.sentences, queryTokens, (token) => this.#idf(token)),
      })),
      confident: coverage >= this.#threshold,
      coverage: Math.round(coverage * 1000) / 1000,
    }
  }
}

/** Builds the index over the cards (duplicates are kept for `get` but not indexed). */
export function createPolicyIndex(cards: readonly PolicyCard[], options: PolicyIndexOptions = {}): PolicyIndex {
  return new PolicyIndex(cards, options)
}
