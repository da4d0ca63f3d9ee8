import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { freePort } from '../faults/spawn-server.js'
import { deleteKeys, probeRedis, rawRedis, uniquePrefix } from '../store/redis-test-helper.js'
import { readDockerfile } from './read-dockerfile.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const dockerfile = readDockerfile(readFileSync(`${ROOT}Dockerfile`, 'utf8'))
const compose = parse(readFileSync(`${ROOT}docker-compose.yml`, 'utf8')) as {
  services: Record<
    string,
    {
      image?: string
      build?: { context: string; dockerfile: string }
      init?: boolean
      deploy?: { replicas?: number }
      depends_on?: Record<string, unknown>
      environment?: Record<string, string>
      stop_grace_period?: string
      ports?: string[]
      command?: string[]
    }
  >
}
const finalStage = dockerfile.at(-1)!
const instructions = (keyword: string) =>
  finalStage.instructions.filter((instruction) => instruction.keyword === keyword)
const cmd = JSON.parse(instructions('CMD').at(-1)!.args) as string[]
const hasRedis = await probeRedis()

describe('Dockerfile', () => {
  it('is multi-stage, and the runtime stage copies its dependencies from the build stage', () => {
    expect(dockerfile.length).toBeGreaterThanOrEqual(2)
    expect(finalStage.from).toMatch(/^node:20/)
    expect(instructions('COPY').some((copy) => copy.args.startsWith(`--from=${dockerfile[0]!.name}`))).toBe(true)
  })

  it('runs as a non-root user', () => {
    const user = instructions('USER').at(-1)?.args
    expect(user).toBeTruthy()
    expect(user).not.toMatch(/^(root|0)(:|$)/)
  })

  it('starts node directly in exec form (it receives SIGTERM), on the documented entry', () => {
    expect(Array.isArray(cmd)).toBe(true)
    expect(cmd[0]).toBe('node')
    expect(cmd).not.toContain('npm')
    expect(cmd.join(' ')).toBe('node dist/main.js')
    // The entry is the build's output (scripts/build.mjs compiles src/main.ts to it), as in the image.
    expect(cmd.at(-1)).toBe('dist/main.js')
    expect(existsSync(`${ROOT}src/main.ts`)).toBe(true)
    expect(instructions('ENTRYPOINT')).toHaveLength(0)
  })

  it('copies only paths that exist, and leaves dev dependencies out', () => {
    for (const copy of instructions('COPY').filter((instruction) => !instruction.args.startsWith('--from'))) {
      const sources = copy.args.split(/\s+/).slice(0, -1)
      for (const source of sources) expect(existsSync(`${ROOT}${source}`), source).toBe(true)
    }
    const install = dockerfile[0]!.instructions.filter(
      (instruction) => instruction.keyword === 'RUN' && instruction.args.includes('npm ci'),
    )
    expect(install.length).toBe(1)
    expect(install[0]!.args).toContain('--omit=dev')
    const ignored = readFileSync(`${ROOT}.dockerignore`, 'utf8').split('\n')
    for (const path of ['node_modules', 'data', '.git', '.env']) expect(ignored).toContain(path)
  })
})

describe('docker-compose.yml', () => {
  const advisor = compose.services.advisor!
  const redis = compose.services.redis!

  it('runs two replicas of the advisor on one Redis, as documented', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['advisor', 'redis'])
    expect(advisor.deploy?.replicas).toBe(2)
    expect(advisor.build).toEqual({ context: '.', dockerfile: 'Dockerfile' })
    expect(existsSync(`${ROOT}${advisor.build!.dockerfile}`)).toBe(true)
    expect(advisor.environment?.REDIS_URL).toBe('redis://redis:6379')
    expect(advisor.depends_on).toHaveProperty('redis')
    expect(redis.image).toMatch(/^redis:/)
    expect(redis.command).toContain('--appendonly')
  })

  it('requires API_KEYS, forwards signals, and gives replies time to drain', () => {
    expect(advisor.environment?.API_KEYS).toMatch(/^\$\{API_KEYS:\?/)
    expect(advisor.init).toBe(true)
    const grace = Number(/^(\d+)s$/.exec(advisor.stop_grace_period ?? '')?.[1]) * 1000
    expect(grace).toBeGreaterThan(Number(advisor.environment?.SHUTDOWN_GRACE_MS))
    expect(advisor.ports).toEqual(['127.0.0.1:3000-3001:3000'])
  })

  it('names only variables src/config.ts knows (or the shutdown grace of the durable replies)', async () => {
    const { ConfigSchema } = await import('../../src/config.js')
    const known = new Set([...Object.keys(ConfigSchema.shape), 'SHUTDOWN_GRACE_MS'])
    expect(Object.keys(advisor.environment ?? {}).filter((name) => !known.has(name))).toEqual([])
  })
})

