/**
 * Layout normalisation of PDF/Word extractions. Policy wording is kept exactly: only page furniture is dropped
 * (standalone page numbers, `[bookmark: …]` residue, Markdown markers) and wrapped lines are joined.
 */

/** A line that is only a page number. */
export const PAGE_NUMBER_LINE = /^\s*\d{1,3}\s*$/u

/** Enumerators that start a new paragraph: （一） (1) 1． 1、 一、 ① 第三条. */
const ENUMERATOR =
  /^([（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[．.、](?!\d)|[一二三四五六七八九十]{1,3}、|[①-⑳]|第[一二三四五六七八九十百]+条|[A-H][.．、]\s?)/u

/** Punctuation that ends a paragraph when a line ends with it. */
const PARAGRAPH_END = /[。；：！？]$/u

const CJK_OR_FULLWIDTH = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’—…、·]'
const SPACE_AFTER_CJK = new RegExp(`(?<=${CJK_OR_FULLWIDTH})[ \\t\\u00a0\\u3000]+`, 'gu')
const SPACE_BEFORE_CJK = new RegExp(`[ \\t\\u00a0\\u3000]+(?=${CJK_OR_FULLWIDTH})`, 'gu')

/** Removes `[bookmark: …]` residue and Markdown emphasis/heading markers. */
export function stripResidue(line: string): string {
  return line
    .replace(/\[bookmark:[^\]]*\]/gu, '')
    .replace(/\*\*/gu, '')
    .replace(/<(https?:\/\/[^>\s]+)>/gu, '$1')
    .replace(/^\s*#{1,6}\s*/u, '')
}

/**
 * Normalises whitespace inside a line: spaces next to Chinese characters or full-width punctuation go
 * ("5000 万元" → "5000万元", "交付后 1年内" → "交付后1年内"); spaces between Latin words or numbers stay.
 */
export function normalizeSpaces(line: string): string {
  return line
    .replace(SPACE_AFTER_CJK, '')
    .replace(SPACE_BEFORE_CJK, '')
    .replace(/[ \t\u00a0]{2,}/gu, ' ')
    .trim()
}

/** True when the line starts a new paragraph (an enumerator). */
export function startsParagraph(line: string): boolean {
  return ENUMERATOR.test(line)
}

/**
 * Joins wrapped lines into paragraphs (one per output line). A line continues the previous one unless the
 * previous one ends a sentence with 。；：！？ or the line starts with an enumerator.
 */
export function joinWrappedLines(lines: readonly string[]): string {
  const paragraphs: string[] = []
  for (const raw of lines) {
    if (PAGE_NUMBER_LINE.test(raw)) continue
    const line = normalizeSpaces(stripResidue(raw))
    if (line === '') continue
    const last = paragraphs.length - 1
    if (
      last >= 0 &&
      !PARAGRAPH_END.test(paragraphs[last]) &&
      !startsParagraph(line) &&
      !isShortHeading(paragraphs[last])
    ) {
      paragraphs[last] = joinPieces(paragraphs[last], line)
    } else {
      paragraphs.push(line)
    }
  }
  return paragraphs.join('\n')
}

/**
 * "1．改造目标", "(三)强化宣传,打造品牌": an enumerated heading on a line of its own (short, no sentence
 * punctuation). A wrapped line of running text is longer, so it is never mistaken for one.
 */
function isShortHeading(paragraph: string): boolean {
  return (
    startsParagraph(paragraph) && paragraph.length <= 24 && !/[。；：:！？]/u.test(paragraph.replace(ENUMERATOR, ''))
  )
}

/** Joins two wrapped pieces; a space survives only between two Latin letters/digits ("LPR" + "rate"). */
export function joinPieces(left: string, right: string): string {
  return /[A-Za-z0-9]$/u.test(left) && /^[A-Za-z]/u.test(right) ? `${left} ${right}` : `${left}${right}`
}
