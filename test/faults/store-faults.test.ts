import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { DialogueManager } from '../../src/dialogue/dialogue-manager.js'
import { loadTierBenefits } from '../../src/dialogue/load-tier-benefits.js'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { TemplatePhraser } from '../../src/phrasing/template-phraser.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { RedisSessionStore } from '../../src/store/redis-session-store.js'
import type { SessionStore } from '../../src/store/session-store.js'
import { SqliteSessionStore } from '../../src/store/sqlite-session-store.js'
import { freePort } from './spawn-server.js'

const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
const rules = loadRules()
const benefits = loadTierBenefits()
const key = { channel: 'test', chatId: 'c', userId: 'owner' }
const options = { dialogueTtlMs: 7_200_000, profileTtlMs: 30 * 86_400_000 }

function managerOn(sessions: SessionStore, warnings: string[] = []) {
  return new DialogueManager({ sessions, search: index, rules, benefits, phraser: new TemplatePhraser(), onWarning: (warning) => warnings.push(warning.type) })
}

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0
if (!hasRedisServer) console.warn('redis-server is not installed: the Redis outage test is skipped')

describe.skipIf(!hasRedisServer)('Redis stops answering mid-conversation', () => {
  let redis: ChildProcess | undefined
  afterAll(() => {
    redis?.kill('SIGCONT')
    redis?.kill('SIGKILL')
  })

  it('answers "try again" within the budget, loses nothing, and recovers when Redis is back', async () => {
    const port = await freePort()
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
    const store = new RedisSessionStore({ ...options, url: `redis://127.0.0.1:${port}`, commandTimeoutMs: 500 })
    for (let attempt = 0; ; attempt += 1) {
      try {
        await store.connect()
        break
      } catch (error) {
        if (attempt > 50) throw error
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    const warnings: string[] = []
    const manager = managerOn(store, warnings)
    await manager.chat(key, '测一下创新型中小企业')
    await manager.chat(key, '是的')

    redis.kill('SIGSTOP')
    const started = Date.now()
    const during = await manager.chat(key, '都没有')
    expect(during.reply.text).toMatch(/系统暂时繁忙.*没有丢失/u)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(warnings).toContain('store-read-failed')

    redis.kill('SIGCONT')
    const after = await manager.chat(key, '都没有')
    expect(after.reply.text).toMatch(/所属行业/u)
    expect(after.state.facts).toMatchObject({ registeredInBeijing: true, independentLegalPerson: true })
    await store.close()
  }, 30_000)
})

describe('SQLite busy or full', () => {
  it('a locked database gives a clear reply and the turn can be repeated', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-busy-'))
    const store = new SqliteSessionStore({ ...options, dataDir, busyTimeoutMs: 50 })
    const manager = managerOn(store)
    await manager.chat(key, '测一下创新型中小企业')
    const blocker = new Database(join(dataDir, 'advisor.db'))
    blocker.exec('BEGIN EXCLUSIVE')
    const during = await manager.chat(key, '是的')
    expect(during.reply.text).toMatch(/系统暂时繁忙/u)
    blocker.exec('ROLLBACK')
    blocker.close()
    const after = await manager.chat(key, '是的')
    expect(after.reply.text).toMatch(/以下情况有没有/u)
    await store.close()
  })

  it('a full disk keeps what was saved before and says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-full-'))
    const store = new SqliteSessionStore({ ...options, dataDir, maxPageCount: 9 }) // schema (with the inbound table) + a few session pages
    const manager = managerOn(store)
    await manager.chat(key, '测一下创新型中小企业')
    await manager.chat(key, '是的')
    const before = await store.get(key)
    let reply = ''
    for (let user = 0; user < 200 && !/系统暂时繁忙/u.test(reply); user += 1) {
      reply = (await manager.chat({ ...key, userId: `filler-${user}` }, '测一下创新型中小企业，'.repeat(20))).reply.text
    }
    expect(reply).toMatch(/系统暂时繁忙/u)
    expect(await store.get(key)).toEqual(before)
    await expect(store.put({ ...key, userId: 'x' }, { dialogue: { big: 'x'.repeat(100_000) }, dialogueUpdatedAt: 1, profile: null, profileUpdatedAt: 1 })).rejects.toMatchObject({ code: 'STORE_FULL' })
    await store.close()
  })
})
