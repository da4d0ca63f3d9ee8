import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { ApiKey } from '../config.js'
import { checkAdminToken, requireApiAccess, requireLocalUnlessKeyed } from './access/api-access.js'
import { createAllowedMethods } from './allowed-methods.js'
import { errorBody } from './http-error.js'
import { buildOpenApiDocument } from './openapi/build-openapi-document.js'
import { STORE_UNAVAILABLE } from '../dialogue/replies.js'
import { StoreError } from '../store/store-error.js'
import { createAssessRoutes } from './routes/assess-routes.js'
import { createBatchRoutes } from './routes/batch-routes.js'
import { createChatRoutes, type ChatService } from './routes/chat-routes.js'
import { createConsoleRoutes } from './routes/console-routes.js'
import { createFactsRoutes } from './routes/facts-routes.js'
import { createProfileRoutes, type ProfileService } from './routes/profile-routes.js'
import { createSearchRoutes } from './routes/search-routes.js'
import { randomUUID } from 'node:crypto'
import type { Logger } from '../observability/logger.js'
import type { Metrics } from '../observability/metrics.js'
import type { PolicyIndex } from '../search/policy-index.js'
import type { LoadedRules } from '../scoring/load-rules.js'
import type { RateLimiter } from '../store/session-store.js'
import type { ChannelState } from '../channels/channel.js'
import { CHANNELS } from '../channels/registry.js'

/** The largest request body accepted anywhere (a Feishu event is a few KB; a chat message ≤ 2000 characters). */
export const MAX_BODY_BYTES = 256 * 1024
/** The one route with a larger body: spreadsheet upload. */
const BATCH_UPLOAD_PATH = '/api/v1/batch'

/**
 * Status of every registered channel (src/channels/registry.ts), shown on the web console: `status` is `disabled`
 * when the channel is not configured, else the channel's own state (Feishu `webhook`/`ws`, WeChat `scanning` with
 * `qrUrl`, `logged-in` with `userName` …).
 */
export type ChannelStatus = Record<string, ChannelState>

/** Everything the HTTP app needs, injected by the composition root (src/main.ts) or by tests. */
/** What the search routes need: a PolicyIndex or a ReloadableIndex. */
export type SearchIndex = Pick<PolicyIndex, 'search' | 'get' | 'size'> & { readonly version?: number }

export interface AppDeps {
  index?: SearchIndex
  /** Search responses cached by `POST /api/v1/search` (default SEARCH_CACHE_ENTRIES; 0 turns the cache off). */
  searchCacheEntries?: number
  /** Re-reads knowledge/ and rules/ (admin). */
  reloadKnowledge?: () => { cards: number; rules?: string[] }
  rules?: LoadedRules
  chat?: ChatService
  /** The profile the console's form saves into the chat's session (PUT /api/v1/profile); usually the same DialogueManager. */
  profiles?: ProfileService
  /** Per-user limit on REST chat. */
  rateLimiter?: RateLimiter
  /** Extra route groups mounted at the root, e.g. the Feishu webhook (`/webhooks/feishu`). */
  webhooks?: Hono[]
  channelStatus?: () => ChannelStatus
  /** Readiness probe of the backing stores. */
  ready?: () => Promise<boolean>
  metrics?: Metrics
  logger?: Logger
  /** Guards /api/v1/admin/* and /api/v1/channels/status; those endpoints are off when unset. */
  adminToken?: string
  /** API_KEYS: when set, /api/v1/* needs one of them; when unset, /api/v1/* and the console answer loopback only. */
  apiKeys?: ApiKey[]
  /** Extra statistics for the admin endpoint. */
  statistics?: () => Promise<Record<string, unknown>>
  /** Serve the hotline web console at `/` (default true). */
  console?: boolean
  onError?: (error: unknown) => void
}

