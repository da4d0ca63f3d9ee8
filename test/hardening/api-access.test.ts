import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DialogueManager } from '../../src/dialogue/dialogue-manager.js'
import { loadTierBenefits } from '../../src/dialogue/load-tier-benefits.js'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { TemplatePhraser } from '../../src/phrasing/template-phraser.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { secureEquals } from '../../src/shared/secure-equals.js'
import { createApp, type AppDeps } from '../../src/server/app.js'
import { CLIENT_RATE_LIMIT } from '../../src/server/routes/chat-routes.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'

const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
const rules = loadRules()
const KEYS = [
  { name: 'hotline', key: 'hotline-key-0123456789' },
  { name: 'crm', key: 'crm-key-abcdefghijklmn' },
]

function build(extra: Partial<AppDeps> = {}) {
  const manager = new DialogueManager({
    sessions: new MemorySessionStore(),
    search: index,
    rules,
    benefits: loadTierBenefits(),
    phraser: new TemplatePhraser(),
  })
  const webhook = new Hono().post('/webhooks/test', (context) => context.json({ ok: true }))
  return createApp({ index, rules, chat: manager, rateLimiter: new MemoryRateLimiter(), webhooks: [webhook], ...extra })
}

/** The bindings @hono/node-server passes: the request's socket, as the adapter sees it. */
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } })
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})
const bearer = (key: string) => ({ authorization: `Bearer ${key}` })

describe('without API_KEYS: loopback clients only', () => {
  const app = build()

  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('answers %s', async (address) => {
    const response = await app.request('/api/v1/search', json({ query: '算力券' }), from(address))
    expect(response.status).toBe(200)
    expect((await app.request('/', {}, from(address))).status).toBe(200)
  })

  it.each(['203.0.113.7', '10.0.0.5', '::ffff:192.168.1.2', '2001:db8::1'])(
    'refuses %s with how to set API_KEYS',
    async (address) => {
      for (const [path, init] of [
        ['/api/v1/chat', json({ userId: 'u', text: '我的信息' })],
        ['/api/v1/facts/fields', {}],
        ['/api/v1/openapi.json', {}],
        ['/', {}],
        ['/console/console.js', {}],
      ] as const) {
        const response = await app.request(path, init, from(address))
        expect(response.status, path).toBe(403)
        const error = (await response.json()).error
        expect(error.code).toBe('LOOPBACK_ONLY')
        expect(error.message).toContain('API_KEYS')
      }
    },
  )

  it('never trusts X-Forwarded-For, and treats a relayed loopback request as remote', async () => {
    const spoofed = await app.request(
      '/api/v1/facts/fields',
      { headers: { 'x-forwarded-for': '127.0.0.1' } },
      from('203.0.113.7'),
    )
    expect(spoofed.status).toBe(403)
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const relayed = await app.request(
        '/api/v1/facts/fields',
        { headers: { [header]: '203.0.113.7' } },
        from('127.0.0.1'),
      )
      expect(relayed.status, header).toBe(403)
    }
  })

  it('keeps webhooks public (their platform signature authenticates them)', async () => {
    const response = await app.request('/webhooks/test', json({}), from('203.0.113.7'))
    expect(response.status).toBe(200)
  })

  it('reads the peer address of a real socket', async () => {
    let server: ServerType | undefined
    try {
      const port = await new Promise<number>((resolve) => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port))
      })
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/facts/fields`)
      expect(ok.status).toBe(200)
      const relayed = await fetch(`http://127.0.0.1:${port}/api/v1/facts/fields`, {
        headers: { 'x-forwarded-for': '203.0.113.7' },
      })
      expect(relayed.status).toBe(403)
    } finally {
      await new Promise((resolve) => server?.close(resolve))
    }
  })
})

