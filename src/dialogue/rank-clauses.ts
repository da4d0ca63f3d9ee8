import type { PolicyCard } from '../knowledge/card-schema.js'
import { oncePerObject } from '../shared/once-per-object.js'
import { loadCards } from '../knowledge/load-cards.js'
import { normalizeForSearch, stripStopPhrases } from '../search/tokenizer.js'
import { loadAnswerAspects, type AnswerAspects } from './load-answer-aspects.js'
import type { SubQuestion } from './split-sub-questions.js'

export type ClauseField = 'audience' | 'content' | 'requirements' | 'process' | 'timing' | 'contact'

/** One sentence of a card, with where it stands. */
export interface Clause {
  card: PolicyCard
  field: ClauseField
  /** The sentence exactly as in the card. */
  text: string
  /** Its number ("7．", "（2）") when the sentence belongs to a numbered item, else null. */
  marker: string | null
  /** true when `text` itself starts with the marker. */
  startsWithMarker: boolean
  /** The heading of the item or section it stands under ("支持创新主体中试线项目建设"), else null. */
  topic: string | null
  /** The whole numbered item it belongs to (its other sentences say what it is about); the sentence itself when not numbered. */
  item: string
  /**
   * The sentence that opens the list this numbered item belongs to ("申报领跑型试点企业，应符合以下条件："): it says
   * whom or what the item is about, so its words count for the item. null when the item stands under no opener.
   */
  lead: string | null
  /** Position in the card, for keeping the card's order. */
  position: number
}

export interface RankedClause {
  clause: Clause
  score: number
  /** Whether the clause looks like an answer to the part's aspect (amount, count, …). */
  fitsAspect: boolean
  /** Score from the part's own words alone. */
  ownScore: number
}

const FIELDS: ClauseField[] = ['content', 'requirements', 'process', 'timing', 'contact', 'audience']
const MARKER =
  /^(（[一二三四五六七八九十\d]{1,3}）|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[．.、](?!\d)|[一二三四五六七八九十]{1,3}、|[A-H][.．、])/u
const HEADING_MAX = 26
/** A lettered band's marker ("A. "), and the longest numbered line that leads its bands. */
const LETTER_MARKER = /^[A-H][.．、]$/u
const MAX_BAND_LEAD = 40
/** Extra prior, as a share of the aspect prior, for a clause in the field that answers the aspect (时间/频度 for timing). */
const FIELD_BONUS = 0.5
/** Share of a term's weight that does not depend on how common it is across the whole corpus. */
/** Weight of a single-character term ("亩" finds 每亩 for 一亩) against a two-character one. */

/** Weight of a single-character term ("亩" finds 每亩 for 一亩) against a two-character one. */
const SINGLE_CHARACTER_WEIGHT = 0.25
const CORPUS_BLEND = 0.3
/** Weight of a question term that only occurs inside asking words ("比例" in "按啥比例"). */
const CUE_TERM_WEIGHT = 0.4

function sentencesOf(line: string, field: ClauseField): string[] {
  const parts =
    line.match(field === 'process' ? /[^。；！？!?→]+[。；！？!?]*/gu : /[^。；！？!?]+[。；！？!?]*/gu) ?? []
  return parts.map((part) => part.trim()).filter((part) => part.length > 1)
}

/** A sentence that opens a list ("应符合以下条件：", "包括："). */
export function isListOpener(sentence: string): boolean {
  return /[：:]$/u.test(sentence.trim())
}

/** A short line or first sentence without a comma that names what follows ("2．支持新型基础设施建设"). */
function headingOf(sentence: string, marker: string | null): string | null {
  const bare = (marker ? sentence.slice(marker.length) : sentence).replace(/[。：:；\s]+$/u, '')
  if (bare.length < 3 || bare.length > HEADING_MAX || /[，,：:]/u.test(bare) || /\d/u.test(bare)) return null
  return bare
}

const clauseCache = new WeakMap<PolicyCard, Clause[]>()
const cueCache = new WeakMap<AnswerAspects, RegExp>()
const termCache = new WeakMap<Clause, { text: Set<string>; topic: Set<string> }>()

/**
 * A clause's terms, and those of its topic: its heading, its numbered item and the heading of its article (an
 * article's title says what each of its sentences is about). Computed once per clause.
 */
