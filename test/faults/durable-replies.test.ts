import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { probeRedis } from '../store/redis-test-helper.js'
import { textEvent } from '../channels/feishu-events.js'
import { startFakeFeishuServer, type FakeFeishuServer } from '../fakes/fake-feishu-server.js'
import { freePort, startServer, type RunningServer } from './spawn-server.js'

const hasRedis = await probeRedis()
const running: RunningServer[] = []
const fakes: FakeFeishuServer[] = []
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop('SIGKILL')))
  await Promise.all(fakes.map((fake) => fake.close()))
})

async function fakeFeishu(): Promise<FakeFeishuServer> {
  const fake = await startFakeFeishuServer()
  fakes.push(fake)
  return fake
}

function feishuEnv(fake: FakeFeishuServer, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-durable-')),
    FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718',
    FEISHU_APP_SECRET: 'secret',
    FEISHU_VERIFICATION_TOKEN: 'v-token',
    FEISHU_DOMAIN: fake.domain,
    ...extra,
  }
}

async function start(env: Record<string, string>): Promise<RunningServer> {
  const server = await startServer(env)
  running.push(server)
  return server
}

function post(server: RunningServer, event: unknown): Promise<Response> {
  return fetch(`http://127.0.0.1:${server.port}/webhooks/feishu`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  })
}

const repliesTo = (fake: FakeFeishuServer, messageId: string) =>
  fake.posted.filter((message) => message.replyTo === messageId)
const replyAttempts = (fake: FakeFeishuServer, messageId: string) =>
  fake.requests.filter((request) => request.path === `/open-apis/im/v1/messages/${messageId}/reply`)

