import type { FactName, Facts } from '../facts/fact-schema.js'
import type { PolicyCard } from '../knowledge/card-schema.js'
import type { Program } from './programs.js'

/** The search the dialogue needs (implemented by src/search's PolicyIndex). */
export interface PolicySearch {
  search(
    query: string,
    options?: { limit?: number },
  ): {
    hits: Array<{ card: PolicyCard; score: number; snippet: string }>
    confident: boolean
    /** Share of the question the top card's best passage covers, 0–1 (the answering decision reads it). */
    coverage?: number
  }
  get(id: string): PolicyCard | undefined
}

/** What the dialogue reads from an assessment to decide what to ask next. */
export interface AssessmentOutcome {
  program: Program
  eligible: boolean | null
  missing: FactName[]
}
