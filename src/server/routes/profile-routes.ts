import { Hono } from 'hono'
import type { z } from 'zod'
import { describeFactIssue } from '../../facts/describe-fact-issue.js'
import { FactsSchema, type FactName, type Facts } from '../../facts/fact-schema.js'
import type { SessionKey } from '../../store/session-store.js'
import { readCaller } from '../access/api-access.js'
import { errorBody, readJsonBody } from '../http-error.js'
import { ChatRequestSchema, restSessionKey } from './chat-routes.js'

/** The profile as the route needs it (implemented by DialogueManager.replaceFacts). */
export interface ProfileService {
  replaceFacts(key: SessionKey, facts: Facts): Promise<{ state: unknown }>
}

/** The same session as POST /chat (userId, chatId, channel), with the facts that replace the profile's. */
export const ProfileRequestSchema = ChatRequestSchema.pick({ userId: true, chatId: true, channel: true }).extend({ facts: FactsSchema }).strict()

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

/**
 * `PUT /profile` (mounted under /api/v1): the web console's form saves the enterprise facts into the chat's own
 * session, so "我们能评哪个？" afterwards goes on from them. Answers `{ state }`, the same view as POST /chat.
 */
export function createProfileRoutes(deps: { profiles: ProfileService }): Hono {
  const routes = new Hono()
  routes.put('/profile', async (context) => {
    const body = await readJsonBody(context)
    if (!body.ok) return body.response
    const parsed = ProfileRequestSchema.safeParse(body.value)
    if (!parsed.success) return context.json(errorBody('INVALID_FACTS', '请求参数有误', reasons(parsed.error)), 400)
    const key = restSessionKey(readCaller(context), parsed.data)
    const result = await deps.profiles.replaceFacts(key, parsed.data.facts)
    return context.json({ state: result.state })
  })
  return routes
}
