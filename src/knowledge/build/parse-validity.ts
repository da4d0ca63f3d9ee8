import { chineseOrdinal } from './article-card.js'

/**
 * Validity periods as the sources state them: "2023年10月11日起至2025年12月31日止", "2022年8月11日起，有效期3年",
 * "2022年8月26日起，2025年失效", "在2022-2024年内有效", "自发布之日起施行，有效期三年" (with the document's date),
 * "有效期至…" / "执行期至…", "从2023年9月起", and a year range in a document title ("…（2023—2025年）").
 *
 * Dates are ISO YYYY-MM-DD. A start stated to the month begins on its first day; an end stated to the month or
 * year ends on its last day, and `untilPrecision` says how much of the end date the source stated, so that an
 * answer never claims a day the source does not give. "有效期N年" ends the day before the N-th anniversary.
 */
export interface ValidityPeriod {
  from: string | null
  until: string | null
  untilPrecision: DatePrecision | null
  /** The exact source phrase(s) the period comes from, joined with "；" when a card and its document both add. */
  basis: string
}

export type DatePrecision = 'day' | 'month' | 'year'

interface StatedDate {
  year: number
  month: number | null
  day: number | null
}

const DATE = '(\\d{4})年(?:(\\d{1,2})月(?:(\\d{1,2})日)?)?'
const COUNT = '([一二三四五六七八九十\\d]{1,3})'
const SELF = '(?:本[^，,。；;\\s]{1,10}?)?'

