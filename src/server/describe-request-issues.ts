import type { z } from 'zod'
import { allowedValues } from '../facts/describe-fact-issue.js'

/** What a request field is, for "缺少 userId（用户标识，字符串）". */
export type FieldDescriptions = Record<string, string>

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
}

/**
 * Per-field Chinese reasons for a request body that failed its schema: a missing field is named with what it
 * should hold, an unknown enum value lists the allowed ones, an unknown field is named; other issues keep the
 * schema's own (Chinese) message. `describeNested` handles deeper paths (e.g. facts.*).
 */
export function describeRequestIssues(
  error: z.ZodError,
  body: unknown,
  fields: FieldDescriptions,
  describeNested?: (issue: z.core.$ZodIssue) => string | null,
): Record<string, string> {
  const reasons: Record<string, string> = {}
  const record = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) reasons[[...issue.path, key].join('.')] = `未知的字段：${key}`
      continue
    }
    const path = issue.path.length > 0 ? issue.path.join('.') : '(body)'
    if (path in reasons) continue
    const top = issue.path.length === 1 ? String(issue.path[0]) : null
    if (path === '(body)') reasons[path] = '请求体应为 JSON 对象'
    else if (top !== null && (record === null || record[top] === undefined))
      reasons[path] = `缺少 ${top}${fields[top] ? `（${fields[top]}）` : ''}`
    else if (top !== null && issue.code === 'invalid_value')
      reasons[path] = `${top} 的取值无效（可选：${allowedValues(issue.values)}）`
    else if (top !== null && issue.code === 'invalid_type')
      reasons[path] =
        `${top} 应为${TYPE_NAMES[issue.expected] ?? issue.expected}${fields[top] ? `（${fields[top]}）` : ''}`
    else reasons[path] = describeNested?.(issue) ?? issue.message
  }
  return reasons
}
