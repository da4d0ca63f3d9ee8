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

/** For each term of a card's sentences, the indices of the sentences holding it (ascending). */
export function sentencesByToken(sentences: readonly SnippetSentence[]): Map<string, number[]> {
  const byToken = new Map<string, number[]>()
  sentences.forEach((sentence, index) => {
    for (const token of sentence.tokens) {
      const holding = byToken.get(token)
      if (holding) holding.push(index)
      else byToken.set(token, [index])
    }
  })
  return byToken
}

/**
 * The card sentence that shares the most (IDF-weighted) terms with the question; the first line when none does.
 * Each sentence's weight is summed over the question's terms in their order, from the sentences holding each term.
 */
export function bestSnippet(
  card: PolicyCard,
  sentences: readonly SnippetSentence[],
  byToken: ReadonlyMap<string, readonly number[]>,
  queryTokens: readonly string[],
  idf: (token: string) => number,
): string {
  const scores = new Float64Array(sentences.length)
  for (const token of queryTokens) {
    const holding = byToken.get(token)
    if (!holding) continue
    const weight = idf(token)
    for (const index of holding) scores[index] += weight
  }
  let best = ''
  let bestScore = 0
  for (let index = 0; index < sentences.length; index += 1) {
    if (scores[index] > bestScore) {
      bestScore = scores[index]
      best = sentences[index].text
    }
  }
  const snippet = best || card.content.split('\n')[0] || card.title
  return snippet.length > MAX_SNIPPET ? `${snippet.slice(0, MAX_SNIPPET - 1)}…` : snippet
}
