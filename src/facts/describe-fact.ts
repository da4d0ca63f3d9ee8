import { FACT_LABELS } from './fact-labels.js'
import { FACT_OPTION_LABELS } from './fact-options.js'
import type { FactName } from './fact-schema.js'

/** A number as users read it: at most two decimals, no trailing zeros ("1209.1", "3200"). */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(2)))
}

/** The value of a fact in words and units, without its label: "240万元", "48%", "工业", "是", "第3名". */
export function describeFactValue(name: FactName, value: unknown): string {
  if (value === undefined) return '不清楚'
  const options = FACT_OPTION_LABELS[name]
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (Array.isArray(value))
    return value.length === 0 ? '无' : value.map((item) => options?.[String(item)] ?? String(item)).join('、')
  if (value === null || (options && typeof value === 'string') || (options && String(value) in options)) {
    return options?.[String(value)] ?? String(value)
  }
  if (typeof value === 'number') {
    const unit = FACT_LABELS[name].unit
    if (name === 'sciAwardRank') return `第${formatNumber(value)}名`
    return `${formatNumber(value)}${unit ?? ''}`
  }
  return String(value)
}

/** One fact as a line for users: "上年度研发费用：240万元", "资产负债率：48%", "所属行业：工业". */
export function describeFact(name: FactName, value: unknown): string {
  return `${FACT_LABELS[name].label}：${describeFactValue(name, value)}`
}
