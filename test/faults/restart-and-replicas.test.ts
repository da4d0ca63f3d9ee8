import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { startFakeFeishuServer } from '../fakes/fake-feishu-server.js'
import { textEvent } from '../channels/feishu-events.js'
import { startServer, type RunningServer } from './spawn-server.js'

const running: RunningServer[] = []
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop('SIGKILL')))
})

async function redisUp(): Promise<boolean> {
  const probe = new Redis('redis://127.0.0.1:6379', {
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  try {
    await probe.connect()
    return (await probe.ping()) === 'PONG'
  } catch {
    console.warn('Redis at 127.0.0.1:6379 is not reachable: the two-replica test is skipped')
    return false
  } finally {
    probe.disconnect()
  }
}
const hasRedis = await redisUp()

/** Removes what a test wrote under its key prefix. */
async function clearRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis('redis://127.0.0.1:6379')
  const keys = await redis.keys(`${prefix}*`)
  if (keys.length > 0) await redis.del(...keys)
  redis.disconnect()
}

describe('the process is killed mid-assessment', () => {
  it('restarting on the same DATA_DIR resumes the dialogue with every fact', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-crash-'))
    const first = await startServer({ DATA_DIR: dataDir })
    running.push(first)
    await first.chat('owner', '测一下创新型中小企业')
    await first.chat('owner', '是的')
    await first.stop('SIGKILL')
    const second = await startServer({ DATA_DIR: dataDir })
    running.push(second)
    const { reply, state } = await second.chat('owner', '都没有')
    expect(reply).toMatch(/所属行业/u)
    expect(state.facts).toMatchObject({
      registeredInBeijing: true,
      independentLegalPerson: true,
      creditBlacklisted: false,
    })
    await second.stop()
  }, 60_000)
})

describe.skipIf(!hasRedis)('two replicas behind one load balancer share Redis', () => {
  it('a user whose messages alternate between replicas keeps order and facts', async () => {
    const prefix = `advisor-replicas-${process.pid}-${Date.now()}:`
    const env = {
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: prefix,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-r-')),
    }
    const [a, b] = await Promise.all([startServer(env), startServer(env)])
    running.push(a, b)
    try {
      await a.chat('owner', '测一下创新型中小企业')
      await b.chat('owner', '是的')
      await a.chat('owner', '都没有')
      const { state } = await b.chat('owner', '工业，150人')
      expect(state.facts).toMatchObject({
        registeredInBeijing: true,
        creditBlacklisted: false,
        industry: 'industry',
        employees: 150,
      })
      // Sent at once to both replicas: the Redis lock runs them one after another, neither answer is lost.
      const [first, second] = await Promise.all([a.chat('owner', '去年营收3200万'), b.chat('owner', '研发费用240万')])
      const facts = (await a.chat('owner', '我的信息')).reply
      expect(facts).toContain('上年度营业收入：3200万元')
      expect(facts).toContain('上年度研发费用：240万元')
      expect([first.reply, second.reply].join('\n')).toContain('已记下')
    } finally {
      await clearRedisPrefix(prefix)
      await Promise.all([a.stop(), b.stop()])
    }
  }, 60_000)
})

describe.skipIf(!hasRedis)('a Feishu event retried to the other replica', () => {
  it('is answered exactly once', async () => {
    const feishu = await startFakeFeishuServer()
    const prefix = `advisor-feishu-${process.pid}-${Date.now()}:`
    const env = {
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: prefix,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-f-')),
      FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718',
      FEISHU_APP_SECRET: 'secret',
      FEISHU_VERIFICATION_TOKEN: 'v-token',
      FEISHU_DOMAIN: feishu.domain,
    }
    const [a, b] = await Promise.all([startServer(env), startServer(env)])
    running.push(a, b)
    try {
      const body = JSON.stringify(
        textEvent({ eventId: 'ev-replicas', messageId: 'om_replicas', text: '算力券怎么申请？' }),
      )
      const post = (server: RunningServer) =>
        fetch(`http://127.0.0.1:${server.port}/webhooks/feishu`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        })
      const [first, retry] = await Promise.all([post(a), post(b)])
      expect([first.status, retry.status]).toEqual([200, 200])
      expect([(await first.json()).status, (await retry.json()).status].sort()).toEqual(['duplicate', 'queued'])
      await expect
        .poll(() => feishu.posted.filter((message) => message.replyTo === 'om_replicas').length, { timeout: 10_000 })
        .toBe(1)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(feishu.posted.filter((message) => message.replyTo === 'om_replicas')).toHaveLength(1)
    } finally {
      await clearRedisPrefix(prefix)
      await Promise.all([a.stop(), b.stop()])
      await feishu.close()
    }
  }, 60_000)
})
