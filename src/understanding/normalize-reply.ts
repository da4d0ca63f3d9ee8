import { normalizeMessage } from '../facts/normalize-message.js'
import { simplifyCharacters } from './simplify-characters.js'

/**
 * How every reader of a reply normalises it: `normalizeMessage` (NFKC, clause breaks, whitespace), then traditional
 * characters folded into simplified ones (營收 → 营收, knowledge/lexicon/traditional-characters.json), one for one.
 */
export function normalizeReply(text: string): string {
  return simplifyCharacters(normalizeMessage(text))
}