function termsOf(clause: Clause): { text: Set<string>; topic: Set<string> } {
  let terms = termCache.get(clause)
  if (!terms) {
    terms = { text: new Set(), topic: new Set() }
    addTerms(normalizeForSearch(clause.text), terms.text)
    addTerms(
      normalizeForSearch(
        `${clause.topic ?? ''}\n${clause.lead ?? ''}\n${clause.item}\n${clause.card.heading ?? (clause.card.kind === 'guide' ? clause.card.title : '')}`,
      ),
      terms.topic,
    )
    termCache.set(clause, terms)
  }
  return terms
}

/** Every asking word of every aspect, longest first, as one pattern (built once per aspects file). */
function cuePattern(aspects: AnswerAspects): RegExp {
  let pattern = cueCache.get(aspects)
  if (!pattern) {
    pattern = new RegExp(
      [...new Set(aspects.aspects.flatMap((candidate) => candidate.cues))]
        .sort((left, right) => right.length - left.length)
        .join('|'),
      'gu',
    )
    cueCache.set(aspects, pattern)
  }
  return pattern
}

/** The card's clauses across all its fields, in order (headings are topics, not clauses). Computed once per card. */
export function cardClauses(card: PolicyCard): Clause[] {
  const cached = clauseCache.get(card)
  if (cached) return cached
  const clauses: Clause[] = []
  for (const field of FIELDS) {
    const text = card[field]
    if (!text) continue
    let topic: string | null = null
    let lead: string | null = null
    let bandLead: string | null = null
    // The heading line that opens a list of titled items, while its items are read.
    let openerTopic: string | null = null
    // The numbered item being read: an unnumbered line after it ("其中零售企业…最高给予200万元支持") continues it.
    let itemMarker: string | null = null
    let itemClauses: Clause[] = []
    let itemLines: string[] = []
    for (const line of text.split(/\n+/u)) {
      const trimmed = line.trim()
      if (!trimmed) continue
      const marker = MARKER.exec(trimmed)?.[0] ?? null
      const sentences = sentencesOf(trimmed, field)
      // Lettered bands under a numbered line that only names a measure ("4.上年度资产负债率(满分10分)" over "A. 55%以下
      // (10分)") are about that measure: the line is their lead, as a list opener is for its items.
      const lettered = marker !== null && LETTER_MARKER.test(marker)
      if (marker !== null && !lettered)
        bandLead =
          sentences.length === 1 && !/[。；;，,：:]$/u.test(trimmed) && trimmed.length <= MAX_BAND_LEAD ? trimmed : null
      else if (marker === null) bandLead = null
      // A line ending in "：" opens a list: the items after it, up to the next opener or heading, are about what it names.
      const opener = isListOpener(sentences[sentences.length - 1] ?? '') ? sentences[sentences.length - 1] : null
      if (marker !== null) {
        itemMarker = marker
        itemClauses = []
        itemLines = [trimmed]
      } else if (itemMarker !== null && opener === null) itemLines.push(trimmed)
      else itemMarker = null
      const lineMarker = marker ?? itemMarker
      sentences.forEach((sentence, index) => {
        if (index === 0 && field === 'content') {
          const heading = headingOf(sentence, marker)
          // A whole line that ends as a sentence ("(三)有专职从事技术转移和科技成果转化的人员。") is an item, not a heading.
          const endsAsSentence = sentences.length === 1 && /[。；;]$/u.test(sentence)
          if (heading && !endsAsSentence && (sentences.length > 1 || sentence === trimmed)) {
            // A numbered item's own title ("(一)需求导向。") under a heading that opens a list ("…遵循以下原则:")
            // keeps that opener as its lead: the items are what the opener names.
            lead = marker !== null && openerTopic !== null ? openerTopic : null
            if (marker === null) openerTopic = sentence === trimmed && isListOpener(sentence) ? sentence : null
            topic = heading
            itemMarker = null
            return
          }
        }
        const clause: Clause = {
          card,
          field,
          text: sentence,
          marker: lineMarker,
          startsWithMarker: index === 0 && marker !== null,
          topic,
          item: lineMarker ? trimmed : sentence,
          lead: lineMarker && sentence !== opener ? (lead ?? (lettered ? bandLead : null)) : null,
          position: clauses.length,
        }
        clauses.push(clause)
        if (lineMarker) itemClauses.push(clause)
      })
      // Every sentence of an item knows the whole item, continuation lines included.
      if (lineMarker && itemMarker !== null) for (const clause of itemClauses) clause.item = itemLines.join('\n')
      // An opener that became the heading ("同时满足以下四项条件即视为满足认定条件：") is already the items' topic.
      if (opener) {
        const openerHeading = headingOf(opener, marker)
        if (openerHeading === null || topic !== openerHeading) lead = opener
      }
    }
  }
  clauseCache.set(card, clauses)
  return clauses
}

