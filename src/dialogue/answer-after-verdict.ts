import type { OutboundReply } from './messages.js'
import type { AssessmentResult } from '../scoring/assessment-result.js'
import { renderQuestion } from './choose-next-question.js'
import { composeVerdict } from './compose-verdict.js'
import type { DialogueState, Profile } from './dialogue-state.js'
import type { TierBenefits } from './load-tier-benefits.js'
import { planExactScore } from './plan-exact-score.js'
import type { PolicySearch } from './ports.js'
import type { Program } from './programs.js'
import { readVerdictRequest } from './read-verdict-request.js'

export interface AfterVerdictContext {
  /** The results the last verdict showed, recomputed on the current facts. */
  resultsFor: (programs: readonly Program[]) => AssessmentResult[]
  search: PolicySearch
  benefits: TierBenefits
  lastYear: number
}

/**
 * Right after a verdict: “详细” (and its variants, knowledge/lexicon/verdict-words.json) gives the item-by-item
 * account; “算准分数” starts asking the questions that still move a decided program's score (state.exactScore).
 * Returns null for anything else, or when the last thing shown was not a verdict.
 */
export function answerAfterVerdict(
  state: DialogueState,
  profile: Profile,
  text: string,
  context: AfterVerdictContext,
): OutboundReply | null {
  if (state.mode !== 'idle' || state.lastTopic?.kind !== 'program' || state.lastTopic.programs.length === 0) return null
  const request = readVerdictRequest(text)
  if (!request) return null
  const { programs } = state.lastTopic
  const results = context.resultsFor(programs)
  if (request === 'detail') {
    const verdict = composeVerdict(results, context.search, context.benefits)
    return { text: verdict.detail.text, citations: verdict.citations, card: verdict.detail.card }
  }
  const plan = planExactScore(results, profile.unknown, profile.facts, context.lastYear)
  if (!plan.next) {
    const ranged = results.some((result) => result.total !== null && result.totalMax !== result.total)
    return {
      text: ranged
        ? '剩下影响得分的信息您都说过不清楚，分数只能给出区间。知道后直接告诉我数字即可重新计算。'
        : '得分已经是准确的，不需要再补充信息。',
      citations: [],
    }
  }
  state.mode = 'assessing'
  state.programs = [...programs]
  state.pending = plan.next.facts
  state.misses = 0
  state.exactScore = true
  return {
    text: `好的，还有${plan.questions}个问题。\n${renderQuestion(plan.next.group, plan.next.facts, context.lastYear)}`,
    citations: [],
  }
}
