import { FACT_LABELS } from '../facts/fact-labels.js'
import type { AssessmentResult } from '../scoring/assessment-result.js'
import type { TierBenefits } from './load-tier-benefits.js'
import type { PolicySearch } from './ports.js'
import { failedGates, firstSentence, gateLine, headline, lossesOf, lossText, targetOf } from './verdict-parts.js'

/** What the one-screen verdict offers after itself. */
export interface VerdictOffers {
  /** Questions left to fix the exact score of an eligible program (0: none to offer). */
  exactScoreQuestions?: number
}

/** About one phone screen of Chinese text. */
export const SCREEN_CHARACTERS = 300

export const DETAIL_OFFER = '回复“详细”看逐项得分和依据。'
export const exactScoreOffer = (questions: number) => `再答${questions}个问题可算出准确得分，回复“算准分数”继续。`

/** The biggest gaps (two unless told): failed conditions first, then the items that lost most points. */
function gaps(result: AssessmentResult, count = 2): string | null {
  // Only the failing parts of a condition, with the firm's value and the one needed (not all three of 小巨人's 新).
  const failed = result.conditions
    .filter((condition) => condition.status === 'failed' && !condition.direct && condition.id !== 'score')
    .map((condition) =>
      condition.unmet.length > 0 ? condition.unmet.map((part) => part.text).join('；') : condition.name,
    )
  const losses = lossesOf(result).map(lossText)
  const top = [...failed, ...losses].slice(0, count)
  if (top.length === 0) return null
  return `${result.eligible === true ? '失分最多' : '差距最大'}：${top.join('；')}`
}

/** Why a decided program stands as it does, in one line. */
function reason(result: AssessmentResult, gapCount = 2): string | null {
  const gate = gateLine(result)
  if (gate) return gate
  if (result.eligible === null) {
    if (result.missing.length === 0) return null
    const names = result.missing.slice(0, 2).map((fact) => FACT_LABELS[fact].label)
    return `还不确定：${names.join('、')}${result.missing.length > 2 ? `等${result.missing.length}项` : ''}，它们决定结论`
  }
  const direct = result.conditions.filter((condition) => condition.direct && condition.status === 'passed')
  if (result.eligible === true && direct.length > 0) return `已满足直通条件：${direct[0].name}`
  return gaps(result, gapCount)
}

/** The next step for the program the verdict is about. */
function nextStep(result: AssessmentResult, search: PolicySearch, benefits: TierBenefits): string | null {
  if (failedGates(result).length > 0) return null
  if (result.eligible === true) {
    const step = firstSentence(search.get(benefits.programs[result.program].apply[0] ?? ''))
    return step ? `怎么申报：${step}` : null
  }
  if (result.eligible === false && result.cheapestPath) {
    const { changes, text } = result.cheapestPath
    if (changes.length > 0)
      return `最少改动：${changes[0].text}${changes.length > 1 ? `；另有${changes.length - 1}项见“详细”` : ''}`
    const direct = /或满足任一直通条件：([^；。]+)/u.exec(text)?.[1]
    if (direct) return `或满足直通条件，如：${direct}`
  }
  if (result.prerequisite && result.prerequisite.held !== true)
    return `注意：申报前须持有有效期内的${result.prerequisite.name}称号`
  return null
}

/**
 * The verdict on one phone screen: per program the verdict with its total or range and one line of reason
 * (the two biggest gaps, or what is unknown); then the next step for the highest tier reached, and what to
 * reply for the item-by-item account or the exact score. The full account is behind “详细”.
 */
export function summarizeVerdict(
  results: readonly AssessmentResult[],
  search: PolicySearch,
  benefits: TierBenefits,
  offers: VerdictOffers = {},
  budget = SCREEN_CHARACTERS,
): { lines: string[]; blocks: Array<{ heading: string; text: string }>; tail: string[] } {
  const reasons = results.map((result) => reason(result))
  const tail: string[] = []
  const target = targetOf(results)
  const step = target ? nextStep(target, search, benefits) : null
  if (step) tail.push(step)
  const questions = offers.exactScoreQuestions ?? 0
  tail.push(questions > 0 ? `${exactScoreOffer(questions)}${DETAIL_OFFER}` : DETAIL_OFFER)
  const assemble = () => [
    ...results.flatMap((result, index) => [headline(result), ...(reasons[index] ? [reasons[index]!] : [])]),
    ...tail,
  ]
  // Over the screen: the highest tiers' reasons go first, then the lowest tier's second gap (all of it is
  // behind “详细” anyway); never a headline.
  for (let index = results.length - 1; index > 0 && assemble().join('\n').length > budget; index -= 1)
    reasons[index] = null
  if (results[0] && assemble().join('\n').length > budget) reasons[0] = reason(results[0], 1)
  const blocks = results.map((result, index) => ({ heading: headline(result), text: reasons[index] ?? '—' }))
  return { lines: assemble(), blocks, tail }
}
