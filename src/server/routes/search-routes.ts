import { Hono } from 'hono'
import { z } from 'zod'
import type { PolicyCard } from '../../knowledge/card-schema.js'
import type { PolicyIndex } from '../../search/policy-index.js'
import { normalizeForSearch } from '../../search/tokenizer.js'
import { LruCache } from '../../shared/lru-cache.js'
import { oncePerObject } from '../../shared/once-per-object.js'
import { currentLexicon } from '../../understanding/current-lexicon.js'
import { toSimplified } from '../../understanding/to-simplified.js'
import { errorBody, fieldReasons, readJsonBody } from '../http-error.js'

/**
 * What the routes need from the index (a PolicyIndex, or a wrapper that can rebuild it); `version` changes when the
 * knowledge is reloaded (an index without it never changes).
 */
type SearchIndex = Pick<PolicyIndex, 'search' | 'get'> & { readonly version?: number }

/** Search responses kept by default (each a few KB): repeated questions skip the search and the serialisation. */
export const SEARCH_CACHE_ENTRIES = 500

export const MAX_QUERY_LENGTH = 500

export const SearchRequestSchema = z
  .object({
    query: z
      .string({ message: 'query 必须是字符串' })
      .max(MAX_QUERY_LENGTH, `query 不能超过${MAX_QUERY_LENGTH}个字符`)
      .refine((query) => query.trim() !== '', 'query 不能为空'),
    limit: z
      .number({ message: 'limit 必须是 1–20 的整数' })
      .int('limit 必须是整数')
      .min(1, 'limit 至少为1')
      .max(20, 'limit 最大为20')
      .optional(),
  })
  .strict()

/** "《依据文件》（发文机构 发文字号）": which document a card comes from. */
export function sourceOf(card: PolicyCard): string {
  const agency = [card.issuer, card.docNumber].filter(Boolean).join(' ')
  return `《${card.documentTitle}》（${agency}）`
}

/**
 * A result's JSON up to its score, `{"id":…,"title":…,"source":…`, serialised once per loaded card (a reload replaces
 * the cards): a response then serialises only each hit's score and snippet. The same text as JSON.stringify of the
 * whole result.
 */
const cardJsonHead = oncePerObject((card: PolicyCard) =>
  JSON.stringify({ id: card.id, title: card.title, source: sourceOf(card) }).slice(0, -1),
)

/** The search response's JSON: `{"results":[{id, title, source, score, snippet}…],"confident":…}`. */
function searchResponseJson(result: ReturnType<SearchIndex['search']>): string {
  let json = '{"results":['
  result.hits.forEach((hit, index) => {
    const head = cardJsonHead(hit.card)
    if (index > 0) json += ','
    json += `${head}${head === '{' ? '' : ','}"score":${JSON.stringify(hit.score)},"snippet":${JSON.stringify(hit.snippet)}}`
  })
  return `${json}],"confident":${JSON.stringify(result.confident)}}`
}

/**
 * The request when it is plainly valid (an object with a non-blank string `query` of at most MAX_QUERY_LENGTH and
 * optionally an integer `limit` of 1–20, nothing else), without building zod's result; undefined otherwise, and the
 * schema then decides and words the reasons. Accepts exactly what SearchRequestSchema accepts.
 */
function plainlyValid(body: unknown): { query: string; limit?: number } | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  let fields = 0
  for (const key in body) {
    if (!Object.hasOwn(body, key)) continue
    if (key !== 'query' && key !== 'limit') return undefined
    fields += 1
  }
  const { query, limit } = body as { query?: unknown; limit?: unknown }
  if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH || query.trim() === '') return undefined
  if (limit === undefined) return fields === 1 ? { query } : undefined
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 20) return undefined
  return { query, limit }
}

/** `POST /search` and `GET /cards/:id` (mounted under /api/v1). */
/**
 * `POST /search` and `GET /cards/:id` (mounted under /api/v1). Successful search responses are cached (serialised),
 * keyed by the knowledge version, the limit and the normalised query, which is what the search reads: at most
 * `cacheEntries` of them (least recently used go first); a reload changes the version, so nothing stale is served.
 */
export function createSearchRoutes(deps: { index: SearchIndex; cacheEntries?: number }): Hono {
  const routes = new Hono()
  const cache = new LruCache<string, string>(deps.cacheEntries ?? SEARCH_CACHE_ENTRIES)
  let cachedVersion = deps.index.version ?? 0
  routes.post('/search', async (context) => {
    const body = await readJsonBody(context)
    if (!body.ok) return body.response
    let request = plainlyValid(body.value)
    if (!request) {
      const parsed = SearchRequestSchema.safeParse(body.value)
      if (!parsed.success)
        return context.json(errorBody('INVALID_REQUEST', '请求参数有误', fieldReasons(parsed.error)), 400)
      request = parsed.data
    }
    const version = deps.index.version ?? 0
    if (version !== cachedVersion) {
      cache.clear()
      cachedVersion = version
    }
    // Traditional characters read as the simplified ones the cards use (knowledge/lexicon/traditional.json).
    const query = normalizeForSearch(toSimplified(request.query, currentLexicon()))
    const limit = request.limit ?? 5
    const key = `${limit}\u0000${query}`
    let json = cache.get(key)
    if (json === undefined) {
      const result = deps.index.search(query, { limit })
      json = searchResponseJson(result)
      cache.set(key, json)
    }
    return context.body(json, 200, { 'content-type': 'application/json' })
  })
  routes.get('/cards/:id', (context) => {
    const card = deps.index.get(context.req.param('id'))
    if (!card) return context.json(errorBody('CARD_NOT_FOUND', `没有这张政策卡片：${context.req.param('id')}`), 404)
    return context.json(card)
  })
  return routes
}
