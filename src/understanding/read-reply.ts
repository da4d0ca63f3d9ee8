import type { Program } from '../dialogue/programs.js'
import { convertQuantity } from '../facts/convert-quantity.js'
import type { Quantity } from '../facts/read-quantity.js'
import { detectInjection } from '../facts/detect-injection.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import { AMOUNT_TOPICS, type AmountTopic } from '../facts/fact-vocabulary.js'
import { normalizeMessage } from '../facts/normalize-message.js'
import { dropClosingParticles } from './drop-closing-particles.js'
import { checkPlausibility } from '../facts/check-plausibility.js'
import { currentLexicon } from './current-lexicon.js'
import { programsNamed } from './find-program.js'
import type { Lexicon } from './load-lexicon.js'
import type { CorrectionKind, IntentCue } from './lexicon-schema.js'
import { extractFacts, IP_FACTS, type ExtractionResult } from './read-facts.js'
import { readMovedValue } from './read-moved-value.js'
import { readPositionalCorrection } from './read-positional-correction.js'
import { isLastValue, topicOf, type LastValue } from './last-values.js'
import { tagText, type MessageToken } from './tag-text.js'
import { toSimplified } from './to-simplified.js'
import { yearOffset } from './year-offset.js'
import { dropMentions } from './drop-mentions.js'

/** What the pending question expects. */
export interface ExpectedAnswer {
  /** The facts the question asks for, in the order asked (a bare "240万" or "有" fills these). */
  facts: FactName[]
  /** 'question' while assessing, 'summary' at the confirmation step, 'idle' outside an assessment. */
  step: 'question' | 'summary' | 'idle'
  /** Every fact asked is yes/no: a bare 是/没有 answers them all ('positive': 是 is the good answer, 'negative': 没有). */
  yesNo?: 'positive' | 'negative'
}

export type { LastValue } from './last-values.js'

export interface ReadOptions {
  /** The calendar year 上年度 refers to (the last full calendar year). */
  lastFiscalYear?: number
  /** The values of the last reply that set facts, in the order given ("多打了个0", "不是2300是2800"). */
  lastValues?: readonly LastValue[]
  lexicon?: Lexicon
}

/**
 * What a reply does: answers the question (answer), confirms or denies the summary or a yes/no question
 * (confirm, deny), says it does not know (unknown, skip), corrects a value given before (correct), asks something
 * back (ask), or none of these (none: the dialogue says what it expects).
 */
export type ReplyAct = 'answer' | 'confirm' | 'deny' | 'unknown' | 'skip' | 'correct' | 'ask' | 'none'

export interface ReplyReading extends ExtractionResult {
  act: ReplyAct
  /** Programs the message names, in order. */
  programs: Program[]
  /** assess: "能评X吗/想测一下X/X有戏吗"; which: "能评哪个"; policy: a policy question ("X有什么补贴"). */
  intent: IntentCue | null
  /** Facts a correction without a keyword took away from where they were ("刚才那个是前年的": revenue). */
  cleared: FactName[]
  /** The reply asks something (a question word, a policy cue, a clause closed by 不), whatever else it says. */
  asks: boolean
}

const GROUP_REASK = '请具体说明是哪一项情况，我好准确判断。'

/**
 * Reads one reply against what the pending question expects. One place decides what a reply means: the tagger
 * (lexicons) gives the words, the clause grammar (read-facts) the candidate values with their evidence and score,
 * and this function picks the reading that fits the question: a bare 是/没有 answers a whole yes/no group, a
 * number without a keyword after 说错了/多打了个0 replaces one of the last values, 不清楚 keeps a fact unknown, a
 * question is an ask, an affirmation at the summary a confirm.
 */
