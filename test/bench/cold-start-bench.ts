import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { printTable, type BenchRow } from './measure.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Spawns a server and measures the time until `probe` answers 200 (or gives up after 20 s). */
async function timeToFirstAnswer(
  args: string[],
  port: number,
  probe: () => Promise<Response>,
  env: Record<string, string> = {},
  command = process.execPath,
): Promise<number> {
  const started = performance.now()
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), ...env },
    stdio: 'ignore',
    detached: true,
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    while (performance.now() - started < 20_000) {
      try {
        if ((await probe()).ok) return performance.now() - started
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error('server did not answer within 20 s')
  } finally {
    // The whole group (npm and the node it started), and wait for it, so no server overlaps the next measurement.
    process.kill(-child.pid!, 'SIGTERM')
    await exited
  }
}

/**
 * A port below Linux's ephemeral range (32768+): probing a port nobody listens on yet can otherwise connect the
 * probe to itself (TCP simultaneous open) and block the server's listen.
 */
function quietPort(): number {
  return 20_000 + Math.floor(Math.random() * 10_000)
}

const ROUNDS = 5

/**
 * Cold start to the first chat answer, beside a bare Node HTTP server started the same way, in alternating rounds
 * (the median of each is printed): `npm start` (the cached build check, then the bundle in the same process), the
 * production command `node dist/main.js` (the bundle compiled with its code cache, starting from the build's knowledge snapshot), and the sources
 * run through tsx (what `npm start` did before the build step).
 */
export async function runColdStartBench(): Promise<BenchRow[]> {
  // The build `npm start` runs first; cached, so the timed `npm start` below only checks the inputs' digests.
  spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' })
  const bareScript = "require('node:http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT,'127.0.0.1')"
  const chat = (port: number) => () =>
    fetch(`http://127.0.0.1:${port}/api/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'cold', text: '算力券怎么申请？' }),
    })
  const product = (args: string[], command?: string) => {
    const port = quietPort()
    return timeToFirstAnswer(
      args,
      port,
      chat(port),
      { DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-cold-')), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      command,
    )
  }
  const loadBefore = loadavg()[0]
  const samples = {
    bare: [] as number[],
    npm: [] as number[],
    npmOnly: [] as number[],
    compiled: [] as number[],
    tsx: [] as number[],
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    const barePort = quietPort()
    samples.bare.push(
      await timeToFirstAnswer(['-e', bareScript], barePort, () => fetch(`http://127.0.0.1:${barePort}/`)),
    )
    samples.npm.push(await product(['start', '--silent'], 'npm'))
    samples.npmOnly.push(npmItself())
    samples.compiled.push(await product(['dist/main.js']))
    samples.tsx.push(await product(['--import', 'tsx', 'src/main.ts']))
  }
  const bare = median(samples.bare)
  const row = (name: string, values: number[]): BenchRow => ({
    name,
    values: { ms: median(values).toFixed(0), 'ratio to bare': (median(values) / bare).toFixed(1) },
  })
  const rows = [
    row('product: npm start → first chat answer', samples.npm),
    row('product: node dist/main.js (production command) → first chat answer', samples.compiled),
    row('before: node --import tsx src/main.ts → first chat answer', samples.tsx),
    row('npm itself: `npm run env` (a script that does nothing) → exit', samples.npmOnly),
    { name: 'baseline: bare Node HTTP server → first answer', values: { ms: bare.toFixed(0), 'ratio to bare': '1.0' } },
  ]
  printTable(`Cold start, median of ${ROUNDS} rounds (target: npm start ≤ 6× bare)`, rows)
  // The ratios are only comparable within one run: on a loaded machine every start slows, npm's own most.
  console.log(`load average (1 min) before ${loadBefore.toFixed(2)}, after ${loadavg()[0].toFixed(2)}`)
  return rows
}

/** What npm costs before any script of ours runs: `npm run env` runs the shell's `env`, then npm exits. */
function npmItself(): number {
  const started = performance.now()
  spawnSync('npm', ['run', '--silent', 'env'], { cwd: ROOT, stdio: 'ignore' })
  return performance.now() - started
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}