describe('durable replies across SIGTERM and restart', () => {
  it('12 events acknowledged while the Open API is slow, SIGTERM, restart on the same DATA_DIR: all 12 answered exactly once', async () => {
    const fake = await fakeFeishu()
    fake.slowSends(4000)
    const env = feishuEnv(fake, { SHUTDOWN_GRACE_MS: '1000', SEND_TIMEOUT_MS: '8000' })
    const first = await start(env)
    // Four owners, three questions each: per-user lanes keep eight of them waiting behind a slow send.
    const events = Array.from({ length: 12 }, (_, index) =>
      textEvent({
        eventId: `ev-durable-${index}`,
        messageId: `om_durable_${index}`,
        userId: `ou_owner_${index % 4}`,
        chatId: `oc_p2p_${index % 4}`,
        text: index < 4 ? '算力券怎么申请？' : index < 8 ? '帮助' : '老旧厂房改造能补多少钱？',
      }),
    )
    const started = Date.now()
    const acks = await Promise.all(events.map((event) => post(first, event)))
    expect(acks.map((response) => response.status)).toEqual(Array(12).fill(200))
    expect((await Promise.all(acks.map((response) => response.json()))).map((body) => body.status)).toEqual(
      Array(12).fill('queued'),
    )
    expect(Date.now() - started).toBeLessThan(3000)

    await first.stop('SIGTERM')
    expect(await first.exited).toEqual({ code: 0, signal: null })
    expect(fake.posted.filter((message) => message.replyTo.startsWith('om_durable_'))).toHaveLength(0)

    fake.slowSends(0)
    const second = await start(env)
    // Feishu's own retry of an unanswered event reaches the new process: recognised, and still answered (once).
    expect(await (await post(second, events[11])).json()).toEqual({ status: 'duplicate' })
    await expect
      .poll(() => events.filter((event) => repliesTo(fake, event.event.message.message_id).length > 0).length, {
        timeout: 20_000,
        interval: 100,
      })
      .toBe(12)
    await new Promise((resolve) => setTimeout(resolve, 500))
    for (const event of events)
      expect(repliesTo(fake, event.event.message.message_id), event.event.message.message_id).toHaveLength(1)
    // The four sends under way at SIGTERM were sent again with the same uuid (which Feishu drops as a repeat).
    for (let index = 0; index < 4; index += 1) {
      const uuids = replyAttempts(fake, `om_durable_${index}`).map((request) => (request.body as { uuid: string }).uuid)
      expect(uuids.length).toBeGreaterThanOrEqual(2)
      expect(new Set(uuids).size).toBe(1)
    }
    await second.stop()
  }, 90_000)

  it('a crash (SIGKILL) with replies queued: the next start on the same DATA_DIR answers each once', async () => {
    const fake = await fakeFeishu()
    fake.slowSends(4000)
    const env = feishuEnv(fake)
    const first = await start(env)
    const events = Array.from({ length: 3 }, (_, index) =>
      textEvent({
        eventId: `ev-crash-${index}`,
        messageId: `om_crash_${index}`,
        userId: 'ou_owner',
        chatId: 'oc_p2p_owner',
        text: '帮助',
      }),
    )
    for (const event of events) expect((await post(first, event)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await first.stop('SIGKILL')
    fake.slowSends(0)
    const second = await start(env)
    await expect
      .poll(() => events.filter((event) => repliesTo(fake, event.event.message.message_id).length === 1).length, {
        timeout: 20_000,
        interval: 100,
      })
      .toBe(3)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(fake.posted.filter((message) => message.replyTo.startsWith('om_crash_'))).toHaveLength(3)
    await second.stop()
  }, 60_000)

  it.skipIf(!hasRedis)(
    'the same with REDIS_URL: released entries are taken over by the next start',
    async () => {
      const fake = await fakeFeishu()
      fake.slowSends(4000)
      const prefix = `advisor-durable-${process.pid}-${Date.now()}:`
      const env = feishuEnv(fake, {
        SHUTDOWN_GRACE_MS: '500',
        REDIS_URL: 'redis://127.0.0.1:6379',
        REDIS_PREFIX: prefix,
      })
      const first = await start(env)
      const events = Array.from({ length: 4 }, (_, index) =>
        textEvent({
          eventId: `ev-redis-${index}`,
          messageId: `om_redis_${index}`,
          userId: 'ou_owner',
          chatId: 'oc_p2p_owner',
          text: '帮助',
        }),
      )
      for (const event of events) expect((await post(first, event)).status).toBe(200)
      await first.stop('SIGTERM')
      expect(await first.exited).toEqual({ code: 0, signal: null })
      fake.slowSends(0)
      const second = await start(env)
      await expect
        .poll(() => events.filter((event) => repliesTo(fake, event.event.message.message_id).length === 1).length, {
          timeout: 20_000,
          interval: 100,
        })
        .toBe(4)
      // In order: one owner's replies keep the order of the questions.
      expect(
        fake.posted.filter((message) => message.replyTo.startsWith('om_redis_')).map((message) => message.replyTo),
      ).toEqual(events.map((event) => event.event.message.message_id))
      await second.stop()
      const redis = new Redis('redis://127.0.0.1:6379')
      const keys = await redis.keys(`${prefix}*`)
      if (keys.length > 0) await redis.del(...keys)
      redis.disconnect()
    },
    60_000,
  )

  it('SIGTERM to the process started the documented way drains the reply under way and exits 0', async () => {
    const fake = await fakeFeishu()
    fake.slowSends(800)
    const server = await start(feishuEnv(fake, { SHUTDOWN_GRACE_MS: '8000' }))
    expect(
      (await post(server, textEvent({ eventId: 'ev-drain', messageId: 'om_drain', text: '算力券怎么申请？' }))).status,
    ).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 100))
    const signalled = Date.now()
    server.child.kill('SIGTERM')
    // No longer accepting: the port closes while the reply is still being sent.
    await expect
      .poll(
        async () =>
          fetch(`http://127.0.0.1:${server.port}/healthz`).then(
            () => 'open',
            () => 'closed',
          ),
        { timeout: 3000, interval: 50 },
      )
      .toBe('closed')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    expect(Date.now() - signalled).toBeLessThan(8000)
    expect(repliesTo(fake, 'om_drain')).toHaveLength(1)
    expect(server.output()).not.toMatch(/shutdown took too long/u)
  }, 60_000)
})

