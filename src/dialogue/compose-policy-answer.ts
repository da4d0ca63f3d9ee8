import type { PolicyCard } from '../knowledge/card-schema.js'
import { cardText } from '../search/answer-decision.js'
import type { AnswerDecisionWords } from '../search/load-answer-decision-words.js'
import { normalizeForSearch } from '../search/tokenizer.js'
import { oncePerObject } from '../shared/once-per-object.js'
import type { Aspect } from './detect-intent.js'
import { loadAnswerAspects, type AnswerAspect, type AnswerAspects } from './load-answer-aspects.js'
import {
  asksOnlyWhether,
  cardClauses,
  isListOpener,
  isDistinctiveTerm,
  isRareTerm,
  questionTerms,
  rankClauses,
  shapeSupport,
  unstatedLabel,
  type Clause,
  type RankedClause,
} from './rank-clauses.js'
import { splitSubQuestions, type SubQuestion } from './split-sub-questions.js'
import { unstatedFocus, type FocusWords } from './unstated-focus.js'
import { aboutAsked, subjectTerms } from './detail-evidence.js'

/** The longest a composed answer body may be before the source line (phone screen). */
export const MAX_BODY_CHARS = 350
const MAX_CLAUSE_CHARS = 120
/** How close behind the best clause an item of a list must score to answer a list question instead. */
const LIST_SHARE = 0.6
const MAX_CONTACT_CHARS = 160
/** The longest list opener ("申报领跑型试点企业，应符合以下条件：") quoted before one of its items. */
const MAX_LEAD_CHARS = 32
/** A second clause for the same part is kept when it scores at least this share of the best. */
const SECOND_CLAUSE_SHARE = 0.6
/** The same, for a sentence of the best clause's own numbered item. */
const SAME_ITEM_SHARE = 0.35
/** A clause whose own-word score is this many times the best clause's (and at least the floor) is quoted too. */
const OWN_WORDS_RATIO = 2
const OWN_WORDS_FLOOR = 3
/** At most this many further clauses per part. */
const EXTRA_CLAUSES = 2
/** A sibling article's clauses count this much less than the card's own, on top of its relative score. */
const SIBLING_DISCOUNT = 0.95
/** A hit scoring at least this share of the top one is a near tie: its clauses compete even from another document. */
const NEAR_TIE = 0.95

export interface ComposedAnswer {
  /** The title line and the quoted sentences (what a phraser may re-word). */
  body: string
  /** The source line, appended by code after any phrasing. */
  footer: string
  /** The card texts the answer quotes, for the grounding check. */
  sources: string[]
  /** The clauses quoted, in order (for tests and the eval). */
  quoted: Clause[]
  /** The card the answer is from (the card asked for, or a sibling whose clause answers first). */
  card: PolicyCard
}

export interface ComposeOptions {
  /** false: the card is plausible, not certain — the answer says which policy it is from ("您问的应是《…》"). */
  certain?: boolean
  /** The aspect the dialogue detected (a follow-up "怎么申请？" names no subject of its own). */
  aspect?: Aspect
  /** Extra terms for ranking (formal synonyms of the question's colloquial words). */
  extraTerms?: readonly string[]
  /** A line about the policy's period, placed first ("该政策执行期至…"). */
  validity?: string | null
  aspects?: AnswerAspects
  /**
   * Other articles of the same document that the search ranked close to the card, with their score relative to
   * the card's (0–1): a clause of theirs may answer a part better ("多久评一次" in the next 条 of the same 细则).
   */
  siblings?: ReadonlyArray<{ card: PolicyCard; weight: number }>
  /** Clauses chosen elsewhere (the LLM among {@link candidateClauses}): quoted in this order instead of the ranked choice. */
  chosen?: readonly Clause[]
  /**
   * The decision words (policy words, generic title words): with them, a part whose focus — its content words
   * without asking cues, policy words and owners' colloquial words — the card and its siblings never state is
   * answered "原文未写明…" instead of with a nearby clause.
   */
  decision?: AnswerDecisionWords
  /** Words of the question the card states in other words (a colloquial synonym of a card's term): never a focus. */
  focusStated?: readonly string[]
}

const FOCUS_WORDS = new WeakMap<AnswerAspects, WeakMap<AnswerDecisionWords, FocusWords>>()

