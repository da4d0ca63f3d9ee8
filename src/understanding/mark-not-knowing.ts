import type { MessageToken } from './tag-text.js'

/** The lists of reply-words.json `notKnowing`, longest first. */
export interface NotKnowingWords {
  negations: readonly string[]
  degrees: readonly string[]
  results: readonly string[]
  refusals: readonly string[]
  /** Who else knows (财务, 技术总监), longest first: "财务清楚", "技术总监才知道" are not knowing it oneself. */
  othersWhoKnow?: readonly string[]
  /** Verbs that after a negation deny the word right after them (带, 含, 做), longest first: "不带硬件". */
  negatedVerbs?: readonly string[]
}

/** The helper types of this grammar: words that alone say nothing and are dropped once it has read them. */
const HELPERS = new Set<MessageToken['type']>(['know', 'grasp', 'tell', 'consult', 'unable', 'refuse'])
/** Verbs a potential complement of failing may follow ("看不明白", "报不全", "记不清"). */
const COMPLEMENTED = new Set<MessageToken['type']>(['know', 'grasp', 'tell', 'consult', 'process'])
/** What an inability may be about ("无法提供", "没办法确定", "暂时无法统计"). */
const UNABLE_OBJECTS = new Set<MessageToken['type']>(['know', 'grasp', 'tell', 'deliver', 'process'])
/** What a refusal may be about ("不能给你", "拒绝回答", "老板不让说"). */
const REFUSED_OBJECTS = new Set<MessageToken['type']>(['tell', 'deliver'])
/** A word or two between a modal and its object ("不想跟你说", "暂时无法对外提供"). */
const SHORT_GAP = /^\s*\p{Script=Han}{0,3}\s*$/u
/** A word or two between 得/要 and asking someone ("得先问问", "得打电话问问"). */
const TIGHT_GAP = /^\s*\p{Script=Han}{0,3}\s*$/u

/**
 * The grammar of not knowing, refusing and deferring, so that the phrasings need not be listed one by one
 * (reply-words.json types `know`, `grasp`, `tell`, `consult`, `unable`, `refuse` and the `notKnowing` lists):
 * - a negated knowing verb: a negation and an optional degree word before a `know` word ("没听说过", "不太晓得", "唔记得");
 * - a potential complement of failing: a `grasp`, `tell` or `know` verb, then 不 and a result ("看不明白", "估计不准",
 *   "报不全", "弄不清楚");
 * - an inability about knowing or giving the figure (`unable` before such a word: "暂无法提供", "没办法统计");
 * - a modal 得/要 (`pending`) right before asking or looking up (`consult`: "得找人事核一下", "要问问银行");
 * - looking up with a delivery later in the clause ("回公司查了告诉你");
 * are unknown; a refusal to give it (`refuse` before a `tell`/`deliver` word: "不能给你", "拒绝回答", "不让说") is a skip.
 * Each helper word alone says nothing and is dropped ("问题", "给医院做系统", "看一下").
 */
