import type { PolicyCard } from '../knowledge/card-schema.js'
import { tokenize } from './tokenizer.js'

const MAX_SNIPPET = 120

/** The card sentence that shares the most (IDF-weighted) terms with the question; the title when none does. */
export function bestSnippet(card: PolicyCard, queryTokens: readonly string[], idf: (token: string) => number): string {
  const wanted = new Set(queryTokens)
  let best = ''
  let bestScore = 0
  for (const text of [card.content, card.requirements, card.process]) {
    if (!text) continue
    for (const sentence of text.split(/(?<=[。；！？\n])/u)) {
      const trimmed = sentence.trim()
      if (trimmed.length < 4) continue
      let score = 0
      for (const token of new Set(tokenize(trimmed))) if (wanted.has(token)) score += idf(token)
      if (score > bestScore) {
        bestScore = score
        best = trimmed
      }
    }
  }
  const snippet = best || card.content.split('\n')[0] || card.title
  return snippet.length > MAX_SNIPPET ? `${snippet.slice(0, MAX_SNIPPET - 1)}…` : snippet
}