/** The words that never are a focus, from the aspects file and the decision words (built once per pair of files). */
function focusWordsOf(aspects: AnswerAspects, decision: AnswerDecisionWords): FocusWords {
  let byDecision = FOCUS_WORDS.get(aspects)
  if (!byDecision) FOCUS_WORDS.set(aspects, (byDecision = new WeakMap()))
  let words = byDecision.get(decision)
  if (!words) {
    words = {
      ignore: [
        ...aspects.aspects.flatMap((entry) => entry.cues),
        ...aspects.details.flatMap((detail) => detail.cues),
        ...aspects.focus.ignoreWords,
        ...decision.domainWords,
        ...decision.titleGenericWords,
        // Places are the place check's (answer-decision.ts), never a focus.
        ...decision.places.map((place) => place.name),
        ...decision.heldPlaces,
      ],
      known: (term) => isDistinctiveTerm(term, aspects.focus.distinctiveShare),
      rare: (character) => isRareTerm(character, aspects.focus.rareCharacterShare),
      askedBefore: aspects.focus.askedBefore.map((word) => normalizeForSearch(word)),
    }
    byDecision.set(decision, words)
  }
  return words
}

/** Whether the question asks about the edge of a threshold ("正好1000万算不算达标"). */
export function asksBoundary(question: string, aspects: AnswerAspects = loadAnswerAspects()): boolean {
  const asked = normalizeForSearch(question)
  return aspects.boundary?.cues.some((cue) => asked.includes(normalizeForSearch(cue))) ?? false
}

/** How many ranked clauses per part are offered for a choice, and how many in all. */
const CANDIDATES_PER_PART = 3
const MAX_CANDIDATES = 8

function clausePool(
  card: PolicyCard,
  options: ComposeOptions,
): { clauses: Clause[]; cardWeight: (candidate: PolicyCard) => number } {
  // Articles of the same document, and any card the search could not tell from this one (a near tie).
  const siblings = (options.siblings ?? []).filter(
    (sibling) =>
      sibling.card.id !== card.id && (sibling.card.documentTitle === card.documentTitle || sibling.weight >= NEAR_TIE),
  )
  const clauses = [card, ...siblings.map((sibling) => sibling.card)].flatMap(cardClauses)
  const weights = new Map<string, number>([
    [card.id, 1],
    ...siblings.map((sibling): [string, number] => [sibling.card.id, sibling.weight * SIBLING_DISCOUNT]),
  ])
  return { clauses, cardWeight: (candidate: PolicyCard) => weights.get(candidate.id) ?? 0 }
}

/** Whether a text asks a detail: one of its cues, with one of its subject words when it names some, and none of its exclusions. */
function asksDetail(detail: AnswerAspects['details'][number], text: string): boolean {
  return (
    detail.cues.some((cue) => text.includes(cue)) &&
    (detail.withAny === undefined || detail.withAny.some((word) => text.includes(word))) &&
    !(detail.notWith ?? []).some((word) => text.includes(word))
  )
}

/** The best few clauses for each part of the question, for a choice by the LLM (distinct, in part order). */
export function candidateClauses(card: PolicyCard, question: string, options: ComposeOptions = {}): Clause[] {
  const aspects = options.aspects ?? loadAnswerAspects()
  const { clauses, cardWeight } = clausePool(card, options)
  const chosen: Clause[] = []
  for (const part of splitSubQuestions(question, aspects)) {
    const ranked = rankClauses(clauses, part, { aspects, extraTerms: options.extraTerms, cardWeight }).filter(
      (candidate) => candidate.score > 0,
    )
    for (const candidate of ranked.slice(0, CANDIDATES_PER_PART))
      if (!chosen.includes(candidate.clause)) chosen.push(candidate.clause)
  }
  return chosen.slice(0, MAX_CANDIDATES)
}

/** Shortens a long 联络方式 at an entry boundary, never inside a phone number. */
export function shortContact(contact: string | null): string | null {
  if (!contact) return null
  const flat = contact.replace(/\s*\n\s*/g, '；')
  if (flat.length <= MAX_CONTACT_CHARS) return flat
  const entries = flat.split(/[；;]/)
  let text = ''
  for (const entry of entries) {
    if (text.length + entry.length + 1 > MAX_CONTACT_CHARS && text !== '') break
    text = text === '' ? entry : `${text}；${entry}`
  }
  return `${text}等`
}

/** "依据：《依据文件》（发文机构，发文字号）· 咨询：联络方式" */
export function sourceLine(card: PolicyCard): string {
  const agencyParts = [card.issuer, card.docNumber].filter((part): part is string => Boolean(part))
  const basis = `依据：《${card.documentTitle}》（${agencyParts.join('，')}）`
  const contact = shortContact(card.contact)
  return contact ? `${basis} · 咨询：${contact}` : basis
}

