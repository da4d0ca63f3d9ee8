import type { z } from 'zod'
import { FACT_LABELS } from './fact-labels.js'
import { FACT_OPTION_LABELS } from './fact-options.js'
import type { FactName } from './fact-schema.js'

/** A validation problem with a fact, in Chinese: "资产负债率：不能大于100（收到：150）". */
export function describeFactIssue(issue: z.core.$ZodIssue, fact: FactName | undefined, received?: unknown): string {
  const label = fact && FACT_LABELS[fact] ? FACT_LABELS[fact].label : (fact ?? '字段')
  let reason: string
  switch (issue.code) {
    case 'too_big':
      reason = `不能大于${String(issue.maximum)}`
      break
    case 'too_small':
      reason = `不能小于${String(issue.minimum)}`
      break
    case 'invalid_value':
      reason = `不是可识别的取值（可选：${allowedValues(issue.values, fact)}）`
      break
    case 'invalid_type':
      reason =
        issue.expected === 'number'
          ? '应为数字'
          : issue.expected === 'boolean'
            ? '应为“是”或“否”'
            : issue.expected === 'int'
              ? '应为整数'
              : `类型不对（应为${issue.expected}）`
      break
    case 'unrecognized_keys':
      reason = `未知的字段：${issue.keys.join('、')}`
      break
    default:
      reason = issue.message
  }
  if (issue.code === 'invalid_type' && issue.expected === 'int') reason = '应为整数'
  return received === undefined ? `${label}：${reason}` : `${label}：${reason}（收到：${String(received)}）`
}

/** "agriculture（农、林、牧、渔业）、industry（工业）…": the values an enum accepts, with their Chinese names. */
export function allowedValues(values: readonly unknown[], fact?: FactName): string {
  const labels = fact ? FACT_OPTION_LABELS[fact] : undefined
  return values
    .map((value) => (labels?.[String(value)] ? `${String(value)}（${labels[String(value)]}）` : String(value)))
    .join('、')
}
