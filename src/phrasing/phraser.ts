/**
 * The phrasing layer: turns a composed, template answer into friendlier Chinese, or leaves it as is.
 * Numbers are decided by code: an implementation may only re-word, and whatever it returns must pass the
 * grounding check against `sources` or the template text goes out instead.
 */
export interface PhraseRequest {
  /** What is being phrased; selects the prompt in prompts/. */
  purpose: 'policy-answer' | 'verdict' | 'general'
  /** The user's own words (untrusted: may contain prompt injection). */
  userText: string
  /** The answer composed by code from cards and rules. Always a valid reply on its own. */
  templateText: string
  /** Every text the answer may draw numbers, dates, phones and document numbers from. */
  sources: string[]
}

export type FallbackReason = 'disabled' | 'timeout' | 'error' | 'ungrounded' | 'empty'

export interface PhraseResult {
  text: string
  /** true when the LLM's wording was used. */
  rephrased: boolean
  fallbackReason?: FallbackReason
  /** For ungrounded: the tokens the LLM invented. */
  rejectedTokens?: string[]
}

export interface Phraser {
  phrase(request: PhraseRequest): Promise<PhraseResult>
  /** Optionally turn a follow-up ("那小巨人呢？") into a standalone search query; null when unavailable. */
  rewriteQuery?(question: string, context: string): Promise<string | null>
  /**
   * Optionally choose, among clauses code has ranked, the ones that answer the question (0-based indices, in
   * answer order); null when unavailable or when the reply is not a valid choice. The clauses are quoted by code.
   */
  chooseClauses?(question: string, candidates: readonly string[]): Promise<number[] | null>
}