describe.skipIf(!hasRedis)(
  'smoke run of the image command: two replicas as compose starts them, without Docker',
  () => {
    // The image builds dist/ in its build stage; here the same build (cached when the sources are unchanged).
    beforeAll(() => {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' })
    }, 60_000)

    it('both answer with a key, share sessions through Redis, and exit 0 on SIGTERM to node', async () => {
      const prefix = uniquePrefix('compose')
      const key = 'smoke-key-0123456789'
      const environment = advisor()
      const replicas = await Promise.all(
        [0, 1].map(async () => {
          const port = await freePort()
          // Exactly the image's CMD, with the compose environment (Redis reached on loopback instead of `redis`).
          const child = spawn(cmd[0]!, cmd.slice(1), {
            cwd: ROOT,
            env: {
              PATH: process.env.PATH,
              ...environment,
              REDIS_URL: 'redis://127.0.0.1:6379',
              REDIS_PREFIX: prefix,
              API_KEYS: `smoke:${key}`,
              ADMIN_TOKEN: '',
              PORT: String(port),
              HOST: '127.0.0.1',
              LOG_LEVEL: 'warn',
              DATA_DIR: '/nonexistent-unused-in-redis-mode',
            },
            stdio: ['ignore', 'ignore', 'pipe'],
          })
          let stderr = ''
          child.stderr!.on('data', (chunk) => (stderr += String(chunk)))
          const base = `http://127.0.0.1:${port}`
          for (let started = Date.now(); ;) {
            if (child.exitCode !== null) throw new Error(`replica exited: ${stderr}`)
            if (
              await fetch(`${base}/readyz`).then(
                (response) => response.ok,
                () => false,
              )
            )
              break
            if (Date.now() - started > 30_000) throw new Error(`replica did not start: ${stderr}`)
            await new Promise((resolve) => setTimeout(resolve, 100))
          }
          return { child, base }
        }),
      )
      const raw = rawRedis()
      try {
        const chat = async (base: string, text: string, authorization = `Bearer ${key}`) =>
          fetch(`${base}/api/v1/chat`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization },
            body: JSON.stringify({ userId: 'owner', text }),
          })
        expect((await chat(replicas[0]!.base, '你好', 'Bearer wrong-key-0123456789')).status).toBe(401)
        expect((await chat(replicas[0]!.base, '测一下创新型中小企业')).status).toBe(200)
        const second = await (await chat(replicas[1]!.base, '是的')).json()
        expect(second.state.facts).toMatchObject({ registeredInBeijing: true })
        const exits = replicas.map(
          ({ child }) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
        )
        for (const { child } of replicas) child.kill('SIGTERM')
        expect(await Promise.all(exits)).toEqual([0, 0])
      } finally {
        for (const { child } of replicas) if (child.exitCode === null) child.kill('SIGKILL')
        await deleteKeys(raw, prefix)
        raw.disconnect()
      }
    }, 90_000)

    function advisor(): Record<string, string> {
      // Compose interpolation, as `docker compose config` would do it with an empty environment.
      const interpolated: Record<string, string> = {}
      for (const [name, value] of Object.entries(compose.services.advisor!.environment ?? {})) {
        interpolated[name] = String(value).replace(/\$\{(\w+)(?::[-?]([^}]*))?\}/g, (_match, _name, fallback = '') =>
          String(fallback).startsWith('set ') ? '' : fallback,
        )
      }
      return interpolated
    }
  },
)
