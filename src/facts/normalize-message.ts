/** The full-width comma stands for a clause break in chat; NFKC would turn it into "," (a thousands separator). */
const FULL_WIDTH_COMMA = /，/g
const COMMA_PLACEHOLDER = '\u0000'
/** ①②③ and ⑴⑵⑶ number the answers of a list: a clause break each, never a digit of the answer. */
const LIST_MARKERS = /[\u2460-\u2473\u2474-\u2487\u2776-\u277f]/g
/** "1、无 2、无 3、无", "(1)没有": a digit numbering an answer at a clause start is a clause break too. */
const LIST_NUMBERS = /(^|[\s，,；;。])\(?[1-9][、)](?=\S)/gu

/**
 * Normalises a chat message for fact extraction: NFKC (full-width digits, letters and ％ to half-width,
 * Ⅰ/Ⅱ to I/II), while the full-width comma stays a Chinese comma (a clause break, never a thousands
 * separator), list markers ①② and numbers 1、 (1) become clause breaks, and runs of whitespace become one space.
 */
export function normalizeMessage(text: string): string {
  return text
    .replace(LIST_MARKERS, '；')
    .replace(FULL_WIDTH_COMMA, COMMA_PLACEHOLDER)
    .normalize('NFKC')
    .replace(/\u0000/g, '，')
    .replace(LIST_NUMBERS, '$1；')
    .replace(/[\t\r\f\v\u00a0\u3000 ]+/g, ' ')
}