export function readReply(
  text: string,
  expected: ExpectedAnswer,
  known: Facts,
  options: ReadOptions = {},
): ReplyReading {
  const lexicon = options.lexicon ?? currentLexicon()
  const normalized = dropClosingParticles(
    toSimplified(normalizeMessage(dropMentions(text.slice(0, 20_000))), lexicon),
    lexicon,
  )
  const base = { lastFiscalYear: options.lastFiscalYear, lexicon, known }
  if (detectInjection(normalized))
    return {
      ...extractFacts('', { ...base, expecting: [] }),
      injection: true,
      act: 'none',
      asks: false,
      programs: [],
      intent: null,
      cleared: [],
    }
  const tokens = tagText(normalized, lexicon)
  const programs = programsNamed(tokens)
  const intent = intentOf(tokens)
  const clauses = splitOnSeparators(tokens)

  const named = namedTopics(tokens)
  // "营收多写了个0", "上面那个营收是前年的": a keyword picks the value among the known ones.
  const namedValues = named.flatMap((topic) =>
    topic.slots.flatMap((fact) => (typeof known[fact] === 'number' ? [{ fact, value: known[fact] as number }] : [])),
  )
  // "3200里有一千万是替兄弟公司代开的票 我们自己的得减掉": a part of a value given is about that value, whatever
  // other word the message holds.
  const part = partOfLastValue(normalized, tokens, options.lastValues ?? [])
  const lastValues = named.length > 0 && part === null ? namedValues : (options.lastValues ?? [])
  // The last values the message names before a new figure (read once: the correction kind and reading both use them).
  const restated = restatedLastValues(tokens, lastValues)
  const correction = correctionKind(normalized, tokens, lastValues, restated.length > 0, part, base)
  let reading: ExtractionResult
  let cleared: FactName[] = []
  // "主营那三个数 中间那个错了 应该是一千九": a value pointed at by its position takes the figure after the pointer.
  const positional = readPositionalCorrection(normalized, tokens, known, options.lastValues ?? lastValues, lexicon)
  // "150不是员工数 是研发人员数": a value given for one fact is another's.
  const moved = positional ? null : readMovedValue(tokens, known)
  // A correction that names its values itself: they replace the known ones, after the plausibility checks.
  const pointedReading = (facts: Facts, changed: FactName[]): ExtractionResult => {
    const checked = checkPlausibility(facts, omit(known, changed))
    return {
      ...extractFacts('', { ...base, expecting: [] }),
      facts: checked.accepted,
      correction: true,
      mentioned: changed,
      scores: Object.fromEntries(Object.keys(checked.accepted).map((fact) => [fact, 1])),
      evidence: Object.fromEntries(changed.map((fact) => [fact, normalized])),
    }
  }
  if (moved) {
    reading = pointedReading(moved.facts, [...(Object.keys(moved.facts) as FactName[]), ...moved.cleared])
    cleared = moved.cleared
  } else if (positional) {
    reading = pointedReading(positional, Object.keys(positional) as FactName[])
  } else if (correction && (named.length === 0 || correction !== 'replace' || restated.length > 0)) {
    const corrected = readCorrection(normalized, tokens, correction, expected, known, lastValues, restated, part, base)
    reading = corrected.reading
    cleared = corrected.cleared
  } else if (expected.yesNo && expected.step === 'question') {
    reading = readYesNoGroup(normalized, clauses, expected, base)
  } else {
    // "净利润那里我填的是税前 税后是二百四": a fact pointed at (那里, 那栏) at another question takes the bare figures.
    const pointed = expected.step === 'question' ? pointedTopic(normalized, tokens, lexicon) : null
    const expecting =
      expected.step === 'idle'
        ? []
        : pointed && !pointed.slots.some((fact) => expected.facts.includes(fact))
          ? [...pointed.slots]
          : expected.facts
    reading = extractFacts(normalized, { ...base, expecting })
  }
  // "在北京有分公司但总部在上海，能算吗": a closing question without a figure asks whether the case before it counts.
  if (
    expected.step === 'question' &&
    closesWithQuestion(clauses) &&
    !tokens.some((token) => token.type === 'quantity')
  ) {
    reading = { ...reading, facts: {}, rejected: [], scores: {}, evidence: {}, alternatives: [], unsure: [] }
  }

  // "研发这边十一个人 研发费用是税务所做的专项审计 报告还在人家那压着": a fact named without its figure, then explained,
  // stays unknown beside the facts the message does give.
  if (expected.step === 'question' && !correction && !positional) {
    const explained = explainedFacts(normalized, tokens, expected, reading, lexicon)
    if (explained.length > 0) reading = { ...reading, unknown: [...new Set([...reading.unknown, ...explained])] }
  }
  const setSomething = Object.keys(reading.facts).length > 0 || reading.rejected.length > 0 || cleared.length > 0
  const has = (type: MessageToken['type']) => tokens.some((token) => token.type === type)
  let act: ReplyAct
  // "要包括投资收益不": a clause closed by 不 asks.
  // "亏损的话能不能评": a supposition states nothing and asks what would follow.
  const asks =
    has('question') || has('hypothetical') || intent === 'policy' || /[^\s，,。]不[?？。!！\s]*$/u.test(normalized)
  // At the summary, or when a known value changes, a value given is a correction.
  // A correction word about a fact not known yet ("180人左右，具体是176") is part of the answer.
  const entries = Object.entries(reading.facts) as Array<[FactName, unknown]>
  const changes = entries.some(
    ([fact, value]) => known[fact] !== undefined && JSON.stringify(known[fact]) !== JSON.stringify(value),
  )
  // "营收看串行了 应该是2980" below the main revenue: a corrected value asked back is still a correction.
  const correctsKnown =
    reading.correction &&
    [...entries.map(([fact]) => fact), ...reading.rejected.map(({ fact }) => fact)].some(
      (fact) => known[fact] !== undefined,
    )
  if (setSomething && (correctsKnown || cleared.length > 0 || expected.step === 'summary' || changes)) act = 'correct'
  else if (setSomething) act = 'answer'
  // "保密，也记不太清": the last word decides whether the owner does not know or moves on ("这个不好说 下一个吧").
  else if (lastUnknownSkips(tokens)) act = 'skip'
  else if (reading.unknown.length > 0 || has('unknown')) act = 'unknown'
  else if (asks) act = 'ask'
  else if (
    answersNothing(tokens, expected, reading) &&
    lexicon.notKnowing.movingOn.some((word) => normalized.includes(word))
  )
    // "这个管理方面的我就不一一说了你直接往后问吧": moving on instead of answering skips the question.
    act = 'skip'
  else if (explainsInstead(normalized, tokens, expected, reading, lexicon)) {
    // "去年账本让楼上漏水给泡了 正托人去税务局调申报记录呢": an explanation instead of the figure leaves it unknown.
    act = 'unknown'
    const topics = namedTopics(tokens)
    const asked = topics.length > 0 ? expected.facts.filter((fact) => topics.includes(topicOf(fact)!)) : []
    reading = { ...reading, unknown: asked.length > 0 ? asked : [...expected.facts] }
  } else if (
    has('confirm') ||
    (has('yes') && !has('no') && !tokens.some((token) => token.type === 'correction' && token.alsoNo))
  )
    act = 'confirm'
  else if (has('no') || has('correction')) act = 'deny'
  else act = 'none'
  return { ...reading, act, asks, programs, intent, cleared }
}

/**
 * Whether the reply corrects one of the last values without naming its fact: a correction word with a number
 * ("说错了，是2800万"), "不是2300" naming a last value, or a kind that needs no number (多打了个0, 刚才那个是前年的).
 */
