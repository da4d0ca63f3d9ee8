import type { PolicyCard } from '../knowledge/card-schema.js'
import { tokenize } from './tokenizer.js'

const MAX_SNIPPET = 120

export interface SnippetSentence {
  text: string
  tokens: Set<string>
}

/** The card's sentences with their terms, computed once when the index is built. */
export function snippetSentences(card: PolicyCard): SnippetSentence[] {
  const sentences: SnippetSentence[] = []
  for (const text of [card.content, card.requirements, card.process]) {
    if (!text) continue
    for (const sentence of text.split(/(?<=[。；！？\n])/u)) {
      const trimmed = sentence.trim()
      if (trimmed.length >= 4) sentences.push({ text: trimmed, tokens: new Set(tokenize(trimmed)) })
    }
  }
  return sentences
}

/** The card sentence that shares the most (IDF-weighted) terms with the question; the first line when none does. */
export function bestSnippet(
  card: PolicyCard,
  sentences: readonly SnippetSentence[],
  queryTokens: readonly string[],
  idf: (token: string) => number,
): string {
  let best = ''
  let bestScore = 0
  for (const sentence of sentences) {
    let score = 0
    for (const token of queryTokens) if (sentence.tokens.has(token)) score += idf(token)
    if (score > bestScore) {
      bestScore = score
      best = sentence.text
    }
  }
  const snippet = best || card.content.split('\n')[0] || card.title
  return snippet.length > MAX_SNIPPET ? `${snippet.slice(0, MAX_SNIPPET - 1)}…` : snippet
}
