/**
 * Works out whether a WeChat group text is addressed to the bot, and what the question is once the
 * "@name", trigger word and quoted message are removed. Pure; no wechaty types.
 */

/** How a message addressed the bot; null when it did not. */
export type AddressedBy = 'mention' | 'trigger' | 'quote' | null

export interface Addressing {
  addressedBy: AddressedBy
  /** The question with "@bot", the trigger word and any quoted message removed, trimmed. */
  text: string
}

export interface AddressingOptions {
  /** The bot's names: WeChat nickname, its alias in this group, the configured bot name. */
  selfNames: string[]
  triggerWords: string[]
  /** The puppet's mention list includes the bot (wechaty `mentionSelf()`). */
  mentionsSelf: boolean
}

/** WeChat puts U+2005 (four-per-em space) after an @mention; some clients and puppets use a normal space. */
const MENTION_END = '(?:\\u2005|[ \\t\\u00a0\\u3000]|$)'
const AT_SIGN = '[@＠]'
/** The separator line WeChat inserts between a quoted message and the reply ("- - - - - -"). */
const QUOTE_SEPARATOR = /\n\s*(?:-\s*){6,}\n?/
/** "「张三：quoted text」" */
const QUOTE_BLOCK = /^「([^：:」\n]{1,64})[：:][\s\S]*」$/
const TRIGGER_FOLLOWERS = /^[\s\u2005,，.。:：;；!！?？、~～]/
const TRIGGER_STRIP = /^[\s\u2005,，.。:：;；!！、~～]+/
/** Trigger words this short only count when followed by a space or punctuation. */
const SHORT_TRIGGER_LENGTH = 2

/**
 * Reads a group text: a message is addressed by an @mention of the bot (puppet mention list, or "@name"
 * followed by U+2005/space/end in the text), by starting with a trigger word, or by quoting one of the
 * bot's own messages. Mentions of the bot are stripped wherever they appear; a trigger word only at the start.
 */
export function readAddressing(rawText: string, options: AddressingOptions): Addressing {
  const { quotedSpeaker, text: unquoted } = removeQuote(rawText)
  const names = uniqueNames(options.selfNames)

  let text = unquoted
  let mentioned = options.mentionsSelf
  for (const name of names) {
    const pattern = new RegExp(`${AT_SIGN}${escapeRegExp(name)}${MENTION_END}`, 'g')
    const stripped = text.replace(pattern, ' ')
    if (stripped !== text) mentioned = true
    text = stripped
  }
  text = text.replace(/[ \t\u00a0\u2005\u3000]{2,}/g, ' ').trim()
  if (mentioned) return { addressedBy: 'mention', text }

  const triggered = stripTrigger(text, options.triggerWords)
  if (triggered !== undefined) return { addressedBy: 'trigger', text: triggered }

  if (quotedSpeaker !== undefined && names.includes(quotedSpeaker)) return { addressedBy: 'quote', text }
  return { addressedBy: null, text }
}

/** Removes a WeChat quote block ("「name：…」" + separator line), keeping the new text and the quoted speaker. */
export function removeQuote(text: string): { quotedSpeaker?: string; text: string } {
  const match = QUOTE_SEPARATOR.exec(text)
  if (!match) return { text: text.trim() }
  const before = text.slice(0, match.index).trim()
  const after = text.slice(match.index + match[0].length).trim()
  const quoteBefore = QUOTE_BLOCK.exec(before)
  if (quoteBefore) return { quotedSpeaker: quoteBefore[1]?.trim(), text: after }
  const quoteAfter = QUOTE_BLOCK.exec(after)
  if (quoteAfter) return { quotedSpeaker: quoteAfter[1]?.trim(), text: before }
  return { text: text.trim() }
}

function stripTrigger(text: string, triggerWords: string[]): string | undefined {
  const lower = text.toLowerCase()
  // Longest first, so "政策助手" wins over "政策".
  const words = [...triggerWords].sort((first, second) => second.length - first.length)
  for (const word of words) {
    if (!lower.startsWith(word.toLowerCase())) continue
    const rest = text.slice(word.length)
    if (word.length <= SHORT_TRIGGER_LENGTH && rest.length > 0 && !TRIGGER_FOLLOWERS.test(rest)) continue
    return rest.replace(TRIGGER_STRIP, '').trim()
  }
  return undefined
}

function uniqueNames(names: string[]): string[] {
  const cleaned = names.map((name) => name.trim()).filter((name) => name.length > 0)
  // Longest first, so "政策助手小政" is stripped before "政策助手".
  return [...new Set(cleaned)].sort((first, second) => second.length - first.length)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
