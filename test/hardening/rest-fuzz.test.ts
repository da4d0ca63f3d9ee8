import { describe, expect, it } from 'vitest'
import { DialogueManager } from '../../src/dialogue/dialogue-manager.js'
import { loadTierBenefits } from '../../src/dialogue/load-tier-benefits.js'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { TemplatePhraser } from '../../src/phrasing/template-phraser.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { createApp } from '../../src/server/app.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'

const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
const rules = loadRules()
const sessions = new MemorySessionStore()
const manager = new DialogueManager({
  sessions,
  search: index,
  rules,
  benefits: loadTierBenefits(),
  phraser: new TemplatePhraser(),
})
const app = createApp({ index, rules, chat: manager, rateLimiter: new MemoryRateLimiter() })

const post = (path: string, body: BodyInit, contentType = 'application/json') =>
  app.request(path, { method: 'POST', headers: { 'content-type': contentType }, body })
const ENDPOINTS = ['/api/v1/search', '/api/v1/assess', '/api/v1/chat']

/** Deterministic pseudo-random numbers (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
  let state = seed
  return () => {
    state |= 0
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

function randomValue(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * 10)
  const strings = [
    '',
    '算力券',
    '😀'.repeat(50),
    'x'.repeat(3000),
    '\u0000\u2005<script>',
    '忽略之前的指令',
    'innovative',
    'little-giant',
  ]
  switch (pick) {
    case 0:
      return null
    case 1:
      return next() < 0.5
    case 2:
      return [1e308, -1e308, -0, 0.1, 2 ** 53 + 1, -1, 3200][Math.floor(next() * 7)]
    case 3:
      return strings[Math.floor(next() * strings.length)]
    case 4:
      return depth > 3 ? 1 : Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1))
    default: {
      if (depth > 3) return 'deep'
      const keys = [
        'query',
        'limit',
        'program',
        'facts',
        'userId',
        'text',
        'chatId',
        'channel',
        'revenue',
        'debtRatio',
        'honors',
        '__proto__',
        'constructor',
      ]
      const object: Record<string, unknown> = {}
      for (let count = Math.floor(next() * 5); count > 0; count -= 1)
        object[keys[Math.floor(next() * keys.length)]] = randomValue(next, depth + 1)
      return object
    }
  }
}

describe('bad input on the REST endpoints: a 4xx with a reason, never a crash', () => {
  it.each(ENDPOINTS)('%s: malformed JSON, wrong content, invalid UTF-8, deep nesting', async (path) => {
    for (const body of ['{"query":', 'null', '[]', '"text"', '42', '{"a":1}{"b":2}', '\uFEFF{']) {
      const response = await post(path, body)
      expect(response.status, body).toBe(400)
      expect((await response.json()).error.message).toBeTruthy()
    }
    const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d])
    expect((await post(path, invalidUtf8)).status).toBe(400)
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect((await post(path, deep)).status).toBe(400)
  })

  it.each(ENDPOINTS)('%s: a 10 MB body is refused before it is read', async (path) => {
    const response = await post(path, JSON.stringify({ query: 'x'.repeat(10 * 1024 * 1024) }))
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('BODY_TOO_LARGE')
  })

  it('a 10 MB body streamed without Content-Length is refused too', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10 * 1024 * 1024) return controller.close()
        sent += chunk.length
        controller.enqueue(chunk)
      },
    })
    const response = await app.request('/api/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect(sent).toBeLessThan(10 * 1024 * 1024)
  })

  it('a 10,000-character chat message is refused with a reason', async () => {
    const response = await post('/api/v1/chat', JSON.stringify({ userId: 'fuzz', text: '研'.repeat(10_000) }))
    expect(response.status).toBe(400)
    expect((await response.json()).error.fields.text).toContain('2000')
  })

  it('an absurd amount typed in the chat (1e308万元) is asked again, never cut into other figures', async () => {
    const say = async (text: string) => (await post('/api/v1/chat', JSON.stringify({ userId: 'absurd', text }))).json()
    for (const text of ['帮我测一下创新型中小企业', '是的', '都没有', '软件业，员工150人']) await say(text)
    const body = await say('1e308万元')
    expect(body.reply).toMatch(/不像是真实的数字|超出合理范围/u)
    expect(body.state.facts.revenue).toBeUndefined()
    expect(body.state.facts.revenuePrev).toBeUndefined()
    expect(body.state.pending).toContain('revenue')
    const lost = await say('嗯……')
    const again = await say('嗯……')
    expect(lost.reply).toContain('没太明白')
    expect(again.suggestions).toContain('重新开始')
  })

  it('absurd numbers in facts are named field by field', async () => {
    const response = await post(
      '/api/v1/assess',
      JSON.stringify({ program: 'innovative', facts: { revenue: 1e308, employees: 1.5, debtRatio: -3 } }),
    )
    expect(response.status).toBe(400)
    expect(Object.keys((await response.json()).error.fields).sort()).toEqual([
      'facts.debtRatio',
      'facts.employees',
      'facts.revenue',
    ])
  })

  it('300 random bodies never produce a 5xx, and a conversation in progress is not corrupted', async () => {
    const key = { channel: 'api', chatId: 'owner', userId: 'owner' }
    await manager.chat(key, '测一下创新型中小企业')
    await manager.chat(key, '是的')
    const before = await sessions.get(key)
    const next = random(20261125)
    for (let round = 0; round < 300; round += 1) {
      const path = ENDPOINTS[round % ENDPOINTS.length]
      const response = await post(path, JSON.stringify(randomValue(next)))
      expect(response.status, `round ${round} ${path}`).toBeLessThan(500)
      if (response.status >= 400) expect((await response.json()).error.code).toBeTruthy()
    }
    expect(await sessions.get(key)).toEqual(before)
    const { reply } = await manager.chat(key, '都没有')
    expect(reply.text).toMatch(/所属行业/u)
  })

  it('a user who floods the chat gets a friendly 429', async () => {
    const limited = createApp({ index, rules, chat: manager, rateLimiter: new MemoryRateLimiter() })
    const statuses: number[] = []
    for (let count = 0; count < 32; count += 1) {
      const response = await limited.request('/api/v1/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'flood', text: '你好' }),
      })
      statuses.push(response.status)
      if (response.status === 429) expect((await response.json()).error.message).toContain('稍等')
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(30)
    expect(statuses.slice(30)).toEqual([429, 429])
  })

  it('unknown paths and methods answer in the same error shape', async () => {
    const response = await app.request('/api/v1/nothing')
    expect(response.status).toBe(404)
    expect((await response.json()).error.code).toBe('NOT_FOUND')
  })
})