describe('npm start', () => {
  it('stops cleanly when npm itself gets SIGTERM (npm does not forward it; the server notices its parent is gone)', async () => {
    const port = await freePort()
    const npm = spawn('npm', ['start'], {
      cwd: new URL('../../', import.meta.url).pathname,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-npm-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    npm.stdout.on('data', (chunk) => (output += String(chunk)))
    npm.stderr.on('data', (chunk) => (output += String(chunk)))
    try {
      await expect
        .poll(
          async () =>
            fetch(`http://127.0.0.1:${port}/healthz`).then(
              (response) => response.status,
              () => 0,
            ),
          { timeout: 20_000, interval: 100 },
        )
        .toBe(200)
      npm.kill('SIGTERM')
      await expect
        .poll(
          async () =>
            fetch(`http://127.0.0.1:${port}/healthz`).then(
              () => 'open',
              () => 'closed',
            ),
          { timeout: 5000, interval: 100 },
        )
        .toBe('closed')
      await expect.poll(() => output, { timeout: 5000 }).toMatch(/"signal":"parent-exited".*"msg":"shut-down"/u)
    } finally {
      npm.kill('SIGKILL')
    }
  }, 60_000)
})

describe('timeouts: a hung Feishu send', () => {
  it('does not delay another user, and the same user’s next reply waits at most the timeout', async () => {
    const fake = await fakeFeishu()
    const server = await start(feishuEnv(fake, { SEND_TIMEOUT_MS: '1500', SEND_RETRY_BASE_MS: '200' }))
    fake.hangRepliesTo('om_hung_1', 1)
    const at = Date.now()
    await post(
      server,
      textEvent({
        eventId: 'ev-hung-1',
        messageId: 'om_hung_1',
        userId: 'ou_stuck',
        chatId: 'oc_stuck',
        text: '算力券怎么申请？',
      }),
    )
    await expect.poll(() => replyAttempts(fake, 'om_hung_1').length, { timeout: 5000, interval: 20 }).toBe(1)
    await post(
      server,
      textEvent({ eventId: 'ev-hung-2', messageId: 'om_hung_2', userId: 'ou_stuck', chatId: 'oc_stuck', text: '帮助' }),
    )
    await post(
      server,
      textEvent({ eventId: 'ev-other', messageId: 'om_other', userId: 'ou_other', chatId: 'oc_other', text: '帮助' }),
    )
    const otherSent = Date.now()
    await expect.poll(() => repliesTo(fake, 'om_other').length, { timeout: 5000, interval: 20 }).toBe(1)
    // The other user is answered while the hung send is still hanging.
    expect(repliesTo(fake, 'om_other')[0]!.at - otherSent).toBeLessThan(1000)
    expect(repliesTo(fake, 'om_hung_1')).toHaveLength(0)
    await expect.poll(() => repliesTo(fake, 'om_hung_2').length, { timeout: 5000, interval: 20 }).toBe(1)
    // The same user's next reply waits for the first send's timeout (1.5 s), not for its retries.
    expect(repliesTo(fake, 'om_hung_2')[0]!.at - at).toBeLessThan(1500 + 1200)
    // The hung reply itself is retried in the background with the same uuid and posted once.
    await expect.poll(() => repliesTo(fake, 'om_hung_1').length, { timeout: 5000, interval: 20 }).toBe(1)
    const uuids = replyAttempts(fake, 'om_hung_1').map((request) => (request.body as { uuid: string }).uuid)
    expect(uuids.length).toBe(2)
    expect(new Set(uuids).size).toBe(1)
    await server.stop()
  }, 60_000)
})

describe('recovery: bot/v3/info failing at start', () => {
  it('is retried in the background; group @mentions are refused until then (Feishu re-delivers) and answered once it succeeds; no token is printed', async () => {
    const fake = await fakeFeishu()
    fake.failBotInfo(2)
    const server = await start(feishuEnv(fake, { LOG_LEVEL: 'debug' }))
    const mention = (id: string) =>
      textEvent({
        eventId: `ev-${id}`,
        messageId: `om_${id}`,
        chatType: 'group',
        chatId: 'oc_park_group',
        text: '@_user_1 算力券怎么申请？',
        mentions: [{ key: '@_user_1', openId: fake.botOpenId, name: '政策助手' }],
      })
    const early = await post(server, mention('mention-early'))
    expect(early.status).toBe(503)
    // Feishu's retries of the same event: refused until bot/v3/info answers, then accepted and answered.
    await expect
      .poll(async () => (await post(server, mention('mention-early'))).status, { timeout: 15_000, interval: 250 })
      .toBe(200)
    expect(fake.requests.filter((request) => request.path === '/open-apis/bot/v3/info').length).toBeGreaterThanOrEqual(
      3,
    )
    await expect.poll(() => repliesTo(fake, 'om_mention-early').length, { timeout: 5000 }).toBe(1)
    expect(await (await post(server, mention('mention-later'))).json()).toEqual({ status: 'queued' })
    await expect.poll(() => repliesTo(fake, 'om_mention-later').length, { timeout: 5000 }).toBe(1)
    await server.stop()
    const output = server.output()
    expect(output).toMatch(/bot\/v3\/info failed/u)
    expect(output).not.toContain('t-fake-token')
    expect(output).not.toMatch(/Bearer\s+[^*\s]/u)
  }, 60_000)
})
