import type { PolicyCard } from '../card-schema.js'
import { joinWrappedLines } from './normalize-text.js'
import type { ValidityPeriod } from './parse-validity.js'

/** The document an article belongs to: what every card cites. */
export interface DocumentInfo {
  seed: string
  /** Short name used as the card's section, e.g. 专精特新若干措施. */
  section: string
  documentTitle: string
  issuer: string
  docNumber: string | null
  publishedAt: string | null
  /** The document's own contact line (e.g. its covering notice's 联系人/联系电话), cited by every article. */
  contact: string | null
  /** The document's validity period (from its own text or title), applied to every article. */
  period: ValidityPeriod | null
}

/** A block of source lines (0-based indexes into the seed's lines). */
export interface LineBlock {
  start: number
  end: number
  lines: string[]
}

/** Splits lines into blocks, each starting at a line the predicate accepts; lines before the first are dropped. */
export function splitBlocks(
  lines: readonly string[],
  from: number,
  to: number,
  isStart: (line: string) => boolean,
): LineBlock[] {
  const blocks: LineBlock[] = []
  for (let index = from; index < to; index += 1) {
    if (isStart(lines[index])) blocks.push({ start: index, end: index, lines: [] })
    const current = blocks[blocks.length - 1]
    if (current) {
      current.lines.push(lines[index])
      current.end = index
    }
  }
  for (const block of blocks) {
    while (block.end > block.start && lines[block.end].trim() === '') {
      block.end -= 1
      block.lines.pop()
    }
  }
  return blocks
}

const PHONE = /(\d{3,4}-\d{7,8}|(?<!\d)\d{8}(?!\d))/u

/**
 * Builds an article card. The contact is the article's own sentence with a phone number when it has one, else
 * the document's contact.
 */
export function articleCard(
  document: DocumentInfo,
  id: string,
  heading: string,
  titleName: string,
  body: string[],
  block: LineBlock,
): PolicyCard {
  const content = joinWrappedLines(body)
  if (content === '') throw new Error(`${id}: empty article at line ${block.start + 1}`)
  const contactSentence = content
    .split(/[。\n]/u)
    .find((sentence) => PHONE.test(sentence) && /(电话|联系)/u.test(sentence))
  return {
    id,
    kind: 'article',
    seed: document.seed,
    section: document.section,
    title: `${titleName} ${heading}`.trim(),
    subtitle: null,
    documentTitle: document.documentTitle,
    issuer: document.issuer,
    docNumber: document.docNumber,
    publishedAt: document.publishedAt,
    heading,
    toolType: null,
    audience: null,
    content,
    requirements: null,
    process: null,
    timing: null,
    contact: contactSentence ? contactSentence.trim() : document.contact,
    sourceLines: [block.start + 1, block.end + 1],
    flags: [],
    duplicateOf: null,
    ...validityFields(document.period),
  }
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 第二十四条 → 24 (numbers up to 99). */
export function chineseOrdinal(text: string): number {
  if (/^\d+$/u.test(text)) return Number(text)
  if (text === '十') return 10
  const [tens, ones] = text.split('十')
  if (ones === undefined) return CHINESE_DIGITS[tens] ?? 0
  return (tens === '' ? 1 : (CHINESE_DIGITS[tens] ?? 0)) * 10 + (ones === '' ? 0 : (CHINESE_DIGITS[ones] ?? 0))
}

/** 7 → "07": the two-digit part of an article id. */
export function twoDigits(value: number): string {
  return String(value).padStart(2, '0')
}

/** The card fields of a validity period (all null when none is stated). */
export function validityFields(
  period: ValidityPeriod | null,
): Pick<PolicyCard, 'validFrom' | 'validUntil' | 'validUntilPrecision' | 'validityBasis'> {
  return {
    validFrom: period?.from ?? null,
    validUntil: period?.until ?? null,
    validUntilPrecision: period?.untilPrecision ?? null,
    validityBasis: period?.basis ?? null,
  }
}