function correctionKind(
  text: string,
  tokens: readonly MessageToken[],
  lastValues: readonly LastValue[],
  restatesLastValue: boolean,
  part: PartOfValue | null,
  base: { lastFiscalYear?: number; lexicon: Lexicon; known: Facts },
): CorrectionKind | null {
  if (lastValues.length === 0) return null
  // "刚才那个先别算": a withdrawal decides over the pointer to the value it withdraws.
  // "营收报高了百分之二十 你把那个数除以一点二": an operation on the value says exactly what to do with it.
  const marker =
    tokens.find((token) => token.type === 'correction' && token.kind === 'retract') ??
    tokens.find(
      (token) =>
        token.type === 'correction' &&
        (token.kind === 'halved' ||
          token.kind === 'doubled' ||
          ((token.kind === 'divided' || token.kind === 'multiplied') && operandOf(tokens, token) !== null)),
    ) ??
    tokens.find((token) => token.type === 'correction' && token.kind !== 'replace') ??
    tokens.find((token) => token.type === 'correction')
  const hasNumber = tokens.some((token) => token.type === 'quantity')
  // "刚才那个不算 重新报：去年三千一 前年两千七": figures restated after a word of replacing replace, whatever the
  // pointer before said.
  const restating =
    hasNumber &&
    marker?.type === 'correction' &&
    marker.kind === 'previous' &&
    tokens.some((token) => token.type === 'correction' && token.kind === 'replace' && token.start > marker.start)
  const kind = marker?.type === 'correction' ? (restating ? 'replace' : marker.kind) : null
  // "前年的写反了，去年2800前年3200": a swap that gives the numbers is read like any correction.
  if (kind === 'swapped' && hasNumber) return 'replace'
  // "营收多报了两百万": a figure right after 多报了/少说了 is how far off the value was; "多报了，应该是3000" gives it.
  if (kind === 'overstated' || kind === 'understated') {
    const next = marker ? tokens[tokens.indexOf(marker) + 1] : undefined
    // "150里有二十个是外聘顾问 … 扣掉吧": a part of a value given, taken off or added on.
    if (next?.type !== 'quantity' && part !== null) return kind
    // "实用新型还有七件没加上": the difference may also come right before the marker.
    const previous = marker ? tokens[tokens.indexOf(marker) - 1] : undefined
    const adjacent = previous?.type === 'quantity' && marker !== undefined && previous.end === marker.start
    return next?.type === 'quantity' || adjacent ? kind : 'replace'
  }
  // "你除以十", "乘以10": an operation on a value given, with its operand right after the word.
  if (kind === 'divided' || kind === 'multiplied') return operandOf(tokens, marker) !== null ? kind : null
  // "负债率那个先撤了 我说的是集团的": a value withdrawn; with a new figure it is replaced ("先不算 是二百六").
  if (kind === 'retract') return hasNumber ? 'replace' : kind
  if (kind && kind !== 'replace') return kind
  // "3200是前年的": a value given before, said to be of another year.
  const dated = tokens.some((token, index) => {
    if (token.type !== 'quantity') return false
    const after = tokens.slice(index + 1, index + 3)
    // "去年3200万前年2800万": a year with a figure of its own after it is that figure's year.
    const yearAt = after.findIndex((next) => next.type === 'year')
    const following = tokens.slice(index + 2 + yearAt).find((later) => later.type !== 'yes' && later.type !== 'filler')
    const opensFigure =
      following?.type === 'quantity' || (following?.type === 'keyword' && following.meaning.type === 'amount')
    return yearAt >= 0 && !opensFigure && lastValues.some((last) => isLastValue(token.quantity, last))
  })
  if (dated) return 'previous'
  // "研发费用是前年的，去年的是310万": a keyword with a known value, said to be of another year.
  const keywordDated = tokens.some((token, index) => {
    if (token.type !== 'keyword' || token.meaning.type !== 'amount' || token.meaning.topic.slots.length < 2)
      return false
    const end = tokens.findIndex((next, at) => at > index && next.type === 'separator')
    const clause = tokens.slice(index + 1, end < 0 ? tokens.length : end)
    const slot0 = token.meaning.topic.slots[0]
    // "主营收入前年的不对": a correction word in the clause says which year's value is wrong, not that it moves.
    const opens = tokens.slice(0, index + 1).findLastIndex((next) => next.type === 'separator')
    const whole = tokens.slice(opens + 1, end < 0 ? tokens.length : end)
    // "营收不对 是前年的": the clause after it says only which year the value was.
    const nextEnd = end < 0 ? -1 : tokens.findIndex((next, at) => at > end && next.type === 'separator')
    const following = end < 0 ? [] : tokens.slice(end + 1, nextEnd < 0 ? tokens.length : nextEnd)
    const yearOnly =
      following.some((next) => next.type === 'year') &&
      following.every((next) => next.type === 'year' || next.type === 'yes' || next.type === 'filler')
    return (
      (yearOnly ||
        (!whole.some((next) => next.type === 'correction') && clause.some((next) => next.type === 'year'))) &&
      !clause.some((next) => next.type === 'quantity') &&
      lastValues.some((last) => last.fact === slot0)
    )
  })
  if (keywordDated) return 'previous'
  if (kind === 'replace' && hasNumber) return 'replace'
  if (hasNumber && extractFacts(text, { ...base, expecting: [] }).denied.length > 0) return 'replace'
  // "150那个是我随口说的 刚拉了花名册 一百四十四", "营收3200是开票数 账上确认的是3080": a last value named, then a new figure.
  if (restatesLastValue) return 'replace'
  return null
}

/**
 * The figures of the message equal to a last value given (with that value's fact), when a figure of the same unit that
 * is no last value follows one of them: the message names the old value to replace it ("150那个是我随口说的 … 一百四十四").
 */
function restatedLastValues(
  tokens: readonly MessageToken[],
  lastValues: readonly LastValue[],
): Array<{ token: MessageToken; fact: FactName }> {
  const quantities = tokens.filter((token) => token.type === 'quantity')
  if (quantities.length < 2) return []
  const lastOf = (token: MessageToken) =>
    token.type !== 'quantity' ? undefined : lastValues.find((last) => isLastValue(token.quantity, last))
  const named: Array<{ token: MessageToken; fact: FactName }> = []
  for (const [index, token] of quantities.entries()) {
    const last = lastOf(token)
    if (!last) continue
    // "3000是近三年的": the value is said to belong elsewhere (a year, a window, a fact), not replaced.
    const at = tokens.indexOf(token)
    const after = tokens
      .slice(at + 1)
      .find((next) => next.type !== 'yes' && next.type !== 'filler' && next.type !== 'correction')
    if (after && (after.type === 'year' || after.type === 'window' || after.type === 'keyword')) continue
    const topic = topicOf(last.fact)
    // The next figure replaces it, with no year, window or other fact's keyword between ("前年2800" is another slot).
    const next = quantities[index + 1]
    if (!next || next.type !== 'quantity' || !topic || lastOf(next)) continue
    const between = tokens.slice(at + 1, tokens.indexOf(next))
    const elsewhere = between.some(
      (other) =>
        other.type === 'year' ||
        other.type === 'window' ||
        // "是3.2千万不是3.2亿": a figure after 不是 is the wrong one.
        other.type === 'no' ||
        (other.type === 'keyword' && !(other.meaning.type === 'amount' && other.meaning.topic === topic)),
    )
    const replacing = !elsewhere && convertQuantity(next.quantity, topic.unit).ok
    if (!replacing) continue
    // "3200和2800是例子里的 … 实际是1900和1600": a run of last values of one topic before as many new figures pairs
    // them in order.
    const plain = (from: MessageToken, to: MessageToken) =>
      !tokens
        .slice(tokens.indexOf(from) + 1, tokens.indexOf(to))
        .some((other) => ['year', 'window', 'keyword', 'no'].includes(other.type))
    const sameTopic = (candidate: MessageToken) => {
      const value = lastOf(candidate)
      return value !== undefined && topicOf(value.fact) === topic
    }
    let first = index
    while (first > 0 && sameTopic(quantities[first - 1]!) && plain(quantities[first - 1]!, quantities[first]!))
      first -= 1
    let fresh = index + 1
    while (
      fresh + 1 < quantities.length &&
      !lastOf(quantities[fresh + 1]!) &&
      plain(quantities[fresh]!, quantities[fresh + 1]!)
    )
      fresh += 1
    const run = quantities.slice(first, index + 1)
    const paired = run.length > 1 && fresh - index === run.length ? run : [token]
    for (const old of paired) {
      const value = lastOf(old)
      if (value && !named.some((entry) => entry.token === old)) named.push({ token: old, fact: value.fact })
    }
  }
  return named
}

