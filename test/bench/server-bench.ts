import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import { DialogueManager } from '../../src/dialogue/dialogue-manager.js'
import { loadTierBenefits } from '../../src/dialogue/load-tier-benefits.js'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { TemplatePhraser } from '../../src/phrasing/template-phraser.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { createApp } from '../../src/server/app.js'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'
import type { SessionStore } from '../../src/store/session-store.js'
import { SqliteSessionStore } from '../../src/store/sqlite-session-store.js'
import { Worker } from 'node:worker_threads'
import type { LoadResult } from './load-http.js'
import { heapAfterGc, percentile, printTable, type BenchRow } from './measure.js'
import { Metrics } from '../../src/observability/metrics.js'
import { ReloadableIndex } from '../../src/search/reloadable-index.js'
import { loadQuestions } from '../eval/evaluate.js'

export interface BenchTarget {
  name: string
  path: string
  method: 'GET' | 'POST'
  body?: string
  headers?: Record<string, string>
  /** Replace "EVENT" in the body with a fresh id per request (so dedupe does not short-circuit). */
  uniqueEventIds?: boolean
  /** Bodies sent in turn instead of `body` (varied questions). */
  bodies?: string[]
  /** The server the target is on (default: the product app). */
  server?: 'bare' | 'product' | 'uncached'
}

/** Runs the load generator in a worker thread (its own event loop) against a server on 127.0.0.1. */
function loadHttp(options: {
  url: string
  method: 'GET' | 'POST'
  body?: string
  bodies?: string[]
  headers?: Record<string, string>
  connections: number
  total: number
  uniqueEventIds?: boolean
}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const entry = new URL('./load-worker.ts', import.meta.url).href
    const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
    const worker = new Worker(bootstrap, { eval: true, workerData: options })
    worker.once('message', resolve)
    worker.once('error', reject)
  })
}

async function listen(app: Hono): Promise<{ server: ServerType; base: string }> {
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started))
  })
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

export function buildProductApp(
  extra: Parameters<typeof createApp>[0] = {},
  sessions: SessionStore = new MemorySessionStore(),
) {
  const buildIndex = () => createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
  const index = new ReloadableIndex(buildIndex(), buildIndex)
  const rules = loadRules()
  const manager = new DialogueManager({
    sessions,
    search: index,
    rules,
    benefits: loadTierBenefits(),
    phraser: new TemplatePhraser(),
  })
  return { app: createApp({ index, rules, chat: manager, ...extra }), manager, sessions }
}

const HTTP_ROUNDS = Number(process.env.HTTP_ROUNDS ?? 5)
const REQUESTS_PER_RUN = 5000

/**
 * HTTP under 200 concurrent connections: the product's routes beside a bare Hono route that only returns 200, served
 * by the same Node process and adapter. The product app is built as src/main.ts builds it (reloadable index,
 * metrics). Search is measured with one question (what a cache serves), with the evaluation questions in turn with
 * the response cache off (every request searches), and with them in turn with the cache on. The targets run in
 * rounds, each round measuring the bare route first, and every ratio is to that round's bare figure: the machine is
 * shared and its load changes between rounds. Prints the median ratio and each round's.
 */
export async function runHttpBench(
  targets: BenchTarget[] = [],
  extra: Parameters<typeof createApp>[0] = {},
): Promise<BenchRow[]> {
  const bare = new Hono()
  bare.post('/ok', (context) => context.text('ok'))
  // A second reference: the bare route that also reads and parses the body (what any webhook must do).
  bare.post('/read', async (context) => context.json({ ok: typeof (await context.req.json()) === 'object' }))
  const servers = {
    bare: await listen(bare),
    product: await listen(buildProductApp({ metrics: new Metrics(), ...extra }).app),
    uncached: await listen(buildProductApp({ metrics: new Metrics(), searchCacheEntries: 0, ...extra }).app),
  }
  const questions = loadQuestions().map((question) => JSON.stringify({ query: question.question }))
  const connections = 200
  const feishuBody = targets.find((target) => target.uniqueEventIds)?.body
  const all: BenchTarget[] = [
    { name: 'baseline: bare Hono route returning 200', path: '/ok', method: 'POST', body: '{}', server: 'bare' },
    ...(feishuBody
      ? [
          {
            name: 'reference: bare route that reads and parses the same event body',
            path: '/read',
            method: 'POST' as const,
            body: feishuBody,
            server: 'bare' as const,
          },
        ]
      : []),
    { name: 'GET /healthz', path: '/healthz', method: 'GET' },
    {
      name: 'POST /api/v1/search, one question (cached)',
      path: '/api/v1/search',
      method: 'POST',
      body: JSON.stringify({ query: '老旧厂房改造能补多少钱' }),
    },
    {
      name: `POST /api/v1/search, ${questions.length} questions in turn, cache off`,
      path: '/api/v1/search',
      method: 'POST',
      bodies: questions,
      server: 'uncached',
    },
    {
      name: `POST /api/v1/search, ${questions.length} questions in turn, cache on`,
      path: '/api/v1/search',
      method: 'POST',
      bodies: questions,
    },
    ...targets,
  ]
  const run = (target: BenchTarget, total: number) =>
    loadHttp({
      url: `${servers[target.server ?? 'product'].base}${target.path}`,
      method: target.method,
      body: target.body,
      bodies: target.bodies,
      headers: target.headers,
      connections,
      total,
      uniqueEventIds: target.uniqueEventIds,
    })
  const results = all.map(() => [] as LoadResult[])
  try {
    // The same warm-up for every target, so JIT and caches are comparable.
    for (const target of all) await run(target, 2000)
    for (let round = 0; round < HTTP_ROUNDS; round += 1)
      for (const [index, target] of all.entries()) results[index].push(await run(target, REQUESTS_PER_RUN))
  } finally {
    for (const { server } of Object.values(servers)) server.close()
  }
  const median = (values: number[]) => percentile(values, 50)
  const rows = all.map((target, index): BenchRow => {
    const runs = results[index]
    const ratios = runs.map((result, round) => result.throughput / results[0][round].throughput)
    return {
      name: target.name,
      values: {
        'req/s (median)': median(runs.map((result) => result.throughput)).toFixed(0),
        'p50 ms': median(runs.map((result) => result.p50)).toFixed(2),
        'p99 ms': median(runs.map((result) => result.p99)).toFixed(2),
        errors: String(runs.reduce((sum, result) => sum + result.errors, 0)),
        ...(index > 0
          ? {
              'ratio to bare (median)': median(ratios).toFixed(2),
              'ratio per round': ratios.map((ratio) => ratio.toFixed(2)).join(' '),
            }
          : {}),
      },
    }
  })
  printTable(
    `HTTP at ${connections} concurrent connections, ${HTTP_ROUNDS} alternating rounds of ${REQUESTS_PER_RUN} requests (targets: ratio ≥ 0.5, webhook ≥ 0.8, p99 < 50 ms)`,
    rows,
  )
  return rows
}

