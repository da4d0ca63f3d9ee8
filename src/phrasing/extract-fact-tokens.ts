import { BREAK } from './normalize-for-grounding.js'

/** A facts-bearing piece of text: what the grounding check requires the sources to support. */
export type FactToken =
  | { kind: 'title'; text: string; title: string }
  /** `issuerTail` is up to the last three characters before the bracket (京发改规〔2023〕12号 → 发改规). */
  | { kind: 'document-number'; text: string; issuerTail: string; core: string }
  | { kind: 'phone'; text: string; digits: string }
  | { kind: 'date'; text: string; year?: number; month?: number; day?: number }
  | { kind: 'percent'; text: string; value: number }
  /** A number with a magnitude or 元, as a value: 5000万元, 0.5亿元 and 5000万 are all 50000000. */
  | { kind: 'amount'; text: string; value: number }
  | { kind: 'quantity'; text: string; value: number; unit: string }
  | { kind: 'number'; text: string; value: number }

type Extractor = { pattern: RegExp; toToken: (match: string, groups: string[]) => FactToken | null }

const MAGNITUDES: Record<string, number> = { 千: 1e3, 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8, 万亿: 1e12 }
const UNIT_ALIASES: Record<string, string> = { 工作日: '个工作日', 平米: '平方米' }

const numberOf = (text: string) => Number(Number(text).toPrecision(12))
const isMonth = (value: number) => value >= 1 && value <= 12
const isDay = (value: number) => value >= 1 && value <= 31

function date(
  text: string,
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
): FactToken | null {
  const token: FactToken = { kind: 'date', text }
  if (year !== undefined) token.year = Number(year)
  if (month !== undefined) {
    if (!isMonth(Number(month))) return null
    token.month = Number(month)
  }
  if (day !== undefined) {
    if (!isDay(Number(day))) return null
    token.day = Number(day)
  }
  return token
}

const YEAR = '((?:19|20)\\d{2})'

/** In order: each extractor masks what it took, so a later, looser one never sees it again. */
const EXTRACTORS: Extractor[] = [
  { pattern: /《([^《》]{1,120})》/g, toToken: (text, [title]) => ({ kind: 'title', text, title }) },
  {
    pattern: /([\u4e00-\u9fff]{0,8})(〔(?:19|20)\d{2}〕\d{1,4}号)/g,
    toToken: (text, [issuer, core]) => ({ kind: 'document-number', text, issuerTail: issuer.slice(-3), core }),
  },
  {
    pattern: /〔(?:19|20)\d{2}〕/g,
    toToken: (text) => ({ kind: 'document-number', text, issuerTail: '', core: text }),
  },
  { pattern: /(?<!\d)(1[3-9]\d{9})(?!\d)/g, toToken: (text, [digits]) => ({ kind: 'phone', text, digits }) },
  {
    pattern: /(?<![\d.])(?:\(?(0\d{2,3})\)?-?)?(\d{7,8})(?![\d.%万亿元年月日号个天倍])/g,
    toToken: (text, [areaCode, local]) => ({ kind: 'phone', text, digits: `${areaCode ?? ''}${local}` }),
  },
  {
    // 2023-09-26, 2023/9/26, 2023.9.26 (one separator throughout), 2023年9月26日
    pattern: new RegExp(`${YEAR}(?:([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)|年(\\d{1,2})月(\\d{1,2})[日号])`, 'g'),
    toToken: (text, [year, _separator, month, day, chineseMonth, chineseDay]) =>
      date(text, year, month ?? chineseMonth, day ?? chineseDay),
  },
  {
    pattern: new RegExp(`${YEAR}(?:年(\\d{1,2})月|-(\\d{1,2})(?!\\d))`, 'g'),
    toToken: (text, [year, month, monthAfterDash]) => date(text, year, month ?? monthAfterDash, undefined),
  },
  {
    pattern: /(?<![\d.])(\d{1,2})月(\d{1,2})[日号]/g,
    toToken: (text, [month, day]) => date(text, undefined, month, day),
  },
  { pattern: new RegExp(`${YEAR}年`, 'g'), toToken: (text, [year]) => date(text, year, undefined, undefined) },
  { pattern: /(?<![\d.])(\d{1,2})月份?/g, toToken: (text, [month]) => date(text, undefined, month, undefined) },
  { pattern: /(?<![\d.])(\d{1,2})[日号](?!\d)/g, toToken: (text, [day]) => date(text, undefined, undefined, day) },
  {
    pattern: /(\d+(?:\.\d+)?)(?:%|个百分点)/g,
    toToken: (text, [value]) => ({ kind: 'percent', text, value: numberOf(value) }),
  },
  {
    pattern: /(\d+(?:\.\d+)?)(?:(千万|百万|十万|万亿|亿|万)元?|(千)?元)/g,
    toToken: (text, [value, magnitude, thousand]) => ({
      kind: 'amount',
      text,
      value: numberOf(String(Number(value) * (MAGNITUDES[magnitude ?? thousand ?? ''] ?? 1))),
    }),
  },
  {
    pattern:
      /(\d+(?:\.\d+)?)(个工作日|工作日|个月|年|天|周|小时|倍|项|名|岁|分|家|人|批|类|次|个|亩|平方米|平米|层|成)/g,
    toToken: (text, [value, unit]) => ({
      kind: 'quantity',
      text,
      value: numberOf(value),
      unit: UNIT_ALIASES[unit] ?? unit,
    }),
  },
  { pattern: /\d+(?:\.\d+)?/g, toToken: (text) => ({ kind: 'number', text, value: numberOf(text) }) },
]

/**
 * Extracts the facts-bearing tokens (titles, document numbers, phones, dates, percentages, amounts, quantities,
 * other numbers) from a text already passed through `normalizeForGrounding`, in reading order.
 */
export function extractFactTokens(normalizedText: string): FactToken[] {
  const found: Array<{ offset: number; token: FactToken }> = []
  let remaining = normalizedText
  for (const { pattern, toToken } of EXTRACTORS) {
    remaining = remaining.replace(pattern, (match: string, ...rest: unknown[]) => {
      const offset = rest[rest.length - 2] as number
      const groups = rest.slice(0, -2) as string[]
      const token = toToken(match, groups)
      if (token === null) return match
      found.push({ offset, token })
      // A mask of the same length keeps later offsets true, so tokens come back in reading order.
      return BREAK.repeat(match.length)
    })
  }
  return found.sort((left, right) => left.offset - right.offset).map((entry) => entry.token)
}
