import { takeBuildSeed } from '../shared/build-seeds.js'
import { DEFAULT_LEXICON_DIR, loadLexicon, type Lexicon } from './load-lexicon.js'

let current: Lexicon | null = null
let currentDir = DEFAULT_LEXICON_DIR

/** The lexicon replies are read with (the build's, or loaded from knowledge/lexicon/ on first use). */
export function currentLexicon(): Lexicon {
  current ??=
    (currentDir === DEFAULT_LEXICON_DIR ? takeBuildSeed<Lexicon>('lexicon') : undefined) ?? loadLexicon(currentDir)
  return current
}

/**
 * Re-reads the lexicon files (the admin knowledge reload). Validates everything first: on an error nothing
 * changes and the error names the file. Returns how many words were loaded.
 */
export function reloadLexicon(dir: string = currentDir): { words: number } {
  const next = loadLexicon(dir)
  current = next
  currentDir = dir
  return { words: next.words.size }
}