/** Builds the Hono app. Only src/main.ts starts a server; tests call `app.request(...)`. */
export function createApp(deps: AppDeps = {}): Hono {
  const app = new Hono()

  // A request id on every request and response; latency and status into the metrics; no bodies in logs.
  app.use('*', async (context, next) => {
    const requestId = context.req.header('x-request-id')?.slice(0, 64) || randomUUID()
    const started = performance.now()
    await next()
    context.res.headers.set('x-request-id', requestId)
    const route = context.req.routePath || 'unmatched'
    const seconds = (performance.now() - started) / 1000
    deps.metrics?.httpRequests.inc({ route, status: String(context.res.status) })
    deps.metrics?.httpLatency.observe(seconds, { route })
    deps.logger?.debug(
      { requestId, method: context.req.method, route, status: context.res.status, ms: Math.round(seconds * 1000) },
      'http-request',
    )
  })

  const tooLarge = (context: Context) =>
    context.json(errorBody('BODY_TOO_LARGE', `请求体不能超过${MAX_BODY_BYTES / 1024}KB`), 413)
  // Streamed bodies (no Content-Length) are counted as they are read.
  const limitStreamedBody = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge })
  app.use('*', async (context, next) => {
    if (context.req.method === 'GET' || context.req.method === 'HEAD') return next()
    // Spreadsheet uploads have their own, larger limit (src/server/routes/batch-routes.ts).
    if (context.req.path === BATCH_UPLOAD_PATH) return next()
    // Fast path on Content-Length: touching the raw body stream would make the Node adapter build a full Request
    // (measured: the Feishu webhook went from 0.43 to 0.97 of a bare route's throughput).
    const declared = context.req.header('content-length')
    if (declared !== undefined && context.req.header('transfer-encoding') === undefined) {
      if (Number(declared) > MAX_BODY_BYTES) return tooLarge(context)
      return next()
    }
    return limitStreamedBody(context, next)
  })

  app.get('/healthz', (context) => context.json({ status: 'ok' }))
  app.get('/readyz', async (context) => {
    const ready = deps.ready ? await deps.ready().catch(() => false) : true
    return context.json({ status: ready ? 'ready' : 'unavailable' }, ready ? 200 : 503)
  })

  app.get('/metrics', (context) =>
    context.text(deps.metrics?.render() ?? '', 200, { 'content-type': 'text/plain; version=0.0.4' }),
  )

  const api = new Hono()
  // Admin routes authenticate with ADMIN_TOKEN instead (one Authorization header cannot carry both).
  const apiAccess = requireApiAccess(deps.apiKeys)
  const adminOnly = (path: string) => path.startsWith('/api/v1/admin/') || path === '/api/v1/channels/status'
  api.use('*', (context, next) => (adminOnly(context.req.path) ? next() : apiAccess(context, next)))
  if (deps.index) api.route('/', createSearchRoutes({ index: deps.index, cacheEntries: deps.searchCacheEntries }))
  if (deps.rules) api.route('/', createAssessRoutes({ rules: deps.rules }))
  if (deps.rules) api.route('/', createBatchRoutes({ rules: deps.rules }))
  if (deps.chat)
    api.route('/', createChatRoutes({ chat: deps.chat, rateLimiter: deps.rateLimiter, logger: deps.logger }))
  if (deps.profiles) api.route('/', createProfileRoutes({ profiles: deps.profiles, rateLimiter: deps.rateLimiter }))
  api.route('/', createFactsRoutes())
  api.get('/openapi.json', (context) => context.json(buildOpenApiDocument()))
  // The WeChat login QR code lets whoever scans it own the bot account: admin only.
  api.get('/channels/status', (context) => {
    const refused = checkAdminToken(context, deps.adminToken)
    if (refused) return refused
    return context.json(
      deps.channelStatus?.() ?? Object.fromEntries(CHANNELS.map((channel) => [channel.name, { status: 'disabled' }])),
    )
  })
  api.get('/admin/stats', async (context) => {
    const refused = checkAdminToken(context, deps.adminToken)
    if (refused) return refused
    return context.json({ cards: deps.index?.size ?? 0, ...(await deps.statistics?.()) })
  })
  api.post('/admin/knowledge/reload', (context) => {
    const reload = deps.reloadKnowledge
    const refused = checkAdminToken(context, reload ? deps.adminToken : undefined)
    if (refused || !reload) return refused ?? context.json(errorBody('ADMIN_DISABLED', '管理接口已关闭'), 404)
    try {
      return context.json({ status: 'reloaded', ...reload() })
    } catch (error) {
      return context.json(
        errorBody(
          'KNOWLEDGE_INVALID',
          `知识库文件有误，仍使用原索引：${error instanceof Error ? error.message : String(error)}`,
        ),
        422,
      )
    }
  })
  app.route('/api/v1', api)

  for (const webhook of deps.webhooks ?? []) app.route('/', webhook)
  if (deps.console !== false) {
    app.use('/', requireLocalUnlessKeyed(deps.apiKeys))
    app.use('/console/*', requireLocalUnlessKeyed(deps.apiKeys))
    app.route('/', createConsoleRoutes())
  }

  const allowedMethods = createAllowedMethods(app)
  app.notFound((context) => {
    const allowed = allowedMethods(context.req.path)
    if (allowed.length > 0 && !allowed.includes(context.req.method)) {
      context.header('allow', allowed.join(', '))
      return context.json(
        errorBody(
          'METHOD_NOT_ALLOWED',
          `${context.req.path} 不支持 ${context.req.method}，请用 ${allowed.join(' 或 ')}`,
        ),
        405,
      )
    }
    return context.json(errorBody('NOT_FOUND', `没有这个地址：${context.req.path}`), 404)
  })
  app.onError((error, context) => {
    deps.onError?.(error)
    if (error instanceof StoreError) {
      deps.logger?.warn({ code: error.code, message: error.message, path: context.req.path }, 'store-error')
      return context.json(errorBody('STORE_UNAVAILABLE', STORE_UNAVAILABLE), 503)
    }
    deps.logger?.error({ err: error, path: context.req.path }, 'unhandled-error')
    return context.json(errorBody('INTERNAL_ERROR', '服务器内部错误，请稍后再试'), 500)
  })
  return app
}
