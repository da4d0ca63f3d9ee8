import { Hono } from 'hono'
import { z } from 'zod'
import { describeFactIssue } from '../../facts/describe-fact-issue.js'
import { FactsSchema, type FactName } from '../../facts/fact-schema.js'
import { assess } from '../../scoring/assess.js'
import type { LoadedRules } from '../../scoring/load-rules.js'
import { normalizeNoAward } from '../../facts/normalize-no-award.js'
import { describeRequestIssues } from '../describe-request-issues.js'
import { errorBody, readJsonBody } from '../http-error.js'

export const AssessRequestSchema = z
  .object({
    program: z.enum(['innovative', 'specialized', 'little-giant'], {
      message: 'program 只能是 innovative、specialized 或 little-giant',
    }),
    facts: FactsSchema,
  })
  .strict()

const ASSESS_FIELDS = {
  program: '可选：innovative、specialized、little-giant',
  facts: '企业信息对象，如 {"employees": 80}，可为空对象 {}',
}

/** A per-fact reason for an issue under `facts.*` (shared by the routes that take facts). */
export function describeFactField(issue: z.core.$ZodIssue): string | null {
  const fact = issue.path[0] === 'facts' ? (issue.path[1] as FactName | undefined) : undefined
  return fact ? describeFactIssue(issue, fact) : null
}

/** `POST /assess` (mounted under /api/v1): one program's verdict, explained item by item. */
export function createAssessRoutes(deps: { rules: LoadedRules }): Hono {
  const routes = new Hono()
  routes.post('/assess', async (context) => {
    const body = await readJsonBody(context)
    if (!body.ok) return body.response
    const request =
      body.value && typeof body.value === 'object' && 'facts' in body.value
        ? { ...body.value, facts: normalizeNoAward(body.value.facts) }
        : body.value
    const parsed = AssessRequestSchema.safeParse(request)
    if (!parsed.success) {
      const fields = describeRequestIssues(parsed.error, request, ASSESS_FIELDS, describeFactField)
      // A bad program is its own error: the facts may be fine, the caller named a program that does not exist.
      const code = parsed.error.issues.some((issue) => issue.path[0] === 'program')
        ? 'INVALID_PROGRAM'
        : 'INVALID_FACTS'
      return context.json(errorBody(code, code === 'INVALID_PROGRAM' ? 'program 无效' : '请求参数有误', fields), 400)
    }
    const result = assess(parsed.data.program, parsed.data.facts, deps.rules)
    return context.json(result)
  })
  return routes
}
