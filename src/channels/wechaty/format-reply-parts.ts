import { splitText } from '../split-text.js'

export interface FormatReplyPartsOptions {
  /** Longest message, counting the label and `firstPrefixLength`. */
  maxLength: number
  /** Most messages; extra text is cut and `truncatedNotice` appended. */
  maxParts: number
  /** Characters the channel adds in front of the first part (e.g. "@张三 "). */
  firstPrefixLength: number
  truncatedNotice: string
}

/** Room for a "(10/10) " label. */
const LABEL_RESERVE = 8
/** Never split into parts shorter than this, however long the prefix is. */
const MIN_BODY_LENGTH = 40

/**
 * Turns a reply into the messages to send: split on sentence/line boundaries (see `splitText`), numbered
 * "(1/3) …" when there is more than one, at most `maxParts` of them. The caller adds "@asker" to the first.
 */
export function formatReplyParts(text: string, options: FormatReplyPartsOptions): string[] {
  const bodyLength = Math.max(MIN_BODY_LENGTH, options.maxLength - LABEL_RESERVE - options.firstPrefixLength)
  let parts = splitText(text, bodyLength)
  if (parts.length > options.maxParts) {
    parts = parts.slice(0, options.maxParts)
    const lastIndex = parts.length - 1
    const room = Math.max(MIN_BODY_LENGTH, bodyLength - options.truncatedNotice.length - 1)
    const last = splitText(parts[lastIndex] ?? '', room)[0] ?? ''
    parts[lastIndex] = `${last}\n${options.truncatedNotice}`
  }
  if (parts.length <= 1) return parts
  return parts.map((part, index) => `(${index + 1}/${parts.length}) ${part}`)
}
