/** The full-width comma stands for a clause break in chat; NFKC would turn it into "," (a thousands separator). */
const FULL_WIDTH_COMMA = /，/g
const COMMA_PLACEHOLDER = '\u0000'
/** ①②③ and ⑴⑵⑶ number the answers of a list: a clause break each, never a digit of the answer. */
const LIST_MARKERS = /[\u2460-\u2473\u2474-\u2487\u2776-\u277f]/g

/**
 * Normalises a chat message for fact extraction: NFKC (full-width digits, letters and ％ to half-width,
 * Ⅰ/Ⅱ to I/II), while the full-width comma stays a Chinese comma (a clause break, never a thousands
 * separator), list markers ①② become clause breaks, and runs of whitespace become one space. Replies are read
 * through `normalizeReply` (src/understanding), which also folds traditional characters.
 */
export function normalizeMessage(text: string): string {
  return text
    .replace(LIST_MARKERS, '；')
    .replace(FULL_WIDTH_COMMA, COMMA_PLACEHOLDER)
    .normalize('NFKC')
    .replace(/\u0000/g, '，')
    .replace(/[\t\r\f\v\u00a0\u3000 ]+/g, ' ')
}
