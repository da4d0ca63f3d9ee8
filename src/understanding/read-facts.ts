import { checkPlausibility } from '../facts/check-plausibility.js'
import { convertQuantity, type QuantityProblem } from '../facts/convert-quantity.js'
import { formatNumber } from '../facts/describe-fact.js'
import { detectInjection } from '../facts/detect-injection.js'
import { FACT_LABELS } from '../facts/fact-labels.js'
import { BOOLEAN_FACT_NAMES, FACT_NAMES, type FactName, type Facts } from '../facts/fact-schema.js'
import { AMOUNT_TOPICS, type AmountTopic, type GradedFact, type KeywordMeaning } from '../facts/fact-vocabulary.js'
import { normalizeMessage } from '../facts/normalize-message.js'
import { findTarget, polarityOf, polarWordOf, splitClauses, unitFits, type Clause } from '../facts/split-clauses.js'
import type { Quantity, QuantityBound } from '../facts/read-quantity.js'
import { currentLexicon } from './current-lexicon.js'
import { distributeRespectively } from './distribute-respectively.js'
import { readBareYears } from './read-bare-years.js'
import { findComparisons } from './read-comparisons.js'
import { resolveIndustry, type IndustryMention } from './resolve-industry.js'
import type { Grades, Lexicon } from './load-lexicon.js'
import type { ChangeKind } from './lexicon-schema.js'
import { tagText, type MessageToken, type YearReference } from './tag-text.js'
import { toSimplified } from './to-simplified.js'
import { yearOffset } from './year-offset.js'

/** What the dialogue knows when it hands over a reply. */
export interface ExtractionContext {
  /** Facts the bot just asked for, in the order asked (a bare answer like "240万" or "有" fills these). */
  expecting: FactName[]
  /** The facts already known (for plausibility: mainRevenue ≤ revenue, ipClass1SelfDeveloped ≤ ipClass1, rdStaff ≤ employees …). */
  known: Facts
  /**
   * The calendar year 上年度 refers to (2024 while assessing in 2025), to read "2023年营收2800万" as 前年.
   * Without it the latest year named in the message counts as 上年度.
   */
  lastFiscalYear?: number
  /** The word lists to read with (the current knowledge/lexicon by default). */
  lexicon?: Lexicon
  /** Bare 是/没有 do not fill `expecting` (a yes/no group reads them itself); 不清楚 still does. */
  noBareFill?: boolean
}

/** What a bound says about a fact ("营收没到一千万": revenue lt 1000). */
export interface FactBound {
  fact: FactName
  op: QuantityBound
  value: number
  raw: string
}

/** Another reading of a fact the message allows (industry: "做软件也做硬件"). */
export interface Alternative {
  fact: FactName
  value: unknown
  score: number
  evidence: string
}

/** What one reply said about the enterprise. */
export interface ExtractionResult {
  /** How sure each set fact is, 0–1: a keyword with its number or a name of the standard is 1, a description 0.8. */
  scores: Partial<Record<FactName, number>>
  /** The words each set fact was read from. */
  evidence: Partial<Record<FactName, string>>
  /** Other readings the message allows, weaker or equal to the chosen one. */
  alternatives: Alternative[]
  /** Facts whose reading is not sure (equal alternatives): confirm before storing. */
  unsure: FactName[]
  /** Numbers the message says are wrong ("不是2300万"), for corrections against the last values. */
  denied: Array<{ raw: string; quantity: Quantity }>
  /** Bounds and rough sizes the message gives instead of values (the facts stay unset and are asked again). */
  bounds: FactBound[]
  /** Values to set, already validated against FactsSchema ranges and the known facts. */
  facts: Facts
  /** The user said 不知道/不清楚/没统计 for these: they stay unknown and should not be asked again right away. */
  unknown: FactName[]
  /** Implausible or unparseable values, not set; `reason` is a short Chinese re-ask. */
  rejected: Array<{ fact: FactName; raw: string; reason: string }>
  /** The message corrects something said before (说错了/更正/改一下/应该是/不对). */
  correction: boolean
  /** Every fact the message talked about (set, unknown or rejected). */
  mentioned: FactName[]
  /** The message reads like an attempt to steer the advisor; nothing was extracted from it. */
  injection: boolean
}

/** Longer messages are cut: no enterprise states its facts in more. */
const MAX_MESSAGE_LENGTH = 20_000
const ASK_AGAIN = '请再确认一下？'

interface FactSlot {
  topic: AmountTopic
  slot: number
}
const SLOT_OF_FACT = new Map<FactName, FactSlot>()
for (const topic of Object.values(AMOUNT_TOPICS) as AmountTopic[]) {
  topic.slots.forEach((fact, slot) => SLOT_OF_FACT.set(fact, { topic, slot }))
}

/** The value that means "none" for a fact, when there is one ("没有发明专利" → 0, "没有研发机构" → 'none'). */
const NEGATIVE_VALUES: Partial<Record<FactName, unknown>> = {
  revenue: 0,
  revenuePrev: 0,
  mainRevenue: 0,
  mainRevenuePrev: 0,
  mainRevenuePrev2: 0,
  rdExpense: 0,
  rdExpensePrev: 0,
  equityFinancing2y: 0,
  equityFinancing3y: 0,
  debtRatio: 0,
  employees: 0,
  rdStaff: 0,
  ipHighValue: 0,
  ipClass1SelfDeveloped: 0,
  ipClass1: 0,
  ipClass2: 0,
  leadProductField: 'none',
  techConversion: [],
  listing: 'none',
  contest: 'none',
  rdInstitution: 'none',
  sciAwardLevel: 'none',
  honors: [],
  makerChinaTop: null,
}
const BOOLEAN_FACTS = new Set<FactName>(BOOLEAN_FACT_NAMES)
for (const fact of BOOLEAN_FACTS) NEGATIVE_VALUES[fact] = false

const PROBLEM_EXAMPLES: Record<string, string> = {
  money: '3200万',
  percent: '48%',
  count: '30',
  years: '5年',
  level: '2级',
  top: '500强',
}

type Token = MessageToken
interface BoundValue {
  start: number
  quantity: Quantity
  raw: string
  year: YearReference | null
  window: number | null
  sign: 1 | -1
  part: string
}
interface FreeValue {
  token: Token
  year: YearReference | null
  window: number | null
  wholeClause: boolean
}
type BareKind = 'yes' | 'no' | 'unknown'
/** The intellectual-property facts a word for IP in general (知识产权, 专利) is about. */
export const IP_FACTS: readonly FactName[] = ['ipClass1', 'ipClass1SelfDeveloped', 'ipHighValue', 'ipClass2']
/** A part and its whole: "都是自己研发的" makes the part equal to the whole. */
const WHOLE_OF: Partial<Record<FactName, FactName>> = { ipClass1SelfDeveloped: 'ipClass1' }
/**
 * "帮低空飞行器做…": the text after a customer marker is a word or two describing the customer, not one of the words for
 * the customer itself ("帮他们翻新厨房").
 */
function describesCustomer(before: string, marker: string, pronouns: readonly string[]): boolean {
  const at = before.lastIndexOf(marker)
  if (at < 0) return false
  const between = before.slice(at + marker.length)
  return /^\p{Script=Han}{1,2}$/u.test(between) && !pronouns.some((word) => between.startsWith(word))
}

/** Words that say the firm has something (有三家分店), not what it is. */
const POSSESSIVES = new Set(['有', '拥有', '有的'])
/** What may stand between a number and the 不对/错了 that denies it ("3200那个错了"). */
const DENIED_GLUE = /^\s*(?:那个|这个|那|这|是|的|也)*\s*$/u

/** Where a clause stops stating facts: at its first question (the whole clause), or at its first wish or intent. */
function suppressionStart(tokens: readonly Token[]): number {
  // A question suppresses its whole clause, unless it closes an intent ("能评X吗"): then only what the intent covers.
  const intent = tokens.findIndex((token) => token.cue === 'assess' || token.cue === 'which')
  const question = tokens.findIndex((token) => token.type === 'question' || token.cue === 'policy')
  if (question >= 0 && (intent < 0 || intent > question)) return 0
  const index = tokens.findIndex(
    (token) => token.type === 'desire' || token.type === 'intent' || token.cue !== undefined,
  )
  return index < 0 ? tokens.length : index
}

/**
 * Whether a negated amount keyword says the firm has none of it ("没有研发费用" → 0). It does not when the clause
 * says a value is wrong ("NO 员工数不对") or denies what a figure is ("那个300是工资，不是研发费用").
 */
function deniesExistence(clause: Clause, index: number, saysWrong: boolean, denials: ReadonlySet<string>): boolean {
  if (saysWrong) return false
  const word = polarWordOf(clause, index)
  return !(word?.type === 'no' && denials.has(word.text))
}

/**
 * Whether a small figure with a classifier counts a thing named right after it ("一个高尔夫练习场", "两个盘") rather
 * than stating a fact: a Han word follows that is neither a fact keyword, nor a person, nor a particle
 * (reply-words.json thingCounts, closingParticles).
 */
function countsAThing(text: string, token: Token, next: Token | undefined, lexicon: Lexicon): boolean {
  const { figures, classifiers, people, particles } = lexicon.thingCounts
  let after = text.slice(token.end)
  // "3家店", "三十台厢货": a classifier that never counts people, right after any figure, names the thing counted.
  const classifier = classifiers.find((word) => after.startsWith(word))
  if (classifier && token.type === 'quantity' && !token.quantity.unit) after = after.slice(classifier.length)
  // "六个厅", "十个仓": 个 before a word that never counts people.
  else if (classifier && token.text.endsWith('个')) return true
  else if (!figures.has(token.text)) return false
  if (
    !/^\p{Script=Han}/u.test(after) ||
    people.some((word) => after.startsWith(word)) ||
    particles.some((word) => after.startsWith(word))
  )
    return false
  // "两个发明专利": a figure before its own fact's keyword counts that fact; an industry word after it is the thing.
  if (next && next.start === token.end && next.type === 'keyword' && next.meaning.type !== 'choice') return false
  return !lexicon.closingParticles.some((particle) => after.startsWith(particle))
}

/** Words that say what the firm is (its industry, legal form or titles), not something it has. */
function namesTheFirm(meaning: KeywordMeaning): boolean {
  if (meaning.type === 'choice') return meaning.fact === 'industry'
  if (meaning.type === 'flag') return meaning.fact === 'independentLegalPerson'
  return meaning.type === 'member' && meaning.fact === 'honors'
}

/** An A-not-A question of whether something holds: 有没有, 过没过, 在不在, 是不是. */
const WHETHER = /(\p{Script=Han})[没不]\1/u

/** Words that introduce what the firm does: 做/是, 从事/深耕 (nicheYears), 主营 (mainRevenue: "主营软件开发"). */
const INDUSTRY_CUE_TOPICS = new Set(['nicheYears', 'mainRevenue'])

/**
 * "接近一个亿，九千多万", "150多，不到160": undated bounds of one unit, at least one from below and one from above,
 * that can all hold at once narrow one figure; they are not several figures.
 */
function narrowsOneFigure(values: readonly BoundValue[]): boolean {
  if (values.length < 2) return false
  let lower = -Infinity
  let upper = Infinity
  let sides = 0
  for (const { quantity, year, window } of values) {
    if (year !== null || window !== null || quantity.range || quantity.unit !== values[0]!.quantity.unit) return false
    const op = quantity.bound ?? (quantity.upperBound ? 'lt' : null)
    if (op === 'gt' || op === 'ge') {
      lower = Math.max(lower, quantity.value)
      sides |= 1
    } else if (op === 'lt' || op === 'le') {
      upper = Math.min(upper, quantity.value)
      sides |= 2
    } else return false
  }
  return sides === 3 && lower < upper
}

function isIndustryCue(token: Token): boolean {
  return (
    token.type === 'cue' ||
    token.type === 'yes' ||
    (token.type === 'keyword' && token.meaning.type === 'amount' && INDUSTRY_CUE_TOPICS.has(token.meaning.topic.id))
  )
}
interface BareAnswer {
  kind: BareKind
  raw: string
  all: boolean
  /** The facts it is about, when the clause before named them (else the facts asked). */
  facts?: FactName[]
}

