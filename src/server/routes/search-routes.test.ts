import { describe, expect, it } from 'vitest'
import { loadCards } from '../../knowledge/load-cards.js'
import { loadSynonyms } from '../../search/load-synonyms.js'
import { createPolicyIndex } from '../../search/policy-index.js'
import { ReloadableIndex } from '../../search/reloadable-index.js'
import { createSearchRoutes, SearchRequestSchema, sourceOf } from './search-routes.js'

const app = createSearchRoutes({ index: createPolicyIndex(loadCards(), { synonyms: loadSynonyms() }) })
const post = (body: unknown) =>
  app.request('/search', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('POST /search', () => {
  it('returns ranked cards with title, source, score and snippet', async () => {
    const response = await post({ query: '算力券怎么申请？' })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.confident).toBe(true)
    expect(body.results.length).toBeLessThanOrEqual(5)
    expect(body.results[0]).toMatchObject({ id: 'guide-028', title: '北京市人工智能算力券实施方案' })
    expect(body.results[0].source).toMatch(/^《.+》（北京市/)
    expect(typeof body.results[0].score).toBe('number')
    expect(body.results[0].snippet.length).toBeLessThanOrEqual(120)
  })

  it('names article cards by document title and heading', async () => {
    const body = await (await post({ query: '昌平 CRO 合同外包服务机构', limit: 1 })).json()
    expect(body.results[0].title).toBe('昌平区促进高端医疗器械产业集群发展的若干措施 第九条 支持关键平台建设')
  })

  it('reads a question in traditional characters as the simplified one', async () => {
    for (const [traditional, simplified] of [
      ['專精特新企業有什麼獎勵', '专精特新企业有什么奖励'],
      ['老舊廠房改造能補多少錢', '老旧厂房改造能补多少钱'],
      ['算力券怎麼申請', '算力券怎么申请'],
    ] as const) {
      const [asTraditional, asSimplified] = await Promise.all([
        post({ query: traditional }),
        post({ query: simplified }),
      ])
      expect(await asTraditional.json(), traditional).toEqual(await asSimplified.json())
    }
  })

  it('says when nothing matches confidently', async () => {
    const body = await (await post({ query: '帮我写一首诗' })).json()
    expect(body.confident).toBe(false)
  })

  it.each([
    [{}, 'query'],
    [{ query: '' }, 'query'],
    [{ query: '   ' }, 'query'],
    [{ query: 42 }, 'query'],
    [{ query: 'x'.repeat(501) }, 'query'],
    [{ query: '算力券', limit: 0 }, 'limit'],
    [{ query: '算力券', limit: 21 }, 'limit'],
    [{ query: '算力券', limit: 2.5 }, 'limit'],
    [{ query: '算力券', extra: true }, '(body)'],
  ])('rejects %j with a reason for %s', async (body, field) => {
    const response = await post(body)
    expect(response.status).toBe(400)
    const error = (await response.json()).error
    expect(error.code).toBe('INVALID_REQUEST')
    expect(Object.keys(error.fields)).toContain(field)
  })

  it('serialises a response exactly as JSON.stringify of the documented shape, for every valid limit form', async () => {
    const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
    for (const body of [
      { query: '算力券怎么申请？' },
      { query: '老旧厂房改造能补多少钱', limit: 1 },
      { query: '专精特新', limit: 20 },
    ]) {
      const result = index.search(body.query, { limit: body.limit ?? 5 })
      const expected = JSON.stringify({
        results: result.hits.map((hit) => ({
          id: hit.card.id,
          title: hit.card.title,
          source: sourceOf(hit.card),
          score: hit.score,
          snippet: hit.snippet,
        })),
        confident: result.confident,
      })
      const response = await post(body)
      expect(response.status).toBe(200)
      expect(await response.text()).toBe(expected)
    }
  })

  it('accepts exactly the bodies the request schema accepts (the fast path for plain bodies agrees with zod)', async () => {
    const long = '专'.repeat(2001)
    for (const body of [
      { query: '算力券' },
      { query: '算力券', limit: 1 },
      { query: '算力券', limit: 20 },
      { query: '算力券', limit: 1.0 },
      { query: '算力券', limit: 0 },
      { query: '算力券', limit: 21 },
      { query: '算力券', limit: 2.5 },
      { query: '算力券', limit: '3' },
      { query: '算力券', limit: null },
      { query: '算力券', extra: 1 },
      { query: '   ' },
      { query: long },
      { query: 42 },
      {},
      [],
      'query',
    ]) {
      const response = await post(body)
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(
        SearchRequestSchema.safeParse(body).success ? 200 : 400,
      )
    }
  })

  it('rejects malformed JSON', async () => {
    const response = await post('{"query": ')
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe('INVALID_JSON')
  })
})

describe('POST /search response cache', () => {
  const cards = loadCards()
  const search = (routes: ReturnType<typeof createSearchRoutes>, body: unknown) =>
    routes.request('/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('answers a repeated or differently written question exactly as the uncached route does', async () => {
    const uncached = createSearchRoutes({
      index: createPolicyIndex(cards, { synonyms: loadSynonyms() }),
      cacheEntries: 0,
    })
    for (const body of [
      { query: '算力券怎么申请？' },
      { query: '算力券怎么申请？' },
      { query: '算力券怎么申请?' },
      { query: '算力券怎么申请？', limit: 2 },
    ]) {
      const cachedResponse = await post(body)
      expect(cachedResponse.headers.get('content-type')).toMatch(/^application\/json/)
      expect(await cachedResponse.json()).toEqual(await (await search(uncached, body)).json())
    }
  })

  it('serves the reloaded knowledge after a reload, not the cached answer', async () => {
    let current = cards
    const index = new ReloadableIndex(createPolicyIndex(current), () => createPolicyIndex(current))
    const routes = createSearchRoutes({ index })
    const before = await (await search(routes, { query: '算力券怎么申请' })).json()
    expect(before.results[0].id).toBe('guide-028')
    current = cards.filter((card) => card.id !== 'guide-028')
    index.reload()
    const after = await (await search(routes, { query: '算力券怎么申请' })).json()
    expect(after.results.map((result: { id: string }) => result.id)).not.toContain('guide-028')
  })
})

describe('GET /cards/:id', () => {
  it('returns the full card', async () => {
    const response = await app.request('/cards/guide-001')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      id: 'guide-001',
      docNumber: '京发改规〔2023〕12号',
      contact: '北京市发展和改革委员会：55590088',
    })
  })

  it('answers 404 for an unknown card', async () => {
    const response = await app.request('/cards/guide-999')
    expect(response.status).toBe(404)
    expect((await response.json()).error.code).toBe('CARD_NOT_FOUND')
  })
})