describe('with API_KEYS', () => {
  const app = build({ apiKeys: KEYS, adminToken: 'admin-token-0123456789' })
  const remote = from('203.0.113.7')

  it('needs a valid key on every /api/v1 route, from anywhere including loopback', async () => {
    for (const address of ['203.0.113.7', '127.0.0.1']) {
      for (const headers of [
        {},
        bearer('wrong-key-0123456789'),
        { authorization: KEYS[0]!.key },
        bearer(`${KEYS[0]!.key}x`),
      ]) {
        const response = await app.request('/api/v1/facts/fields', { headers }, from(address))
        expect(response.status).toBe(401)
        expect(response.headers.get('www-authenticate')).toBe('Bearer')
        expect((await response.json()).error.code).toBe('UNAUTHORIZED')
      }
    }
    for (const { key } of KEYS)
      expect((await app.request('/api/v1/facts/fields', { headers: bearer(key) }, remote)).status).toBe(200)
  })

  it('serves the console page itself (it holds no data; the console asks for the key)', async () => {
    expect((await app.request('/', {}, remote)).status).toBe(200)
  })

  it('keeps one integration from seeing or deleting another’s users', async () => {
    const chat = async (key: string, text: string) =>
      (await app.request('/api/v1/chat', json({ userId: 'owner-1', text }, bearer(key)), remote)).json()
    await chat(KEYS[0]!.key, '测一下创新型中小企业')
    const told = await chat(KEYS[0]!.key, '是的')
    expect(told.state.facts.registeredInBeijing).toBe(true)
    const other = await chat(KEYS[1]!.key, '我的信息')
    expect(other.reply).toContain('还没有记录')
    expect(other.state.facts).toEqual({})
    const deleted = await chat(KEYS[1]!.key, '删除我的数据')
    expect(deleted.reply).toContain('1条记录')
    const mine = await chat(KEYS[0]!.key, '我的信息')
    expect(mine.reply).toContain('您已提供')
  })

  it('puts the WeChat login status behind ADMIN_TOKEN, not behind an API key', async () => {
    expect((await app.request('/api/v1/channels/status', { headers: bearer(KEYS[0]!.key) }, remote)).status).toBe(401)
    expect(
      (await app.request('/api/v1/channels/status', { headers: bearer('admin-token-0123456789') }, remote)).status,
    ).toBe(200)
    expect(
      (await app.request('/api/v1/admin/stats', { headers: bearer('admin-token-0123456789') }, remote)).status,
    ).toBe(200)
    expect((await build().request('/api/v1/channels/status')).status).toBe(404)
  })

  it('limits a key however many userIds and addresses it rotates through', async () => {
    const limited = build({ apiKeys: KEYS })
    const statuses: number[] = []
    for (let user = 0; user <= CLIENT_RATE_LIMIT.limit; user += 1) {
      const address = from(`198.51.100.${user % 250}`)
      statuses.push(
        (
          await limited.request(
            '/api/v1/chat',
            json({ userId: `rotating-${user}`, text: '你好' }, bearer(KEYS[0]!.key)),
            address,
          )
        ).status,
      )
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(CLIENT_RATE_LIMIT.limit)
    expect(statuses.at(-1)).toBe(429)
    expect(
      (await limited.request('/api/v1/chat', json({ userId: 'fresh', text: '你好' }, bearer(KEYS[1]!.key)), remote))
        .status,
    ).toBe(200)
  }, 60_000)
})

describe('per client address', () => {
  it('limits one remote address however many userIds and keys it rotates through', async () => {
    const app = build({ apiKeys: KEYS })
    const statuses: number[] = []
    for (let user = 0; user <= CLIENT_RATE_LIMIT.limit; user += 1) {
      const key = KEYS[user % 2]!.key
      statuses.push(
        (
          await app.request(
            '/api/v1/chat',
            json({ userId: `rotating-${user}`, text: '你好' }, bearer(key)),
            from('203.0.113.9'),
          )
        ).status,
      )
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(CLIENT_RATE_LIMIT.limit)
    expect(statuses.at(-1)).toBe(429)
    expect(
      (
        await app.request(
          '/api/v1/chat',
          json({ userId: 'other', text: '你好' }, bearer(KEYS[0]!.key)),
          from('203.0.113.10'),
        )
      ).status,
    ).toBe(200)
  }, 60_000)

  it('does not count this machine as one client (eval runners, local tools)', async () => {
    const app = build()
    let last = 0
    for (let user = 0; user <= CLIENT_RATE_LIMIT.limit; user += 1) {
      last = (await app.request('/api/v1/chat', json({ userId: `local-${user}`, text: '你好' }), from('127.0.0.1')))
        .status
    }
    expect(last).toBe(200)
  }, 60_000)
})

describe('request hygiene', () => {
  const app = build()

  it.each(['/api/v1/chat', '/api/v1/search', '/api/v1/assess'])(
    '%s needs Content-Type: application/json (415)',
    async (path) => {
      for (const contentType of [
        undefined,
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {}
        const response = await app.request(path, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: 'x', userId: 'u', text: 'x' }),
        })
        expect(response.status, String(contentType)).toBe(415)
        expect((await response.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
      }
      expect(
        (
          await app.request(path, {
            method: 'POST',
            headers: { 'content-type': 'Application/JSON; charset=utf-8' },
            body: '{',
          })
        ).status,
      ).toBe(400)
    },
  )

  it.each([
    ['userId', { userId: 'a\uD800b', text: '你好' }],
    ['userId', { userId: '\uDC00', text: '你好' }],
    ['chatId', { userId: 'u', chatId: 'x\uDFFF', text: '你好' }],
    ['text', { userId: 'u', text: '营收\uD83D' }],
  ])('a lone surrogate in %s is a 400 with a reason', async (field, body) => {
    const response = await app.request('/api/v1/chat', json(body))
    expect(response.status).toBe(400)
    expect((await response.json()).error.fields[field]).toContain('Unicode')
  })

  it('accepts proper surrogate pairs', async () => {
    expect((await app.request('/api/v1/chat', json({ userId: '用户😀', text: '你好😀' }))).status).toBe(200)
  })
})

describe('secureEquals', () => {
  it('matches only the identical token, whatever the lengths', () => {
    expect(secureEquals('abc', 'abc')).toBe(true)
    expect(secureEquals('abc', 'abd')).toBe(false)
    expect(secureEquals('abc', 'abcd')).toBe(false)
    expect(secureEquals('', 'x')).toBe(false)
  })
})