/**
 * Whether a reply to a figure question explains instead of answering: no figure, bound or fact read, no question,
 * and a word of reply-words.json notKnowing.explanations (没, 还在, 才, 回头), or an account of a sentence's length
 * ("利润表在会计的U盘里 她回老家坐月子了"); a vague size ("大几千万") with no such word is asked back.
 */
function explainsInstead(
  text: string,
  tokens: readonly MessageToken[],
  expected: ExpectedAnswer,
  reading: ExtractionResult,
  lexicon: Lexicon,
): boolean {
  if (!answersNothing(tokens, expected, reading) || expected.yesNo) return false
  if (!expected.facts.some((fact) => topicOf(fact) !== undefined)) return false
  if (lexicon.notKnowing.explanations.some((word) => text.includes(word))) return true
  return (
    !tokens.some((token) => token.type === 'vague') && (text.match(/\p{Script=Han}/gu)?.length ?? 0) >= ACCOUNT_LENGTH
  )
}

/**
 * The asked facts of an amount named without a figure and followed, up to the next figure or amount named, by an
 * explanation (a word of notKnowing.explanations, or an account of ACCOUNT_LENGTH characters) while the reading
 * gave them nothing: "净利润没法给 去年的账要按新准则重述 重述完才作数 负债率百分之五十一" leaves the net profit unknown.
 */
function explainedFacts(
  text: string,
  tokens: readonly MessageToken[],
  expected: ExpectedAnswer,
  reading: ExtractionResult,
  lexicon: Lexicon,
): FactName[] {
  const touched = new Set<FactName>([
    ...(Object.keys(reading.facts) as FactName[]),
    ...reading.unknown,
    ...reading.rejected.map(({ fact }) => fact),
    ...reading.bounds.map(({ fact }) => fact),
  ])
  // A question about the fact ("主营这个数找财务要哪个表") explains nothing.
  if (tokens.some((token) => token.type === 'question' || token.type === 'hypothetical')) return []
  const explained: FactName[] = []
  tokens.forEach((token, index) => {
    if (token.type !== 'keyword' || token.meaning.type !== 'amount') return
    const asked = token.meaning.topic.slots.filter((fact) => expected.facts.includes(fact))
    if (asked.length === 0 || asked.some((fact) => touched.has(fact))) return
    const next = tokens.findIndex(
      (later, at) =>
        at > index &&
        (later.type === 'quantity' ||
          later.type === 'rank' ||
          (later.type === 'keyword' && later.meaning.type === 'amount')),
    )
    // A figure right after the keyword is its own, whatever the reading made of it.
    if (next >= 0 && tokens[next]!.type !== 'keyword') return
    const stretch = text.slice(token.end, next < 0 ? text.length : tokens[next]!.start)
    const explains =
      lexicon.notKnowing.explanations.some((word) => word.length > 1 && stretch.includes(word)) ||
      (stretch.match(/\p{Script=Han}/gu)?.length ?? 0) >= ACCOUNT_LENGTH
    if (explains) explained.push(...asked)
  })
  return explained
}

/** How many Chinese characters a reply without a figure needs to be an account of why ("明天开会" is not). */
const ACCOUNT_LENGTH = 10

/** A reply at a question that holds no figure and reads no fact or bound. */
function answersNothing(tokens: readonly MessageToken[], expected: ExpectedAnswer, reading: ExtractionResult): boolean {
  if (expected.step !== 'question' || expected.facts.length === 0) return false
  return !tokens.some((token) => token.type === 'quantity') && reading.bounds.length === 0
}

/** Whether the last 不知道/跳过 word of the message is a skip (跳过, 下一个, 保密). */
function lastUnknownSkips(tokens: readonly MessageToken[]): boolean {
  const last = tokens.findLast((token) => token.type === 'unknown')
  return last?.type === 'unknown' && last.skip
}

function intentOf(tokens: readonly MessageToken[]): IntentCue | null {
  const cues = tokens.flatMap((token) => (token.cue ? [token.cue] : []))
  if (cues.includes('policy')) return 'policy'
  if (cues.includes('which')) return 'which'
  if (cues.includes('assess')) return 'assess'
  return null
}

/** The amount topics the message names by keyword ("营收", "员工"). */
function namedTopics(tokens: readonly MessageToken[]): AmountTopic[] {
  const topics: AmountTopic[] = []
  for (const token of tokens) {
    if (token.type !== 'keyword') continue
    if (token.meaning.type === 'amount' && !topics.includes(token.meaning.topic)) topics.push(token.meaning.topic)
    if (token.meaning.type === 'fixed' && !topics.includes(AMOUNT_TOPICS.netProfit))
      topics.push(AMOUNT_TOPICS.netProfit)
  }
  return topics
}

