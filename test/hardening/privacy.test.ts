import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { DialogueManager } from '../../src/dialogue/dialogue-manager.js'
import { loadTierBenefits } from '../../src/dialogue/load-tier-benefits.js'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { createLogger } from '../../src/observability/logger.js'
import { TemplatePhraser } from '../../src/phrasing/template-phraser.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { createApp } from '../../src/server/app.js'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'
import { RedisSessionStore } from '../../src/store/redis-session-store.js'
import type { SessionStore } from '../../src/store/session-store.js'
import { StoreError } from '../../src/store/store-error.js'
import { SqliteSessionStore } from '../../src/store/sqlite-session-store.js'
import { deleteKeys, probeRedis, rawRedis, TEST_REDIS_URL, uniquePrefix } from '../store/redis-test-helper.js'

const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
const rules = loadRules()
const benefits = loadTierBenefits()
const hasRedis = await probeRedis()
const options = { dialogueTtlMs: 7_200_000, profileTtlMs: 30 * 86_400_000 }

const STORES: Array<[string, () => Promise<{ store: SessionStore; close: () => Promise<void> } | null>]> = [
  [
    'memory',
    async () => {
      const store = new MemorySessionStore()
      return { store, close: () => store.close() }
    },
  ],
  [
    'sqlite',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'advisor-privacy-'))
      const store = new SqliteSessionStore({ ...options, dataDir })
      return {
        store,
        close: async () => {
          await store.close()
          rmSync(dataDir, { recursive: true, force: true })
        },
      }
    },
  ],
  [
    'redis',
    async () => {
      if (!hasRedis) return null
      const prefix = uniquePrefix('privacy')
      const store = new RedisSessionStore({ ...options, url: TEST_REDIS_URL, prefix })
      await store.connect()
      return {
        store,
        close: async () => {
          const raw = rawRedis()
          await deleteKeys(raw, prefix)
          raw.disconnect()
          await store.close()
        },
      }
    },
  ],
]

describe.each(STORES)('删除我的数据 on the %s store', (_name, open) => {
  it('deletes the person in every chat of the channel, says how many, and echoes nothing', async (context) => {
    const opened = await open()
    if (!opened) return context.skip('Redis is not reachable')
    const { store } = opened
    try {
      const manager = new DialogueManager({
        sessions: store,
        search: index,
        rules,
        benefits,
        phraser: new TemplatePhraser(),
      })
      const group = { channel: 'feishu', chatId: 'oc_group', userId: 'ou_owner' }
      const direct = { channel: 'feishu', chatId: 'ou_owner', userId: 'ou_owner' }
      const otherChannel = { channel: 'wechat', chatId: 'room', userId: 'ou_owner' }
      const colleague = { channel: 'feishu', chatId: 'oc_group', userId: 'ou_colleague' }
      for (const key of [group, direct, otherChannel, colleague])
        await manager.chat(key, '营收3200万元，研发费用240万元')
      expect((await manager.chat(direct, '我的信息')).reply.text).toContain('3200')

      const deleted = await manager.chat(group, '删除我的数据')
      expect(deleted.reply.text).toBe('已删除您的全部数据：2条记录（各会话的对话和企业信息）。')
      expect(deleted.state).toEqual({ mode: 'idle', programs: [], pending: [], facts: {}, unknown: [], bounds: {} })
      expect(JSON.stringify(deleted)).not.toMatch(/3200|240/)
      expect(await store.get(group)).toBeNull()
      expect(await store.get(direct)).toBeNull()
      expect((await manager.chat(direct, '我的信息')).reply.text).toContain('还没有记录')
      expect((await manager.chat(otherChannel, '我的信息')).reply.text).toContain('3200')
      expect((await manager.chat(colleague, '我的信息')).reply.text).toContain('3200')
      expect((await manager.chat({ ...group, userId: 'ou_new' }, '删除我的数据')).reply.text).toBe(
        '没有找到您的数据，无需删除。',
      )
    } finally {
      await opened.close()
    }
  })
})

describe('logs at info level', () => {
  it('hold neither enterprise figures nor message text, through a whole REST conversation', async () => {
    const lines: string[] = []
    const logger = createLogger({
      level: 'info',
      destination: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk))
          done()
        },
      }),
    })
    const sessions = new MemorySessionStore()
    const manager = new DialogueManager({
      sessions,
      search: index,
      rules,
      benefits,
      phraser: new TemplatePhraser(),
      onWarning: (warning) => logger.warn(warning, 'dialogue-warning'),
    })
    const app = createApp({ index, rules, chat: manager, logger })
    const say = (text: string) =>
      app.request('/api/v1/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: '张三', text }),
      })
    for (const text of [
      '测一下创新型中小企业',
      '是的',
      '都没有',
      '软件业，员工87人，营收3187万元',
      '我的信息',
      '删除我的数据',
    ])
      expect((await say(text)).status).toBe(200)
    const output = lines.join('')
    expect(output).not.toMatch(/3187|87人|软件业|创新型/)
  })
})

describe('删除我的数据 when the store fails', () => {
  it('says busy, shows nothing of the data, and a retry deletes it', async () => {
    const store = new MemorySessionStore()
    let failing = false
    const flaky: SessionStore = {
      get: (key) => store.get(key),
      put: (key, record) => store.put(key, record),
      delete: (key) => store.delete(key),
      deletePerson: async (channel, userId) => {
        if (failing) throw new StoreError('STORE_UNAVAILABLE', 'Redis person delete failed: Connection is closed.')
        return store.deletePerson(channel, userId)
      },
      count: () => store.count(),
      ping: () => store.ping(),
      close: () => store.close(),
    }
    const manager = new DialogueManager({
      sessions: flaky,
      search: index,
      rules,
      benefits,
      phraser: new TemplatePhraser(),
    })
    const key = { channel: 'api', chatId: 'c', userId: 'u' }
    await manager.chat(key, '营收3200万元')
    failing = true
    const failed = await manager.chat(key, '删除我的数据')
    expect(failed.reply.text).toMatch(/系统暂时繁忙.*没有丢失/u)
    expect(JSON.stringify(failed.state)).not.toContain('3200')
    failing = false
    expect((await manager.chat(key, '删除我的数据')).reply.text).toContain('1条记录')
    expect(await store.get(key)).toBeNull()
  })
})
