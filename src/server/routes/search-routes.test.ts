import { describe, expect, it } from 'vitest'
import { loadCards } from '../../knowledge/load-cards.js'
import { loadSynonyms } from '../../search/load-synonyms.js'
import { createPolicyIndex } from '../../search/policy-index.js'
import { createSearchRoutes } from './search-routes.js'

const routes = createSearchRoutes({ index: createPolicyIndex(loadCards(), { synonyms: loadSynonyms() }) })

async function search(query: string): Promise<{ results: Array<{ id: string }>; confident: boolean }> {
  const response = await routes.request('/search', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as { results: Array<{ id: string }>; confident: boolean }
}

describe('POST /search', () => {
  it('reads a question in traditional characters as the simplified one', async () => {
    for (const [traditional, simplified] of [
      ['專精特新企業有什麼獎勵', '专精特新企业有什么奖励'],
      ['老舊廠房改造能補多少錢', '老旧厂房改造能补多少钱'],
      ['算力券怎麼申請', '算力券怎么申请'],
    ]) {
      expect(await search(traditional!), traditional).toEqual(await search(simplified!))
    }
  })
})
