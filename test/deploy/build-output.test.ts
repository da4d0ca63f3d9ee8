import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../faults/spawn-server.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * `npm start` and `node dist/main.js` on a fresh copy of the repository (no dist/, as after `git clone && npm
 * install`; node_modules is linked): the build runs when dist/ is missing or stale, the server starts on the
 * knowledge snapshot the build wrote, and a knowledge file edited after the build is served as edited.
 */
describe('the built server on a fresh copy', () => {
  let copy: string
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'advisor-clone-'))
    for (const path of ['package.json', 'tsconfig.json', 'scripts', 'src', 'knowledge', 'rules', 'prompts'])
      cpSync(join(ROOT, path), join(copy, path), { recursive: true })
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir')
  })

  const build = () => execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: copy, encoding: 'utf8' })

  /** Starts `command`, waits for a chat answer, returns it with the output so far, and stops the whole group. */
  async function startAndAsk(command: string, args: string[]) {
    const port = await freePort()
    const child = spawn(command, args, {
      cwd: copy,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-clone-data-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    child.stdout!.on('data', (chunk) => (output += String(chunk)))
    child.stderr!.on('data', (chunk) => (output += String(chunk)))
    const exited = new Promise((resolve) => child.once('exit', resolve))
    const base = `http://127.0.0.1:${port}`
    try {
      for (let started = Date.now(); ;) {
        if (child.exitCode !== null) throw new Error(`server exited: ${output}`)
        const response = await fetch(`${base}/api/v1/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId: 'clone', text: '算力券怎么申请？' }),
        }).catch(() => undefined)
        if (response?.ok) {
          const reply = (await response.json()) as { reply: string }
          const card = await fetch(`${base}/api/v1/cards/${firstCardId()}`).then((answer) => answer.json())
          return { reply: reply.reply, card: card as { title: string }, output }
        }
        if (Date.now() - started > 60_000) throw new Error(`server did not answer: ${output}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    } finally {
      process.kill(-child.pid!, 'SIGTERM')
      await exited
    }
  }

  const cards = () => JSON.parse(readFileSync(join(copy, 'knowledge/cards.json'), 'utf8')) as { cards: Card[] }
  const firstCardId = () => cards().cards.find((card) => !card.duplicateOf)!.id

  it('npm start builds the missing dist/ with its knowledge snapshot, then answers from it', async () => {
    expect(existsSync(join(copy, 'dist'))).toBe(false)
    const { reply, output } = await startAndAsk('npm', ['start'])
    expect(output).toMatch(/bundled \d+ modules/u)
    expect(existsSync(join(copy, 'dist/main.js'))).toBe(true)
    expect(existsSync(join(copy, 'dist/knowledge-snapshot.bin'))).toBe(true)
    expect(output).toMatch(/"knowledgeSnapshot":true[^\n]*"msg":"runtime-ready"/u)
    expect(reply).toContain('算力券')
  }, 120_000)

  it('rebuilds a stale dist/ (a changed source), and only the snapshot when only knowledge changed', () => {
    build()
    expect(build()).toBe('')
    // Touched, not changed (a checkout, an editor saving unchanged text): the contents decide, no rebuild.
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(copy, 'src/config.ts'), later, later)
    expect(build()).toBe('')
    writeFileSync(join(copy, 'src/main.ts'), `${readFileSync(join(copy, 'src/main.ts'), 'utf8')}\n// changed\n`)
    const rebuilt = build()
    expect(rebuilt).toMatch(/bundled \d+ modules/u)
    expect(build()).toBe('')
    const synonyms = join(copy, 'knowledge/synonyms.json')
    writeFileSync(synonyms, `${readFileSync(synonyms, 'utf8')}\n`)
    const refreshed = build()
    expect(refreshed).toMatch(/wrote the knowledge snapshot/u)
    expect(refreshed).not.toMatch(/bundled/u)
  }, 120_000)

  /** How `node` compiles the bundle in a fresh process: the loader's code cache state. */
  const cacheState = () =>
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('./dist/main.js'); m.loadBundle(); console.log(m.codeCacheState())",
      ],
      { cwd: copy, encoding: 'utf8' },
    ).trim()

  it('the build leaves a code cache that a start uses; a damaged one is refused, replaced at exit, and costs nothing else', async () => {
    build()
    const cache = join(copy, 'dist/server.cjs.cache')
    expect(existsSync(cache)).toBe(true)
    expect(cacheState()).toBe('used')
    writeFileSync(cache, Buffer.from('not a code cache'))
    expect(cacheState()).toBe('rejected')
    // The refusing process wrote a good one at its exit.
    expect(cacheState()).toBe('used')
    writeFileSync(cache, Buffer.from('not a code cache'))
    const { reply } = await startAndAsk(process.execPath, ['dist/main.js'])
    expect(reply).toContain('算力券')
    expect(cacheState()).toBe('used')
  }, 120_000)

  it('node dist/main.js serves a card edited after the build as edited (the stale snapshot is not used)', async () => {
    build()
    const path = join(copy, 'knowledge/cards.json')
    const id = firstCardId()
    const knowledge = cards()
    const card = knowledge.cards.find((candidate) => candidate.id === id)!
    const edited = `${card.title}（修订）`
    card.title = edited
    // A copy: its layout does not matter here.
    writeFileSync(path, JSON.stringify(knowledge))
    expect(cards().cards.find((candidate) => candidate.id === id)!.title).toBe(edited)
    const { card: served, output } = await startAndAsk(process.execPath, ['dist/main.js'])
    expect(output).toMatch(/"knowledgeSnapshot":false[^\n]*"msg":"runtime-ready"/u)
    expect(served.title).toBe(edited)
    expect(build()).toMatch(/wrote the knowledge snapshot/u)
  }, 120_000)
})

interface Card {
  id: string
  title: string
  duplicateOf?: string
}
