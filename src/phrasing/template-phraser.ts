import type { PhraseRequest, PhraseResult, Phraser } from './phraser.js'

/**
 * The phraser used when no LLM is configured: the answer composed by code goes out unchanged.
 * Always available, never fails; it offers no rewriteQuery, so follow-ups use the dialogue's own rule.
 */
export class TemplatePhraser implements Phraser {
  async phrase(request: PhraseRequest): Promise<PhraseResult> {
    return { text: request.templateText, rephrased: false, fallbackReason: 'disabled' }
  }
}