const RUN = /[\p{Script=Han}]+|[a-z0-9]+(?:\.[0-9]+)?/gu

/** How many cards of the knowledge base use a term, to weigh down words the whole corpus shares ("专精特新" in seed 001). */
export interface CorpusFrequency {
  cards: number
  frequency(term: string): number
}

let defaultCorpus: CorpusFrequency | null = null

/**
 * Adds the terms of a normalised text: Latin and digit words, and for Han runs every character and every bigram
 * (single characters too: "一亩" still finds "每亩"; rare characters weigh, common ones do not).
 */
function addTerms(text: string, terms: Set<string>): void {
  for (const match of text.matchAll(RUN)) {
    const run = match[0]
    if (/^[a-z0-9]/u.test(run)) {
      terms.add(run)
      continue
    }
    for (const character of run) terms.add(character)
    for (let index = 0; index + 1 < run.length; index += 1) terms.add(run.slice(index, index + 2))
  }
}

/** The counts behind a {@link CorpusFrequency} as plain data (a build can persist them): `terms[i]` is in `counts[i]` cards. */
export interface CorpusCounts {
  cards: number
  terms: string[]
  counts: Int32Array
}

/** How many of the cards use each term. */
export function corpusCounts(cards: readonly PolicyCard[]): CorpusCounts {
  const counts = new Map<string, number>()
  for (const card of cards) {
    const text = normalizeForSearch(
      [card.title, card.content, card.requirements, card.process, card.timing].filter(Boolean).join('\n'),
    )
    const seen = new Set<string>()
    addTerms(text, seen)
    for (const term of seen) counts.set(term, (counts.get(term) ?? 0) + 1)
  }
  return { cards: cards.length, terms: [...counts.keys()], counts: Int32Array.from(counts.values()) }
}

/** The frequencies of {@link corpusCounts}. */
export function corpusFromCounts(counted: CorpusCounts): CorpusFrequency {
  const counts = new Map<string, number>()
  counted.terms.forEach((term, at) => counts.set(term, counted.counts[at]))
  return { cards: counted.cards, frequency: (term) => counts.get(term) ?? 0 }
}

/** Term frequencies over the cards (by default the knowledge file, read once). */
export function corpusFrequency(cards: readonly PolicyCard[] = loadCards()): CorpusFrequency {
  return corpusFromCounts(corpusCounts(cards))
}

/**
 * The corpus `rankClauses` uses when its caller gives none: the composition root sets it from the cards it serves
 * (at start and on a knowledge reload), so ranking and search see the same cards and the file is not read twice.
 * Unset, the first ranking reads the knowledge file.
 */
export function useDefaultCorpus(corpus: CorpusFrequency): void {
  defaultCorpus = corpus
}

/** Whether the term is distinctive in the default corpus: some cards use it, but at most this share of them. */
export function isDistinctiveTerm(term: string, share: number): boolean {
  const corpus = (defaultCorpus ??= corpusFrequency())
  const frequency = corpus.frequency(term)
  return frequency > 0 && frequency <= corpus.cards * share
}

/** Whether at most this share of the default corpus's cards use the term (none at all included). */
export function isRareTerm(term: string, share: number): boolean {
  const corpus = (defaultCorpus ??= corpusFrequency())
  return corpus.frequency(term) <= corpus.cards * share
}

interface AspectFit {
  /** The clause stands in a field that answers the aspect. */
  inField: boolean
  /** In such a field, or its text matches the aspect's clausePattern. */
  fitsPattern: boolean
  /** How many of the aspect's clauseWords its text holds. */
  words: number
}

type AnswerAspectEntry = AnswerAspects['aspects'][number]

const NO_FIT: AspectFit = { inField: false, fitsPattern: false, words: 0 }
const fitCache = new WeakMap<Clause, Map<AnswerAspectEntry, AspectFit>>()
const patternOf = oncePerObject((entry: AnswerAspectEntry) => new RegExp(entry.clausePattern, 'u'))

