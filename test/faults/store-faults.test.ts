import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
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
import { createApp } from '../../src/server/app.js'
import { createStores } from '../../src/store/create-stores.js'
import { freePort, startServer } from './spawn-server.js'

const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
const rules = loadRules()
const benefits = loadTierBenefits()
const key = { channel: 'test', chatId: 'c', userId: 'owner' }
const options = { dialogueTtlMs: 7_200_000, profileTtlMs: 30 * 86_400_000 }

function managerOn(sessions: SessionStore, warnings: string[] = []) {
  return new DialogueManager({
    sessions,
    search: index,
    rules,
    benefits,
    phraser: new TemplatePhraser(),
    onWarning: (warning) => warnings.push(warning.type),
  })
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
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    })
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
    await expect(
      store.put(
        { ...key, userId: 'x' },
        { dialogue: { big: 'x'.repeat(100_000) }, dialogueUpdatedAt: 1, profile: null, profileUpdatedAt: 1 },
      ),
    ).rejects.toMatchObject({ code: 'STORE_FULL' })
    await store.close()
  })
})

const readyz = async (port: number) => (await fetch(`http://127.0.0.1:${port}/readyz`)).status
const chatOver = async (port: number, userId: string, text: string) => {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, text }),
  })
  return {
    status: response.status,
    body: (await response.json()) as { reply: string; state: { facts: Record<string, unknown> } },
  }
}

describe.skipIf(!hasRedisServer)('Redis killed under a running server (real processes)', () => {
  let redis: ChildProcess | undefined
  afterAll(() => {
    redis?.kill('SIGKILL')
  })

  it('answers the friendly reply (never a 500), reports not ready, and carries on with every fact once Redis is back', async () => {
    const redisPort = await freePort()
    const redisDir = mkdtempSync(join(tmpdir(), 'advisor-redis-aof-'))
    const startRedis = async () => {
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(redisPort),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'yes',
          '--appendfsync',
          'always',
          '--dir',
          redisDir,
        ],
        { stdio: 'ignore' },
      )
      for (
        let attempt = 0;
        spawnSync('redis-cli', ['-p', String(redisPort), 'ping'])
          .stdout?.toString()
          .trim() !== 'PONG';
        attempt += 1
      ) {
        if (attempt > 100) throw new Error('redis-server did not start')
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      return child
    }
    redis = await startRedis()
    const server = await startServer({
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_PREFIX: 'faults:',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-rk-')),
    })
    try {
      await server.chat('owner', '测一下创新型中小企业')
      await server.chat('owner', '是的')
      expect(await readyz(server.port)).toBe(200)

      redis.kill('SIGKILL')
      await new Promise((resolve) => redis!.once('exit', resolve))
      const during = await chatOver(server.port, 'owner', '都没有')
      expect(during.status).toBe(200)
      expect(during.body.reply).toMatch(/系统暂时繁忙.*没有丢失/u)
      expect(await readyz(server.port)).toBe(503)

      redis = await startRedis()
      let after = await chatOver(server.port, 'owner', '都没有')
      for (let attempt = 0; /系统暂时繁忙/u.test(after.body.reply) && attempt < 40; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250))
        after = await chatOver(server.port, 'owner', '都没有')
      }
      expect(after.body.reply).toMatch(/所属行业/u)
      expect(after.body.state.facts).toMatchObject({ registeredInBeijing: true, independentLegalPerson: true })
      expect(await readyz(server.port)).toBe(200)
    } finally {
      await server.stop()
    }
  }, 60_000)
})

const canMakeImmutable = (() => {
  const probe = join(mkdtempSync(join(tmpdir(), 'advisor-chattr-')), 'probe')
  writeFileSync(probe, '')
  const ok = spawnSync('chattr', ['+i', probe]).status === 0
  if (ok) spawnSync('chattr', ['-i', probe])
  return ok
})()
if (!canMakeImmutable)
  console.warn('chattr +i is unavailable (needs root on ext4/xfs): the read-only database test is skipped')

describe.skipIf(!canMakeImmutable)(
  'SQLite database file turned read-only under a running server (real process)',
  () => {
    it('answers the friendly reply, reports not ready while writes fail, and recovers', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'advisor-readonly-'))
      const server = await startServer({ DATA_DIR: dataDir })
      const files = ['advisor.db', 'advisor.db-wal'].map((name) => join(dataDir, name))
      try {
        await server.chat('owner', '测一下创新型中小企业')
        expect(await readyz(server.port)).toBe(200)
        expect(spawnSync('chattr', ['+i', ...files]).status).toBe(0)
        const during = await chatOver(server.port, 'owner', '是的')
        expect(during.status).toBe(200)
        expect(during.body.reply).toMatch(/系统暂时繁忙.*没有丢失/u)
        expect(await readyz(server.port)).toBe(503)
        expect(spawnSync('chattr', ['-i', ...files]).status).toBe(0)
        const after = await chatOver(server.port, 'owner', '是的')
        expect(after.body.reply).toMatch(/以下情况有没有/u)
        expect(await readyz(server.port)).toBe(200)
      } finally {
        spawnSync('chattr', ['-i', ...files])
        await server.stop()
      }
    }, 60_000)
  },
)

describe('SQLite full: readiness follows the writes', () => {
  it('says not ready while turns fail for lack of space, and ready again once space is freed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-full-ready-'))
    const stores = await createStores({ dataDir, ...options, sqliteMaxPageCount: 12 })
    const manager = new DialogueManager({
      sessions: stores.sessions,
      search: index,
      rules,
      benefits,
      phraser: new TemplatePhraser(),
    })
    const app = createApp({ index, rules, chat: manager, ready: () => stores.ready() })
    const say = async (userId: string, text: string) =>
      (await (
        await app.request('/api/v1/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId, text }),
        })
      ).json()) as { reply: string }
    try {
      await say('owner', '测一下创新型中小企业')
      expect((await app.request('/readyz')).status).toBe(200)
      let filler = 0
      for (let reply = ''; !/系统暂时繁忙/u.test(reply) && filler < 300; filler += 1)
        reply = (await say(`filler-${filler}`, '测一下创新型中小企业，'.repeat(20))).reply
      expect(filler).toBeLessThan(300)
      expect((await app.request('/readyz')).status).toBe(503)
      for (let user = 0; user < filler; user += 1) await say(`filler-${user}`, '删除我的数据')
      expect((await say('owner', '是的')).reply).toMatch(/以下情况有没有/u)
      expect((await app.request('/readyz')).status).toBe(200)
    } finally {
      await stores.close()
    }
  })
})
