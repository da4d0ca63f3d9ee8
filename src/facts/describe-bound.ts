import { describeFactValue, formatNumber } from './describe-fact.js'
import { lowerSide, upperSide, type FactInterval } from './fact-bounds.js'
import { FACT_LABELS } from './fact-labels.js'
import type { FactName } from './fact-schema.js'

/** A bound's edge: money of 1亿 and more in 亿元 ("超过10亿元"), the rest as the fact's values are shown. */
function describeEdge(name: FactName, value: number): string {
  if (FACT_LABELS[name].unit === '万元' && Math.abs(value) >= 10000) return `${formatNumber(value / 10000)}亿元`
  return describeFactValue(name, value)
}

/** A bound in words, without its label: "不到1000万元", "超过500万元、不到600万元", "300人及以上". */
export function describeBoundValue(name: FactName, interval: FactInterval): string {
  const low = lowerSide(interval)
  const high = upperSide(interval)
  const parts: string[] = []
  if (low) parts.push(low.open ? `超过${describeEdge(name, low.value)}` : `${describeEdge(name, low.value)}及以上`)
  if (high) parts.push(high.open ? `不到${describeEdge(name, high.value)}` : `不超过${describeEdge(name, high.value)}`)
  return parts.join('、')
}

/** One bound as a line for users: "上年度营业收入：不到1000万元（未给具体数）". */
export function describeBound(name: FactName, interval: FactInterval): string {
  return `${FACT_LABELS[name].label}：${describeBoundValue(name, interval)}（未给具体数）`
}
