import type { Lexicon } from './load-lexicon.js'

/**
 * "專精特新 我們能評嗎" → "专精特新 我们能评吗": each traditional character of the lexicon's map (traditional.json)
 * replaced by its simplified one, character for character, so positions stay where they were.
 */
export function toSimplified(text: string, lexicon: Lexicon): string {
  const { simplified, traditionalCharacters } = lexicon
  return text.replace(traditionalCharacters, (character) => simplified.get(character) ?? character)
}
