import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { KnowledgeFileSchema, type KnowledgeFile, type PolicyCard } from './card-schema.js'

/** knowledge/cards.json, resolved from this file (not from the working directory). */
export const DEFAULT_CARDS_PATH = fileURLToPath(new URL('../../knowledge/cards.json', import.meta.url))

export class KnowledgeFileError extends Error {
  override name = 'KnowledgeFileError'
  readonly code = 'KNOWLEDGE_FILE_INVALID'
}

/** Reads and validates the knowledge file; the error names the bad card and field. */
export function loadKnowledge(path: string = DEFAULT_CARDS_PATH): KnowledgeFile {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new KnowledgeFileError(
      `cannot read ${path}: ${error instanceof Error ? error.message : String(error)} (run npm run build:knowledge)`,
    )
  }
  const parsed = KnowledgeFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const cards = (raw as { cards?: Array<{ id?: string }> })?.cards
    const index = issue.path[0] === 'cards' && typeof issue.path[1] === 'number' ? issue.path[1] : -1
    const where = index >= 0 ? `card ${cards?.[index]?.id ?? index}` : 'file'
    throw new KnowledgeFileError(
      `${path}: ${where}: ${issue.path.slice(2).join('.') || issue.path.join('.')}: ${issue.message}`,
    )
  }
  return parsed.data
}

/** All cards, including flagged duplicates (callers that index must skip `duplicateOf`). */
export function loadCards(path?: string): PolicyCard[] {
  return loadKnowledge(path).cards
}

/** The card with this id, or undefined. For many look-ups build a map once with {@link cardsById}. */
export function findCard(cards: readonly PolicyCard[], id: string): PolicyCard | undefined {
  return cards.find((card) => card.id === id)
}

/** Cards by id. */
export function cardsById(cards: readonly PolicyCard[]): ReadonlyMap<string, PolicyCard> {
  return new Map(cards.map((card) => [card.id, card]))
}