/** Accumulates what a message says, fact by fact; a later statement in the message wins. */
class Draft {
  readonly values = new Map<FactName, { value: unknown; raw: string }>()
  readonly unknown = new Set<FactName>()
  /** Facts not set, with the question back; `askedBack`: a bare 有/是 asked for its count or level. */
  readonly rejected = new Map<FactName, { raw: string; reason: string; askedBack: boolean }>()
  /** Facts read from a number (not from polarity or a word alone). */
  readonly numeric = new Set<FactName>()

  set(fact: FactName, value: unknown, raw: string, numeric = false): void {
    this.values.set(fact, { value, raw })
    if (numeric) this.numeric.add(fact)
    else this.numeric.delete(fact)
    this.unknown.delete(fact)
    this.rejected.delete(fact)
  }

  reject(fact: FactName, raw: string, reason: string, askedBack = false): void {
    this.values.delete(fact)
    this.unknown.delete(fact)
    this.rejected.set(fact, { raw, reason, askedBack })
  }

  markUnknown(fact: FactName): void {
    if (this.values.has(fact) || this.rejected.has(fact)) return
    this.unknown.add(fact)
  }

  touched(fact: FactName): boolean {
    return this.values.has(fact) || this.unknown.has(fact) || this.rejected.has(fact)
  }
}

/**
 * Reads enterprise facts from one chat reply in natural Chinese.
 *
 * - Several facts in one message; a number belongs to the nearest keyword before it in its clause (or the one
 *   right after it: "30个研发人员"); a clause with only a year and a number continues the previous clause's
 *   fact ("去年营收3200万，前年2800万"). Numbers with no keyword fill `expecting` in order, by unit and year.
 * - Years: 去年/上年度 → 上年度, 前年, 大前年, or calendar years (see `lastFiscalYear`). Several values of one
 *   fact without years ("主营收入三年分别是1000、1130、1209.1万") are read oldest first when a 近N年/N年 span
 *   names as many years as values (the usual Chinese order); otherwise in the order the bot asked for them;
 *   otherwise they are asked again.
 * - 不知道/不清楚 leave facts unknown (never "no"); 没有 gives 0/否/无 where that is a value.
 * - Values outside the schema ranges, vague ("十几个"), bounds ("不到100人"), ambiguous ratios ("0.48") or
 *   implausible against `known` are rejected with a reason and not set.
 * - A message that reads like prompt injection sets nothing.
 */
export function extractFacts(text: string, context: ExtractionContext): ExtractionResult {
  const lexicon = context.lexicon ?? currentLexicon()
  const normalized = toSimplified(normalizeMessage(text.slice(0, MAX_MESSAGE_LENGTH)), lexicon)
  if (detectInjection(normalized)) return emptyResult(true)
  const tagged = tagText(normalized, lexicon)
  const tokens = distributeRespectively(
    splitAtParts(negateBounds(readBareYears(tagged, normalized, context.lastFiscalYear), normalized)),
  )
  const extractor = new MessageExtractor(normalized, tokens, context)
  return extractor.run()
}

/** Negated lower bounds: not reaching (没上千万) is below, not passing (没破亿) is at most. */
const NEGATED_BOUND: Partial<Record<QuantityBound, QuantityBound>> = { ge: 'lt', gt: 'le' }

/** "营收还没上千万", "没破亿": a 没/还没 right before a bound figure turns its lower bound into an upper one. */
function negateBounds(tokens: MessageToken[], text: string): MessageToken[] {
  const result: MessageToken[] = []
  for (const token of tokens) {
    const previous = result[result.length - 1]
    const negated = token.type === 'quantity' && token.quantity.bound ? NEGATED_BOUND[token.quantity.bound] : undefined
    if (
      token.type === 'quantity' &&
      negated &&
      previous?.type === 'no' &&
      /^[上过破]/.test(token.text) &&
      text.slice(previous.end, token.start).trim() === ''
    ) {
      result[result.length - 1] = {
        ...token,
        start: previous.start,
        text: text.slice(previous.start, token.end),
        quantity: { ...token.quantity, bound: negated, upperBound: true },
      }
    } else if (token.type === 'quantity' && token.quantity.bound && IMPOSSIBLE_AFTER.test(text.slice(token.end))) {
      // "营收低于两千五那是不可能的": a bound said to be impossible is its opposite.
      const opposite = OPPOSITE_BOUND[token.quantity.bound]
      result.push(
        opposite
          ? {
              ...token,
              quantity: { ...token.quantity, bound: opposite, upperBound: opposite === 'lt' || opposite === 'le' },
            }
          : token,
      )
    } else result.push(token)
  }
  return result
}

/** The bound that holds when a bound is said to be impossible. */
const OPPOSITE_BOUND: Partial<Record<QuantityBound, QuantityBound>> = { lt: 'ge', le: 'gt', ge: 'lt', gt: 'le' }
/** After a bound: it cannot be ("低于两千五那是不可能的", "不到一百那不可能"). */
const IMPOSSIBLE_AFTER = /^\s*(?:那|这)?(?:是)?(?:绝对|肯定)?(?:不可能|没可能|不会的)/u

/**
 * "总共80人其中研发25人", "员工150（含研发30）": 其中/含 inside a clause opens a new one, so that the part is read as a
 * part of what came before rather than competing with it for one keyword.
 */
function splitAtParts(tokens: MessageToken[]): MessageToken[] {
  const result: MessageToken[] = []
  let numberInClause = false
  for (const token of tokens) {
    if (token.type === 'part' && numberInClause) {
      result.push({ start: token.start, end: token.start, text: '', type: 'separator' })
      numberInClause = false
    }
    if (token.type === 'separator') numberInClause = false
    if (token.type === 'quantity') numberInClause = true
    result.push(token)
  }
  return result
}

function emptyResult(injection: boolean): ExtractionResult {
  return {
    facts: {},
    unknown: [],
    rejected: [],
    correction: false,
    mentioned: [],
    injection,
    scores: {},
    evidence: {},
    alternatives: [],
    unsure: [],
    denied: [],
    bounds: [],
  }
}

