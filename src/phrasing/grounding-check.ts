import { extractFactTokens, type FactToken } from './extract-fact-tokens.js'
import { BREAK, normalizeForGrounding } from './normalize-for-grounding.js'

/** The outcome of `checkGrounding`. */
export interface GroundingResult {
  grounded: boolean
  /** The candidate's tokens (normalised: half-width, no spaces, Chinese numerals as digits) the sources do not support. */
  unsupported: string[]
  /** Why the candidate was rejected as a whole, before any token was looked at. */
  reason?: 'empty' | 'too-long'
}

export interface GroundingOptions {
  /** The template answer the candidate re-words: a candidate longer than 2× it + 200 characters is rejected. */
  templateText?: string
}

/**
 * Checks that every number, percentage, amount, date, phone number, document number and 《title》 in an LLM's
 * candidate text is supported by the sources (the texts the answer was composed from, the assessment, the template).
 * Pure: no I/O, no LLM.
 *
 * Values are compared, not spellings: 5000万元 = 5,000 万元 = 0.5亿元 = 五千万; 百分之三十 = 30％; 2023年9月26日 = 2023-09-26.
 * List numbering in the candidate ("1." "（一）" at a line start, "(2)" inside a line) is ignored.
 *
 * @example
 * checkGrounding('最高补助8888万元', ['最高不超过5000万元'])
 * // → { grounded: false, unsupported: ['8888万元'] }
 */
export function checkGrounding(candidate: string, sources: string[], options: GroundingOptions = {}): GroundingResult {
  if (candidate.trim() === '') return { grounded: false, unsupported: [], reason: 'empty' }
  if (options.templateText !== undefined && candidate.length > options.templateText.length * 2 + 200) {
    return { grounded: false, unsupported: [], reason: 'too-long' }
  }
  const support = buildSupport(sources)
  const unsupported = extractFactTokens(normalizeForGrounding(candidate, { stripListMarkers: true }))
    .filter((token) => !isSupported(token, support))
    .map((token) => token.text)
  return { grounded: unsupported.length === 0, unsupported: [...new Set(unsupported)] }
}

interface Support {
  /** All sources, normalised and joined with a separator that no token contains. */
  text: string
  tokens: FactToken[]
  /** Every number written anywhere in the sources, by value. */
  values: Set<number>
}

function buildSupport(sources: string[]): Support {
  const text = sources.map((source) => normalizeForGrounding(source)).join(BREAK)
  const values = new Set([...text.matchAll(/\d+(?:\.\d+)?/g)].map((match) => Number(Number(match[0]).toPrecision(12))))
  return { text, tokens: extractFactTokens(text), values }
}

function isSupported(token: FactToken, support: Support): boolean {
  const others = support.tokens
  switch (token.kind) {
    case 'title':
      return support.text.includes(token.title)
    case 'document-number':
      return support.text.includes(`${token.issuerTail}${token.core}`)
    case 'phone':
      return others.some(
        (source) =>
          source.kind === 'phone' &&
          (source.digits === token.digits || (source.digits.endsWith(token.digits) && token.digits.length >= 7)),
      )
    case 'date':
      if (
        token.month === undefined &&
        token.day === undefined &&
        token.year !== undefined &&
        support.values.has(token.year)
      )
        return true
      return others.some(
        (source) =>
          source.kind === 'date' &&
          (token.year === undefined || source.year === token.year) &&
          (token.month === undefined || source.month === token.month) &&
          (token.day === undefined || source.day === token.day),
      )
    case 'percent':
    case 'amount':
      return others.some((source) => source.kind === token.kind && source.value === token.value)
    case 'quantity':
      return others.some(
        (source) => source.kind === 'quantity' && source.value === token.value && source.unit === token.unit,
      )
    case 'number':
      return support.values.has(token.value)
  }
}
