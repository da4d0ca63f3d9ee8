import { normalizeForSearch, stripStopPhrases } from '../search/tokenizer.js'

/** What the focus check needs besides the question and the text that may state it. */
export interface FocusWords {
  /** Words that never are a focus: asking cues, policy words, generic title words, owners' colloquial words. */
  ignore: readonly string[]
  /** Whether a bigram is a distinctive word of the knowledge base (some cards use it, few do). */
  known: (bigram: string) => boolean
}

/** The shortest focus span reported (characters). */
const MIN_SPAN = 2
const SORTED = new WeakMap<readonly string[], RegExp | null>()

/** The ignored words as one pattern, longest first, normalised (built once per list). */
function ignorePattern(words: readonly string[]): RegExp | null {
  let pattern = SORTED.get(words)
  if (pattern === undefined) {
    const escaped = [...new Set(words.map((word) => normalizeForSearch(word)).filter((word) => word.length > 0))]
      .sort((left, right) => right.length - left.length)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    pattern = escaped.length > 0 ? new RegExp(escaped.join('|'), 'gu') : null
    SORTED.set(words, pattern)
  }
  return pattern
}

/**
 * Whether an uncovered span names something the text could have stated: one of its characters occurs nowhere in
 * the text (a span of characters the text holds elsewhere — 盖章 beside 加盖公章, 以后, 至少 — may be said in other
 * words), and one of its bigrams is a distinctive word of the knowledge base.
 */
function isFocus(span: string, stated: string, words: FocusWords): boolean {
  if (![...span].some((character) => !stated.includes(character))) return false
  for (let at = 0; at + 1 < span.length; at += 1) if (words.known(span.slice(at, at + 2))) return true
  return false
}

/**
 * The question's focus words that the stated text does not hold: what is left of the question after its stop
 * phrases and the ignored words are removed, cut into the spans of characters that no bigram of the stated text
 * covers and that {@link isFocus} keeps: a word a few cards of the knowledge base use (年龄, 代理, 餐饮) that this
 * card could have said and does not; an owner's own paraphrase (干满, 地租) or a word every card uses proves nothing.
 */
export function unstatedFocus(question: string, stated: string, words: FocusWords): string[] {
  const pattern = ignorePattern(words.ignore)
  const rest = pattern ? stripStopPhrases(question).replace(pattern, ' ') : stripStopPhrases(question)
  const spans: string[] = []
  for (const run of rest.match(/\p{Script=Han}{2,}/gu) ?? []) {
    const covered = [...run].map(
      (character, index) =>
        (index > 0 && stated.includes(run[index - 1] + character)) ||
        (index + 1 < run.length && stated.includes(character + run[index + 1])),
    )
    let start = -1
    for (let index = 0; index <= run.length; index += 1) {
      if (index < run.length && !covered[index]) {
        if (start < 0) start = index
        continue
      }
      if (start >= 0 && index - start >= MIN_SPAN) {
        const span = run.slice(start, index)
        if (isFocus(span, stated, words)) spans.push(span)
      }
      start = -1
    }
  }
  return spans
}
