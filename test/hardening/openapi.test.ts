import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DialogueManager } from '../../src/dialogue/dialogue-manager.js'
import { loadTierBenefits } from '../../src/dialogue/load-tier-benefits.js'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { TemplatePhraser } from '../../src/phrasing/template-phraser.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { ReloadableIndex } from '../../src/search/reloadable-index.js'
import { createApp } from '../../src/server/app.js'
import { AssessRequestSchema } from '../../src/server/routes/assess-routes.js'
import { ChatRequestSchema } from '../../src/server/routes/chat-routes.js'
import { SearchRequestSchema } from '../../src/server/routes/search-routes.js'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'

const build = () => createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
const index = new ReloadableIndex(build(), build)
const rules = loadRules()
const manager = new DialogueManager({
  sessions: new MemorySessionStore(),
  search: index,
  rules,
  benefits: loadTierBenefits(),
  phraser: new TemplatePhraser(),
})
// Every optional route group on, so the app has every route it can have.
const app = createApp({
  index,
  rules,
  chat: manager,
  profiles: manager,
  adminToken: 'admin-token-0123456789',
  reloadKnowledge: () => index.reload(),
  apiKeys: [{ name: 'docs', key: 'docs-key-0123456789ab' }],
})
const authorized = { headers: { authorization: 'Bearer docs-key-0123456789ab' } }

type Document = {
  openapi: string
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; security: unknown[] }>
  >
}

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document behind the same access rule as the API', async () => {
    expect((await app.request('/api/v1/openapi.json')).status).toBe(401)
    const response = await app.request('/api/v1/openapi.json', authorized)
    expect(response.status).toBe(200)
    expect(((await response.json()) as Document).openapi).toBe('3.1.0')
  })

  it('lists every /api/v1 route of the app, and nothing else', async () => {
    const document = (await (await app.request('/api/v1/openapi.json', authorized)).json()) as Document
    const routes = new Set(
      app.routes
        .filter((route) => route.path.startsWith('/api/v1/') && route.method !== 'ALL')
        // `:file{report\.(?:xlsx|csv|md)}` is the parameter `{file}`.
        .map(
          (route) =>
            `${route.method.toLowerCase()} ${route.path.slice('/api/v1'.length).replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`,
        ),
    )
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method} ${path}`),
      ),
    )
    expect(routes.size).toBeGreaterThanOrEqual(9)
    expect([...routes].filter((route) => !documented.has(route))).toEqual([])
    expect([...documented].filter((route) => !routes.has(route))).toEqual([])
  })

  it('takes its request bodies from the zod schemas the routes validate with', async () => {
    const document = (await (await app.request('/api/v1/openapi.json', authorized)).json()) as Document
    const body = (path: string) => document.paths[path]!.post!.requestBody!.content['application/json']!.schema
    for (const [path, schema] of [
      ['/chat', ChatRequestSchema],
      ['/search', SearchRequestSchema],
      ['/assess', AssessRequestSchema],
    ] as const) {
      const { $schema: _ignored, ...expected } = z.toJSONSchema(schema, {
        io: 'input',
        unrepresentable: 'any',
        target: 'draft-2020-12',
      }) as Record<string, unknown>
      expect(body(path)).toEqual(expected)
    }
    expect(JSON.stringify(body('/chat'))).toContain('"maxLength":2000')
    expect(document.paths['/admin/stats']!.get!.security).toEqual([{ adminToken: [] }])
  })
})