/** The one amount topic the message points at with a pointer word right after its keyword ("员工那里", "净利润那栏"). */
function pointedTopic(text: string, tokens: readonly MessageToken[], lexicon: Lexicon): AmountTopic | null {
  const pointed = new Set<AmountTopic>()
  for (const token of tokens) {
    if (token.type !== 'keyword' || token.meaning.type !== 'amount') continue
    if (lexicon.pointers.some((word) => text.startsWith(word, token.end))) pointed.add(token.meaning.topic)
  }
  return pointed.size === 1 ? [...pointed][0]! : null
}

/** The last clause only asks ("能算吗", "算不算"): a question word with nothing else to state. */
function closesWithQuestion(clauses: readonly MessageToken[][]): boolean {
  const last = clauses[clauses.length - 1]
  if (!last || clauses.length < 2) return false
  return (
    last.some((token) => token.type === 'question') &&
    last.every(
      (token) =>
        ['question', 'filler', 'yes', 'intent'].includes(token.type) ||
        token.cue !== undefined ||
        // "经营异常以前有过 现在移出了算不算": the case asked about, before the closing question.
        (token.type === 'keyword' && token.meaning.type === 'flag'),
    )
  )
}

function splitOnSeparators(tokens: readonly MessageToken[]): MessageToken[][] {
  const clauses: MessageToken[][] = [[]]
  for (const token of tokens) {
    if (token.type === 'separator') clauses.push([])
    else clauses[clauses.length - 1].push(token)
  }
  return clauses.filter((clause) => clause.length > 0)
}

/** A clause of only yes/no words ("是的", "没有没有", "都不存在"): its polarity; 'neutral' for "放心"; else null. */
function barePolarity(clause: readonly MessageToken[], negative = false): 'yes' | 'no' | 'neutral' | null {
  let yes = false
  let no = false
  for (const token of clause) {
    // 没问题/没毛病 say all is well: "yes" to a positive question, "none of these" to a negative one.
    if (token.type === 'yes' && token.fine && negative) no = true
    else if (token.type === 'yes' || token.type === 'confirm') yes = true
    else if (token.type === 'no' || (token.type === 'correction' && token.alsoNo)) no = true
    else if (
      token.type === 'all' ||
      token.type === 'filler' ||
      (token.type === 'keyword' && token.meaning.type === 'noise')
    )
      continue
    else return null
  }
  if (yes && no) return null
  return yes ? 'yes' : no ? 'no' : 'neutral'
}

/**
 * A yes/no group (注册在北京、独立法人; 失信、限制类、事故): a bare answer ("没问题", "都没有", "①没有②没有③没有")
 * covers every question of it; a list of as many bare answers as questions answers them in order; an answer that
 * names facts sets only those ("不是，注册在天津" says nothing about the legal person), and a leading 是/对 also
 * answers the rest of a positive group ("对，就在北京，独立法人").
 */
function readYesNoGroup(
  text: string,
  clauses: MessageToken[][],
  expected: ExpectedAnswer,
  base: { lastFiscalYear?: number; lexicon: Lexicon; known: Facts },
): ExtractionResult {
  const good = expected.yesNo === 'positive'
  const polarities = clauses.map((clause) => barePolarity(clause, !good)).filter((polarity) => polarity !== 'neutral')
  const bare = polarities.length > 0 && polarities.every((polarity) => polarity !== null)
  const empty = extractFacts('', { ...base, expecting: [] })
  const ordinal = readOrdinals(text, clauses, expected, good, empty)
  if (ordinal) return ordinal
  const fill = (
    reading: ExtractionResult,
    facts: readonly FactName[],
    value: boolean,
    raw: string,
  ): ExtractionResult => {
    const filled: Facts = { ...reading.facts }
    for (const fact of facts)
      if (!(fact in filled) && !reading.unknown.includes(fact)) (filled as Record<string, unknown>)[fact] = value
    const mentioned = [...new Set([...reading.mentioned, ...facts])]
    const evidence = { ...reading.evidence }
    const scores = { ...reading.scores }
    for (const fact of facts)
      if (!(fact in reading.facts)) {
        evidence[fact] = raw
        scores[fact] = 1
      }
    return { ...reading, facts: filled, mentioned, evidence, scores }
  }
  if (bare) {
    const distinct = new Set(polarities)
    if (distinct.size === 1) {
      const polarity = polarities[0]
      const affirmative = good ? polarity === 'yes' : polarity === 'no'
      if (affirmative) return fill(empty, expected.facts, good, text)
      return {
        ...empty,
        rejected: expected.facts.length > 0 ? [{ fact: expected.facts[0], raw: text, reason: GROUP_REASK }] : [],
      }
    }
    // "①没有②有③没有": one answer per question, in order.
    if (polarities.length === expected.facts.length) {
      const facts: Facts = {}
      expected.facts.forEach((fact, index) => ((facts as Record<string, unknown>)[fact] = polarities[index] === 'yes'))
      return fill({ ...empty, facts }, [], good, text)
    }
    return {
      ...empty,
      rejected: expected.facts.length > 0 ? [{ fact: expected.facts[0], raw: text, reason: GROUP_REASK }] : [],
    }
  }
  // Only what the message names: flags and numbers of the group count, a bare 是/没有 in it does not spread.
  const named = extractFacts(text, { ...base, expecting: expected.facts, noBareFill: true })
  const touched = Object.keys(named.facts).length > 0 || named.unknown.length > 0 || named.rejected.length > 0
  if (!touched) return extractFacts(text, { ...base, expecting: expected.facts })
  // "对，没在别的地方注册过，就在北京，独立法人": a leading 是/对 answers the rest of a positive group.
  if (good && polarities[0] === 'yes') return fill(named, expected.facts, true, text)
  // "都没有，营收去年3000万": a leading bare 没有 answers the rest of a negative group; facts outside it do not matter.
  if (
    !good &&
    polarities[0] === 'no' &&
    named.rejected.length === 0 &&
    expected.facts.every((fact) => !(fact in named.facts) || named.facts[fact] === false)
  ) {
    return fill(named, expected.facts, false, text)
  }
  return named
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6 }
const ORDINAL = /第\s*([一二三四五六1-6])\s*(?:个|项|条|种|点)?/gu
const FIRST_N = /前\s*([两二三四五2-5])\s*(?:个|项|条|种)/u
const LAST_N = /后\s*([两二三四五2-5])\s*(?:个|项|条|种)/u

