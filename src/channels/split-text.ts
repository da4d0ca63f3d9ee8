/**
 * Splitting long replies for channels with a per-message length limit (personal WeChat, WeCom, 公众号).
 * Channel-neutral and pure: no SDK imports.
 */

/** The smallest `maxLength` accepted; below this, boundary search makes no sense. */
export const MIN_SPLIT_LENGTH = 20

/**
 * Spans a cut must never fall inside: 《titles》, 〔2024〕18号 document numbers, URLs, and numbers with their
 * decimal/thousands separators, percent sign and unit ("1,300.5万元", "12.5%", "2024-01-12").
 */
const PROTECTED_PATTERNS: RegExp[] = [
  /《[^《》\n]*》/g,
  /〔[0-9０-９]{4}〕[0-9０-９]+号/g,
  /https?:\/\/[^\s，。；、）)》」]+/g,
  /[0-9０-９]+(?:[.,．，:：/\-][0-9０-９]+)*(?:[%％‰]|[万亿]{0,2}[元人家项个件年月日号次倍]?)/g,
]

const SENTENCE_ENDS = new Set(['。', '！', '？', '；', '!', '?', ';', '…'])
const CLAUSE_ENDS = new Set(['，', '、', '：', ',', ':', ' ', '\t'])
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '"', "'"])
/** A part never starts with one of these. */
const NO_LEADING = new Set([...CLOSERS, ...SENTENCE_ENDS, '，', '、', '：', ',', ':', '.', '%', '％'])

/** How far back (as a share of the limit) a natural boundary may be before we prefer a weaker one. */
const MIN_FILL = 0.4

/**
 * Splits `text` into parts of at most `maxLength` UTF-16 code units (or UTF-8 bytes with `measure: 'utf8'`, for
 * platforms that count bytes, like WeCom). Cuts prefer, in order: the latest line
 * break or sentence end (。！？；) in the last 60 % of the window, then the latest clause boundary (，、：or a
 * space), then any earlier boundary, and only then a hard cut. A cut never falls inside a number, a 《title》,
 * a document number, a URL or a surrogate pair, and no part starts with punctuation. Parts are trimmed; empty
 * parts are dropped. Text that fits is returned as a single part.
 */
export function splitText(text: string, maxLength: number, options: { measure?: 'utf16' | 'utf8' } = {}): string[] {
  if (!Number.isInteger(maxLength) || maxLength < MIN_SPLIT_LENGTH) {
    throw new RangeError(`maxLength must be an integer ≥ ${MIN_SPLIT_LENGTH}, got ${maxLength}`)
  }
  const measure =
    options.measure === 'utf8' ? (part: string) => Buffer.byteLength(part, 'utf8') : (part: string) => part.length
  const parts: string[] = []
  let rest = text.trim()
  while (measure(rest) > maxLength) {
    const cut = findCut(rest, fittingLength(rest, maxLength, measure))
    const head = rest.slice(0, cut).trimEnd()
    if (head.length > 0) parts.push(head)
    rest = rest.slice(cut).trimStart()
  }
  if (rest.length > 0) parts.push(rest)
  return parts
}

/** The longest prefix of `text` (in UTF-16 code units) whose measure is at most `maxLength`. */
function fittingLength(text: string, maxLength: number, measure: (part: string) => number): number {
  let low = 1
  let high = Math.min(text.length - 1, maxLength)
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (measure(text.slice(0, middle)) <= maxLength) low = middle
    else high = middle - 1
  }
  return low
}

/** The index to cut `text` at (1..maxLength); `text` is longer than `maxLength`. */
function findCut(text: string, maxLength: number): number {
  const unsafe = protectedRanges(text.slice(0, maxLength + 1 + 256))
  const isSafe = (position: number): boolean =>
    !isInsideSurrogatePair(text, position) &&
    !NO_LEADING.has(text[position] ?? '') &&
    !unsafe.some(([start, end]) => start < position && position < end)

  const minimum = Math.floor(maxLength * MIN_FILL)
  let latestNatural = 0
  let latestClause = 0
  let latestSafe = 0
  for (let position = maxLength; position > 0; position -= 1) {
    if (!isSafe(position)) continue
    const rank = boundaryRank(text, position)
    if (rank >= 2 && latestNatural === 0) latestNatural = position
    if (rank >= 1 && latestClause === 0) latestClause = position
    if (latestSafe === 0) latestSafe = position
    if (latestNatural >= minimum && latestNatural > 0) break
  }
  if (latestNatural >= minimum && latestNatural > 0) return latestNatural
  if (latestClause >= minimum && latestClause > 0) return latestClause
  if (latestNatural > 0) return latestNatural
  if (latestClause > 0) return latestClause
  if (latestSafe > 0) return latestSafe
  // A single protected span longer than the limit (a pathological title or URL): cut it, keeping surrogates whole.
  return isInsideSurrogatePair(text, maxLength) ? maxLength - 1 : maxLength
}

/** 2 = line break or sentence end before `position`, 1 = clause boundary or space, 0 = none. */
function boundaryRank(text: string, position: number): number {
  const before = text[position - 1] ?? ''
  if (before === '\n') return 2
  if (SENTENCE_ENDS.has(before)) return 2
  if (CLOSERS.has(before) && SENTENCE_ENDS.has(text[position - 2] ?? '')) return 2
  if (CLAUSE_ENDS.has(before)) return 1
  return 0
}

function protectedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const pattern of PROTECTED_PATTERNS) {
    for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length])
  }
  return ranges
}

function isInsideSurrogatePair(text: string, position: number): boolean {
  const previous = text.charCodeAt(position - 1)
  const next = text.charCodeAt(position)
  return previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff
}