/** How a clause fits an aspect: it depends on the clause and the aspects file only, so it is computed once per pair. */
function aspectFit(clause: Clause, entry: AnswerAspectEntry): AspectFit {
  let byEntry = fitCache.get(clause)
  if (!byEntry) {
    byEntry = new Map()
    fitCache.set(clause, byEntry)
  }
  let fit = byEntry.get(entry)
  if (!fit) {
    const pattern = patternOf(entry)
    const inField = entry.fields.includes(clause.field)
    fit = {
      inField,
      fitsPattern: inField || pattern.test(clause.text),
      words: entry.clauseWords.filter((word) => clause.text.includes(word)).length,
    }
    byEntry.set(entry, fit)
  }
  return fit
}

/**
 * The aspect's narrower question a part asks ("谁当申报主体", "补多久"), if any: the entry with that question's clause
 * pattern and no field of its own (the timing field's "每年3月左右" does not answer how long), the first that matches.
 */
const narrowedEntries = oncePerObject((entry: AnswerAspectEntry) =>
  (entry.narrowings ?? []).map((narrowing) => ({
    cues: narrowing.cues,
    entry: { ...entry, clausePattern: narrowing.clausePattern, fields: [] } as AnswerAspectEntry,
  })),
)

function narrowedEntry(part: SubQuestion, entry: AnswerAspectEntry): AnswerAspectEntry | undefined {
  return narrowedEntries(entry).find((narrowing) => narrowing.cues.some((cue) => part.text.includes(cue)))?.entry
}

/** Terms of a piece of question: character bigrams of Han runs (single characters alone), Latin and digit words. */
export function questionTerms(text: string, extra: readonly string[] = []): string[] {
  const terms = new Set<string>()
  addTerms(stripStopPhrases(text), terms)
  for (const word of extra) addTerms(normalizeForSearch(word), terms)
  return [...terms]
}

/**
 * Ranks clauses for one part of a question: the part's words weighted by how rare they are among these clauses
 * (a word every clause shares says little), the rest of the question at `contextWeight`, a clause's topic
 * counting for its sentences, and the aspect as a prior (a count part prefers "不少于20家").
 */
export function rankClauses(
  clauses: readonly Clause[],
  part: SubQuestion,
  options: {
    aspects?: AnswerAspects
    extraTerms?: readonly string[]
    cardWeight?: (card: PolicyCard) => number
    corpus?: CorpusFrequency
  } = {},
): RankedClause[] {
  const aspects = options.aspects ?? loadAnswerAspects()
  const texts = clauses.map((clause) => termsOf(clause).text)
  const topics = clauses.map((clause) => termsOf(clause).topic)
  // The words that ask ("比例", "上限", "多少家") are mostly the aspect's prior: they count for less as shared content.
  const cues = cuePattern(aspects)
  const asking = new Set(questionTerms((part.text.match(cues) ?? []).join(' ')))
  const own = questionTerms(part.text)
  // Formal synonyms stand for words of the question's subject: they count like the context.
  const context = questionTerms(part.context.replace(cues, ' '), options.extraTerms).filter(
    (term) => !own.includes(term),
  )
  const others = questionTerms(part.others.replace(cues, ' ')).filter(
    (term) => !own.includes(term) && !context.includes(term),
  )
  const count = Math.max(1, clauses.length)
  const corpus = options.corpus ?? (defaultCorpus ??= corpusFrequency())
  const corpusIdf = (term: string) =>
    Math.log(1 + corpus.cards / (corpus.frequency(term) + 0.5)) / Math.log(1 + corpus.cards / 0.5)
  const weightOf = new Map<string, number>()
  const ownWithoutCues = asking.size > 0 ? new Set(questionTerms(part.text.replace(cues, ' '))) : null
  for (const term of [...own, ...context, ...others]) {
    let frequency = 0
    for (let index = 0; index < texts.length; index += 1)
      if (texts[index].has(term) || topics[index].has(term)) frequency += 1
    const asked = asking.has(term) && !ownWithoutCues?.has(term) ? CUE_TERM_WEIGHT : 1
    weightOf.set(
      term,
      frequency === 0
        ? 0
        : Math.log(1 + count / (frequency + 0.5)) *
            (term.length >= 2 ? 1 : SINGLE_CHARACTER_WEIGHT) *
            asked *
            (CORPUS_BLEND + (1 - CORPUS_BLEND) * corpusIdf(term)),
    )
  }
  const aspectEntry =
    part.aspect === 'general'
      ? aspects.aspects.find((candidate) => candidate.aspect === 'amount')
      : aspects.aspects.find((candidate) => candidate.aspect === part.aspect)
  const entry = aspectEntry ? (narrowedEntry(part, aspectEntry) ?? aspectEntry) : aspectEntry
  const prior = part.aspect === 'general' ? aspects.priorWeight / 2 : aspects.priorWeight
  // A yes/no part about the owner's own circumstances ("我是技师 离退休还有五年 能领办吗") is answered by the clause
  // naming those circumstances: its aspect may weigh the context more.
  const contextWeight = aspectEntry?.contextWeight ?? aspects.contextWeight
  return clauses
    .map((clause, index) => {
      const text = texts[index]
      const topic = topics[index]
      const match = (term: string) => (text.has(term) ? 1 : topic.has(term) ? 0.6 : 0)
      let ownScore = 0
      for (const term of own) ownScore += (weightOf.get(term) ?? 0) * match(term)
      let contextScore = 0
      for (const term of context) contextScore += (weightOf.get(term) ?? 0) * match(term)
      let othersScore = 0
      for (const term of others) othersScore += (weightOf.get(term) ?? 0) * match(term)
      const { inField, fitsPattern, words } = entry ? aspectFit(clause, entry) : NO_FIT
      const fitsAspect = fitsPattern || words > 0
      const aspectScore =
        (fitsPattern ? prior : 0) + (words > 0 ? prior * 0.3 : 0) + (inField ? prior * FIELD_BONUS : 0)
      // A clause that does not look like an answer to the part counts for less, however many words it shares.
      const unfit = entry?.unfitWeight ?? 1
      const fit = part.aspect === 'general' || fitsPattern ? 1 : words > 0 ? (1 + unfit) / 2 : unfit
      const lengthPenalty = 1 + Math.max(0, clause.text.length - 80) / 400
      const cardWeight = options.cardWeight?.(clause.card) ?? 1
      const score =
        ((ownScore + contextWeight * contextScore + aspects.otherPartsWeight * othersScore) / lengthPenalty) *
          cardWeight *
          fit +
        aspectScore * Math.min(1, cardWeight)
      return { clause, score, fitsAspect, ownScore }
    })
    .sort((left, right) => right.score - left.score || left.clause.position - right.clause.position)
}

