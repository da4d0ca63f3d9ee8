import type { TierQuestionWords } from './load-tier-benefits.js'
import { findProgram, removeProgramNames } from '../understanding/find-program.js'
import type { Program } from './programs.js'

export interface TierBenefitQuestion {
  /** The tier named, or null for "评上了给钱吗" (the caller picks the tier from context). */
  program: Program | null
}

/**
 * Recognises a question asking what a tier brings ("评上专精特新有啥好处", "小巨人奖励多少"), as opposed to a
 * question about one measure ("专精特新上市补贴多少"), another place ("深圳的小巨人…"), applying or qualifying.
 *
 * The rule: the question names a tier (or says it was earned: 评上/认定…), uses a benefit word, and once the tier
 * names, benefit, earned and filler words (knowledge/tier-benefits.json `questionWords`) are removed nothing is
 * left. Any other content word (a measure, a place, a topic, a Latin word) leaves a residue and the question
 * goes to search instead.
 */
export function detectTierBenefitQuestion(question: string, words: TierQuestionWords): TierBenefitQuestion | null {
  const text = question.normalize('NFKC').replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '')
  if (text === '' || text.length > 40) return null
  const program = findProgram(text)
  const rest = removeProgramNames(text)
  if (!words.benefit.some((word) => rest.includes(word))) return null
  if (program === null && !words.earned.some((word) => word.length >= 2 && rest.includes(word))) return null
  const removable = [...words.benefit, ...words.earned, ...words.filler].sort(
    (left, right) => right.length - left.length,
  )
  let residue = rest
  for (const word of removable) residue = residue.split(word).join('')
  return residue === '' ? { program } : null
}
