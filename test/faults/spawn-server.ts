import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * A free TCP port on 127.0.0.1 below Linux's ephemeral range (32768+): probing a port nobody listens on yet can
 * otherwise connect the probe to itself (TCP simultaneous open) and block the server's listen.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000)
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer()
      server.once('error', () => resolve(false))
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
    })
    if (free) return port
  }
}

export interface RunningServer {
  port: number
  child: ChildProcess
  chat(
    userId: string,
    text: string,
  ): Promise<{ reply: string; state: { mode: string; facts: Record<string, unknown>; pending: string[] } }>
  stop(signal?: NodeJS.Signals): Promise<void>
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * Starts the product from its sources (`node --import tsx src/main.ts`: no build step in tests; production runs the compiled `node dist/main.js`, the same code), with no npm or tsx wrapper, so
 * signals reach it) and waits until it answers.
 */
export async function startServer(
  env: Record<string, string>,
  options: { port?: number } = {},
): Promise<RunningServer> {
  const port = options.port ?? (await freePort())
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  const capture = (chunk: unknown) => {
    stderr += String(chunk)
  }
  child.stdout?.on('data', capture)
  child.stderr?.on('data', capture)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const base = `http://127.0.0.1:${port}`
  const started = Date.now()
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`)
    try {
      if ((await fetch(`${base}/healthz`)).ok) break
    } catch {
      // not yet listening
    }
    if (Date.now() - started > 20_000) throw new Error(`server did not start: ${stderr}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    port,
    child,
    exited,
    output: () => stderr,
    async chat(userId, text) {
      const response = await fetch(`${base}/api/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId, text }),
      })
      if (!response.ok) throw new Error(`chat answered ${response.status}: ${await response.text()}`)
      return response.json()
    },
    stop(signal = 'SIGTERM') {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        void exited.then(() => resolve())
        child.kill(signal)
      })
    },
  }
}