/** Each clause with its whole text, from the separator before it to the one after it (words the tagger skips included). */
function clauseTexts(text: string, clauses: MessageToken[][]): Array<{ clause: MessageToken[]; source: string }> {
  const tokens = tagText(text)
  const spans: Array<[number, number]> = []
  let start = 0
  for (const token of tokens) {
    if (token.type !== 'separator') continue
    if (text.slice(start, token.start).trim() !== '') spans.push([start, token.start])
    start = token.end
  }
  if (text.slice(start).trim() !== '') spans.push([start, text.length])
  return clauses.map((clause) => {
    const span = spans.find(([from, to]) => clause[0] && clause[0].start >= from && clause[0].start < to) ?? [
      0,
      text.length,
    ]
    return { clause, source: text.slice(span[0], span[1]) }
  })
}

/**
 * Answers that point at the questions by number: "前两个没有，第三个不太清楚", "第一个有，其他没有". Each clause that
 * names questions answers those; null when no clause does.
 */
function readOrdinals(
  text: string,
  clauses: MessageToken[][],
  expected: ExpectedAnswer,
  good: boolean,
  empty: ExtractionResult,
): ExtractionResult | null {
  const facts: Record<string, unknown> = {}
  const unknown: FactName[] = []
  let named = false
  const count = expected.facts.length
  const number = (digit: string) => CHINESE_DIGITS[digit] ?? Number(digit)
  for (const { clause, source } of clauseTexts(text, clauses)) {
    if (clause.length === 0) continue
    const indexes = new Set<number>()
    for (const match of source.matchAll(ORDINAL)) indexes.add(number(match[1]) - 1)
    const first = FIRST_N.exec(source)
    if (first) for (let index = 0; index < number(first[1]); index += 1) indexes.add(index)
    const last = LAST_N.exec(source)
    if (last) for (let index = count - number(last[1]); index < count; index += 1) indexes.add(index)
    const rest = indexes.size === 0 && clause.some((token) => token.type === 'all') && named
    const targets = rest
      ? expected.facts.filter((fact) => !(fact in facts) && !unknown.includes(fact))
      : [...indexes].filter((index) => index >= 0 && index < count).map((index) => expected.facts[index])
    if (targets.length === 0) continue
    if (!rest) named = true
    const isUnknown = clause.some((token) => token.type === 'unknown')
    const polarity = barePolarity(
      clause.filter((token) => token.type !== 'rank' && token.type !== 'quantity'),
      !good,
    )
    for (const fact of targets) {
      if (isUnknown) unknown.push(fact)
      else if (polarity === 'yes' || polarity === 'no') facts[fact] = polarity === 'yes'
    }
  }
  if (!named) return null
  return {
    ...empty,
    facts: facts as Facts,
    unknown,
    mentioned: [...Object.keys(facts), ...unknown] as FactName[],
    scores: Object.fromEntries(Object.keys(facts).map((fact) => [fact, 1])),
  }
}

/**
 * A correction without a keyword, against the last values given: "不是2300是2800"/"打错了，是2800万不是2300万"
 * (the new number replaces the last value it fits, the one denied first), "多打了个0，是300万" (the number), "多打了个0"
 * alone (the last value ÷ 10, "少打了个0" × 10), "刚才那个数是前年的，去年是4000万" (the last value moves to the year
 * named, the new number takes its place).
 */
