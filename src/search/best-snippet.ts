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

/** Per sentence, its weight for the current query (reused: the snippet is computed synchronously). */
let scratch = new Float64Array(64)

/**
 * The card sentence that shares the most (IDF-weighted) terms with the question; the first line when none does.
 * Each sentence's weight is summed over the question's terms in their order, from the sentences holding each term.
 * `held`: bit i clear when no sentence can hold terms[i] (i < 32), so it is not looked up (-1: look every term up).
 */
export function bestSnippet(
  card: PolicyCard,
  sentences: readonly SnippetSentence[],
  byToken: ReadonlyMap<string, readonly number[]>,
  terms: ReadonlyArray<{ readonly token: string; readonly idf: number }>,
  held = -1,
): string {
  if (scratch.length < sentences.length) scratch = new Float64Array(sentences.length * 2)
  const scores = scratch.fill(0, 0, sentences.length)
  for (let term = 0; term < terms.length; term += 1) {
    if (term < 32 && (held & (1 << term)) === 0) continue
    const { token, idf } = terms[term]
    const holding = byToken.get(token)
    if (!holding) continue
    for (const index of holding) scores[index] += idf
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