/** One chat turn with template phrasing, beside a bare search of the same question. */
export async function runChatBench(): Promise<BenchRow[]> {
  const { manager } = buildProductApp()
  const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
  const questions = [
    '老旧厂房改造能补多少钱？',
    '算力券怎么申请？',
    '我们能评上专精特新吗',
    '是的',
    '都没有',
    '工业，150人',
    '去年营收3200万，主营3000万，研发投入240万，负债率48%',
    '我的信息',
  ]
  const turns: number[] = []
  const turnsCpu: number[] = []
  const searches: number[] = []
  const searchesCpu: number[] = []
  for (let round = 0; round < 300; round += 1) {
    const key = { channel: 'bench', chatId: 'c', userId: `u${round}` }
    for (const question of questions) {
      let cpu = process.cpuUsage()
      let start = performance.now()
      await manager.chat(key, question)
      turns.push(performance.now() - start)
      let used = process.cpuUsage(cpu)
      turnsCpu.push((used.user + used.system) / 1000)
      cpu = process.cpuUsage()
      start = performance.now()
      index.search(question)
      searches.push(performance.now() - start)
      used = process.cpuUsage(cpu)
      searchesCpu.push((used.user + used.system) / 1000)
    }
  }
  const rows = [
    {
      name: 'chat turn, template phrasing, in-memory store',
      values: {
        'p50 ms': percentile(turns, 50).toFixed(3),
        'p99 ms': percentile(turns, 99).toFixed(3),
        'CPU p99 ms': percentile(turnsCpu, 99).toFixed(3),
      },
    },
    {
      name: 'baseline: search alone',
      values: {
        'p50 ms': percentile(searches, 50).toFixed(3),
        'p99 ms': percentile(searches, 99).toFixed(3),
        'CPU p99 ms': percentile(searchesCpu, 99).toFixed(3),
      },
    },
  ]
  printTable(`Chat turn: ${turns.length} turns (target p99 < 5 ms)`, rows)
  return rows
}

/**
 * RSS with 10,000 active sessions in the default store (SQLite under DATA_DIR), beside the same process with the
 * product loaded and no sessions.
 */
export async function runMemoryBench(): Promise<BenchRow[]> {
  const store = new SqliteSessionStore({
    dataDir: mkdtempSync(join(tmpdir(), 'advisor-bench-')),
    dialogueTtlMs: 7_200_000,
    profileTtlMs: 30 * 86_400_000,
  })
  const { manager, sessions } = buildProductApp({}, store)
  heapAfterGc()
  const before = process.memoryUsage().rss / 1024 / 1024
  for (let user = 0; user < 10_000; user += 1) {
    const key = { channel: 'bench', chatId: 'room', userId: `user-${user}` }
    await manager.chat(key, '测一下创新型中小企业')
    await manager.chat(key, '是的')
    await manager.chat(key, '都没有')
    await manager.chat(key, '工业，150人，去年营收3200万，研发费用240万')
  }
  heapAfterGc()
  const after = process.memoryUsage().rss / 1024 / 1024
  const rows = [
    { name: `RSS with ${await sessions.count()} active sessions`, values: { 'RSS MB': after.toFixed(0) } },
    { name: 'baseline: RSS with the product loaded, no sessions', values: { 'RSS MB': before.toFixed(0) } },
  ]
  printTable('Memory (target < 300 MB with 10,000 sessions)', rows)
  await store.close()
  return rows
}