function readCorrection(
  text: string,
  tokens: readonly MessageToken[],
  kind: CorrectionKind,
  expected: ExpectedAnswer,
  known: Facts,
  lastValues: readonly LastValue[],
  restatedValues: ReadonlyArray<{ token: MessageToken; fact: FactName }>,
  part: PartOfValue | null,
  base: { lastFiscalYear?: number; lexicon: Lexicon; known: Facts },
): { reading: ExtractionResult; cleared: FactName[] } {
  const lastFacts = lastValues.map((value) => value.fact)
  const probe = extractFacts(text, { ...base, expecting: [] })
  const deniedFacts = probe.denied.flatMap((denied) =>
    lastValues.filter((last) => isLastValue(denied.quantity, last)).map((last) => last.fact),
  )
  // A last value the message names before the new figure is the one it replaces, and is not read again.
  const restated = kind === 'replace' && probe.denied.length === 0 ? restatedValues : []
  const order = [...new Set([...restated.map((entry) => entry.fact), ...deniedFacts, ...lastFacts])]
  const hasNumber = tokens.some(
    (token) => token.type === 'quantity' && !probe.denied.some((denied) => denied.raw === token.text),
  )
  if (kind === 'previous') {
    // "前面说的1500是23年的": the value named, else the last one given.
    const named = tokens.flatMap((token) => (token.type === 'quantity' ? [token.quantity] : []))
    const last =
      lastValues.find((candidate) => named.some((quantity) => isLastValue(quantity, candidate))) ?? lastValues[0]
    // "你这怎么把我的前年当成去年了 3200是前年的": the year said of the value named is the first one after it.
    const namedToken = last
      ? tokens.find((token) => token.type === 'quantity' && isLastValue(token.quantity, last))
      : undefined
    const year =
      (namedToken && tokens.find((token) => token.type === 'year' && token.start >= namedToken.end)) ??
      tokens.find((token) => token.type === 'year')
    const topic = last ? topicOf(last.fact) : undefined
    // "员工150是去年的，现在有180人": a fact with one value per firm takes the current figure that follows.
    if (last && topic && topic.slots.length === 1 && year?.type === 'year') {
      const rest = extractFacts(text.slice(year.end).replace(/^[的了]+/, ''), { ...base, expecting: [last.fact] })
      if (last.fact in rest.facts) return { reading: { ...rest, correction: true }, cleared: [] }
    }
    if (last && topic && topic.slots.length > 1 && year?.type === 'year') {
      const offset = yearOffset(year.year, base.lastFiscalYear) ?? -1
      const target = topic.slots[offset]
      // The rest of the message ("去年是4000万", "研发费用是二百六 之前给的是前年的") fills the slot the value left.
      const rest = extractFacts(withoutClauseOf(text, tokens, year), { ...base, expecting: [last.fact] })
      // "2800那个是大前年的，前年是3000": a value of a year no fact asks for leaves its slot to the rest.
      if (target === undefined && offset > 0 && last.fact in rest.facts)
        return { reading: { ...rest, correction: true }, cleared: [] }
      if (target && target !== last.fact) {
        const facts: Facts = { ...rest.facts, [target]: last.value }
        const checked = checkPlausibility(facts, omit(known, [last.fact]))
        const cleared = last.fact in checked.accepted ? [] : [last.fact]
        return {
          reading: {
            ...rest,
            facts: checked.accepted,
            correction: true,
            mentioned: [...new Set([...rest.mentioned, target, last.fact])],
            scores: Object.fromEntries(Object.keys(checked.accepted).map((fact) => [fact, 1])),
          },
          cleared,
        }
      }
    }
  }
  if (kind === 'retract') return withdrawn(tokens, known, lastValues, base)
  if (kind === 'swapped') {
    // "营收前年和去年说反了": the last two values of one fact's topic trade places; "研发费用 24年和25年我填倒了" names
    // the topic, whose values need not be the last given.
    const named = tokens.find(
      (token) => token.type === 'keyword' && token.meaning.type === 'amount' && token.meaning.topic.slots.length > 1,
    )
    const namedSlots = named?.type === 'keyword' && named.meaning.type === 'amount' ? named.meaning.topic.slots : null
    const first = (namedSlots && lastValues.find((candidate) => namedSlots.includes(candidate.fact))) || lastValues[0]
    const topic = first ? topicOf(first.fact) : undefined
    const second = lastValues.find((candidate) => candidate.fact !== first?.fact && topicOf(candidate.fact) === topic)
    if (first && second)
      return acceptedCorrection(probe, { [first.fact]: second.value, [second.fact]: first.value } as Facts, known, text)
  }
  // "研发人员我报的只算了一半 实际翻个倍" (×2), "多打了个0" (÷10), "少打了个0" (×10), "营收那个数…你除以十" (÷10): the
  // value named, or the last one given.
  const operand = kind === 'divided' || kind === 'multiplied' ? operandOf(tokens) : null
  const factor =
    kind === 'doubled'
      ? 2
      : kind === 'halved'
        ? 0.5
        : operand !== null
          ? kind === 'divided'
            ? 1 / operand
            : operand
          : !hasNumber && kind === 'extraZero'
            ? 0.1
            : !hasNumber && kind === 'missingZero'
              ? 10
              : null
  if (factor !== null && lastValues.length > 0) {
    const last = namedLastValue(tokens, lastValues) ?? lastValues[0]!
    // "研发费两年的都报成两倍了 实际得各砍一半": with 都/各 every value of the topic given changes.
    const every = tokens.some((token) => token.type === 'all' || token.type === 'respectively')
    const slots = every ? (topicOf(last.fact)?.slots ?? [last.fact]) : [last.fact]
    const scaled = Object.fromEntries(
      slots.flatMap((slot) => {
        const before = slot === last.fact ? last.value : known[slot]
        return typeof before === 'number' ? [[slot, Number((before * factor).toPrecision(12))]] : []
      }),
    )
    return acceptedCorrection(probe, scaled as Facts, known, text)
  }
  let rest = text
  for (const { token } of restated)
    rest = `${rest.slice(0, token.start)}${' '.repeat(token.end - token.start)}${rest.slice(token.end)}`
  const reading = extractFacts(rest, {
    ...base,
    known: omit(known, order),
    expecting: [...order, ...expected.facts.filter((fact) => !order.includes(fact))],
  })
  if (part && (kind === 'overstated' || kind === 'understated')) {
    // "150里有二十个是外聘顾问 不拿我们工资 扣掉吧" (150 → 130); a result stated after the marker ("去掉他们是二百一") is the value.
    const marker = tokens.find((token) => token.type === 'correction' && token.kind === kind)
    const stated = marker
      ? tokens.slice(tokens.indexOf(marker) + 1).find((token) => token.type === 'quantity' && token !== part.partToken)
      : undefined
    const value =
      stated?.type === 'quantity' && stated.quantity.unit === null
        ? stated.quantity.value
        : part.whole.value + (kind === 'overstated' ? -1 : 1) * part.part
    return acceptedCorrection(probe, { [part.whole.fact]: Number(value.toPrecision(12)) } as Facts, known, text)
  }
  if (kind === 'overstated' || kind === 'understated') {
    // "营收多报了两百万" (3200 → 3000), "员工少说了十个" (150 → 160): the figure read is the difference.
    const sign = kind === 'overstated' ? -1 : 1
    const corrected: Record<string, number> = {}
    // "那两年的数都往上调一百万", "三年主营都多报了一百": with 都/各 every value of the topic given changes by it.
    const every = tokens.some((token) => token.type === 'all' || token.type === 'respectively')
    for (const [fact, value] of Object.entries(reading.facts) as Array<[FactName, unknown]>) {
      if (typeof value !== 'number') continue
      for (const slot of every ? (topicOf(fact)?.slots ?? [fact]) : [fact]) {
        const before = known[slot]
        if (typeof before === 'number' && corrected[slot] === undefined)
          corrected[slot] = Number((before + sign * value).toPrecision(12))
      }
    }
    const checked = checkPlausibility(corrected as Facts, omit(known, Object.keys(corrected) as FactName[]))
    return {
      reading: {
        ...reading,
        facts: checked.accepted,
        correction: true,
        scores: Object.fromEntries(Object.keys(checked.accepted).map((fact) => [fact, 1])),
      },
      cleared: [],
    }
  }
  return { reading: { ...reading, correction: true }, cleared: [] }
}

/** The figure right after a 除以/乘以 word ("除以十", "除以一点二"): a plain number above 1; null when there is none. */
function operandOf(tokens: readonly MessageToken[], marker?: MessageToken): number | null {
  const word =
    marker ??
    tokens.find((token) => token.type === 'correction' && (token.kind === 'divided' || token.kind === 'multiplied'))
  const next = word ? tokens[tokens.indexOf(word) + 1] : undefined
  if (next?.type !== 'quantity' || next.quantity.unit !== null || next.quantity.vague) return null
  return next.quantity.value > 1 ? next.quantity.value : null
}