class MessageExtractor {
  readonly #draft = new Draft()
  readonly #bindings = new Map<AmountTopic, BoundValue[]>()
  readonly #free: FreeValue[] = []
  readonly #bare: BareAnswer[] = []
  readonly #expecting: FactName[]
  readonly #referenceYear: number | null
  readonly #choices = new Map<FactName, string>()
  /** The clause each choice was read from, so that a 不清楚 elsewhere can tell how far away it was said. */
  readonly #choiceRaws = new Map<FactName, string>()
  readonly #members = new Map<'honors' | 'techConversion', { add: Set<string>; remove: Set<string> }>()
  #previousTopic: AmountTopic | null = null
  /** The last topic talked about that has a fact per year (研发费用, not 研发人员). */
  #previousDatedTopic: AmountTopic | null = null
  /** "去年比前年多四百万": figures of one topic stated through another year's, resolved once all values are read. */
  readonly #comparisons: Array<{
    topic: AmountTopic
    subject: YearReference
    reference: YearReference
    change: ChangeKind | 'ratio'
    difference: Quantity | null
    raw: string
  }> = []
  /** The year of the last figure read without a keyword ("去年三千 前年少三百": 前年 is compared with 去年). */
  #lastFreeYear: YearReference | null = null
  /** The year order (slot indexes) an undated list of the message was read in, for its other undated lists. */
  #listOrder: number[] | null = null
  /** The year named with the previous topic when its clause gave no number ("前年营收搞错了"). */
  #previousTopicYear: YearReference | null = null
  /** The 近N年 window named with the previous topic when its clause gave no number ("近两年融资写错了，应该是1500万"). */
  #previousTopicWindow: number | null = null
  /** The previous topic was named without a number ("数字化等级没评过，不清楚几级"). */
  #previousTopicBare = false
  /** The clause before named a whole matter (融资的事) without saying it is not known. */
  #previousArea = false
  /** A title the clause before said was given wrong without a polarity ("高新那个说错了"): the next 有/没有 is about it. */
  #correctedMember: { fact: 'honors' | 'techConversion'; value: string } | null = null
  /** The one title held that the clause before named ("知识产权优势企业是2019年评的"), for a bare 没有/过期了 after it. */
  #memberBefore: { fact: 'honors' | 'techConversion'; value: string } | null = null
  #memberNow: { fact: 'honors' | 'techConversion'; value: string } | null | undefined = undefined
  /** The title said wrong in the clause just before this one. */
  #correctedBefore: { fact: 'honors' | 'techConversion'; value: string } | null = null
  /** Values the message says are wrong ("不是2300万"). */
  readonly #denied: Array<{ raw: string; quantity: Quantity }> = []
  /** Parts said to be all of their whole ("都是自己研发的"). */
  readonly #allOf = new Set<FactName>()
  /** The clause being read opened with 其中/里面. */
  #partOfCount = false
  /** Every industry the message names, for the compound rule and the alternatives. */
  readonly #industries: IndustryMention[] = []
  /** The graded fact (研发机构, 科技奖) the last graded keyword named, which a bare level after it is about. */
  #lastGraded: 'rdInstitution' | 'sciAwardLevel' | null = null
  /** The last bound a keyword's figure gave ("员工不到一百五"), which a bare bound after it may narrow. */
  #lastKeywordBound: { fact: FactName; value: BoundValue } | null = null
  /** Where the last industry word read as a customer (or supplier) ends, -1 before any. */
  #lastCustomerEnd = -1
  /** An industry word of the message named a customer ("客户是幼儿园", "给奶茶店供货"). */
  #customerNamed = false
  readonly #scores = new Map<FactName, number>()
  readonly #bounds: FactBound[] = []
  readonly #evidence = new Map<FactName, string>()
  readonly #alternatives: Alternative[] = []
  readonly #unsure = new Set<FactName>()
  /** Facts named beside a correction word ("员工数不对"): talked about even when no value follows. */
  readonly #saidWrong = new Set<FactName>()
  /** Where the last 说错了/不对 stood: a value after it replaces the same fact's value before it. */
  #lastCorrectionAt = -1
  readonly #namesScienceAward: boolean
  readonly #levels: Lexicon['levels']
  /** Where the message's last figure starts (-1 when it has none). */
  #lastQuantityStart = -1
  /** The clauses read, in order (their raw text): where a value or a 不清楚 was said. */
  readonly #clauseRaws: string[] = []
  /** The clauses that say yes or no in words of their own ("肯定没有", "没出过"). */
  readonly #polarClauses = new Set<string>()
  /** Clauses that name a fact by its keyword. */
  readonly #keywordClauses = new Set<string>()
  /** Clauses that name a matter as a whole ("上市的事", "融资这块"). */
  readonly #matterClauses = new Set<string>()
  /** The last clause with a fact keyword named a contest: an award word in a clause without one is its ("…大赛 拿了个优胜奖"). */
  #lastContest = false
  readonly #lexicon: Lexicon
  /** Where the last number or keyword ends: a 不对 before it is a correction, not a "no". */
  readonly #lastValueStart: number

  constructor(
    readonly text: string,
    readonly tokens: Token[],
    readonly context: ExtractionContext,
  ) {
    this.#expecting = [...new Set(context.expecting)]
    this.#lexicon = context.lexicon ?? currentLexicon()
    this.#levels = this.#lexicon.levels
    const calendarYears = tokens.flatMap((token) =>
      token.type === 'year' && token.year.kind === 'calendar' ? [token.year.year] : [],
    )
    this.#referenceYear =
      context.lastFiscalYear ??
      (calendarYears.length > 0 ? calendarYears.reduce((latest, year) => Math.max(latest, year)) : null)
    this.#namesScienceAward = tokens.some(
      (token) => token.type === 'keyword' && token.meaning.type === 'graded' && token.meaning.fact === 'sciAward',
    )
    const values = tokens.filter(
      (token) => token.type === 'quantity' || (token.type === 'keyword' && token.meaning.type !== 'noise'),
    )
    this.#lastValueStart = values.length > 0 ? values[values.length - 1].start : -1
    this.#lastQuantityStart = tokens.findLast((token) => token.type === 'quantity')?.start ?? -1
  }

  run(): ExtractionResult {
    for (const clause of splitClauses(this.text, this.tokens)) this.#readClause(clause)
    // Topics asked for first: the order their lists follow is the order of a pasted row's other lists.
    const bindings = [...this.#bindings].sort(
      ([left], [right]) =>
        Number(right.slots.some((fact) => this.#expects(fact))) -
        Number(left.slots.some((fact) => this.#expects(fact))),
    )
    for (const [topic, values] of bindings) this.#resolveTopic(topic, values)
    for (const part of this.#allOf) {
      const whole = WHOLE_OF[part] as FactName
      const value = this.#draft.values.get(whole)?.value ?? this.context.known[whole]
      if (typeof value === 'number') this.#draft.set(part, value, this.#draft.values.get(whole)?.raw ?? '', true)
    }
    this.#resolveChoicesAndMembers()
    this.#fillExpecting()
    this.#applyComparisons()
    this.#applyBareAnswers()
    this.#fillWiderWindows()
    return this.#result()
  }

  #expects(fact: FactName): boolean {
    return this.#expecting.includes(fact)
  }

  /** Reads one clause: numbers to their keywords, then keywords without numbers (flags, choices, 没有/不清楚). */
  #readClause(clause: Clause): void {
    this.#clauseRaws.push(clause.raw)
    const { tokens } = clause
    if (tokens.some((token) => token.type === 'yes' || token.type === 'no')) this.#polarClauses.add(clause.raw)
    if (tokens.some((token) => token.type === 'keyword' && token.meaning.type !== 'noise'))
      this.#keywordClauses.add(clause.raw)
    this.#correctedBefore = this.#correctedMember
    this.#correctedMember = null
    this.#memberBefore = this.#memberNow ?? null
    this.#memberNow = undefined
    if (tokens.some((token) => token.type === 'hypothetical')) {
      this.#previousTopic = null
      return
    }
    // A question states no fact ("分公司算吗"), nor what follows a wish or an intent ("想评专精特新"), but what
    // comes before one does ("我们是分公司能申请创新型吗", "个体户能评吗").
    const suppressFrom = suppressionStart(tokens)
    const suppressed = suppressFrom < tokens.length
    const hasUnknown = tokens.some((token) => token.type === 'unknown')
    const hasCorrection = tokens.some((token) => token.type === 'correction')
    const saysWrong = tokens.some((token) => token.type === 'correction' && token.alsoNo)
    const windowToken = tokens.find((token) => token.type === 'window')
    const window = windowToken?.type === 'window' ? windowToken.years : null
    const firstYear = tokens.find((token) => token.type === 'year')
    const clauseYear = firstYear?.type === 'year' ? firstYear.year : null
    const bound = new Set<number>()
    // "一共一百四": a totalling word (noise) or a filler leaves the number the clause's whole answer.
    const substantive = tokens.filter(
      (token) =>
        token.type !== 'yes' &&
        token.type !== 'correction' &&
        token.type !== 'respectively' &&
        token.type !== 'filler' &&
        !(token.type === 'keyword' && token.meaning.type === 'noise'),
    )
    let pendingYear: YearReference | null = null
    const postposed = new Set<number>()
    let clauseTopic: AmountTopic | null = null
    /** The topic a number of this clause went to. */
    let numberTopic: AmountTopic | null = null
    let keywordBefore = false

    this.#partOfCount = tokens[0]?.type === 'part'
    const keyworded = tokens.some((token) => token.type === 'keyword' && token.meaning.type !== 'noise')
    if (
      !keyworded &&
      this.#lastContest &&
      !hasUnknown &&
      !suppressed &&
      !tokens.some((token) => token.type === 'no') &&
      gradeOf(this.#levels.contest, clause.text) === 'award'
    )
      this.#draft.set('contest', 'award', clause.raw)
    if (keyworded) this.#lastContest = false
    // "员工是150？不是，是130": a clause of only 不是 after a value corrects it.
    if (tokens.length > 0 && tokens.every((token) => token.type === 'no') && this.#bindings.size > 0)
      this.#lastCorrectionAt = tokens[0].start
    let valueWindow = window
    const used = this.#readComparisons(tokens)
    this.#readStartYear(tokens, used)
    tokens.forEach((token, index) => {
      if (token.type === 'correction') this.#lastCorrectionAt = token.start
      if (token.type === 'year' && !postposed.has(index)) pendingYear = token.year
      // "近2年 2000 近3年 3000": each number takes the span said last before it.
      if (token.type === 'window') valueWindow = token.years
      if (token.type === 'rank') this.#readRank(tokens, index, token.rank, bound)
      if (token.type === 'keyword' && token.meaning.type === 'amount') keywordBefore = true
      if (token.type !== 'quantity' || used.has(index)) return
      // "经营一个高尔夫练习场", "在通州盖了两个盘": one to three of a thing, named right after, count no fact.
      if (countsAThing(this.text, token, tokens[index + 1], this.#lexicon)) return
      // A question states no number either ("是不是得排前几名才算", "要不要超过500万").
      if (index >= suppressFrom) return
      // "是2800万不是2300万", "员工是120人不是150": the number after 不是 is the value being replaced.
      const before = tokens[index - 1]
      const denier = tokens[index + 1]
      // "3200不对，是3020", "营收3200那个错了", "3200打错了": a 不对/打错了 right after the number says it is wrong.
      // "员工不是150是105打错了": after a figure already denied, the one before 打错了 is the new one.
      const deniedAfter =
        denier?.type === 'correction' &&
        (denier.alsoNo || (denier.marksWrong === true && this.#denied.length === 0)) &&
        DENIED_GLUE.test(this.text.slice(token.end, denier.start))
      // "营业收入写成三千二了": the number after 写成/填成 is the one written by mistake; "上面那个3200改一下":
      // the number right after a word pointing back at a value given before names that value, unless a fact's
      // keyword follows it ("刚才那个6是二类的": the value moves to that fact).
      const restated = tokens.slice(index + 1).find((next) => next.type !== 'yes' && next.type !== 'filler')
      const miswritten =
        before?.type === 'correction' &&
        (before.kind === 'wrongValue' ||
          (before.kind === 'previous' && before.end === token.start && restated?.type !== 'keyword'))
      if ((before?.type === 'no' && this.#lexicon.denials.has(before.text)) || deniedAfter || miswritten) {
        this.#denied.push({ raw: token.text, quantity: token.quantity })
        const target = findTarget(clause, index)
        if (target) {
          bound.add(target.index)
          if (target.meaning.type === 'amount') clauseTopic = target.meaning.topic
        }
        this.#lastCorrectionAt = Math.max(this.#lastCorrectionAt, deniedAfter ? denier.start : (before?.start ?? -1))
        return
      }
      // "具体有几个不清楚": an unknown beats a vague number in its clause.
      if (hasUnknown && token.quantity.vague) return
      // "两千万是去年的": a year right after the number (after 是) is its year.
      const next = tokens[index + 1]?.type === 'yes' && tokens[index + 1].text === '是' ? index + 2 : index + 1
      const candidate = tokens[next]
      // "去年260万前年是220万": a year with a figure of its own after it is that figure's year, not this one's.
      const following = tokens.slice(next + 1).find((later) => later.type !== 'yes' && later.type !== 'filler')
      const opensFigure =
        following?.type === 'quantity' || (following?.type === 'keyword' && following.meaning.type === 'amount')
      const after =
        pendingYear === null &&
        candidate?.type === 'year' &&
        ((!opensFigure && /^\s*是?\s*$/u.test(this.text.slice(token.end, candidate.start))) ||
          // "240万（2025）、200万（2024）": one year in parentheses after the figure is its year.
          (/^\s*[（(]\s*$/u.test(this.text.slice(token.end, candidate.start)) &&
            /^\s*[)）]/u.test(this.text.slice(candidate.end))))
          ? candidate
          : undefined
      if (after) postposed.add(next)
      const year = after?.type === 'year' ? after.year : pendingYear
      pendingYear = null
      const target = findTarget(clause, index)
      if (target) {
        bound.add(target.index)
        const topic = this.#bindTarget(target.meaning, token, polarityOf(clause, index) === 'no', year, valueWindow)
        if (topic) clauseTopic = numberTopic = topic
        return
      }
      const previous = this.#previousTopic
      // Only facts by year or window continue into the next clause ("营收3200万，前年2800万").
      // Any fact continues after a correction ("员工150人，不对，160人").
      const previousValues = previous ? (this.#bindings.get(previous) ?? []) : []
      const lastValue = previousValues[previousValues.length - 1]
      const corrected =
        this.#lastCorrectionAt >= 0 && (lastValue === undefined || this.#lastCorrectionAt > lastValue.start)
      // A fact named without a number ("净利润其实是亏的，-50万") takes the number of the next clause.
      const continues =
        previous !== null &&
        (previous.slots.length > 1 || previous.windows !== undefined || corrected || previousValues.length === 0)
      // "员工不对，是一百六": after a correction even a bare number continues the fact.
      const fits =
        token.quantity.unit !== null ? unitFits(previous ?? AMOUNT_TOPICS.revenue, token.quantity) : corrected
      if (previous && continues && !keywordBefore && ((year !== null && previous.unit === 'money') || fits)) {
        this.#bind(previous, {
          start: token.start,
          quantity: token.quantity,
          raw: token.text,
          // "前年营收搞错了，应该是2500万": the year named with the fact in the clause before.
          year: year ?? this.#previousTopicYear,
          window: valueWindow ?? this.#previousTopicWindow,
          sign: 1,
          part: '',
        })
        clauseTopic = numberTopic = previous
        return
      }
      // "软著12个，其中3个是去年新拿的": a part without a word of its own is of no fact asked.
      if (this.#partOfCount && previous !== null) return
      this.#free.push({ token, year, window: valueWindow, wholeClause: substantive.length === 1 })
      if (year) this.#lastFreeYear = year
    })

    tokens.forEach((token, index) => {
      if (token.type !== 'keyword' || bound.has(index)) return
      const polarity = polarityOf(clause, index)
      const topic = this.#readKeyword(
        token.meaning,
        clause,
        {
          polarity,
          suppressed: index >= suppressFrom,
          hasUnknown,
          hasCorrection,
          saysWrong,
          index,
          clauseYear,
          window,
        },
        token,
      )
      if (topic) clauseTopic = topic
    })

    // "融资的事得问老板": not knowing a whole matter leaves every fact asked unknown; so does a 不清楚 in the next
    // clause that names nothing else ("融资的事我不管，问我们CFO吧").
    const area = tokens.some((token) => token.type === 'area')
    const namesFact = tokens.some(
      (token) => token.type === 'keyword' && token.meaning.type !== 'noise' && token.meaning.type !== 'sink',
    )
    if (hasUnknown && (area || (this.#previousArea && !namesFact))) {
      // "研发费用这块真不清楚 人倒是知道 二十二个": a matter named by an amount's keyword is that amount only.
      const named = tokens.flatMap((token) =>
        area && token.type === 'keyword' && token.meaning.type === 'amount' ? token.meaning.topic.slots : [],
      )
      // Only when a figure follows for another fact; "研发这块儿俺们没算过" does not know the whole matter.
      const clauseEnd = tokens[tokens.length - 1]?.end ?? 0
      const scope =
        named.length > 0 && this.#lastQuantityStart > clauseEnd
          ? this.#expecting.filter((fact) => named.includes(fact))
          : this.#expecting
      for (const fact of scope) if (!this.#draft.values.has(fact)) this.#draft.markUnknown(fact)
    }
    this.#previousArea = area && !hasUnknown
    if (area && namesFact) this.#matterClauses.add(clause.raw)
    if (!hasUnknown) this.#readLocatedPlace(clause, suppressFrom)
    const keywords = tokens.filter((token) => token.type === 'keyword' && token.meaning.type !== 'noise')
    // "不清楚几级": a vague number beside 不清楚 asks rather than states (it was skipped above).
    const numbers = tokens.filter(
      (token) => (token.type === 'quantity' && !(hasUnknown && token.quantity.vague)) || token.type === 'rank',
    )
    if (keywords.length === 0 && numbers.length === 0) this.#readBareClause(clause, clauseYear, suppressed)
    // "机构的钱一分没进过 上市的事…": a clause about another matter ends the talk of the amount before it.
    if (!clauseTopic && area && namesFact) this.#previousTopic = null
    if (clauseTopic) {
      this.#previousTopic = clauseTopic
      this.#noteDatedTopic(clauseTopic)
      this.#previousTopicBare = numberTopic !== clauseTopic
      this.#previousTopicYear = this.#previousTopicBare ? clauseYear : null
      this.#previousTopicWindow = this.#previousTopicBare ? window : null
    }
  }

  #noteDatedTopic(topic: AmountTopic): void {
    if (topic.slots.length > 1 && !topic.windows) this.#previousDatedTopic = topic
  }

  /**
   * "2015年开始做这个", "08年就干这个", "从一九年起做": the year the firm began its line of business gives the years in it,
   * counted to this year (reply-words.json startWords after the year). A two-digit year before 年 here is a year, not a
   * count of years.
   */
  #readStartYear(tokens: Token[], used: Set<number>): void {
    if (!this.#expects('nicheYears') || this.#draft.touched('nicheYears') || this.#referenceYear === null) return
    tokens.forEach((token, index) => {
      let year: number | null = null
      if (token.type === 'year' && token.year.kind === 'calendar') year = token.year.year
      else if (token.type === 'quantity' && token.quantity.unit === 'year' && /^(?:从)?\d{2}年$/u.test(token.text)) {
        // "08年", "19年": this century up to this year, else the last one ("98年就干这个").
        const short = Number(token.text.replace(/\D/gu, ''))
        year = 2000 + short <= this.#referenceYear! ? 2000 + short : 1900 + short
      }
      if (year === null || year > this.#referenceYear! || used.has(index)) return
      const after = this.text.slice(token.end, token.end + 6)
      if (
        !this.#lexicon.startWords.some(
          (word) => after.replace(/^[就便起]?/u, '').startsWith(word) || after.startsWith(word),
        )
      )
        return
      used.add(index)
      this.#draft.set('nicheYears', this.#referenceYear! + 1 - year, token.text, true)
    })
  }

  /** Records the clause's comparisons (their difference is no value) and returns the token indexes they use up. */
  #readComparisons(tokens: Token[]): Set<number> {
    const used = new Set<number>()
    for (const comparison of findComparisons(tokens, this.text)) {
      comparison.used.forEach((index) => used.add(index))
      const asked = this.#expecting
        .map((fact) => SLOT_OF_FACT.get(fact)?.topic)
        .find((topic) => topic?.unit === 'money')
      const topic = comparison.topic ?? this.#previousTopic ?? asked
      if (!topic || topic.slots.length < 2 || topic.windows) continue
      const given = this.#bindings.get(topic) ?? []
      const offsetOfReference = comparison.reference ? this.#offsetOf(comparison.reference) : null
      const subject: YearReference | null =
        comparison.subject ??
        given[given.length - 1]?.year ??
        (offsetOfReference !== null && offsetOfReference > 0 ? { kind: 'offset', offset: offsetOfReference - 1 } : null)
      const offsetOfSubject = subject ? this.#offsetOf(subject) : null
      if (subject === null || offsetOfSubject === null) continue
      const lastYear = given[given.length - 1]?.year ?? (given.length === 0 ? this.#lastFreeYear : null)
      const lastOffset = lastYear ? this.#offsetOf(lastYear) : null
      const reference: YearReference =
        comparison.reference ??
        (lastYear && lastOffset !== null && lastOffset !== offsetOfSubject
          ? lastYear
          : { kind: 'offset', offset: offsetOfSubject + 1 })
      this.#comparisons.push({
        topic,
        subject,
        reference,
        change: comparison.change,
        difference: comparison.difference?.quantity ?? null,
        raw: comparison.raw,
      })
    }
    return used
  }

  /**
   * "前年2800万，去年比前年多四百万" → 去年 3200万; "去年3200万，比前年涨了四百" → 前年 2800万; "前年2800万 去年翻了一番" →
   * 去年 5600万. A comparison sets the year it leaves open from the one given (in the message or known before),
   * never one already said; chains ("前年比大前年多300万") resolve in turn. A rough difference sets nothing.
   */
  #applyComparisons(): void {
    const pending = [...this.#comparisons]
    for (let changed = true; changed && pending.length > 0;) {
      changed = false
      for (const comparison of [...pending]) {
        const { topic, change } = comparison
        const slotOf = (year: YearReference): FactName | undefined => {
          const offset = this.#offsetOf(year)
          return offset === null || offset < 0 ? undefined : topic.slots[offset]
        }
        const subject = slotOf(comparison.subject)
        const reference = slotOf(comparison.reference)
        // "涨了一成", "少了20%": a difference in percent is a share of the reference's figure.
        const share = comparison.difference?.unit === 'percent' && topic.unit !== 'percent'
        const difference = comparison.difference
          ? convertQuantity(comparison.difference, share ? 'percent' : topic.unit)
          : null
        if (!subject || !reference || subject === reference || (difference !== null && !difference.ok)) {
          pending.splice(pending.indexOf(comparison), 1)
          continue
        }
        const amount = difference?.ok ? difference.value : 0
        const valueOf = (fact: FactName): number | undefined => {
          const value = this.#draft.values.get(fact)?.value ?? this.context.known[fact]
          return typeof value === 'number' ? value : undefined
        }
        const from = valueOf(subject)
        const to = valueOf(reference)
        let target: FactName | null = null
        let value = 0
        // The subject's figure as a multiple of the reference's.
        const factor =
          change === 'double'
            ? 2
            : change === 'ratio'
              ? amount / 100
              : share
                ? 1 + ((change === 'more' ? 1 : -1) * amount) / 100
                : null
        if (to !== undefined && from === undefined && !this.#draft.touched(subject)) {
          target = subject
          value = factor !== null ? to * factor : change === 'more' ? to + amount : to - amount
        } else if (from !== undefined && to === undefined && !this.#draft.touched(reference)) {
          target = reference
          value = factor !== null ? from / factor : change === 'more' ? from - amount : from + amount
        } else continue
        // A share gives the figure only where it comes out whole ("涨了一成" on 330 is 300); "涨了14%" on 3200 is
        // 2807.0175…, an estimate the owner did not give.
        if (factor !== null && change !== 'double') {
          const whole = Math.round(value)
          if (Math.abs(value - whole) > 1e-6) {
            pending.splice(pending.indexOf(comparison), 1)
            continue
          }
          value = whole
        }
        pending.splice(pending.indexOf(comparison), 1)
        changed = true
        if (value >= 0) this.#draft.set(target, Number(value.toPrecision(12)), comparison.raw, true)
      }
    }
  }

  #bind(topic: AmountTopic, value: BoundValue): void {
    const values = this.#bindings.get(topic) ?? []
    const last = values[values.length - 1]
    // "营收3200万，不对，3300万": the corrected value replaces the one before.
    if (
      last &&
      last.start < this.#lastCorrectionAt &&
      last.part === value.part &&
      (last.year === null) === (value.year === null) &&
      // "去年不含税三千零五十 前年不含税两千七": a figure of another year is no correction of the one before.
      (last.year === null || value.year === null || JSON.stringify(last.year) === JSON.stringify(value.year))
    )
      values.pop()
    values.push(value)
    this.#bindings.set(topic, values)
  }

  /** A number found its keyword: record it (amounts are resolved per topic once the whole message is read). */
  #bindTarget(
    meaning: KeywordMeaning,
    token: Token & { type: 'quantity' },
    negated: boolean,
    year: YearReference | null,
    window: number | null,
  ): AmountTopic | null {
    const { quantity } = token
    if (meaning.type === 'unclassifiedIp') {
      this.#draft.reject('ipClass1', token.text, '请分开说：发明专利等Ⅰ类知识产权几项，实用新型、软著等Ⅱ类几项？')
      return null
    }
    if (meaning.type === 'graded' && meaning.fact === 'makerChinaTop') {
      this.#setMakerChina(quantity, token.text, negated)
      return null
    }
    if (meaning.type !== 'amount') return null
    // "研发35人", and "员工140，其中研发35": a part of a head count is a head count.
    const ofCount = this.#partOfCount && this.#previousTopic?.unit === 'count'
    const topic =
      meaning.countTopic && (!unitFits(meaning.topic, quantity) || ofCount) ? meaning.countTopic : meaning.topic
    const sign = meaning.sign ?? 1
    this.#bind(topic, { start: token.start, quantity, raw: token.text, year, window, sign, part: meaning.part ?? '' })
    return topic
  }

  #readRank(tokens: Token[], index: number, rank: number | null, bound: Set<number>): void {
    // A rank belongs to a science award named in the message, or answers the rank asked for.
    if (!this.#namesScienceAward && !this.#expects('sciAwardRank')) return
    bound.add(index)
    const raw = tokens[index].text
    if (rank === null || rank < 1) this.#draft.reject('sciAwardRank', raw, `科技奖励排名请说具体名次，比如“第3名”。`)
    else this.#draft.set('sciAwardRank', rank, raw)
  }

  #setMakerChina(quantity: Quantity, raw: string, negated: boolean): void {
    if (negated) return this.#draft.set('makerChinaTop', null, raw)
    const conversion = convertQuantity(quantity, 'top')
    if (!conversion.ok || conversion.value < 1)
      return this.#draft.reject('makerChinaTop', raw, '创客中国大赛是进了50强还是500强？')
    this.#draft.set('makerChinaTop', conversion.value <= 50 ? 50 : conversion.value <= 500 ? 500 : null, raw)
  }

  /** A keyword without a number: flags, choices, graded facts, and 没有/不清楚 for amounts. */
  #readKeyword(
    meaning: KeywordMeaning,
    clause: Clause,
    state: {
      polarity: 'yes' | 'no' | null
      suppressed: boolean
      hasUnknown: boolean
      /** The clause holds a correction word (说错了, 不对); `saysWrong`: one that says a value is wrong (不对, 错了). */
      hasCorrection: boolean
      saysWrong: boolean
      /** The keyword's index in its clause. */
      index: number
      clauseYear: YearReference | null
      window: number | null
    },
    token: Token,
  ): AmountTopic | null {
    const draft = this.#draft
    const { polarity, suppressed, hasUnknown } = state
    const { raw } = clause
    switch (meaning.type) {
      case 'amount': {
        const facts = this.#factsWithoutValue(meaning.topic, state.clauseYear, state.window)
        // "员工数不对", "主营收入前年的不对": the fact is said to be wrong (its value may follow or be asked for).
        if (state.hasCorrection) for (const fact of facts) this.#saidWrong.add(fact)
        if (hasUnknown) facts.forEach((fact) => draft.markUnknown(fact))
        else if (suppressed) return meaning.topic
        else if (polarity === 'no') {
          if (!deniesExistence(clause, state.index, state.saysWrong, this.#lexicon.denials)) return meaning.topic
          for (const fact of facts)
            if (fact in NEGATIVE_VALUES && !draft.values.has(fact)) draft.set(fact, NEGATIVE_VALUES[fact], raw)
        } else if (facts.length === 1 && WHOLE_OF[facts[0]] && clause.tokens.some((token) => token.type === 'all')) {
          // "发明专利4个都是自己研发的", "均为自主研发", "全部自研": the part is all of the whole.
          this.#allOf.add(facts[0])
        } else if (
          polarity === 'yes' &&
          meaning.topic.unit === 'count' &&
          facts.length === 1 &&
          !draft.touched(facts[0])
        ) {
          const { label, unit } = FACT_LABELS[facts[0]]
          draft.reject(facts[0], raw, `${label}具体有多少${unit ?? ''}？`, true)
        }
        return meaning.topic
      }
      case 'flag': {
        if (meaning.onlyWhenAsked && !this.#expects(meaning.fact)) break
        if (hasUnknown) draft.markUnknown(meaning.fact)
        else if (suppressed) break
        else {
          const value = meaning.value ?? true
          // "我们有三家分店", "在上海有分公司": a branch the firm has says nothing about its own legal form.
          const before = clause.tokens[state.index - 1]
          const has = polarWordOf(clause, state.index)
          const owns =
            meaning.value === false &&
            (before?.type === 'quantity' ||
              (has?.type === 'yes' && POSSESSIVES.has(has.text) && has.end <= token.start))
          if (owns) break
          if (polarity === 'no') draft.set(meaning.fact, !value, raw)
          // A word that names the value ("分公司", "不是分公司", "个体户") needs no 是/有.
          else if (polarity === 'yes' || this.#expects(meaning.fact) || meaning.value !== undefined)
            draft.set(meaning.fact, value, raw)
        }
        break
      }
      case 'registration': {
        if (hasUnknown) draft.markUnknown('registeredInBeijing')
        else if (!suppressed) this.#readPlace(clause, polarity, raw)
        break
      }
      case 'choice': {
        if (hasUnknown) draft.markUnknown(meaning.fact)
        else if (suppressed) break
        else if (meaning.fact === 'industry') {
          const cued = meaning.explicit || this.#expects('industry') || clause.tokens.some(isIndustryCue)
          // A description that opens its clause names the firm too ("连锁超市，员工800人"), also as the subject of
          // the figures after it ("连锁超市员工800人", voice input without punctuation).
          const next = clause.tokens[clause.tokens.indexOf(token) + 1]
          const opens =
            clause.tokens.find((candidate) => candidate.type !== 'filler') === token &&
            (!clause.tokens.some((candidate) => candidate.type === 'quantity') ||
              (next?.type === 'keyword' && next.meaning.type === 'amount'))
          // "给医院做信息化系统", "给学校做食堂": an industry right after 给/帮, followed by what the firm does for it,
          // is the customer's ("卖设备给经销商的" still says whom the firm sells to, and so how it trades).
          const before = this.text.slice(0, token.start).trimEnd()
          const doneFor = /^[^\s，,。；;！!？?]*?[^\s，,。；;！!？?的了啊呀]/u.test(this.text.slice(token.end))
          // "客户是外卖平台上的商家", "用户都是中小学": in a clause about the customers every industry word is theirs;
          // "卖给宠物店": a shop or restaurant the firm sells to is its customer (a wholesale word says how it trades).
          // The clause's words before the token, also those no token was read from ("客户有200多家餐厅").
          const opened = this.text.slice(0, token.start).search(/[^\s，,。；;！!？?]*$/u)
          const clauseBefore = this.text.slice(Math.min(opened, clause.tokens[0]?.start ?? token.start), token.start)
          // "种香菇木耳 卖给新发地的批发商": after an activity of its own, whom the firm sells to is a customer, also
          // with words between; a wholesaler it sells to is its customer only when that activity is no trade
          // ("从厂家拿货卖给经销商的" says the firm trades wholesale).
          const sellsTo = this.#lexicon.sellingMarkers.some((marker) =>
            this.#industries.length > 0
              ? clauseBefore.includes(marker)
              : // "卖给连锁餐厅": a word or two may describe the customer.
                before.endsWith(marker) ||
                (before.lastIndexOf(marker) >= 0 &&
                  /^\p{Script=Han}{1,3}$/u.test(before.slice(before.lastIndexOf(marker) + marker.length))),
          )
          const produces = this.#industries.some(
            (mention) => mention.value !== 'retail' && mention.value !== 'wholesale',
          )
          // "从钢厂拿货": the supplier.
          const { supplierMarkers } = this.#lexicon
          const after = this.text.slice(token.end, token.end + 4)
          const spokenBefore = before.split(/[\s，,。；;！!？?]/u).pop() ?? ''
          const supplier =
            supplierMarkers.before.some((marker) => spokenBefore.includes(marker)) &&
            supplierMarkers.after.some((marker) => after.startsWith(marker))
          const customer =
            (doneFor &&
              !this.#lexicon.trades.has(token.text) &&
              this.#lexicon.customerMarkers.some(
                (marker) =>
                  before.endsWith(marker) ||
                  // "帮低空飞行器做适航咨询": a word or two may describe the customer ("帮他们翻新厨房": a pronoun is
                  // the customer, and what follows is what the firm does).
                  describesCustomer(before, marker, this.#lexicon.customerPronouns),
              )) ||
            this.#lexicon.customerSubjects.some((word) => clauseBefore.includes(word)) ||
            this.#lexicon.customerPredicates.some((word) => this.text.startsWith(word, token.end)) ||
            supplier ||
            (sellsTo && (meaning.value !== 'wholesale' || produces)) ||
            // "给数据中心和运营商供货", "给物流公司的货车装终端": a word joined to a customer by 和/、 or 的 is the customer's.
            (this.#lastCustomerEnd >= 0 &&
              !this.#lexicon.trades.has(token.text) &&
              /^(?:和|与|及|跟|、|的)$/u.test(this.text.slice(this.#lastCustomerEnd, token.start)))
          if (customer) this.#lastCustomerEnd = token.end
          if (customer && !supplier) this.#customerNamed = true
          // "卖电脑硬件": goods named right after a selling verb are what the firm sells, not what it makes.
          const sold = this.#lexicon.sellingVerbs.some((verb) => {
            const at = spokenBefore.lastIndexOf(verb)
            return at >= 0 && /^\p{Script=Han}{0,3}$/u.test(spokenBefore.slice(at + verb.length))
          })
          if (polarity !== 'no' && !customer && (cued || opens)) {
            for (const value of [meaning.value, ...(meaning.also ?? [])]) {
              this.#industries.push({
                value,
                explicit: meaning.explicit === true,
                main: false,
                start: token.start,
                end: token.end,
                raw: token.text,
                ...(sold ? { sold: true } : {}),
              })
            }
          }
        } else if (polarity === 'no') {
          if (!this.#choices.has(meaning.fact)) this.#choose(meaning.fact, 'none', raw)
        } else if (meaning.explicit || polarity === 'yes' || this.#expects(meaning.fact))
          this.#choose(meaning.fact, meaning.value, raw)
        break
      }
      case 'member': {
        if (hasUnknown) draft.markUnknown(meaning.fact)
        else if (suppressed) break
        else {
          const change = this.#members.get(meaning.fact) ?? { add: new Set<string>(), remove: new Set<string>() }
          // "制造业，200人，高新技术企业": a title said on its own is held.
          const alone = clause.tokens.every((candidate) => candidate === token || candidate.type === 'filler')
          if (polarity === null && state.hasCorrection && !this.#expects(meaning.fact)) {
            this.#correctedMember = { fact: meaning.fact, value: meaning.value }
            break
          }
          if (polarity === 'no') change.remove.add(meaning.value)
          else if (polarity === 'yes' || this.#expects(meaning.fact) || alone) {
            change.add.add(meaning.value)
            // One title named in the clause can be taken back by the next; two or more cannot say which.
            this.#memberNow = this.#memberNow === undefined ? { fact: meaning.fact, value: meaning.value } : null
          }
          this.#members.set(meaning.fact, change)
        }
        break
      }
      case 'graded':
        this.#readGraded(meaning.fact, clause, state)
        break
      case 'fixed':
        if (!suppressed && !hasUnknown) draft.set(meaning.fact, meaning.value, raw)
        break
      case 'unclassifiedIp':
        // "专利的情况不清楚": not knowing about patents leaves every IP fact asked unknown.
        if (hasUnknown) for (const fact of IP_FACTS) if (this.#expects(fact)) draft.markUnknown(fact)
        break
      case 'matter':
        // "荣誉资质不清楚": its facts stay unknown; "啥荣誉都没有": they have none.
        for (const fact of meaning.facts) {
          if (hasUnknown) draft.markUnknown(fact)
          else if (!suppressed && polarity === 'no') draft.set(fact, NEGATIVE_VALUES[fact], raw)
        }
        break
      case 'sink':
      case 'noise':
        break
    }
    return null
  }

  /**
   * A place said as where the firm is, without 注册: "我们在燕郊", "海淀的软件公司", "位于亦庄". Only listed places
   * count here (not any "XX市"), and not after 离/靠近.
   */
  #readLocatedPlace(clause: Clause, suppressFrom: number): void {
    if (this.#draft.touched('registeredInBeijing')) return
    if (clause.tokens.some((token) => token.type === 'keyword' && token.meaning.type === 'registration')) return
    clause.tokens.forEach((token, index) => {
      if (token.type !== 'place' || index >= suppressFrom || this.#draft.touched('registeredInBeijing')) return
      // "河北廊坊的企业": a province and its city are one place, read at its last part.
      const next = clause.tokens[index + 1]
      if (next?.type === 'place' && next.start === token.end) return
      let head = index
      while (
        head > 0 &&
        clause.tokens[head - 1].type === 'place' &&
        clause.tokens[head - 1].end === clause.tokens[head].start
      )
        head -= 1
      // "离北京很近", "办公地址在河北燕郊": a place beside the firm, not where it is registered.
      if (head > 0 && clause.tokens[head - 1].type === 'near') return
      const listed = this.#lexicon.words.get(token.text)?.tag.type === 'place'
      const before = this.text.slice(Math.max(0, clause.tokens[head].start - 4), clause.tokens[head].start)
      const after = this.text.charAt(token.end)
      // "找深圳的工厂代工", "卖给上海的经销商": a place of the firm's supplier or customer is not where the firm is.
      const { supplierMarkers, customerMarkers, sellingMarkers } = this.#lexicon
      const ofPartner = [...supplierMarkers.before, ...customerMarkers, ...sellingMarkers].some((marker) =>
        before.endsWith(marker),
      )
      const first = clause.tokens.findIndex((candidate) => candidate.type !== 'filler') === head && !ofPartner
      // "海淀的独立法人", "海淀的软件公司" name where the firm is; "国外的FDA认证" where something it has is from.
      const ofOther = next?.type === 'keyword' && !namesTheFirm(next.meaning)
      // "海淀做芯片设计的": a place right before what the firm does is where it is.
      // "北京独立法人", "朝阳软件公司": so is one right before what the firm is ("北京分公司" is where a branch is).
      const branch = next?.type === 'keyword' && next.meaning.type === 'flag' && next.meaning.value === false
      const doing =
        first &&
        next?.start === token.end &&
        !branch &&
        (next.type === 'cue' || (next.type === 'keyword' && namesTheFirm(next.meaning)))
      // "做汽车线束 昌平 三百二十人": a place standing alone between other facts is where the firm is.
      const alone =
        head === index &&
        clause.tokens.every((candidate, at) => at === index || candidate.type === 'filler') &&
        clause.text.trim() === token.text
      // "我们在海淀", "位于亦庄", "我们是一家北京的物流公司".
      // 再 is typed for 在 ("我们再天津"), 滴 for 的 ("海淀滴独立法人").
      if (
        listed &&
        (/(?:[在再]|于|是(?:一家|家|一个)?)$/.test(before) ||
          doing ||
          alone ||
          (first && /^[的滴]$/.test(after) && !ofOther) ||
          // "总部在深圳 北京这家是独立的子公司": the firm this place's clause is about.
          (first && this.text.startsWith('这家', token.end)))
      ) {
        const polarity = polarityOf(clause, index)
        this.#draft.set('registeredInBeijing', polarity === 'no' ? false : token.beijing, clause.raw)
      }
    })
  }

  #readPlace(clause: Clause, polarity: 'yes' | 'no' | null, raw: string): boolean {
    const inBeijing = placeOf(clause)
    if (inBeijing === null) return false
    this.#draft.set('registeredInBeijing', polarity === 'no' ? false : inBeijing, raw)
    return true
  }

  #readGraded(
    fact: GradedFact,
    clause: Clause,
    state: { polarity: 'yes' | 'no' | null; suppressed: boolean; hasUnknown: boolean; index: number },
  ): void {
    const draft = this.#draft
    const { raw } = clause
    const target: FactName = fact === 'sciAward' ? 'sciAwardLevel' : fact
    if (target === 'rdInstitution' || target === 'sciAwardLevel') this.#lastGraded = target
    if (state.hasUnknown) return draft.markUnknown(target)
    if (state.suppressed) return
    if (state.polarity === 'no') {
      // "研发机构不是市级的 就是区里挂了个牌": denying one level says nothing of the others.
      const levels =
        this.#levels[fact === 'sciAward' ? 'sciAward' : fact === 'rdInstitution' ? 'rdInstitution' : 'contest']
      const saysWhatItIsNot = !deniesExistence(clause, state.index, false, this.#lexicon.denials)
      if (saysWhatItIsNot && gradeOf(levels, clause.text) !== null) return
      draft.set(target, NEGATIVE_VALUES[target], raw)
      return
    }
    // "创客中国拿过北京赛区的二等奖": 创客中国 is a contest too; an award in its clause is a contest award.
    if (fact === 'makerChinaTop') {
      if (gradeOf(this.#levels.contest, clause.text) === 'award') draft.set('contest', 'award', raw)
      this.#lastContest = true
      return
    }
    if (fact === 'contest') this.#lastContest = true
    const found = gradeOf(
      this.#levels[fact === 'sciAward' ? 'sciAward' : fact === 'rdInstitution' ? 'rdInstitution' : 'contest'],
      clause.text,
    )
    if (found) return draft.set(target, found, raw)
    if (fact === 'rdInstitution' && (state.polarity === 'yes' || this.#expects(target))) {
      draft.reject(target, raw, '研发机构是什么级别（国家级/省级/市级/区级）？', true)
    } else if (fact === 'sciAward' && (state.polarity === 'yes' || this.#expects(target))) {
      draft.reject(target, raw, '科技奖励是国家级还是省级？您的单位排第几？', true)
    }
  }

  /** A clause with neither keyword nor number: "有", "没有", "不清楚", "市级的", "注册在天津" answer what was asked. */
  #readBareClause(clause: Clause, clauseYear: YearReference | null, suppressed: boolean): void {
    const { tokens } = clause
    // "不知道够不够条件", "不清楚能不能评上": wondering whether the firm qualifies asks about the verdict, not a fact.
    // The wondering follows the not knowing; "评测结果尚未公布" names a result it does not know.
    const firstUnknown = tokens.findIndex((token) => token.type === 'unknown')
    const wondering =
      firstUnknown >= 0 &&
      tokens
        .slice(firstUnknown + 1)
        .some((token) => token.type === 'intent' && (token.cue === 'assess' || token.cue === 'which'))
    const unknown = !wondering && firstUnknown >= 0
    // "不太清楚有没有": not knowing is an answer, even put as a question.
    if (suppressed && !unknown) return
    const { raw } = clause
    // A bare 不对 is a "no", unless a corrected value follows ("不对，应该是3300万").
    const no = tokens.some(
      (token) => token.type === 'no' || (token.type === 'correction' && token.alsoNo && !this.#followedByValue(token)),
    )
    const yes = tokens.some((token) => token.type === 'yes')
    const all = tokens.some((token) => token.type === 'all')
    // "前年的不清楚" / "前年没有": the year picks a fact of the topic just talked about, or of the last one with a
    // fact per year ("研发费用两百万 研发人员25个 前年的不清楚").
    const dated =
      this.#previousTopic && this.#previousTopic.slots.length === 1 && !this.#previousTopic.windows
        ? (this.#previousDatedTopic ?? this.#previousTopic)
        : this.#previousTopic
    if (clauseYear && dated && (unknown || no)) {
      const facts = this.#factsWithoutValue(dated, clauseYear, null)
      for (const fact of facts) {
        if (unknown) this.#draft.markUnknown(fact)
        else if (fact in NEGATIVE_VALUES) this.#draft.set(fact, NEGATIVE_VALUES[fact], raw)
      }
      return
    }
    // "数字化等级没评过，不清楚几级": not knowing right after a fact named without a number is about that fact.
    if (unknown && !all && this.#previousTopic && this.#previousTopicBare) {
      const facts = this.#factsWithoutValue(this.#previousTopic, this.#previousTopicYear, null)
      if (facts.length > 0) return void this.#bare.push({ kind: 'unknown', raw, all, facts })
    }
    // "高新那个说错了，证书去年就过期了": the polarity is about the title said wrong, not about what was asked.
    const corrected = this.#correctedBefore
    if (corrected && !unknown && (yes || no)) {
      const change = this.#members.get(corrected.fact) ?? { add: new Set<string>(), remove: new Set<string>() }
      ;(no ? change.remove : change.add).add(corrected.value)
      this.#members.set(corrected.fact, change)
      return
    }
    // "知识产权优势企业是2019年评的 早过期了": a lapse (reply-words.json lapses) right after the one title named takes it
    // back.
    const member = this.#memberBefore
    const lapsed = this.#lexicon.lapses.some((word) => clause.text.includes(word))
    if (member && lapsed && !yes && !all && !unknown) {
      const change = this.#members.get(member.fact)
      change?.add.delete(member.value)
      change?.remove.add(member.value)
      return
    }
    if (this.#expects('registeredInBeijing') && !unknown && this.#readPlace(clause, no ? 'no' : null, raw)) return
    // "研发机构不是市级的 就是区里挂了个牌": a level alone is about the graded fact the clause before named first.
    const graded = ['rdInstitution', 'sciAwardLevel'] as const
    const order = this.#lastGraded ? [this.#lastGraded, ...graded.filter((fact) => fact !== this.#lastGraded)] : graded
    for (const fact of order) {
      if ((!this.#expects(fact) && fact !== this.#lastGraded) || this.#draft.touched(fact) || unknown || no) continue
      const found = gradeOf(this.#levels[fact === 'rdInstitution' ? 'rdInstitution' : 'sciAward'], clause.text)
      if (found) return this.#draft.set(fact, found, raw)
    }
    if (unknown) this.#bare.push({ kind: 'unknown', raw, all })
    else if (no) this.#bare.push({ kind: 'no', raw, all })
    else if (yes) this.#bare.push({ kind: 'yes', raw, all })
  }

  /** The facts a keyword without a number talks about: by year, by 近N年 window, else those asked for. */
  #factsWithoutValue(topic: AmountTopic, year: YearReference | null, window: number | null): FactName[] {
    if (topic.windows) {
      const windowed = window !== null ? topic.windows[window] : undefined
      if (windowed) return [windowed]
      const asked = topic.slots.filter((fact) => this.#expects(fact))
      return asked.length > 0 ? asked : [...topic.slots]
    }
    if (topic.slots.length === 1) return [...topic.slots]
    if (year) {
      const offset = this.#offsetOf(year)
      return offset !== null && offset >= 0 && offset < topic.slots.length ? [topic.slots[offset]] : []
    }
    const asked = this.#expecting.filter((fact) => topic.slots.includes(fact))
    return asked.length > 0 ? asked : [topic.slots[0]]
  }

  #offsetOf(year: YearReference): number | null {
    return yearOffset(year, this.#referenceYear)
  }

  /** Assigns the numbers bound to one topic to its facts (years, windows, lists) and converts them. */
  #resolveTopic(topic: AmountTopic, values: BoundValue[]): void {
    if (topic.windows) return this.#resolveWindows(topic, values)
    if (topic.slots.length === 1) return this.#resolveSingle(topic.slots[0], topic, values)
    const assigned = new Map<FactName, BoundValue>()
    const undated: BoundValue[] = []
    for (const value of values) {
      if (value.year === null) {
        undated.push(value)
        continue
      }
      const offset = this.#offsetOf(value.year)
      if (offset === null) continue
      if (offset < 0) {
        this.#draft.reject(
          topic.slots[0],
          value.raw,
          `需要的是上年度（已结束年度）的数据，今年的先不算。${FACT_LABELS[topic.slots[0]].label}是多少？`,
        )
        continue
      }
      const fact = topic.slots[offset]
      if (fact) assigned.set(fact, value)
    }
    const free = topic.slots.filter((fact) => !assigned.has(fact))
    // "三千万出头吧不到四千万": a bound beside a figure only agrees with it; it is recorded for the figure's fact.
    const agreeing: BoundValue[] = []
    const figures = undated.filter((value) => convertQuantity(value.quantity, topic.unit).ok)
    const askedHere = this.#expecting.filter((fact) => free.includes(fact)).length
    for (let index = undated.length - 1; index >= 0 && figures.length > 0; index -= 1) {
      const value = undated[index]
      if (figures.includes(value)) continue
      const agrees = figures.some(
        (figure) =>
          this.#satisfies(figure.quantity, value.quantity) &&
          (askedHere <= 1 || !this.#separatedBetween(figure.start, value.start)),
      )
      if (agrees) agreeing.unshift(...undated.splice(index, 1))
    }
    // "接近一个亿，九千多万": bounds that narrow one figure from both sides are about one fact.
    const narrowing = figures.length === 0 && narrowsOneFigure(undated) ? undated.splice(1) : []
    if (undated.length === 1) {
      const asked = this.#expecting.filter((fact) => free.includes(fact))
      // "营收改成1500万": after a correction word the value replaces the one fact of the topic already given.
      const corrects = this.#lastCorrectionAt >= 0 && this.#lastCorrectionAt < undated[0].start
      const given = corrects ? free.filter((fact) => this.context.known[fact] !== undefined) : []
      const fact =
        given.length === 1
          ? given[0]
          : free.includes(topic.slots[0]) && (asked.length !== 1 || assigned.size > 0)
            ? topic.slots[0]
            : asked.length === 1
              ? asked[0]
              : free[0]
      if (fact) assigned.set(fact, undated[0])
    } else if (undated.length > 1) {
      const window = undated.find((value) => value.window !== null)?.window ?? null
      const asked = this.#expecting.filter((fact) => free.includes(fact))
      let order: FactName[] | null = null
      const pattern = this.#yearPattern()
        .map((offset) => topic.slots[offset])
        .filter((fact) => fact !== undefined && free.includes(fact))
      if (window === undated.length && undated.length <= free.length) {
        // 近三年分别是 1000、1130、1209: oldest first.
        order = topic.slots
          .slice(0, undated.length)
          .reverse()
          .filter((fact) => free.includes(fact))
      } else if (asked.length >= undated.length) order = asked
      // "去年营收3200万，主营3000万，前年营收2800万，主营2600万": the years of the other facts, in the same order.
      else if (pattern.length >= undated.length) order = pattern
      // "营业收入 3200 2800 研发费用 240 200": a row's other list, read in the order asked, sets the years' order.
      else if (this.#listOrder && this.#listOrder.length === undated.length)
        order = this.#listOrder
          .map((slot) => topic.slots[slot])
          .filter((fact) => fact !== undefined && free.includes(fact))
      if (order === asked && order.length >= undated.length)
        this.#listOrder ??= order.slice(0, undated.length).map((fact) => topic.slots.indexOf(fact))
      if (order && order.length >= undated.length) undated.forEach((value, index) => assigned.set(order[index], value))
      else {
        const raw = undated.map((value) => value.raw).join('、')
        this.#draft.reject(
          topic.slots[0],
          raw,
          `这几个数分别是哪一年的${FACT_LABELS[topic.slots[0]].label.replace('上年度', '')}？例如：2024年3200万，2023年2800万。`,
        )
      }
    }
    for (const [fact, value] of assigned) this.#setConverted(fact, topic, [value])
    const narrowed = [...assigned].find(([, candidate]) => candidate === undated[0])?.[0]
    if (narrowed) for (const value of narrowing) this.#recordBound(narrowed, topic, value.quantity, value.raw)
    for (const value of agreeing) {
      const figure = [...assigned].find(([, candidate]) => undated.includes(candidate))
      if (figure) this.#recordBound(figure[0], topic, value.quantity, value.raw)
    }
  }

  /** Whether a figure lies within what a bound says ("三千万出头" within "不到四千万"), both in their own unit. */
  #satisfies(figure: Quantity, bound: Quantity): boolean {
    if (figure.unit !== bound.unit && figure.unit !== null && bound.unit !== null) return false
    const { value } = figure
    if (bound.range) return value >= bound.range.low && value <= bound.range.high
    switch (bound.bound ?? (bound.upperBound ? 'lt' : null)) {
      case 'lt':
        return value < bound.value
      case 'le':
        return value <= bound.value
      case 'gt':
        return value > bound.value
      case 'ge':
        return value >= bound.value
      case 'approx':
        return Math.abs(value - bound.value) <= bound.value * 0.2
      default:
        return false
    }
  }

  /** Whether a clause separator stands between two positions of the message. */
  #separatedBetween(first: number, second: number): boolean {
    const [from, to] = first < second ? [first, second] : [second, first]
    return this.tokens.some((token) => token.type === 'separator' && token.start > from && token.start < to)
  }

  /** The year offsets the message's dated values follow, in order of appearance (去年…前年… → [0, 1]). */
  #yearPattern(): number[] {
    const pattern: number[] = []
    for (const values of this.#bindings.values()) {
      for (const value of values) {
        const offset = value.year ? this.#offsetOf(value.year) : null
        if (offset !== null && offset >= 0 && !pattern.includes(offset)) pattern.push(offset)
      }
    }
    return pattern
  }

  #resolveWindows(topic: AmountTopic, values: BoundValue[]): void {
    const windows = topic.windows ?? {}
    const undated: BoundValue[] = []
    // The rounds of each named year (the last figure said for a year counts), for the spans they fall in.
    const byYear = new Map<number, BoundValue>()
    const spanned = new Set<FactName>()
    for (const value of values) {
      const fact = value.window !== null ? windows[value.window] : undefined
      const offset = value.year !== null ? this.#offsetOf(value.year) : null
      if (fact) {
        this.#setConverted(fact, topic, [value])
        spanned.add(fact)
      } else if (offset !== null && offset >= -1) byYear.set(offset, value)
      else undated.push(value)
    }
    // "去年A轮融了1000万": a round in a named year counts in every span that year falls in; "前年融了一千万，去年又融了
    // 五百万": the rounds of the years a span holds add up. Beside a total for a span ("近两年融资1500万，其中去年1000万")
    // they are parts of it and fill no span.
    for (const [years, windowed] of Object.entries(windows)) {
      if (!windowed || spanned.size > 0) continue
      const rounds = [...byYear].filter(([offset]) => offset < Number(years)).map(([, value]) => value)
      if (rounds.length > 0) this.#setConverted(windowed, topic, rounds)
    }
    const asked = this.#expecting.filter((fact) => topic.slots.includes(fact) && !this.#draft.touched(fact))
    if (undated.length > 0 && undated.length <= asked.length && (asked.length === 1 || undated.length > 1)) {
      undated.forEach((value, index) => this.#setConverted(asked[index], topic, [value]))
    } else if (undated.length > 0) {
      this.#draft.reject(
        topic.slots[0],
        undated.map((value) => value.raw).join('、'),
        '这笔股权融资是近两年的还是近三年的？',
      )
    }
  }

  #resolveSingle(fact: FactName, topic: AmountTopic, values: BoundValue[]): void {
    // 前年的净利润 is no fact: only the last year's amount counts.
    let current = values.filter(
      (value) => topic.unit !== 'money' || value.year === null || this.#offsetOf(value.year) === 0,
    )
    if (current.length === 0) return
    // "三千万出头吧，不到四千万": a bound beside a figure only agrees with it; the figure is the value.
    const figures = current.filter((value) => convertQuantity(value.quantity, topic.unit).ok)
    const agreeing = current.filter(
      (value) => !figures.includes(value) && figures.some((figure) => this.#satisfies(figure.quantity, value.quantity)),
    )
    if (agreeing.length > 0) {
      for (const value of agreeing) this.#recordBound(fact, topic, value.quantity, value.raw)
      current = current.filter((value) => !agreeing.includes(value))
    }
    if (figures.length === 0 && narrowsOneFigure(current)) {
      for (const value of current.slice(1)) this.#recordBound(fact, topic, value.quantity, value.raw)
      return this.#setConverted(fact, topic, [current[0]])
    }
    if (!topic.additive) {
      // "负债率我说的是小数 0.38 就是38%": figures that come to the same value in the fact's unit are one.
      const distinct = new Set(current.map((value) => this.#valueKey(topic, value)))
      if (distinct.size > 1) {
        const raw = current.map((value) => value.raw).join('、')
        return this.#draft.reject(fact, raw, `${FACT_LABELS[fact].label}说了几个数（${raw}），是哪一个？`)
      }
      return this.#setConverted(fact, topic, [current[current.length - 1]])
    }
    const byPart = new Map<string, BoundValue>()
    for (const value of current) byPart.set(value.part, value)
    this.#setConverted(fact, topic, [...byPart.values()])
  }

  /** A value's figure in the fact's unit (a bare fraction as a share where the topic takes one), else as written. */
  #valueKey(topic: AmountTopic, value: BoundValue): string {
    const conversion = convertQuantity(value.quantity, topic.unit)
    if (conversion.ok) return String(conversion.value)
    if (conversion.problem === 'fractionOrPercent' && topic.fractionIsShare === true)
      return String(Number((value.quantity.value * 100).toPrecision(12)))
    return `${value.quantity.value}${value.quantity.unit}`
  }

  /** Converts the values to the fact's unit (summing additive parts) and sets or rejects the fact. */
  #setConverted(fact: FactName, topic: AmountTopic, values: BoundValue[]): void {
    let total = 0
    for (const value of values) {
      let conversion = convertQuantity(value.quantity, topic.unit)
      if (!conversion.ok && conversion.problem === 'fractionOrPercent' && topic.fractionIsShare === true)
        conversion = { ok: true, value: Number((value.quantity.value * 100).toPrecision(12)) }
      if (!conversion.ok) {
        this.#recordBound(fact, topic, value.quantity, value.raw)
        if (values.length === 1) this.#lastKeywordBound = { fact, value }
        return this.#draft.reject(fact, value.raw, problemReason(fact, value, conversion.problem, topic))
      }
      total += value.sign === -1 ? -Math.abs(conversion.value) : conversion.value
    }
    this.#draft.set(fact, Number(total.toPrecision(12)), values.map((value) => value.raw).join('+'), true)
  }

  /** The industry the message names (see resolveIndustry), with its alternatives and whether it is unsure. */
  #resolveIndustry(): void {
    // "属于战新里的新一代信息技术", "协议原件在律所": at another question, with the industry known, a word of some
    // industry that the message does not say the firm does changes nothing.
    if (!this.#expects('industry') && this.context.known.industry !== undefined) {
      const stated = this.#industries.some(
        (mention) => mention.explicit || this.#doneBefore(mention.start) || this.text.includes('行业'),
      )
      if (!stated) return
    }
    const reading = resolveIndustry(this.text, this.#industries, this.#lexicon, this.#customerNamed)
    if (!reading) return
    this.#choices.set('industry', reading.value)
    this.#scores.set('industry', reading.score)
    this.#evidence.set('industry', reading.raw)
    for (const other of reading.alternatives)
      this.#alternatives.push({ fact: 'industry', value: other.value, score: other.score, evidence: other.raw })
    if (reading.unsure) this.#unsure.add('industry')
  }

  /** A bound or rough size ("没到一千万", "五百多万", "十几个人") in the fact's unit: not a value, but what it says. */
  #recordBound(fact: FactName, topic: AmountTopic, quantity: Quantity, raw: string): void {
    // "三千万到四千万", "50-100人": a range states both of its ends.
    if (quantity.range) {
      for (const [op, value] of [
        ['ge', quantity.range.low],
        ['le', quantity.range.high],
      ] as const) {
        const end = convertQuantity({ ...quantity, value, bound: null, upperBound: false, vague: false }, topic.unit)
        if (end.ok) this.#bounds.push({ fact, op, value: end.value, raw })
      }
      return
    }
    const op = quantity.bound ?? (quantity.upperBound ? 'lt' : null)
    if (op === null || Number.isNaN(quantity.value)) return
    const plain = convertQuantity({ ...quantity, bound: null, upperBound: false, vague: false }, topic.unit)
    if (plain.ok) this.#bounds.push({ fact, op, value: plain.value, raw })
    // "五百多万": also below 600万.
    if (quantity.ceiling === undefined) return
    const ceiling = convertQuantity(
      { ...quantity, value: quantity.ceiling, bound: null, upperBound: false, vague: false },
      topic.unit,
    )
    if (ceiling.ok) this.#bounds.push({ fact, op: 'lt', value: ceiling.value, raw })
  }

  /** Whether a word of industries.json doingBefore (做, 我们是) stands up to three characters before `at` in its clause. */
  #doneBefore(at: number): boolean {
    const before = this.text.slice(Math.max(0, at - 8), at)
    return this.#lexicon.doingBefore.some((word) => {
      const found = before.lastIndexOf(word)
      return found >= 0 && before.length - found - word.length <= 3 && !/[\s，,。；;]/u.test(before.slice(found))
    })
  }

  #choose(fact: FactName, value: string, raw: string): void {
    this.#choices.set(fact, value)
    this.#choiceRaws.set(fact, raw)
  }

  #resolveChoicesAndMembers(): void {
    this.#resolveIndustry()
    for (const [fact, value] of this.#choices) this.#draft.set(fact, value, this.#choiceRaws.get(fact) ?? value)
    for (const [fact, change] of this.#members) {
      if (change.add.size === 0 && change.remove.size === 0) continue
      const before = new Set<string>((this.context.known[fact] as string[] | undefined) ?? [])
      for (const value of change.add) before.add(value)
      for (const value of change.remove) before.delete(value)
      const order =
        fact === 'honors'
          ? ['highTech', 'techInnovationDemo', 'ipAdvantage', 'ipDemo']
          : ['firstSetCertified', 'firstSetPolicy', 'foreignCert', 'drugTrial', 'deviceApproval']
      this.#draft.set(
        fact,
        order.filter((value) => before.has(value)),
        [...change.add, ...change.remove].join('、'),
      )
    }
  }

  /** Numbers without a keyword answer the facts asked for, in order, matching unit and year. */
  #fillExpecting(): void {
    /** Where each fact filled here was given: a later number after 具体是/不对 replaces it ("180人左右，具体是176"). */
    const filledAt = new Map<FactName, number>()
    // "员工不到一百五 但一百二以上肯定有": a bound after a keyword's bound may narrow it too.
    let lastBound: { fact: FactName; value: BoundValue } | null = this.#lastKeywordBound
    for (const free of this.#free) {
      const { token } = free
      if (token.type === 'rank') continue
      if (token.type !== 'quantity') continue
      const { quantity } = token
      // A bare Chinese numeral is easily a word ("三方"), unless it stands alone or after a year ("前年两千五").
      // A numeral with a magnitude (二百四十, 两千六) is a figure wherever it stands.
      const wordLike = quantity.chineseOnly && quantity.unit === null && !/[百佰千仟万萬亿億]/u.test(token.text)
      if (wordLike && !free.wholeClause && free.year === null) continue
      const offset = free.year ? this.#offsetOf(free.year) : null
      const value: BoundValue = {
        start: token.start,
        quantity,
        raw: token.text,
        year: free.year,
        window: free.window,
        sign: 1,
        part: '',
      }
      // "接近一个亿，九千多万": a bound that narrows the one just given is about the same fact.
      if (lastBound && narrowsOneFigure([lastBound.value, value])) {
        const slot = SLOT_OF_FACT.get(lastBound.fact)
        if (slot) this.#recordBound(lastBound.fact, slot.topic, quantity, token.text)
        continue
      }
      const replaced = [...filledAt].find(
        ([candidate, start]) =>
          this.#lastCorrectionAt > start &&
          this.#lastCorrectionAt < token.start &&
          // "…不对是三千二百万整 前年的话是两千八": a figure of another year replaces nothing.
          (offset === null || SLOT_OF_FACT.get(candidate)?.slot === offset) &&
          unitFits(SLOT_OF_FACT.get(candidate)?.topic ?? AMOUNT_TOPICS.revenue, quantity),
      )
      const fact =
        replaced?.[0] ??
        this.#expecting.find((candidate) => {
          if (this.#draft.touched(candidate)) return false
          if (candidate === 'makerChinaTop')
            return (
              quantity.unit === 'top' || (quantity.unit === null && (quantity.value === 50 || quantity.value === 500))
            )
          const slot = SLOT_OF_FACT.get(candidate)
          if (!slot || !unitFits(slot.topic, quantity)) return false
          if (slot.topic.windows && free.window !== null) return slot.topic.windows[free.window] === candidate
          if (offset !== null && slot.topic.unit === 'money')
            return slot.topic.slots.length > 1 ? slot.slot === offset : offset === 0
          return true
        })
      if (!fact) {
        // "我们做软件，100人": a head count without a keyword is the firm's, when nothing else was asked.
        if (
          quantity.unit === 'person' &&
          !this.#draft.touched('employees') &&
          this.#expecting.every((candidate) => SLOT_OF_FACT.get(candidate)?.topic.unit !== 'count')
        ) {
          this.#setConverted('employees', AMOUNT_TOPICS.employees, [
            { start: token.start, quantity, raw: token.text, year: free.year, window: free.window, sign: 1, part: '' },
          ])
        }
        continue
      }
      if (fact === 'makerChinaTop') {
        this.#setMakerChina(quantity, token.text, false)
        continue
      }
      const slot = SLOT_OF_FACT.get(fact)
      if (slot) this.#setConverted(fact, slot.topic, [value])
      filledAt.set(fact, token.start)
      lastBound = quantity.bound !== null || quantity.upperBound ? { fact, value } : null
    }
  }

  /**
   * Bare 有/没有/不清楚. 不清楚 covers every fact asked and not answered. 没有 gives the "none" value to them
   * when the reply is only that (or says 都/其他), else only when a single one is left. 有/是 answers a single
   * yes/no question; for a count or a level it asks for the number or the level.
   */
  #applyBareAnswers(): void {
    const draft = this.#draft
    const open = (): FactName[] => this.#expecting.filter((fact) => !draft.touched(fact))
    const saidSomething = draft.values.size > 0 || draft.rejected.size > 0
    for (const answer of this.#bare) {
      // A yes/no group spreads a bare 是/没有 itself; 不清楚 ("其他不清楚") still covers what is left.
      if (this.context.noBareFill && answer.kind !== 'unknown') continue
      if (answer.kind === 'unknown') {
        for (const fact of answer.facts ?? open()) {
          if (!draft.numeric.has(fact)) draft.values.delete(fact)
          draft.markUnknown(fact)
        }
        // "研发费用没单独核算过，不清楚", "高新证书好像过期了，不确定": 不清楚 in any clause keeps unknown what the
        // message only said in words; numbers stand, and "其他不清楚" covers only the rest.
        if (!answer.all) {
          // "异常名录肯定没有 限制类目录我没查过 不知道在不在里面 事故没出过": a bare 不清楚 is about what its own clause or
          // the one before said, not about a yes or no (or a 没有 giving "none") said further away (a 没 beside an amount
          // still yields: "研发人员没单独定岗 … 真数不清").
          const at = this.#clauseRaws.indexOf(answer.raw)
          const aboutMatter = at >= 1 && this.#matterClauses.has(this.#clauseRaws[at - 1]!)
          // The clause with the characters before it, where a separator word took part of an A-not-A (还有没有效).
          const from = this.text.indexOf(answer.raw)
          const asked = from >= 0 ? this.text.slice(Math.max(0, from - 2), from + answer.raw.length) : answer.raw
          for (const [fact, { raw, value }] of [...draft.values.entries()]) {
            if (draft.numeric.has(fact)) continue
            const said = this.#clauseRaws.indexOf(raw)
            const far = at >= 0 && said >= 0 && (said > at || said < at - 1)
            // "体系认证是前任行政办的 证书放哪了都不知道 还有没有效更说不好": asking whether (有没有, 过没过) it still holds is
            // about the fact named last before, however far, when no clause between names another.
            const whether =
              far &&
              said < at &&
              value === true &&
              WHETHER.test(asked) &&
              this.#clauseRaws.slice(said + 1, at).every((between) => !this.#keywordClauses.has(between))
            if (far && !whether && (typeof value === 'boolean' || value === 'none') && this.#polarClauses.has(raw))
              continue
            // "机构的钱一分没进过 上市的事董秘在谈 谈到哪一步我说不清": right after a matter named, it is about that matter.
            if (aboutMatter && said >= 0 && said !== at - 1) continue
            draft.values.delete(fact)
            draft.markUnknown(fact)
          }
          // "软著这块是技术部自己申的 我一个行政不清楚有多少": a count or level asked back from a bare 有/是 is unknown
          // when its own clause or the next one says so.
          for (const [fact, { raw, askedBack }] of [...draft.rejected.entries()]) {
            if (!askedBack) continue
            const said = this.#clauseRaws.indexOf(raw)
            if (at >= 0 && said >= 0 && (said > at || said < at - 1)) continue
            draft.rejected.delete(fact)
            draft.markUnknown(fact)
          }
        }
      } else if (answer.kind === 'no') {
        const targets = open().filter((fact) => fact in NEGATIVE_VALUES)
        if (answer.all || !saidSomething || targets.length === 1)
          targets.forEach((fact) => draft.set(fact, NEGATIVE_VALUES[fact], answer.raw))
      } else {
        const targets = open()
        const booleans = targets.filter((fact) => BOOLEAN_FACTS.has(fact))
        if (answer.all && booleans.length > 0) booleans.forEach((fact) => draft.set(fact, true, answer.raw))
        else if (targets.length === 1) {
          const [fact] = targets
          if (BOOLEAN_FACTS.has(fact)) draft.set(fact, true, answer.raw)
          else if (fact === 'rdInstitution')
            draft.reject(fact, answer.raw, '研发机构是什么级别（国家级/省级/市级/区级）？', true)
          else if (SLOT_OF_FACT.get(fact)?.topic.unit === 'count') {
            const { label, unit } = FACT_LABELS[fact]
            draft.reject(fact, answer.raw, `${label}具体有多少${unit ?? ''}？`, true)
          }
        }
      }
    }
  }

  /**
   * "近两年融了三千万 再往前一年没别的了": nothing in a wider window (近3年) beyond a narrower one given is the narrower
   * one's figure, not none.
   */
  #fillWiderWindows(): void {
    for (const [fact, { value, raw }] of [...this.#draft.values.entries()]) {
      const topic = SLOT_OF_FACT.get(fact)?.topic
      if (!topic?.windows) continue
      // "近两年机构实缴1800万 再往前一年还有一笔600万": a figure for the year before a narrower window, smaller than
      // the narrower window's, is what the wider one adds to it.
      const earlier = this.#lexicon.earlier.some((word) => this.text.includes(word))
      if (typeof value === 'number' && value > 0 && this.#draft.numeric.has(fact) && earlier) {
        const narrowerSlot = this.#narrowerWindow(topic, fact)
        const narrower = narrowerSlot ? this.#draft.values.get(narrowerSlot)?.value : undefined
        if (typeof narrower === 'number' && narrower > value)
          this.#draft.set(fact, Number((narrower + value).toPrecision(12)), raw, true)
        continue
      }
      if (value !== 0 || this.#draft.numeric.has(fact)) continue
      const narrowerSlot = this.#narrowerWindow(topic, fact)
      const narrower = narrowerSlot
        ? (this.#draft.values.get(narrowerSlot)?.value ?? this.context.known[narrowerSlot])
        : undefined
      if (typeof narrower === 'number' && narrower > 0) this.#draft.set(fact, narrower, raw)
    }
  }

  /** The window of a topic just narrower than a fact's own (近2年 for 近3年), if any. */
  #narrowerWindow(topic: AmountTopic, fact: FactName): FactName | undefined {
    const windows = Object.entries(topic.windows ?? {}) as Array<[string, FactName]>
    const own = windows.find(([, slot]) => slot === fact)
    if (!own) return undefined
    return windows
      .filter(([years]) => Number(years) < Number(own[0]))
      .sort((a, b) => Number(b[0]) - Number(a[0]))[0]?.[1]
  }

  #followedByValue(marker: Token): boolean {
    return this.#lastValueStart > marker.start
  }

  #result(): ExtractionResult {
    const draft = this.#draft
    const candidates: Record<string, unknown> = {}
    for (const [fact, { value }] of draft.values) candidates[fact] = value
    const { accepted, rejected } = checkPlausibility(candidates as Facts, this.context.known)
    const rejections: ExtractionResult['rejected'] = [...draft.rejected].map(([fact, { raw, reason }]) => ({
      fact,
      raw,
      reason,
    }))
    for (const { fact, reason } of rejected) rejections.push({ fact, raw: draft.values.get(fact)?.raw ?? '', reason })
    const unknown = FACT_NAMES.filter((fact) => draft.unknown.has(fact))
    const mentionedSet = new Set<FactName>([
      ...Object.keys(accepted),
      ...unknown,
      ...rejections.map((rejection) => rejection.fact),
      ...this.#saidWrong,
    ] as FactName[])
    const correction = this.tokens.some(
      (token) => token.type === 'correction' && (!token.alsoNo || this.#followedByValue(token)),
    )
    const scores: Partial<Record<FactName, number>> = {}
    const evidence: Partial<Record<FactName, string>> = {}
    for (const fact of Object.keys(accepted) as FactName[]) {
      scores[fact] = this.#scores.get(fact) ?? 1
      evidence[fact] = this.#evidence.get(fact) ?? draft.values.get(fact)?.raw ?? ''
    }
    return {
      facts: accepted,
      unknown,
      rejected: rejections,
      correction,
      mentioned: FACT_NAMES.filter((fact) => mentionedSet.has(fact)),
      injection: false,
      scores,
      evidence,
      alternatives: this.#alternatives.filter((alternative) => alternative.fact in accepted),
      unsure: [...this.#unsure].filter((fact) => fact in accepted),
      denied: this.#denied,
      bounds: this.#bounds,
    }
  }
}

/** The grade the words of a clause name (first matching entry of the lexicon's levels), or null. */
function gradeOf(grades: Grades, text: string): string | null {
  return grades.find((grade) => grade.words.some((word) => text.includes(word)))?.value ?? null
}

/**
 * Where a clause says the firm is registered: a place not after 离/靠近 ("离北京很近" says nothing about
 * Beijing). A place elsewhere wins over a Beijing one in the same clause ("注册在河北，办公在北京" is rare,
 * "北京的公司注册在天津" means Tianjin).
 */
function placeOf(clause: Clause): boolean | null {
  let found: boolean | null = null
  let beside = false
  clause.tokens.forEach((token, index) => {
    if (token.type !== 'place') {
      beside = false
      return
    }
    // "办公地址在河北燕郊": every part of a place after 离/办公地址在 is beside the firm.
    if (index > 0 && clause.tokens[index - 1].type === 'near') beside = true
    if (beside) return
    if (found === null || !token.beijing) found = token.beijing
  })
  return found
}

function problemReason(fact: FactName, value: BoundValue, problem: QuantityProblem, topic: AmountTopic): string {
  const { label } = FACT_LABELS[fact]
  const example = PROBLEM_EXAMPLES[topic.unit] ?? '30'
  switch (problem) {
    case 'vague':
      return `${label}请说一个具体的数（大概也行），比如“${example}”。`
    case 'upperBound':
    case 'bound':
      return `${label}“${value.raw}”不好判断，请说一个具体的数，比如“${example}”。`
    case 'fractionOrPercent': {
      const asPercent = formatNumber(value.quantity.value * 100)
      return `${label}是${asPercent}%还是${formatNumber(value.quantity.value)}%？请带上%再说一下。`
    }
    case 'unitMissing':
      return `${label}“${value.raw}”是元还是万元？请带上单位。`
    case 'notInteger':
      return `${label}应是整数，${ASK_AGAIN}`
    case 'unitMismatch':
      return `没看懂${label}“${value.raw}”，${ASK_AGAIN}`
    case 'outOfRange':
      return `${label}“${value.raw}”不像是真实的数字，${ASK_AGAIN}`
  }
}
