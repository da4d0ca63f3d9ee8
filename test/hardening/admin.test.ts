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

describe('metrics of a running product', () => {
  it('counts dialogue turns by channel', async () => {
    const { Metrics } = await import('../../src/observability/metrics.js')
    const { DialogueManager } = await import('../../src/dialogue/dialogue-manager.js')
    const { loadTierBenefits } = await import('../../src/dialogue/load-tier-benefits.js')
    const { loadRules } = await import('../../src/scoring/load-rules.js')
    const { TemplatePhraser } = await import('../../src/phrasing/template-phraser.js')
    const { MemorySessionStore } = await import('../../src/store/memory-session-store.js')
    const metrics = new Metrics()
    const manager = new DialogueManager({
      sessions: new MemorySessionStore(),
      search: createPolicyIndex(loadCards(), { synonyms: loadSynonyms() }),
      rules: loadRules(),
      benefits: loadTierBenefits(),
      phraser: new TemplatePhraser(),
      onTurn: (event) => {
        metrics.turns.inc({ channel: event.channel })
        metrics.turnLatency.observe(event.ms / 1000, { channel: event.channel })
      },
    })
    await manager.chat({ channel: 'feishu', chatId: 'c', userId: 'u' }, '你好')
    await manager.chat({ channel: 'feishu', chatId: 'c', userId: 'u' }, '算力券怎么申请？')
    const app = createApp({ metrics })
    const text = await (await app.request('/metrics')).text()
    expect(text).toContain('advisor_turns_total{channel="feishu"} 2')
    expect(text).toContain('advisor_turn_duration_seconds_count{channel="feishu"} 2')
  })
})

describe('runtime knowledge reload', () => {
  it('re-reads cards, synonyms and rules in place, and the manager keeps working', async () => {
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { Writable } = await import('node:stream')
    const { loadConfig } = await import('../../src/config.js')
    const { createLogger } = await import('../../src/observability/logger.js')
    const { createRuntime } = await import('../../src/runtime/create-runtime.js')
    const silent = createLogger({
      level: 'warn',
      destination: new Writable({ write: (_chunk, _encoding, done) => done() }),
    })
    const runtime = await createRuntime(
      loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-reload-')) }),
      silent,
    )
    try {
      const rulesBefore = runtime.rules
      const result = runtime.reloadKnowledge()
      expect(result.cards).toBe(runtime.index.size)
      expect(result.rules).toEqual(['innovative@2025年修订版', 'specialized@2025年修订版', 'little-giant@2025年修订版'])
      expect(runtime.rules).toBe(rulesBefore)
      const { reply } = await runtime.manager.chat({ channel: 'api', chatId: 'c', userId: 'u' }, '不是，注册在天津')
      expect(reply.text).toBeTruthy()
    } finally {
      await runtime.close()
    }
  })
})
