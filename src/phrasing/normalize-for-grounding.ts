import { chineseNumeralsToDigits } from './chinese-numerals.js'

/** Separator put where a line break or a removed list marker was, so digits on either side never merge. */
export const BREAK = '|'

/** Circled and parenthesised list numbers (①, ⑴, ⒈, ❶) and superscripts (m², 10³), which NFKC would turn into digits. */
const DECORATIVE_DIGITS = /[\u2460-\u249B\u24EA-\u24FF\u2776-\u2793\u00B2\u00B3\u00B9\u2070-\u209F]/g

const CHINESE_ORDINAL = '[一二三四五六七八九十]{1,3}'
/**
 * A list marker at the start of a line: "1." "1、" "1)" "(1)" "一、" "(一)", optionally after a bullet.
 * Arabic markers are one or two digits not followed by another digit, so "1.5亿元" at the start of a line stays a number.
 */
const LINE_START_MARKER = new RegExp(
  `^([·•\\-*>]\\s*)?(\\d{1,2}[.、)](?!\\d)|\\(\\d{1,2}\\)|${CHINESE_ORDINAL}[、.]|\\(${CHINESE_ORDINAL}\\))`,
)
/** A parenthesised marker inside a line: "(一)" "(2)". A year "(2023)" has four digits and is not a marker. */
const INLINE_MARKER = new RegExp(`\\((\\d{1,2}|${CHINESE_ORDINAL})\\)`, 'g')

/**
 * Normalises a text for the grounding check, the same way for the candidate and for the sources:
 * full-width → half-width (NFKC), Chinese numerals → digits, whitespace removed, thousands separators removed,
 * document-number brackets unified to 〔2023〕.
 * With `stripListMarkers` (the candidate only), list numbering such as "1." or "（一）" is removed first, so an LLM
 * that lays the answer out as a numbered list is not rejected for the list numbers.
 */
export function normalizeForGrounding(text: string, options: { stripListMarkers?: boolean } = {}): string {
  let normalized = text.replace(DECORATIVE_DIGITS, BREAK).normalize('NFKC')
  if (options.stripListMarkers) {
    normalized = normalized
      .split('\n')
      .map((line) => line.trim().replace(LINE_START_MARKER, BREAK).replace(INLINE_MARKER, BREAK))
      .join('\n')
  }
  normalized = chineseNumeralsToDigits(normalized).replace(/\n/g, BREAK).replace(/\s+/g, '')
  // Thousands separators: 5,000万元 → 5000万元 (after NFKC a full-width comma is a comma too).
  let previous: string
  do {
    previous = normalized
    normalized = normalized.replace(/(\d),(\d{3})(?!\d)/g, '$1$2')
  } while (normalized !== previous)
  // 〔2023〕 [2023] (2023) 【2023】 → 〔2023〕, the form of a document number.
  return normalized.replace(/[〔[(【]((?:19|20)\d{2})[〕\])】]/g, '〔$1〕')
}
