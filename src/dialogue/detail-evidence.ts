import type { Clause } from './rank-clauses.js'
import { isDistinctiveTerm, questionTerms } from './rank-clauses.js'
import { normalizeForSearch } from '../search/tokenizer.js'

/** A question word names the subject when at most this share of the cards uses it ("企业", "申请" do not). */
const SUBJECT_SHARE = 0.15

/**
 * Whether a clause matching a detail's pattern is evidence for the asked detail: it speaks of what the question is
 * about (one of the question's words that few cards use: 培训, 印花税, 有机肥), or the question names nothing beyond
 * its asking words. A 公示期为5个工作日 in another article does not state how many days a 培训 lasts.
 */
export function aboutAsked(clause: Clause, askedTerms: readonly string[]): boolean {
  if (askedTerms.length === 0) return true
  const text = normalizeForSearch(`${clause.text}\n${clause.topic ?? ''}\n${clause.item}\n${clause.card.title}`)
  return askedTerms.some((term) => text.includes(term))
}

/** The question's words that name its subject (bigrams few cards use), without the detail's own cues. */
export function subjectTerms(asked: string, cues: readonly string[]): string[] {
  let rest = asked
  for (const cue of [...cues].sort((left, right) => right.length - left.length)) rest = rest.split(cue).join(' ')
  return questionTerms(rest).filter((term) => term.length === 2 && isDistinctiveTerm(term, SUBJECT_SHARE))
}
