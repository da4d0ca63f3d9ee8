import { Hono } from 'hono'
import { z } from 'zod'
import { describeFactIssue } from '../../facts/describe-fact-issue.js'
import { FactsSchema, type FactName } from '../../facts/fact-schema.js'
import { assess } from '../../scoring/assess.js'
import type { LoadedRules } from '../../scoring/load-rules.js'
import { errorBody, readJsonBody } from '../http-error.js'

export const AssessRequestSchema = z
  .object({
    program: z.enum(['innovative', 'specialized', 'little-giant'], { message: 'program 只能是 innovative、specialized 或 little-giant' }),
    facts: FactsSchema,
  })
  .strict()

function reasons(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = `未知的字段：${key}`
      continue
    }
    const path = issue.path.length > 0 ? issue.path.join('.') : '(body)'
    const fact = issue.path[0] === 'facts' ? (issue.path[1] as FactName | undefined) : undefined
    if (!(path in fields)) fields[path] = fact ? describeFactIssue(issue, fact) : issue.message
  }
  return fields
}

/** `POST /assess` (mounted under /api/v1): one program's verdict, explained item by item. */
export function createAssessRoutes(deps: { rules: LoadedRules }): Hono {
  const routes = new Hono()
  routes.post('/assess', async (context) => {
    const body = await readJsonBody(context)
    if (!body.ok) return body.response
    const parsed = AssessRequestSchema.safeParse(body.value)
    if (!parsed.success) return context.json(errorBody('INVALID_FACTS', '请求参数有误', reasons(parsed.error)), 400)
    const result = assess(parsed.data.program, parsed.data.facts, deps.rules)
    return context.json(result)
  })
  return routes
}