/** Patterns that state a start and an end, tried in order; the first that matches wins. */
const RANGE = new RegExp(`(?:从|自)?${DATE}(?:起)?(?:至|到|—|－|~)${DATE}(?:止)?`, 'u')
const START_FOR_YEARS = new RegExp(`(?:从|自)?${DATE}(?:起|开始)[，,]?有效期(?:为)?${COUNT}年`, 'u')
const START_LAPSES = new RegExp(`(?:从|自)?${DATE}(?:起|开始)[，,]?(\\d{4})年失效`, 'u')
const YEARS_IN_FORCE =
  /(?:从|自)?(?:(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?(?:起|开始)[，,]?)?在?(\d{4})\s*[-—–－~至到]\s*(\d{4})年(?:内)?有效/u
const FROM_ISSUE = new RegExp(
  `${SELF}自(?:发布|印发|公布)之日起(?:施行|实施|执行|生效)(?:[，,]有效期(?:为)?${COUNT}年)?`,
  'u',
)
const UNTIL_ONLY = new RegExp(`(?:有效期|执行期|实施期|执行期限)(?:为|限)?(?:至|到)${DATE}(?:止)?`, 'u')
const START_ONLY = new RegExp(`(?:从|自)?${DATE}(?:起|开始)(?:执行|施行|实施)?`, 'u')
const TITLE_YEARS = /[（(](\d{4})\s*[-—–－~至]\s*(\d{4})年[)）]/u

function stated(match: RegExpExecArray, offset: number): StatedDate {
  const number = (value: string | undefined) => (value === undefined ? null : Number(value))
  return { year: Number(match[offset]), month: number(match[offset + 1]), day: number(match[offset + 2]) }
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function isRealDate(date: StatedDate): boolean {
  if (date.month !== null && (date.month < 1 || date.month > 12)) return false
  if (date.day !== null && (date.month === null || date.day < 1 || date.day > daysInMonth(date.year, date.month)))
    return false
  return date.year >= 1990 && date.year <= 2100
}

function startOf(date: StatedDate): string {
  return iso(date.year, date.month ?? 1, date.day ?? 1)
}

function endOf(date: StatedDate): { until: string; untilPrecision: DatePrecision } {
  if (date.month === null) return { until: iso(date.year, 12, 31), untilPrecision: 'year' }
  if (date.day === null)
    return { until: iso(date.year, date.month, daysInMonth(date.year, date.month)), untilPrecision: 'month' }
  return { until: iso(date.year, date.month, date.day), untilPrecision: 'day' }
}

/** The day before the N-th anniversary of an ISO start date. */
function afterYears(from: string, years: number): string {
  const [year, month, day] = from.split('-').map(Number)
  const anniversary = new Date(Date.UTC(year + years, month - 1, day))
  // 29 February has no anniversary in a common year: Date rolls it to 1 March, whose day before is 28 February.
  anniversary.setUTCDate(anniversary.getUTCDate() - 1)
  return anniversary.toISOString().slice(0, 10)
}

function yearsFrom(
  from: string,
  fromDate: StatedDate | null,
  years: number,
): { until: string; untilPrecision: DatePrecision } {
  const untilPrecision: DatePrecision =
    fromDate === null || fromDate.day !== null ? 'day' : fromDate.month !== null ? 'month' : 'year'
  return { until: afterYears(from, years), untilPrecision }
}

function countOf(text: string): number {
  return chineseOrdinal(text)
}

function period(
  from: string | null,
  end: { until: string; untilPrecision: DatePrecision } | null,
  basis: string,
): ValidityPeriod | null {
  if (from === null && end === null) return null
  if (from !== null && end !== null && from > end.until) return null
  return { from, until: end?.until ?? null, untilPrecision: end?.untilPrecision ?? null, basis }
}

/**
 * The period one statement gives (a card's 时间/频度, or a document's closing article), or null when it states
 * none. `publishedAt` resolves "自发布之日起"; without it such a statement gives nothing. With
 * `allowStartOnly: false` a bare "2023年9月起" is not read as a start (document text is full of such dates about
 * other things).
 */
export function parseValidityStatement(
  text: string,
  publishedAt: string | null,
  allowStartOnly = true,
): ValidityPeriod | null {
  const flat = text.replace(/\s+/gu, '')
  let match = RANGE.exec(flat)
  if (match) {
    const start = stated(match, 1)
    const end = stated(match, 4)
    if (isRealDate(start) && isRealDate(end)) return period(startOf(start), endOf(end), match[0])
  }
  match = START_FOR_YEARS.exec(flat)
  if (match) {
    const start = stated(match, 1)
    if (isRealDate(start)) return period(startOf(start), yearsFrom(startOf(start), start, countOf(match[4])), match[0])
  }
  match = START_LAPSES.exec(flat)
  if (match) {
    const start = stated(match, 1)
    if (isRealDate(start))
      return period(startOf(start), endOf({ year: Number(match[4]), month: null, day: null }), match[0])
  }
  match = YEARS_IN_FORCE.exec(flat)
  if (match) {
    const start = match[1] === undefined ? null : stated(match, 1)
    const from =
      start && isRealDate(start) ? startOf(start) : startOf({ year: Number(match[4]), month: null, day: null })
    return period(from, endOf({ year: Number(match[5]), month: null, day: null }), match[0])
  }
  match = FROM_ISSUE.exec(flat)
  if (match && publishedAt !== null) {
    const end = match[1] === undefined ? null : yearsFrom(publishedAt, null, countOf(match[1]))
    return period(publishedAt, end, match[0])
  }
  match = UNTIL_ONLY.exec(flat)
  if (match) {
    const end = stated(match, 1)
    if (isRealDate(end)) return period(null, endOf(end), match[0])
  }
  if (!allowStartOnly) return null
  match = START_ONLY.exec(flat)
  if (match) {
    const start = stated(match, 1)
    if (isRealDate(start)) return period(startOf(start), null, match[0])
  }
  return null
}

/** "北京市促进数字人产业创新发展行动计划（2022—2025年）": the years a document's title covers. */
export function parseTitlePeriod(documentTitle: string): ValidityPeriod | null {
  const match = TITLE_YEARS.exec(documentTitle)
  if (!match) return null
  const first = Number(match[1])
  const last = Number(match[2])
  if (first > last) return null
  return { from: iso(first, 1, 1), until: iso(last, 12, 31), untilPrecision: 'day', basis: `《${documentTitle}》` }
}

/**
 * A document's own period: the first sentence of its text that states one ("本办法自发布之日起施行",
 * "本政策措施自发布之日起实施,有效期三年"), else the years in its title. Bare dates are not read here.
 */
export function findDocumentPeriod(
  text: string,
  publishedAt: string | null,
  documentTitle: string,
): ValidityPeriod | null {
  const own = text
    .split(/[。；;\n]/u)
    .filter((sentence) => /(施行|实施|执行|生效|有效期|失效)/u.test(sentence))
    .map((sentence) => parseValidityStatement(sentence, publishedAt, false))
    .find((found) => found !== null)
  return mergePeriods(own ?? null, parseTitlePeriod(documentTitle))
}

/** A card's own period with its document's filling the bounds the card does not state. */
export function mergePeriods(own: ValidityPeriod | null, document: ValidityPeriod | null): ValidityPeriod | null {
  if (own === null) return document
  if (document === null) return own
  const from = own.from ?? document.from
  const takesUntil = own.until === null && document.until !== null
  const until = takesUntil ? document.until : own.until
  if (from !== null && until !== null && from > until) return own
  const usesDocument = takesUntil || (own.from === null && document.from !== null)
  return {
    from,
    until,
    untilPrecision: takesUntil ? document.untilPrecision : own.untilPrecision,
    basis: usesDocument ? `${own.basis}；${document.basis}` : own.basis,
  }
}
