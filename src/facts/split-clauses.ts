import { fitsUnit } from './convert-quantity.js'
import type { AmountTopic, KeywordMeaning } from './fact-vocabulary.js'
import type { Quantity } from './read-quantity.js'
import type { MessageToken } from '../understanding/tag-text.js'

type Token = MessageToken

/** A clause's text as quoted back in a rejection is cut to this length. */
const RAW_LIMIT = 40

/** A stretch of a message between separators (，。；但是…), with its tokens. */
export interface Clause {
  tokens: Token[]
  text: string
  /** The clause text as quoted back in a rejection (trimmed, at most RAW_LIMIT characters). */
  raw: string
  neighbours: Neighbours
}

/** For every token of a clause, the nearest token of a kind before and after it (-1 / length when none). */
export interface Neighbours {
  polarBefore: Int32Array
  polarAfter: Int32Array
  numericKeywordBefore: Int32Array
  numericKeywordAfter: Int32Array
  quantityBefore: Int32Array
  quantityAfter: Int32Array
  /** The clause puts yes/no after its keywords ("创新型有，专精特新没有"). */
  postfixPolarity: boolean
}

/**
 * Splits a tokenised message into clauses at its separators, keeping clauses without tokens ("市级的") and
 * precomputing each clause's neighbour indexes (so that reading a clause stays linear).
 */
export function splitClauses(message: string, tokens: MessageToken[]): Clause[] {
  const clauses: Clause[] = []
  let current: Token[] = []
  let start = 0
  const close = (end: number): void => {
    const text = message.slice(start, end)
    const raw = text.trim().slice(0, RAW_LIMIT)
    if (current.length > 0 || raw !== '')
      clauses.push({ tokens: current, text, raw, neighbours: neighboursOf(current) })
    current = []
  }
  for (const token of tokens) {
    if (token.type === 'separator') {
      close(token.start)
      start = token.end
    } else current.push(token)
  }
  close(message.length)
  return clauses
}

/** Whether a quantity's unit can measure a topic (a bare number fits any). */
export function unitFits(topic: AmountTopic, quantity: Quantity): boolean {
  return fitsUnit(quantity, topic.unit)
}

function fitsMeaning(meaning: KeywordMeaning, quantity: Quantity): boolean {
  if (meaning.type === 'sink') return meaning.units.some((unit) => fitsUnit(quantity, unit))
  if (meaning.type === 'unclassifiedIp') return quantity.unit === 'item' || quantity.unit === null
  if (meaning.type !== 'amount') return false
  return (
    unitFits(meaning.topic, quantity) || (meaning.countTopic !== undefined && unitFits(meaning.countTopic, quantity))
  )
}

function isNumericKeyword(token: Token): token is Token & { type: 'keyword' } {
  return (
    token.type === 'keyword' &&
    (token.meaning.type === 'amount' || token.meaning.type === 'sink' || token.meaning.type === 'unclassifiedIp')
  )
}

function isPolar(token: Token): boolean {
  return token.type === 'yes' || token.type === 'no'
}

function isQuantity(token: Token): boolean {
  return token.type === 'quantity'
}

/** Precomputes, in two passes, the nearest polar word, numeric keyword and quantity around every token. */
function neighboursOf(tokens: Token[]): Neighbours {
  const length = tokens.length
  const nearest = (test: (token: Token) => boolean, forward: boolean): Int32Array => {
    const result = new Int32Array(length)
    let last = forward ? length : -1
    for (let step = 0; step < length; step += 1) {
      const index = forward ? length - 1 - step : step
      result[index] = last
      if (test(tokens[index])) last = index
    }
    return result
  }
  const firstPolar = tokens.findIndex(isPolar)
  const firstKeyword = tokens.findIndex((token) => token.type === 'keyword' && token.meaning.type !== 'noise')
  return {
    polarBefore: nearest(isPolar, false),
    polarAfter: nearest(isPolar, true),
    numericKeywordBefore: nearest(isNumericKeyword, false),
    numericKeywordAfter: nearest(isNumericKeyword, true),
    quantityBefore: nearest(isQuantity, false),
    quantityAfter: nearest(isQuantity, true),
    postfixPolarity: firstPolar >= 0 && firstKeyword >= 0 && firstPolar > firstKeyword,
  }
}

/**
 * The keyword a number belongs to: the nearest numeric keyword before it in the clause ("营收3200万"), or,
 * when that one cannot take the number's unit, the next one after it ("30个研发人员"). A sink (占比, 增长) only
 * takes the number right after it. 创客中国 takes an "N强" on either side.
 */
export function findTarget(clause: Clause, index: number): { index: number; meaning: KeywordMeaning } | null {
  const { tokens, neighbours } = clause
  const token = tokens[index]
  if (token.type !== 'quantity') return null
  const { quantity } = token
  if (quantity.unit === 'top') {
    const maker = tokens.findIndex(
      (candidate) =>
        candidate.type === 'keyword' &&
        candidate.meaning.type === 'graded' &&
        candidate.meaning.fact === 'makerChinaTop',
    )
    return maker >= 0 ? { index: maker, meaning: (tokens[maker] as Token & { type: 'keyword' }).meaning } : null
  }
  // "占地四十亩", "三十台设备": a sink written right after the number is what it counts.
  const next = tokens[index + 1]
  if (
    next?.type === 'keyword' &&
    next.meaning.type === 'sink' &&
    next.start === token.end &&
    fitsMeaning(next.meaning, quantity)
  )
    return { index: index + 1, meaning: next.meaning }
  const quantityBefore = neighbours.quantityBefore[index]
  for (
    let before = neighbours.numericKeywordBefore[index];
    before >= 0;
    before = neighbours.numericKeywordBefore[before]
  ) {
    const candidate = tokens[before] as Token & { type: 'keyword' }
    const fits = fitsMeaning(candidate.meaning, quantity)
    // A sink takes only the number right after it, and lets other units pass ("增长到3200万").
    if (candidate.meaning.type === 'sink' && (quantityBefore > before || !fits)) continue
    if (fits) return { index: before, meaning: candidate.meaning }
    break
  }
  const after = neighbours.numericKeywordAfter[index]
  if (after < tokens.length && after < neighbours.quantityAfter[index]) {
    const candidate = tokens[after] as Token & { type: 'keyword' }
    if (fitsMeaning(candidate.meaning, quantity)) return { index: after, meaning: candidate.meaning }
  }
  return null
}

/**
 * Whether a token is affirmed or negated in its clause. When the clause puts its yes/no words after the
 * keywords ("创新型有，专精特新没有"), each keyword takes the next one; otherwise the nearest one before it
 * ("没有失信和违法" negates both).
 */
export function polarityOf(clause: Clause, index: number): 'yes' | 'no' | null {
  const token = polarWordOf(clause, index)
  return token?.type === 'yes' || token?.type === 'no' ? token.type : null
}

/** The yes/no word that decides a token's polarity (see polarityOf), or undefined. */
export function polarWordOf(clause: Clause, index: number): Token | undefined {
  const { tokens, neighbours } = clause
  const before = neighbours.polarBefore[index]
  const after = neighbours.polarAfter[index]
  // A clause that puts yes/no after its keywords still reads one before a keyword with none after it ("发明专利4个都是自己研发的").
  const chosen = !neighbours.postfixPolarity && before >= 0 ? before : after < tokens.length ? after : before
  return chosen >= 0 ? tokens[chosen] : undefined
}