/** The last value of the first amount keyword the message names ("营收那个数…"), if it has one. */
function namedLastValue(tokens: readonly MessageToken[], lastValues: readonly LastValue[]): LastValue | undefined {
  for (const token of tokens) {
    if (token.type !== 'keyword' || token.meaning.type !== 'amount') continue
    const { slots } = token.meaning.topic
    const value = lastValues.find((last) => slots.includes(last.fact))
    if (value) return value
  }
  return undefined
}

/** The corrected values after the plausibility checks, as the reading of a correction. */
function acceptedCorrection(
  probe: ExtractionResult,
  facts: Facts,
  known: Facts,
  text: string,
): { reading: ExtractionResult; cleared: FactName[] } {
  const changed = Object.keys(facts) as FactName[]
  const checked = checkPlausibility(facts, omit(known, changed))
  return {
    reading: {
      ...probe,
      facts: checked.accepted,
      correction: true,
      mentioned: changed,
      scores: Object.fromEntries(Object.keys(checked.accepted).map((fact) => [fact, 1])),
      evidence: Object.fromEntries(changed.map((fact) => [fact, text])),
    },
    cleared: [],
  }
}

/** A value given and a part of it the message names (see partOfLastValue). */
interface PartOfValue {
  whole: LastValue
  part: number
  partToken: MessageToken
}

/** Words after a value given that open a part of it ("150里有二十个", "240里头", "其中"). */
const PART_OPENER = /^\s*(?:里头|里面|里边|里|当中|中间|之中|其中)/u

/**
 * A last value restated and a part of it ("150里有二十个是外聘顾问", "240里头算进了两个人的工资"): the value, and the
 * first smaller figure after it in the message in the value's own unit (a bare number or a count).
 */
function partOfLastValue(
  text: string,
  tokens: readonly MessageToken[],
  lastValues: readonly LastValue[],
): PartOfValue | null {
  for (const [index, token] of tokens.entries()) {
    if (token.type !== 'quantity' || !PART_OPENER.test(text.slice(token.end))) continue
    const whole = lastValues.find((last) => isLastValue(token.quantity, last))
    if (!whole) continue
    // The part in the value's own unit: a bare number or a count, or money in yuan for a figure in 万元 ("3200里有一千万").
    const inUnit = (quantity: Quantity): number | null =>
      quantity.bound !== null
        ? null
        : quantity.unit === null || quantity.unit === 'person' || quantity.unit === 'item'
          ? quantity.value
          : quantity.unit === 'yuan' && topicOf(whole.fact)?.unit === 'money'
            ? quantity.value / 10_000
            : null
    for (const later of tokens.slice(index + 1)) {
      if (later.type !== 'quantity') continue
      const part = inUnit(later.quantity)
      if (part !== null && part < whole.value) return { whole, part, partToken: later }
    }
  }
  return null
}

/**
 * A withdrawal ("研发人员那个数先别算", "高新那个你先别勾", "刚才那一串知识产权的数全不算"): the known values the
 * message names (a year word picks one of its topic's slots) are cleared, a title named is taken off its list; naming
 * nothing, the last value given is withdrawn.
 */
function withdrawn(
  tokens: readonly MessageToken[],
  known: Facts,
  lastValues: readonly LastValue[],
  base: { lastFiscalYear?: number; lexicon: Lexicon; known: Facts },
): { reading: ExtractionResult; cleared: FactName[] } {
  const year = tokens.find((token) => token.type === 'year')
  const offset = year?.type === 'year' ? yearOffset(year.year, base.lastFiscalYear) : null
  const named: FactName[] = []
  const members: Partial<Record<'honors' | 'techConversion', string[]>> = {}
  const slotsOf = (topic: AmountTopic): FactName[] =>
    offset !== null && topic.slots.length > 1 ? [topic.slots[offset]].filter(Boolean) : [...topic.slots]
  for (const token of tokens) {
    if (token.type !== 'keyword') continue
    const { meaning } = token
    if (meaning.type === 'amount') named.push(...slotsOf(meaning.topic))
    else if (meaning.type === 'unclassifiedIp') named.push(...IP_FACTS)
    else if (meaning.type === 'flag') named.push(meaning.fact)
    else if (meaning.type === 'graded')
      named.push(...(meaning.fact === 'sciAward' ? (['sciAwardLevel', 'sciAwardRank'] as const) : [meaning.fact]))
    else if (meaning.type === 'member') (members[meaning.fact] ??= []).push(meaning.value)
  }
  const facts: Facts = {}
  for (const [fact, values] of Object.entries(members) as Array<['honors' | 'techConversion', string[]]>) {
    const held = known[fact]
    if (Array.isArray(held)) facts[fact] = held.filter((value) => !values.includes(value)) as never
  }
  let cleared = [...new Set(named)].filter((fact) => known[fact] !== undefined)
  if (cleared.length === 0 && Object.keys(facts).length === 0 && lastValues[0]) {
    const topic = topicOf(lastValues[0].fact)
    cleared = topic && offset !== null ? slotsOf(topic).filter((fact) => known[fact] !== undefined) : []
    if (cleared.length === 0) cleared = [lastValues[0].fact]
  }
  const empty = extractFacts('', { ...base, expecting: [] })
  return {
    reading: {
      ...empty,
      facts,
      correction: true,
      mentioned: [...cleared, ...(Object.keys(facts) as FactName[])],
      scores: Object.fromEntries(Object.keys(facts).map((fact) => [fact, 1])),
    },
    cleared,
  }
}

/** The message without its clause up to a token ("之前给的是前年" out of "研发费用是二百六 之前给的是前年的"). */
function withoutClauseOf(text: string, tokens: readonly MessageToken[], token: MessageToken): string {
  const index = tokens.indexOf(token)
  const from = tokens.slice(0, index).findLast((candidate) => candidate.type === 'separator')
  return `${text.slice(0, from?.end ?? 0)} ${text.slice(token.end).replace(/^[的了]+/, '')}`.trim()
}

function omit(facts: Facts, names: readonly FactName[]): Facts {
  const copy: Record<string, unknown> = { ...facts }
  for (const name of names) delete copy[name]
  return copy as Facts
}
