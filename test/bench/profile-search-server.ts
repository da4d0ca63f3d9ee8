import { spawn } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import { Metrics } from '../../src/observability/metrics.js'
import { loadQuestions } from '../eval/evaluate.js'
import { loadHttp, type LoadResult } from './load-http.js'
import { buildProductApp } from './server-bench.js'

/**
 * The server side of `POST /api/v1/search` alone, for a profiler: the product app (cache off unless `cached`) or the
 * bare route (`bare`) on 127.0.0.1, loaded from a child process with the evaluation questions in turn at 200
 * connections, so a profile of this process (`node --import tsx --cpu-prof test/bench/profile-search-server.ts`, or
 * `perf record` with `--perf-basic-prof`) holds the server's work only. Prints its CPU time per request.
 *
 *   node --import tsx test/bench/profile-search-server.ts [uncached|cached|bare] [requests] [rounds]
 */
const CONNECTIONS = 200
const LOAD_FLAG = '--load'

/** Child mode: sends the requests and prints the LoadResult as JSON. */
async function runLoad(url: string, total: number): Promise<void> {
  const bodies = loadQuestions().map((question) => JSON.stringify({ query: question.question }))
  let sequence = 0
  const next = () => bodies[(sequence += 1) % bodies.length]!
  const result = await loadHttp({ url, method: 'POST', body: next, connections: CONNECTIONS, total })
  process.stdout.write(JSON.stringify(result))
}

function loadFromChild(url: string, total: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), LOAD_FLAG, url, String(total)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output) as LoadResult) : reject(new Error(`load exited ${code}`)),
    )
  })
}

async function runServer(kind: string, total: number, rounds: number): Promise<void> {
  let app: Hono
  let path = '/api/v1/search'
  if (kind === 'bare') {
    app = new Hono()
    app.post('/ok', (context) => context.text('ok'))
    path = '/ok'
  } else {
    app = buildProductApp({ metrics: new Metrics(), ...(kind === 'cached' ? {} : { searchCacheEntries: 0 }) }).app
  }
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started))
  })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`
  try {
    await loadFromChild(url, 3000)
    for (let round = 0; round < rounds; round += 1) {
      const before = process.cpuUsage()
      const result = await loadFromChild(url, total)
      const used = process.cpuUsage(before)
      const perRequest = (micros: number) => (micros / result.requests).toFixed(1)
      console.log(
        `${kind}: ${result.throughput.toFixed(0)} req/s, ${result.errors} errors, server CPU ${perRequest(used.user + used.system)} µs/request (user ${perRequest(used.user)}, system ${perRequest(used.system)})`,
      )
    }
  } finally {
    server.close()
  }
}

if (process.argv[2] === LOAD_FLAG) await runLoad(process.argv[3]!, Number(process.argv[4]))
else await runServer(process.argv[2] ?? 'uncached', Number(process.argv[3] ?? 20_000), Number(process.argv[4] ?? 3))