export function markNotKnowing(text: string, tokens: MessageToken[], words: NotKnowingWords): void {
  const replace = (from: number, to: number, start: number, end: number, skip: boolean): void => {
    tokens.splice(from, to - from + 1, { start, end, text: text.slice(start, end), type: 'unknown', skip })
  }
  /** The index of the last token that overlaps [start, end). */
  const lastOverlapping = (from: number, end: number): number => {
    let at = from
    while (at + 1 < tokens.length && tokens[at + 1]!.start < end) at += 1
    return at
  }
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!
    // A potential complement of failing: 看不明白, 估计不准, 记不清.
    if (COMPLEMENTED.has(token.type)) {
      // "记不大住": a degree word may stand between 不 and the result.
      const rest = text.slice(token.end)
      const degree = rest.startsWith('不') ? (words.degrees.find((word) => rest.startsWith(word, 1)) ?? '') : ''
      const result = rest.startsWith('不')
        ? (words.results.find((word) => rest.startsWith(word, 1)) ??
          (degree === '' ? undefined : words.results.find((word) => rest.startsWith(word, 1 + degree.length))))
        : undefined
      if (result !== undefined) {
        const end = token.end + 1 + (rest.startsWith(result, 1) ? 0 : degree.length) + result.length
        replace(index, lastOverlapping(index, end), token.start, end, false)
        continue
      }
    }
    // "不告诉你", "先不报", "别问了": a tell verb refused is a skip ("没说过" is not: someone did not tell the owner).
    if (token.type === 'tell' || token.type === 'deliver' || token.type === 'consult') {
      const before = text.slice(0, token.start)
      const refusal = words.refusals.find((word) => before.endsWith(word))
      if (refusal !== undefined) {
        const start = token.start - refusal.length
        let first = index
        while (first > 0 && tokens[first - 1]!.end > start) first -= 1
        replace(first, index, Math.min(start, tokens[first]!.start), token.end, true)
        index = first
        continue
      }
    }
    if (token.type === 'know') {
      const start = negatedFrom(text, token.start, words) ?? knownByOthersFrom(text, token.start, words)
      if (start !== null) {
        let first = index
        while (first > 0 && tokens[first - 1]!.end > start) first -= 1
        replace(first, index, Math.min(start, tokens[first]!.start), token.end, false)
        index = first
      }
      continue
    }
    const objects = token.type === 'unable' ? UNABLE_OBJECTS : token.type === 'refuse' ? REFUSED_OBJECTS : null
    if (objects) {
      const object = findAfter(text, tokens, index, objects, SHORT_GAP)
      if (object !== null) replace(index, object, token.start, tokens[object]!.end, token.type === 'refuse')
      continue
    }
    // "为啥要问研发费用": a question opening the clause asks why the advisor asks; "负债率多少要问问银行" echoes it.
    const asksWhy = tokens[index - 1]?.type === 'question' && !opensWithKeyword(tokens, index - 1)
    if (token.type === 'pending' && !asksWhy) {
      const consult = findAfter(text, tokens, index, new Set(['consult']), TIGHT_GAP)
      if (consult !== null) replace(index, consult, token.start, tokens[consult]!.end, false)
      continue
    }
    if (token.type === 'consult') {
      // The words in between stay: "查一下研发费用再告诉你" is about 研发费用.
      for (let at = index + 1; at < tokens.length && tokens[at]!.type !== 'separator'; at += 1) {
        const later = tokens[at]!
        if (later.type !== 'deliver') continue
        tokens[at] = { start: later.start, end: later.end, text: later.text, type: 'unknown', skip: false }
        break
      }
    }
  }
  // "不做软件 做硬件": a refusal word before a fact word, and no refusal to tell, denies what follows.
  for (let index = 0; index < tokens.length - 1; index += 1) {
    const token = tokens[index]!
    const next = tokens[index + 1]!
    if (token.type === 'refuse' && next.type === 'keyword' && SHORT_GAP.test(text.slice(token.end, next.start)))
      tokens[index] = { start: token.start, end: token.end, text: token.text, type: 'no' } as MessageToken
  }
  // "不带硬件", "没做过软件": a negation and a verb (negatedVerbs, 过 after it) in the untagged text right before a fact
  // word deny it.
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    const token = tokens[index]!
    if (token.type !== 'keyword') continue
    const from = tokens[index - 1]?.end ?? 0
    const gap = text.slice(from, token.start).replace(/过$/u, '')
    const verb = (words.negatedVerbs ?? []).find((word) => gap.endsWith(word))
    if (verb === undefined) continue
    const head = gap.slice(0, gap.length - verb.length)
    const negation = words.negations.find((word) => head.endsWith(word))
    if (negation === undefined) continue
    const start = from + head.length - negation.length
    const end = from + gap.length
    tokens.splice(index, 0, { start, end, text: text.slice(start, end), type: 'no' } as MessageToken)
  }
  for (let index = tokens.length - 1; index >= 0; index -= 1)
    if (HELPERS.has(tokens[index]!.type)) tokens.splice(index, 1)
}

/** Whether a fact keyword stands before `index` in its clause. */
function opensWithKeyword(tokens: readonly MessageToken[], index: number): boolean {
  for (let at = index - 1; at >= 0 && tokens[at]!.type !== 'separator'; at -= 1)
    if (tokens[at]!.type === 'keyword') return true
  return false
}

/** Where a word for someone else who knows (and 才/最/比较 after it) right before `at` starts, or null. */
function knownByOthersFrom(text: string, at: number, words: NotKnowingWords): number | null {
  const head = text.slice(0, at).replace(/(?:才|最|比较|更)$/u, '')
  const who = (words.othersWhoKnow ?? []).find((word) => head.endsWith(word))
  return who === undefined ? null : head.length - who.length
}

/** Where a negation (and a degree word after it) right before `at` starts, or null when there is none. */
function negatedFrom(text: string, at: number, words: NotKnowingWords): number | null {
  const before = text.slice(0, at)
  const degree = words.degrees.find((word) => before.endsWith(word)) ?? ''
  for (const candidate of degree === '' ? [''] : [degree, '']) {
    const head = before.slice(0, before.length - candidate.length)
    const negation = words.negations.find((word) => head.endsWith(word))
    if (negation !== undefined) return head.length - negation.length
  }
  return null
}

/** The next token of one of `types` in the clause, with only a short gap of other words before it. */
function findAfter(
  text: string,
  tokens: readonly MessageToken[],
  index: number,
  types: ReadonlySet<string>,
  gap: RegExp,
): number | null {
  const from = tokens[index]!.end
  for (let at = index + 1; at < tokens.length; at += 1) {
    const candidate = tokens[at]!
    if (candidate.type === 'separator') return null
    if (!gap.test(text.slice(from, candidate.start))) return null
    if (types.has(candidate.type)) return at
  }
  return null
}
