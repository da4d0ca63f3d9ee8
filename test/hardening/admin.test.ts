import { describe, expect, it } from 'vitest'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { ReloadableIndex } from '../../src/search/reloadable-index.js'
import { createApp } from '../../src/server/app.js'

describe('admin endpoints', () => {
  const build = () => createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })

  it('are closed without ADMIN_TOKEN and refuse a wrong token', async () => {
    const index = new ReloadableIndex(build(), build)
    const closed = createApp({ index, reloadKnowledge: () => index.reload() })
    expect((await closed.request('/api/v1/admin/stats')).status).toBe(404)
    const app = createApp({ index, adminToken: 's3cret', reloadKnowledge: () => index.reload() })
    expect((await app.request('/api/v1/admin/stats', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
    expect((await app.request('/api/v1/admin/knowledge/reload', { method: 'POST' })).status).toBe(401)
  })

  it('reloads the knowledge, and keeps the old index when the new files are bad', async () => {
    let broken = false
    const index = new ReloadableIndex(build(), () => {
      if (broken) throw new Error('cards.json: card guide-001: content: required')
      return build()
    })
    const app = createApp({ index, adminToken: 's3cret', reloadKnowledge: () => index.reload() })
    const headers = { authorization: 'Bearer s3cret' }
    const ok = await app.request('/api/v1/admin/knowledge/reload', { method: 'POST', headers })
    expect(await ok.json()).toEqual({ status: 'reloaded', cards: index.size })
    broken = true
    const failed = await app.request('/api/v1/admin/knowledge/reload', { method: 'POST', headers })
    expect(failed.status).toBe(422)
    expect(index.search('算力券').hits[0].card.id).toBe('guide-028')
    expect(await (await app.request('/api/v1/admin/stats', { headers })).json()).toMatchObject({ cards: index.size })
  })
})