const shapeOf = oncePerObject((entry: AnswerAspectEntry) => new RegExp(entry.answerShape ?? entry.clausePattern, 'u'))

/** The terms of a card's title, document title and heading (computed once per card). */
const titleTerms = oncePerObject((card: PolicyCard) => {
  const terms = new Set<string>()
  addTerms(normalizeForSearch(`${card.title}\n${card.documentTitle}\n${card.heading ?? ''}`), terms)
  return terms
})

/** The aspect's pattern of a vague statement of its answer ("一定比例", "相应额度"), built once per loaded entry. */
const vagueOf = oncePerObject((entry: { vaguePattern?: string }) =>
  entry.vaguePattern ? new RegExp(entry.vaguePattern, 'u') : null,
)

/** Whether the part asks a figure of an aspect that is otherwise unshaped (达到多少, 要多少), by its figure cues. */
function asksFigure(part: SubQuestion, entry: AnswerAspectEntry): boolean {
  return entry.figureShape !== undefined && (entry.figureCues ?? []).some((cue) => part.text.includes(cue))
}

/** The entry for a figure-asking part: the figure shape and label (built once per loaded entry). */
const figureEntry = oncePerObject((entry: AnswerAspectEntry): AnswerAspectEntry => ({
  ...entry,
  answerShape: entry.figureShape,
  label: entry.figureLabel ?? entry.label,
}))

/** The label of what a part asks when its answer is not stated ("条件", or "具体数值" for 达到多少). */
export function unstatedLabel(part: SubQuestion, entry: AnswerAspectEntry): string {
  return asksFigure(part, entry) ? figureEntry(entry).label : entry.label
}

/** Whether the part's only cues of the aspect ask whether there is any (有补贴吗), by the entry's whether cues. */
export function asksOnlyWhether(part: SubQuestion, entry: AnswerAspectEntry): boolean {
  const whether = entry.whetherCues ?? []
  if (!whether.some((cue) => part.text.includes(cue))) return false
  let rest = part.text
  for (const cue of [...whether].sort((left, right) => right.length - left.length)) rest = rest.split(cue).join(' ')
  return !entry.cues.some((cue) => rest.includes(cue))
}

