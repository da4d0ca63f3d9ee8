import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const Character = z.string().regex(/^\p{Script=Han}$/u, 'one Han character')

/** knowledge/lexicon/traditional-characters.json: traditional characters and the simplified ones the lexicons use. */
export const TraditionalCharactersSchema = z
  .object({
    schemaVersion: z.literal(1),
    description: z.string().optional(),
    characters: z.record(Character, Character),
  })
  .strict()
  .superRefine((file, context) => {
    for (const [traditional, simplified] of Object.entries(file.characters)) {
      if (traditional === simplified) context.addIssue({ code: 'custom', message: `“${traditional}” maps to itself` })
      // A target that is itself folded would make the fold depend on how often it runs.
      if (simplified in file.characters)
        context.addIssue({ code: 'custom', message: `“${traditional}” maps to “${simplified}”, which is folded too` })
    }
  })

export const DEFAULT_TRADITIONAL_CHARACTERS_PATH = fileURLToPath(
  new URL('../../knowledge/lexicon/traditional-characters.json', import.meta.url),
)

interface Fold {
  pattern: RegExp
  characters: Readonly<Record<string, string>>
}

function loadFold(path: string): Fold {
  const { characters } = TraditionalCharactersSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
  return { pattern: new RegExp(`[${Object.keys(characters).join('')}]`, 'gu'), characters }
}

let fold: Fold | null = null

/** Re-reads the character table (admin reload); a file that does not validate throws and keeps the old one. */
export function reloadTraditionalCharacters(path: string = DEFAULT_TRADITIONAL_CHARACTERS_PATH): void {
  fold = loadFold(path)
}

/**
 * Folds the traditional characters an owner types (營收, 員工, 沒有, 萬) into the simplified ones every word list
 * uses, one character for one, so that positions in the text stay where they were.
 */
export function simplifyCharacters(text: string): string {
  fold ??= loadFold(DEFAULT_TRADITIONAL_CHARACTERS_PATH)
  const { pattern, characters } = fold
  return text.replace(pattern, (character) => characters[character] ?? character)
}
