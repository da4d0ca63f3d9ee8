import { Hono } from 'hono'
import { normalizeNoAward } from '../../facts/normalize-no-award.js'
import { FactsSchema, type Facts } from '../../facts/fact-schema.js'
import type { RateLimiter, SessionKey } from '../../store/session-store.js'
import { readCaller } from '../access/api-access.js'
import { describeRequestIssues } from '../describe-request-issues.js'
import { errorBody, readJsonBody } from '../http-error.js'
import { describeFactField } from './assess-routes.js'
import { ChatRequestSchema, restSessionKey } from './chat-routes.js'

/** The profile as the route needs it (implemented by DialogueManager.replaceFacts). */
export interface ProfileService {
  replaceFacts(key: SessionKey, facts: Facts): Promise<{ state: unknown }>
}

/** The same session as POST /chat (userId, chatId, channel), with the facts that replace the profile's. */
export const ProfileRequestSchema = ChatRequestSchema.pick({ userId: true, chatId: true, channel: true })
  .extend({ facts: FactsSchema })
  .strict()

/** Per user: the console saves at most every 400 ms while the agent types; this bounds the store writes. */
export const PROFILE_RATE_LIMIT = { limit: 120, windowMs: 60_000 }

const PROFILE_FIELDS = {
  userId: '用户标识，与 /chat 相同',
  chatId: '会话标识，可选字符串',
  channel: '可选：api 或 web',
  facts: '企业信息对象，如 {"employees": 80}；未列出的信息视为未知',
}

/**
 * `PUT /profile` (mounted under /api/v1): the web console's form saves the enterprise facts into the chat's own
 * session, so "我们能评哪个？" afterwards goes on from them. Answers `{ state }`, the same view as POST /chat.
 */
export function createProfileRoutes(deps: { profiles: ProfileService; rateLimiter?: RateLimiter }): Hono {
  const routes = new Hono()
  routes.put('/profile', async (context) => {
    const body = await readJsonBody(context)
    if (!body.ok) return body.response
    const request =
      body.value && typeof body.value === 'object' && 'facts' in body.value
        ? { ...body.value, facts: normalizeNoAward(body.value.facts) }
        : body.value
    const parsed = ProfileRequestSchema.safeParse(request)
    if (!parsed.success)
      return context.json(
        errorBody(
          'INVALID_FACTS',
          '请求参数有误',
          describeRequestIssues(parsed.error, request, PROFILE_FIELDS, describeFactField),
        ),
        400,
      )
    const key = restSessionKey(readCaller(context), parsed.data)
    // A failing limiter store does not block the save (the save itself reports the store).
    const allowed = deps.rateLimiter
      ? await deps.rateLimiter
          .take(`profile:${key.channel}:${key.userId}`, PROFILE_RATE_LIMIT.limit, PROFILE_RATE_LIMIT.windowMs)
          .catch(() => true)
      : true
    if (!allowed) return context.json(errorBody('RATE_LIMITED', '保存太频繁了，请稍等一分钟再试。'), 429)
    const result = await deps.profiles.replaceFacts(key, parsed.data.facts)
    return context.json({ state: result.state })
  })
  return routes
}