/** A part term is distinctive when some card but at most this share of all cards uses it ("企业", "申请" are not). */
const DISTINCTIVE_SHARE = 0.15
/** Aspects whose answer has a recognisable shape (a money figure, a count with its unit, a date or period, a phone). */
const SHAPED_ASPECTS = new Set(['amount', 'count', 'timing', 'contact'])

/**
 * Whether the clauses can answer the part by their shape. The part's distinctive words (its own words without the
 * asking cues and the subject the cards' titles name, used by some but few cards) pick the clauses about what it
 * asks; for an aspect with an answer shape (answerShape, else clausePattern or the aspect's fields) one of them, or
 * the clause ranked best for the part, must have that shape. 'unknown' for an aspect without a shape, a part
 * without a distinctive word, or distinctive words no clause holds (a paraphrase, not evidence of absence).
 */
export function shapeSupport(
  clauses: readonly Clause[],
  part: SubQuestion,
  options: { aspects?: AnswerAspects; corpus?: CorpusFrequency; best?: Clause } = {},
): 'supported' | 'unsupported' | 'unknown' {
  const aspects = options.aspects ?? loadAnswerAspects()
  const aspectEntry = aspects.aspects.find((candidate) => candidate.aspect === part.aspect)
  if (!aspectEntry) return 'unknown'
  // A condition part asking a figure ("履约金额达到多少才给奖励") is answered by a figure, like an amount; a narrower
  // question of the aspect (几年内, 补多久) by the clause shape of its narrowing.
  const narrowed = narrowedEntry(part, aspectEntry) ?? aspectEntry
  const entry = asksFigure(part, narrowed) ? figureEntry(narrowed) : narrowed
  if (!SHAPED_ASPECTS.has(part.aspect) && entry === narrowed) return 'unknown'
  const shape = shapeOf(entry)
  // The number of a numbered item ("1．", "（2）") is no figure.
  const shaped = (clause: Clause) =>
    shape.test(clause.startsWithMarker && clause.marker ? clause.text.slice(clause.marker.length) : clause.text) ||
    (entry.answerShape === undefined && entry.fields.includes(clause.field))
  if (options.best && shaped(options.best)) return 'supported'
  const corpus = options.corpus ?? (defaultCorpus ??= corpusFrequency())
  const titles: Array<Set<string>> = []
  let previous: PolicyCard | null = null
  for (const clause of clauses)
    if (clause.card !== previous) {
      previous = clause.card
      titles.push(titleTerms(clause.card))
    }
  const distinctive = questionTerms(part.text.replace(cuePattern(aspects), ' ')).filter((term) => {
    const frequency = corpus.frequency(term)
    return (
      term.length >= 2 &&
      !titles.some((terms) => terms.has(term)) &&
      frequency > 0 &&
      frequency <= corpus.cards * DISTINCTIVE_SHARE
    )
  })
  // The clauses most about what the part asks: those holding the most of its distinctive words ("固定资产投资" in
  // "…按照项目固定资产实际投资额的一定比例…", not "投资" in another article's "总投资额度的30%").
  const shares = clauses.map((clause) => {
    const terms = termsOf(clause)
    return distinctive.filter((term) => terms.text.has(term) || terms.topic.has(term)).length
  })
  const sharing = clauses.filter((_, index) => shares[index] > 0)
  const most = Math.max(0, ...shares)
  const closest = sharing.filter((clause) => shares[clauses.indexOf(clause)] === most)
  // When the clauses most about what the part asks state it only vaguely ("按…的一定比例", "相应额度") and have no
  // figure, the document does not state the figure, whatever another article's figure for something else says.
  // "保费有补贴吗" asks whether, not how much: a clause stating the support without a figure answers it, also one
  // stating it only vaguely ("按照一定标准分别予以奖励" answers "整车厂和运营企业都能拿奖励吗").
  if (asksOnlyWhether(part, entry)) return 'unknown'
  const vague = vagueOf(entry)
  if (vague && closest.length > 0 && !closest.some(shaped) && closest.some((clause) => vague.test(clause.text)))
    return 'unsupported'
  // No clause shares the part's own words ("给多少资金" under the subject "技术转移机构"): the clause ranked best is
  // what it asks about, and one stating the figure only vaguely states none.
  if (sharing.length === 0)
    return vague && options.best && !shaped(options.best) && vague.test(options.best.text) ? 'unsupported' : 'unknown'
  return sharing.some(shaped) ? 'supported' : 'unsupported'
}
