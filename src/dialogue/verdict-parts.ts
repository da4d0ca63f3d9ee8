import type { PolicyCard } from '../knowledge/card-schema.js'
import type { AssessmentResult } from '../scoring/assessment-result.js'
import { splitSentences } from './split-sentences.js'

/** A 第三条 gate failed: the firm cannot apply for any Beijing tier, whatever its points. */
export function failedGates(result: AssessmentResult) {
  return result.conditions.filter((condition) => condition.id.startsWith('gate-') && condition.status === 'failed')
}

/** "【北京市创新型中小企业】✅ 符合（已确定65分，最高可能100分）". */
export function headline(result: AssessmentResult): string {
  const state = result.eligible === true ? '✅ 符合' : result.eligible === false ? '❌ 暂不符合' : '⏳ 暂无法判定'
  const points =
    result.total === null || failedGates(result).length > 0
      ? ''
      : result.totalMax !== null && result.totalMax !== result.total
        ? `（已确定${result.total}分，最高可能${result.totalMax}分）`
        : `（总分${result.total}分）`
  return `【${result.programName}】${state}${points}`
}

/** The gate sentence: which 第三条 conditions fail and what that means. */
export function gateLine(result: AssessmentResult): string | null {
  const gates = failedGates(result)
  return gates.length > 0
    ? `不满足申报基本条件（第三条）中的${gates.map((condition) => `“${condition.name}”`).join('、')}，不能申报北京市优质中小企业评价认定。`
    : null
}

/** Items that lost points, the biggest loss first. */
export function lossesOf(result: AssessmentResult) {
  return result.items
    .filter((item) => item.score !== null && item.score < item.max)
    .sort((left, right) => right.max - right.score! - (left.max - left.score!))
}

export function lossText(item: AssessmentResult['items'][number]): string {
  return `${item.name}${item.actual ? `（${item.actual}）` : ''}${item.score}/${item.max}分`
}

export function firstSentence(card: PolicyCard | undefined): string | null {
  return card ? (splitSentences(card.content)[0] ?? null) : null
}

/** "《细则》附件1、附件2": one mention per document, its parts listed after it. */
export function citeSources(results: readonly AssessmentResult[]): string {
  const parts = new Map<string, string[]>()
  for (const result of results) {
    const match = /^(《[^》]+》)(附件\d+)?/u.exec(result.source)
    const document = match?.[1] ?? result.source
    const part = match?.[2]
    const list = parts.get(document) ?? []
    if (part && !list.includes(part)) list.push(part)
    parts.set(document, list)
  }
  return [...parts].map(([document, list]) => `${document}${list.join('、')}`).join('；')
}

/** The program whose application steps a verdict shows: the highest tier reached, else the first assessed. */
export function targetOf(results: readonly AssessmentResult[]): AssessmentResult | undefined {
  const decided = results.filter((result) => result.eligible === true)
  return decided[decided.length - 1] ?? results[0]
}
