import { normalizeForSearch, stripStopPhrases } from '../search/tokenizer.js'

/** What the focus check needs besides the question and the text that may state it. */
export interface FocusWords {
  /** Words that never are a focus: asking cues, policy words, generic title words, owners' colloquial words. */
  ignore: readonly string[]
  /** Whether a bigram is a distinctive word of the knowledge base (some cards use it, few do). */
  known: (bigram: string) => boolean
  /** Whether a character is rare in the knowledge base (加盟's 盟 is not, 果树's 树 and 花卉's 卉 are). */
  rare: (character: string) => boolean
  /** Words asking whether the thing before them counts ("算不算", "能认吗"), normalised: that thing is a focus too. */
  askedBefore?: readonly string[]
}

/** The shortest focus span reported (characters). */
const MIN_SPAN = 2
const PATTERNS = new WeakMap<readonly string[], { words: RegExp | null; characters: RegExp | null }>()

function alternation(words: readonly string[]): RegExp | null {
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
  return escaped.length > 0 ? new RegExp(escaped.join('|'), 'gu') : null
}

/** The ignored words as two patterns, normalised, longest first: words of two or more characters, and single characters. */
function ignorePatterns(list: readonly string[]): { words: RegExp | null; characters: RegExp | null } {
  let patterns = PATTERNS.get(list)
  if (!patterns) {
    const words = [...new Set(list.map((word) => normalizeForSearch(word)).filter((word) => word.length > 0))].sort(
      (left, right) => right.length - left.length,
    )
    patterns = {
      words: alternation(words.filter((word) => word.length > 1)),
      characters: alternation(words.filter((word) => word.length === 1)),
    }
    PATTERNS.set(list, patterns)
  }
  return patterns
}

/**
 * The question without its ignored words and stop phrases: longer ignored words first (the stop phrases would take
 * 的 out of 的话), then the stop phrases, then single ignored characters (which would break 有哪些 apart).
 */
function contentOf(question: string, ignore: readonly string[]): string {
  const patterns = ignorePatterns(ignore)
  const normalized = normalizeForSearch(question)
  const rest = stripStopPhrases(patterns.words ? normalized.replace(patterns.words, ' ') : normalized)
  return patterns.characters ? rest.replace(patterns.characters, ' ') : rest
}

/**
 * Whether an uncovered span names something the text could have stated: one of its characters occurs nowhere in
 * the text (a span of characters the text holds elsewhere — 盖章 beside 加盖公章, 以后, 至少 — may be said in other
 * words), and either one of its bigrams is a distinctive word of the knowledge base (年龄, 代理, 餐饮) or, when the
 * span ends the part (`last`), such a character is rare in the whole knowledge base (果树, 花卉: a thing no policy
 * text speaks of).
 */
function isFocus(span: string, stated: string, words: FocusWords, last: boolean): boolean {
  const novel = [...span].filter((character) => !stated.includes(character))
  if (novel.length === 0) return false
  if (last && novel.some(words.rare)) return true
  for (let at = 0; at + 1 < span.length; at += 1) if (words.known(span.slice(at, at + 2))) return true
  return false
}

/**
 * The question's focus words that the stated text does not hold: the last run of what is left of the question after
 * its stop phrases and the ignored words are removed, cut into the spans of characters that no bigram of the stated text
 * covers and that {@link isFocus} keeps: a word a few cards of the knowledge base use (年龄, 代理, 餐饮) that this
 * card could have said and does not; an owner's own paraphrase (干满, 地租) or a word every card uses proves nothing.
 */
export function unstatedFocus(question: string, stated: string, words: FocusWords, whole = ''): string[] {
  // A Latin word of the part (FDA, GMV, ISO) is a name or term the text would spell the same way: absent, it is unstated.
  const content = contentOf(question, words.ignore)
  // Only a word written with capitals is such a name (FDA, GMV, MEMS): "we use 一个区块链平台" or "We are a Dutch seed
  // company" hold English words, not terms.
  const capitalised = new Set(
    (`${question} ${whole}`.match(/[A-Za-z]{2,}/gu) ?? []).filter((word) => /[A-Z]{2}/u.test(word)),
  )
  const named = (word: string) => [...capitalised].some((spelled) => spelled.toLowerCase() === word)
  const latin = (content.match(/[a-z]{2,}/gu) ?? []).filter((word) => named(word) && !stated.includes(word))
  // "彩排和排练算不算场次": what comes right before the asking word is what the question asks about; a part that opens
  // with it ("快闪店 算不算首店") asks about the words before the part in the whole question.
  const normalized = normalizeForSearch(question)
  const at = Math.min(
    ...(words.askedBefore ?? []).map((word) => normalized.indexOf(word)).filter((index) => index >= 0),
  )
  const wholeText = normalizeForSearch(whole)
  const partAt = at === 0 ? wholeText.indexOf(normalized) : -1
  const prefix = Number.isFinite(at) ? (at > 0 ? normalized.slice(0, at) : wholeText.slice(0, Math.max(0, partAt))) : ''
  const asked = prefix.trim() !== '' ? hanFocus(contentOf(prefix, words.ignore), stated, words, true) : []
  return [...new Set([...latin, ...asked, ...hanFocus(content, stated, words)])]
}

/** The Han focus spans of the part's content (see {@link unstatedFocus}). */
function hanFocus(content: string, stated: string, words: FocusWords, asked = false): string[] {
  // What the part ends on, next to its asking words, is what it asks about ("运营团队负责人有年龄要求吗"); the words
  // before are its subject and circumstances ("我们做动漫的小公司入驻市级园区能申请房租通吗").
  const run = (content.match(/\p{Script=Han}{2,}/gu) ?? []).at(-1)
  if (run === undefined) return []
  const covered = [...run].map(
    (character, index) =>
      (index > 0 && stated.includes(run[index - 1] + character)) ||
      (index + 1 < run.length && stated.includes(character + run[index + 1])),
  )
  const spans: string[] = []
  let start = -1
  for (let index = 0; index <= run.length; index += 1) {
    if (index < run.length && !covered[index]) {
      if (start < 0) start = index
      continue
    }
    if (start >= 0 && index - start >= MIN_SPAN) {
      const span = run.slice(start, index)
      // A rare word counts only where the part ends ("种果树的能领吗", not "创业失败了研发费用能赔").
      // The thing an asking word is about (`asked`) is what the part asks, wherever the span stands in it.
      if (isFocus(span, stated, words, asked || index === run.length)) spans.push(span)
    }
    start = -1
  }
  return spans
}
