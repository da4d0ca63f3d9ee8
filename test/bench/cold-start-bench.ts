import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { printTable, type BenchRow } from './measure.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Spawns a server and measures the time until `probe` answers 200 (or gives up after 20 s). */
async function timeToFirstAnswer(args: string[], port: number, probe: () => Promise<Response>, env: Record<string, string> = {}): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, PORT: String(port), ...env }, stdio: 'ignore' })
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
    child.kill('SIGTERM')
  }
}

/**
 * A port below Linux's ephemeral range (32768+): probing a port nobody listens on yet can otherwise connect the
 * probe to itself (TCP simultaneous open) and block the server's listen.
 */
function quietPort(): number {
  return 20_000 + Math.floor(Math.random() * 10_000)
}

/** Cold start to the first chat answer (`npm start`'s entry), beside a bare Node HTTP server started the same way. */
export async function runColdStartBench(): Promise<BenchRow[]> {
  const bareScript = "require('node:http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT,'127.0.0.1')"
  const barePort = quietPort()
  const bare = await timeToFirstAnswer(['-e', bareScript], barePort, () => fetch(`http://127.0.0.1:${barePort}/`))
  const dataDir = mkdtempSync(join(tmpdir(), 'advisor-cold-'))
  const productPort = quietPort()
  const product = await timeToFirstAnswer(['--import', 'tsx', 'src/main.ts'], productPort, () =>
    fetch(`http://127.0.0.1:${productPort}/api/v1/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'cold', text: '算力券怎么申请？' }) }),
    { DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  )
  const rows = [
    { name: 'product: spawn → first chat answer', values: { ms: product.toFixed(0) } },
    { name: 'baseline: bare Node HTTP server → first answer', values: { ms: bare.toFixed(0) } },
  ]
  printTable('Cold start (target < 2000 ms)', rows)
  return rows
}