const DIALOGUE_ASPECT: Record<Aspect, AnswerAspect> = {
  amount: 'amount',
  process: 'process',
  requirements: 'condition',
  contact: 'contact',
  timing: 'timing',
  general: 'general',
}

function bigramShare(text: string, within: string): number {
  const pairs: string[] = []
  for (let index = 0; index + 1 < text.length; index += 1) pairs.push(text.slice(index, index + 2))
  if (pairs.length === 0) return 1
  return pairs.filter((pair) => within.includes(pair)).length / pairs.length
}

/**
 * A long clause cut to the comma-separated pieces around the one that best matches the part, marked with ….
 * The cut is anchored on a piece with the shape the part asks for (the figure, the count, the date) when the clause
 * has one: the words naming the topic come first in a long sentence and the figures last ("…对入选项目按照三个等级
 * 进行奖励，重大项目奖励100万元、…"), and a cut that keeps the topic but drops the figure answers nothing.
 */
function trimClause(text: string, terms: readonly string[], pattern: RegExp | null): string {
  if (text.length <= MAX_CLAUSE_CHARS) return text
  // A parenthesised agency list ("(市科委、中关村管委会)") stays one piece: cut at its 、 it names no agency.
  const pieces = text.match(/(?:[（(][^（）()]*[）)]|[^，,、（(]|[（(])+[，,、]?/gu) ?? [text]
  const shaped = pieces.map((piece) => pattern?.test(piece) ?? false)
  const scores = pieces.map(
    (piece, index) => terms.filter((term) => piece.includes(term)).length + (shaped[index] ? 1.5 : 0),
  )
  const anchors = shaped.some(Boolean) ? pieces.map((_, index) => index).filter((index) => shaped[index]) : null
  let best = anchors?.[0] ?? 0
  for (const index of anchors ?? pieces.keys()) if (scores[index] > scores[best]) best = index
  let start = best
  let end = best + 1
  const length = () => pieces.slice(start, end).join('').length
  while (true) {
    const canLeft = start > 0 && length() + pieces[start - 1].length <= MAX_CLAUSE_CHARS
    const canRight = end < pieces.length && length() + pieces[end].length <= MAX_CLAUSE_CHARS
    if (!canLeft && !canRight) break
    // Grow towards the numbers: the right side usually carries the amount after a condition.
    if (canRight && (!canLeft || scores[end] >= scores[start - 1])) end += 1
    else start -= 1
  }
  const middle = pieces.slice(start, end).join('')
  const clipped = middle.length > MAX_CLAUSE_CHARS ? middle.slice(0, MAX_CLAUSE_CHARS) : middle
  return `${start > 0 ? '…' : ''}${clipped.replace(/[，,、]$/u, '')}${end < pieces.length || clipped !== middle ? '…' : ''}`
}

/**
 * What composing needs of a card or clause that does not depend on the question, computed once per object: the
 * cards and their clauses are immutable, and a knowledge reload replaces them (so a WeakMap entry goes with them).
 */
/** The pattern of an entry of the aspects file (built once per entry). */
const entryPattern = oncePerObject((entry: { clausePattern: string }) => new RegExp(entry.clausePattern, 'u'))

/** The clause's text normalised, without punctuation or spaces (to tell the same sentence repeated in a sibling). */
const plainText = oncePerObject((clause: Clause) => normalizeForSearch(clause.text).replace(/[\p{P}\s]/gu, ''))

/** The card's own clauses with their topics, normalised (does the question share a word with the card?). */
const ownTextOf = oncePerObject((card: PolicyCard) =>
  normalizeForSearch(
    cardClauses(card)
      .map((clause) => `${clause.topic ?? ''}${clause.text}`)
      .join('\n'),
  ),
)

/** The 联络方式 as the source line shows it, normalised. */
const contactShownOf = oncePerObject((card: PolicyCard) => normalizeForSearch(shortContact(card.contact) ?? ''))

/** How many lists the clause's field holds (distinct openers of its items). */
const listsIn = oncePerObject((clause: Clause) => {
  const leads = cardClauses(clause.card)
    .filter((candidate) => candidate.field === clause.field && candidate.lead !== null)
    .map((candidate) => candidate.lead)
  return new Set(leads).size
})

/** Whether the clause's topic says more than the card's title (most of its bigrams are not in the title). */
const topicAddsToTitle = oncePerObject(
  (clause: Clause) => bigramShare(normalizeForSearch(clause.topic ?? ''), normalizeForSearch(clause.card.title)) < 0.5,
)

/** The clause's list opener, its own text and its card's title and heading, normalised (does the opener say more?). */
const leadTexts = oncePerObject((clause: Clause) => ({
  lead: normalizeForSearch(clause.lead ?? ''),
  text: normalizeForSearch(clause.text),
  title: normalizeForSearch(`${clause.card.title}\n${clause.card.documentTitle}\n${clause.card.heading ?? ''}`),
}))

/** The clause as quoted: its item number when the sentence continues a numbered item, and its topic when that is not the card's. */
function renderClause(
  clause: Clause,
  terms: readonly string[],
  pattern: RegExp | null,
  options: { withLead?: boolean; generic?: readonly string[] } = {},
): string {
  const generic = options.generic ?? loadAnswerAspects().genericHeadings
  let text = trimClause(clause.text, terms, pattern)
  // The number of the article itself ("7.完善企业债权融资体系") is already in the title.
  const ownNumber = clause.marker !== null && (clause.card.heading ?? '').startsWith(clause.marker)
  if (clause.marker && !clause.startsWithMarker && !ownNumber)
    text = `第${clause.marker.replace(/[（）().．、\s]/gu, '')}项：${text}`
  // Where a field holds several lists (领跑型 / 成长型 试点企业), an item is quoted after the short sentence opening its
  // list: it says whom the item is for. So it is where the opener names what the question asks and the item does not
  // ("个人能申请吗" under "本项目的项目申报主体为个人，其应同时具备以下条件：").
  // A word of the card's title ("孵化器认定") says nothing about whom an item is for.
  const lead = clause.lead
  const normalized = lead !== null ? leadTexts(clause) : null
  const leadAnswers =
    normalized !== null &&
    terms.some(
      (term) =>
        term.length > 1 &&
        normalized.lead.includes(term) &&
        !normalized.text.includes(term) &&
        !normalized.title.includes(term),
    )
  if (
    options.withLead !== false &&
    lead &&
    lead.length <= MAX_LEAD_CHARS &&
    (listsIn(clause) > 1 || leadAnswers) &&
    !text.startsWith(lead)
  )
    text = `${lead}${isListOpener(lead) ? '' : '：'}${text}`
  const topic = clause.topic
  if (topic && !generic.includes(topic) && topicAddsToTitle(clause)) text = `关于“${topic}”：${text}`
  return text
}

interface Pick {
  part: SubQuestion
  ranked: RankedClause
  rendered: string
  second: boolean
}

/** Aspects whose answer is one figure: the clause holding it stays first, whatever its place in a list. */
const FIGURE_ASPECTS = new Set(['amount', 'count', 'timing', 'payment'])

/**
 * The picks as they will be shown: a run of one part's picks that are numbered items of the same list (same card,
 * field and list opener) is shown in the card's order ("1．… 2．… 3．…"), not by score, unless the part asks for a
 * figure. Everything else keeps its order.
 */
function inListOrder(picks: readonly Pick[]): Pick[] {
  const result: Pick[] = []
  const sameList = (left: Pick, right: Pick) =>
    left.part === right.part &&
    left.ranked.clause.marker !== null &&
    right.ranked.clause.marker !== null &&
    left.ranked.clause.card === right.ranked.clause.card &&
    left.ranked.clause.field === right.ranked.clause.field &&
    left.ranked.clause.lead === right.ranked.clause.lead
  for (let start = 0; start < picks.length;) {
    let end = start + 1
    while (end < picks.length && sameList(picks[start], picks[end])) end += 1
    const run = picks.slice(start, end)
    if (run.length > 1 && !FIGURE_ASPECTS.has(run[0].part.aspect))
      run.sort((left, right) => left.ranked.clause.position - right.ranked.clause.position)
    result.push(...run)
    start = end
  }
  return result
}

/**
 * Composes an extractive answer from a card: the question split into its parts (amount, condition, count,
 * timing, process, contact), for each part the clause of the card (any field) that best answers it, quoted
 * exactly, in the question's order, then the source line.
 */
export function composePolicyAnswer(card: PolicyCard, question: string, options: ComposeOptions = {}): ComposedAnswer {
  const aspects = options.aspects ?? loadAnswerAspects()
  let parts = splitSubQuestions(question, aspects)
  if (parts.length === 1 && parts[0].aspect === 'general' && options.aspect && options.aspect !== 'general')
    parts = [{ ...parts[0], aspect: DIALOGUE_ASPECT[options.aspect] }]
  const { clauses, cardWeight } = clausePool(card, options)
  const contactShown = contactShownOf(card)
  const picks: Pick[] = []
  const used = new Set<Clause>()
  // The same sentence repeated in a sibling article ("北京市支持氢能基础设施建设" quotes the 措施) is quoted once.
  const usedTexts = new Set<string>()
  const unanswered: string[] = []
  const own = clauses.filter((clause) => clause.card === card)
  const ownText = ownTextOf(card)
  // A bare follow-up ("这个怎么申请？") shares no word with the card: the answer is the card's own text for that aspect, in order.
  const chosen = options.chosen ?? []
  for (const clause of chosen)
    picks.push({
      part: parts[0],
      ranked: { clause, score: 1, fitsAspect: true, ownScore: 1 },
      rendered: renderClause(clause, questionTerms(question), null),
      second: false,
    })
  // A detail the question asks (利率, 官费, 到账时间) that no clause the answer may quote states: said so, not guessed from a nearby clause.
  const asked = normalizeForSearch(question)
  // A detail the 适用对象 line states (年龄, 户籍, 经营满三年) is stated, also where its sentence is not among the clauses.
  const audiences = [...new Set(clauses.map((clause) => clause.card.audience ?? ''))].filter((text) => text !== '')
  // A sibling's clause states it only when it speaks of what the question is about (not another article's 公示期 for a
  // 培训's length); the card's own clauses always count.
  const unstated = aspects.details.filter(
    (detail) =>
      asksDetail(detail, asked) &&
      !clauses.some(
        (clause) =>
          entryPattern(detail).test(clause.text) &&
          (clause.card === card || aboutAsked(clause, subjectTerms(asked, detail.cues))),
      ) &&
      !audiences.some((text) => entryPattern(detail).test(text)),
  )
  const unstatedIn = (part: SubQuestion) =>
    unstated.filter((detail) => detail.cues.some((cue) => part.text.includes(cue)))
  // The part's focus words that neither the card nor a sibling whose clauses may be quoted states anywhere.
  const focusWords = options.decision ? focusWordsOf(aspects, options.decision) : null
  const stated = focusWords ? [...new Set(clauses.map((clause) => clause.card))].map(cardText).join('\n') : ''
  // A specific thing under a general word the text states (冷藏车 under 物流设备) is stated too.
  const covered = aspects.focus.hypernyms
    .filter((entry) => entry.general.some((word) => stated.includes(word)))
    .flatMap((entry) => entry.specific)
  // Words the card states in other words stay in the question (what it ends on is still what it asks: "…落户北京有没有
  // 房租补贴" asks 房租, stated as 租金), counted as stated.
  const statedToo = [stated, ...(options.focusStated ?? []), ...covered].join('\n')
  // A figure part (多少, 几年) is answered by the figure whatever the owner's own circumstances (买冷柜, 做动漫); whether
  // something counts (能领吗, 有年龄要求吗, 能委托吗) is answered only by a clause that names it.
  // "有没有交通补贴" asks whether there is a kind of support, so the thing named must be stated, as for a yes/no part.
  const amountEntry = aspects.aspects.find((entry) => entry.aspect === 'amount')
  const asksWhether = (part: SubQuestion) =>
    part.aspect === 'amount' && amountEntry !== undefined && asksOnlyWhether(part, amountEntry)
  const focusOf = (part: SubQuestion) =>
    focusWords && chosen.length === 0 && (!FIGURE_ASPECTS.has(part.aspect) || asksWhether(part))
      ? unstatedFocus(part.text, statedToo, focusWords, question)
      : []
  const focusMissing = parts.map(focusOf)
  if (chosen.length === 0)
    for (const detail of unstated.filter((candidate) => !parts.some((part) => unstatedIn(part).includes(candidate))))
      unanswered.push(detail.label)
  const bare =
    chosen.length === 0 &&
    parts.length === 1 &&
    unstatedIn(parts[0]).length === 0 &&
    focusMissing[0].length === 0 &&
    !questionTerms(`${parts[0].text} ${parts[0].context}`).some((term) => term.length === 2 && ownText.includes(term))
  if (bare) {
    const entry = aspects.aspects.find((candidate) => candidate.aspect === parts[0].aspect)
    const inField = own.filter((clause) => entry?.fields.includes(clause.field))
    const chosen = inField.length > 0 ? inField : own.filter((clause) => clause.field === 'content')
    for (const clause of chosen)
      picks.push({
        part: parts[0],
        ranked: { clause, score: 1, fitsAspect: true, ownScore: 0 },
        rendered: renderClause(clause, [], null, { withLead: false }),
        second: false,
      })
  }
  const isUsed = (clause: Clause) => {
    if (used.has(clause)) return true
    const text = plainText(clause)
    if (text.length < 8) return false
    for (const usedText of usedTexts) if (usedText.includes(text) || text.includes(usedText)) return true
    return false
  }
  const use = (clause: Clause) => {
    used.add(clause)
    usedTexts.add(plainText(clause))
  }
  // First each part's best clause, in the question's order; then further clauses, so that one part's extras never take another part's answer.
  const listAsked = parts.length === 1 && new RegExp(aspects.listPattern, 'u').test(asked)
  let agencyAsked = false
  const firsts: Array<{
    part: SubQuestion
    best: RankedClause
    fresh: RankedClause[]
    terms: string[]
    pattern: RegExp | null
  }> = []
  for (const [partIndex, part] of (bare || chosen.length > 0 ? [] : parts).entries()) {
    const missing = unstatedIn(part)
    if (missing.length > 0) {
      unanswered.push(...missing.map((detail) => detail.label))
      continue
    }
    if (focusMissing[partIndex].length > 0) {
      unanswered.push(...focusMissing[partIndex].map((span) => `“${span}”`))
      continue
    }
    const entry = aspects.aspects.find(
      (candidate) => candidate.aspect === (part.aspect === 'general' ? 'amount' : part.aspect),
    )
    const pattern = entry ? entryPattern(entry) : null

    const terms = questionTerms(part.text, options.extraTerms)
    const ranked = rankClauses(clauses, part, { aspects, extraTerms: options.extraTerms, cardWeight }).filter(
      (candidate) => candidate.score > 0,
    )
    const leadDocument = firsts[0]?.best.clause.card.documentTitle
    // The source line already gives the 联络方式: a "找哪个部门" part is answered by a clause naming where to apply, if any.
    const contactInFooter = part.aspect === 'contact' && contactShown.length > 0
    const fresh = ranked.filter(
      (candidate) =>
        (leadDocument === undefined || candidate.clause.card.documentTitle === leadDocument) &&
        !isUsed(candidate.clause) &&
        !(contactInFooter && (candidate.clause.field === 'contact' || !candidate.fitsAspect)),
    )
    // "有哪几条原则" is answered by a list: an item of one close behind the best clause is taken instead of a sentence.
    const listItem =
      listAsked && fresh[0] && fresh[0].clause.marker === null
        ? fresh.find((candidate) => candidate.clause.marker !== null && candidate.clause.lead !== null)
        : undefined
    const best = listItem && listItem.score >= LIST_SHARE * fresh[0].score ? listItem : fresh[0]
    // Neither the clause ranked best nor any clause about what the part asks has the shape of its answer (a figure,
    // a count, a date, a phone or agency): the document does not state it, said so instead of quoting a nearby clause.
    if (entry && !contactInFooter && shapeSupport(clauses, part, { aspects, best: best?.clause }) === 'unsupported') {
      unanswered.push(unstatedLabel(part, entry))
      continue
    }
    if (!best) {
      if (contactInFooter) continue
      if (part.aspect === 'agency') agencyAsked = true
      if (
        ranked.length === 0 &&
        part.aspect !== 'contact' &&
        part.aspect !== 'general' &&
        part.aspect !== 'fact' &&
        entry
      )
        unanswered.push(entry.label)
      continue
    }
    // A clause that names no agency does not answer "哪个部门在推": the issuer is named instead.
    if (part.aspect === 'agency' && !best.fitsAspect) {
      agencyAsked = true
      continue
    }
    if (part.aspect !== 'general' && part.aspect !== 'fact' && !best.fitsAspect && best.ownScore === 0 && entry) {
      unanswered.push(entry.label)
      continue
    }
    use(best.clause)
    firsts.push({ part, best, fresh, terms, pattern })
  }
  const definitionAsked = new RegExp(aspects.definitionPattern, 'u').test(asked)
  for (const [index, { part, best, fresh, terms, pattern }] of firsts.entries()) {
    // "有哪些支持" / "条件都有啥": the first sentence of every numbered item of the best clause's field, in the card's order.
    const home = clauses.filter((clause) => clause.card === best.clause.card)
    // An item whose first sentence is its title ("(一)需求导向。") is read from its first clause under that title.
    const titledFirst = (clause: Clause, position: number) =>
      clause.marker !== null &&
      clause.topic !== null &&
      clause.lead !== null &&
      !clause.startsWithMarker &&
      !home.slice(0, position).some((before) => before.field === clause.field && before.marker === clause.marker)
    const items = home.filter(
      (clause, position) =>
        clause.field === best.clause.field &&
        clause.marker !== null &&
        (clause.startsWithMarker || titledFirst(clause, position)) &&
        !isUsed(clause),
    )
    // The best clause is an item, or the sentence that opens the list ("应当具备以下条件：").
    const inList = best.clause.marker !== null || /[：:]$/u.test(best.clause.text)
    if (listAsked && inList && items.length > 0) {
      for (const clause of home.filter((candidate) => candidate === best.clause || items.includes(candidate))) {
        if (clause !== best.clause) use(clause)
        // A titled item is listed by its title: its sentences are long and the title is what it is.
        const titled = clause.marker !== null && !clause.startsWithMarker && clause.topic !== null
        const rendered = titled
          ? `${clause.marker}${clause.topic}。`
          : renderClause(clause, [], null, { withLead: false })
        const first = rendered.split(/(?<=[。；])/u)[0]
        // The best clause may be a later sentence of a titled item that is listed already.
        if (picks.some((pick) => pick.part === part && pick.rendered === first)) continue
        picks.push({
          part,
          ranked: clause === best.clause ? best : { clause, score: best.score, fitsAspect: true, ownScore: 0 },
          rendered: first,
          second: false,
        })
      }
      continue
    }
    /** Quotes the best clause with the clauses of its block not quoted yet, in the card's order. */
    const quoteBlock = (inBlock: (clause: Clause) => boolean) => {
      for (const clause of home.filter(
        (candidate) => candidate === best.clause || (inBlock(candidate) && !isUsed(candidate)),
      )) {
        if (clause !== best.clause) use(clause)
        picks.push({
          part,
          ranked: clause === best.clause ? best : { clause, score: best.score, fitsAspect: true, ownScore: 0 },
          rendered: renderClause(clause, terms, pattern),
          second: clause !== best.clause,
        })
      }
    }
    // "啥叫首谈制": the whole section (sentences under the best clause's heading) or numbered item, as far as it fits.
    if (definitionAsked && index === 0 && (best.clause.topic !== null || best.clause.marker !== null)) {
      quoteBlock(
        (clause) =>
          clause.field === best.clause.field &&
          (best.clause.topic !== null ? clause.topic === best.clause.topic : clause.item === best.clause.item),
      )
      continue
    }
    // The same for an article whose measures are sentences, not numbered items ("专精特新贷…；专精特新保…"): its sentences
    // in order, as many as fit — the sentences of the best clause's numbered item, or the unnumbered sentences of its field.
    if (listAsked && items.length === 0) {
      quoteBlock(
        (clause) =>
          clause.field === best.clause.field &&
          (best.clause.marker !== null ? clause.item === best.clause.item : clause.marker === null),
      )
      continue
    }
    picks.push({ part, ranked: best, rendered: renderClause(best.clause, terms, pattern), second: false })
    // A list opener ("申报领跑型试点企业，应符合以下条件：") is quoted with the item of its list that best answers the part.
    if (isListOpener(best.clause.text)) {
      const item = fresh.find((candidate) => candidate.clause.lead === best.clause.text && !isUsed(candidate.clause))
      if (item) {
        use(item.clause)
        picks.push({
          part,
          ranked: item,
          rendered: renderClause(item.clause, terms, pattern, { withLead: false }),
          second: false,
        })
      }
    }
    // Further clauses that answer the same part nearly as well (a second rate, the cap after the ratio), while the phone screen has room.
    let added = 0
    for (const extra of fresh.slice(1)) {
      if (added >= EXTRA_CLAUSES || extra.score < best.score * SAME_ITEM_SHARE) break
      // A sentence continuing the best clause's numbered item ("其中零售企业…最高给予200万元") needs less to be quoted.
      const sameItem = best.clause.marker !== null && extra.clause.item === best.clause.item
      if (!extra.fitsAspect || (!sameItem && extra.score < best.score * SECOND_CLAUSE_SHARE)) continue
      if (isUsed(extra.clause)) continue
      use(extra.clause)
      added += 1
      picks.push({ part, ranked: extra, rendered: renderClause(extra.clause, terms, pattern), second: true })
    }
    // A clause holding far more of the part's own words than the best ("撂荒" in "3．闲置撂荒连续两年以上的") is what the
    // part is about, whatever its shape: quoted too.
    const named = fresh.find(
      (candidate) =>
        candidate.ownScore >= Math.max(OWN_WORDS_RATIO * best.ownScore, OWN_WORDS_FLOOR) && !isUsed(candidate.clause),
    )
    if (named) {
      use(named.clause)
      picks.push({ part, ranked: named, rendered: renderClause(named.clause, terms, pattern), second: true })
    }
  }
  // "正好1000万算不算": the document's definition of 以上/以下 beside the threshold quoted.
  const boundary = aspects.boundary
  if (boundary && chosen.length === 0 && picks.length > 0 && asksBoundary(question, aspects)) {
    const rule = new RegExp(boundary.clausePattern, 'u')
    const definition = clauses.find(
      (clause) => clause.card.documentTitle === picks[0].ranked.clause.card.documentTitle && rule.test(clause.text),
    )
    if (definition && !isUsed(definition)) {
      use(definition)
      picks.push({
        part: parts[0],
        ranked: { clause: definition, score: 0, fitsAspect: true, ownScore: 0 },
        rendered: renderClause(definition, [], null, { withLead: false }),
        second: false,
      })
    }
  }
  if (picks.length === 0 && unanswered.length === 0 && !agencyAsked) {
    for (const clause of clauses
      .filter((candidate) => candidate.card === card && candidate.field === 'content')
      .slice(0, 2))
      picks.push({
        part: parts[0],
        ranked: { clause, score: 0, fitsAspect: false, ownScore: 0 },
        rendered: renderClause(clause, [], null, { withLead: false }),
        second: false,
      })
  }
  const lead = picks.find((pick) => !pick.second)?.ranked.clause.card ?? card
  const header = options.certain === false ? `您问的应是《${lead.title}》：` : `【${lead.title}】`
  const lines: string[] = []
  if (options.validity) lines.push(options.validity)
  // The lines of the picks kept, in list order: a topic or a list's opening sentence is named once for a run of its
  // clauses ("1．本项目的项目申报主体为个人，其应同时具备以下条件：" before the first of its items only).
  const render = (kept: ReadonlySet<Pick>): string[] => {
    const rendered: string[] = []
    let previousTopic: string | null = null
    let previousLead: string | null = null
    for (const pick of inListOrder(picks.filter((candidate) => kept.has(candidate)))) {
      const other = pick.ranked.clause.card
      const topic = /^关于“.*?”：/u.exec(pick.rendered)?.[0] ?? null
      let text = topic && topic === previousTopic ? pick.rendered.slice(topic.length) : pick.rendered
      previousTopic = topic
      const clauseLead = pick.ranked.clause.lead
      const leadPrefix = clauseLead ? `${clauseLead}${isListOpener(clauseLead) ? '' : '：'}` : null
      const body = topic && text.startsWith(topic) ? text.slice(topic.length) : text
      const shown = leadPrefix !== null && body.startsWith(leadPrefix)
      if (shown && leadPrefix === previousLead)
        text = `${text.slice(0, text.length - body.length)}${body.slice(leadPrefix.length)}`
      if (shown) previousLead = leadPrefix
      else if (leadPrefix !== previousLead) previousLead = null
      // A clause from another article of the same document says which article it is.
      rendered.push(other === lead ? `· ${text}` : `· ${other.heading ?? other.title}：${text}`)
    }
    return rendered
  }
  const lengthOf = (kept: ReadonlySet<Pick>) =>
    header.length +
    lines.reduce((sum, line) => sum + line.length + 1, 0) +
    render(kept).reduce((sum, line) => sum + line.length + 1, 0)
  // First choices before second choices, each part in the question's order, as many as fit the phone screen.
  const ordered = [...picks.filter((pick) => !pick.second), ...picks.filter((pick) => pick.second)]
  const kept = new Set<Pick>()
  for (const pick of ordered) {
    kept.add(pick)
    if (kept.size > 1 && lengthOf(kept) > MAX_BODY_CHARS) kept.delete(pick)
  }
  lines.push(...render(kept))
  if (agencyAsked) lines.push(`· 发布部门：${lead.issuer}`)
  if (unanswered.length > 0)
    lines.push(
      `· 原文未写明${[...new Set(unanswered)].join('、')}，请向${lead.contact ? '咨询电话' : lead.issuer}核实。`,
    )
  const quotedCards = [
    ...new Set([lead, ...picks.filter((pick) => kept.has(pick)).map((pick) => pick.ranked.clause.card)]),
  ]
  const sources = quotedCards.flatMap((quotedCard) => [
    quotedCard.content,
    quotedCard.requirements,
    quotedCard.process,
    quotedCard.timing,
    quotedCard.title,
    quotedCard.documentTitle,
    quotedCard.issuer,
    quotedCard.docNumber ?? '',
    quotedCard.contact ?? '',
  ])
  return {
    body: [header, ...lines].join('\n'),
    footer: sourceLine(lead),
    sources: sources.filter((text): text is string => text !== null),
    quoted: picks.filter((pick) => kept.has(pick)).map((pick) => pick.ranked.clause),
    card: lead,
  }
}
