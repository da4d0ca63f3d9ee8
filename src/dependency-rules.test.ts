import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The dependency direction is enforced by ESLint (eslint.config.js, run by `npm run lint` in `npm test`). These
 * tests check that the rules catch what they are meant to catch, on probe files placed in the tree.
 */
const eslint = new ESLint()

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`)
}

describe('dependency rules (ESLint)', () => {
  it('the core never imports hono, openai, a channel SDK, a database client or pino, statically or lazily', async () => {
    for (const specifier of [
      'hono',
      '@hono/node-server',
      'openai',
      '@larksuiteoapi/node-sdk',
      'wechaty',
      'wechaty-puppet-mock',
      'better-sqlite3',
      'ioredis',
      'pino',
      '@wecom/crypto',
    ]) {
      expect(
        await problems('src/dialogue/probe.ts', `import x from '${specifier}'\nexport default x\n`),
        specifier,
      ).toHaveLength(1)
      expect(
        await problems('src/knowledge/probe.ts', `export const load = () => import('${specifier}')\n`),
        specifier,
      ).toHaveLength(1)
    }
    expect(
      await problems('src/search/probe.ts', "import { z } from 'zod'\nexport const schema = z.string()\n"),
    ).toEqual([])
  })

  it('the core never imports src/channels, src/server, src/store or src/phrasing, except the two ports', async () => {
    for (const specifier of [
      '../channels/channel.js',
      '../../channels/wecom/index.js',
      '../server/app.js',
      '../store/sqlite-session-store.js',
      '../phrasing/openai-phraser.js',
      '../runtime/create-runtime.js',
    ]) {
      expect(
        await problems('src/dialogue/probe.ts', `import type { X } from '${specifier}'\nexport type Y = X\n`),
        specifier,
      ).toHaveLength(1)
    }
    expect(
      await problems('src/scoring/probe.ts', "export const load = () => import('../store/redis-session-store.js')\n"),
    ).toHaveLength(1)
    const ports =
      "import type { SessionStore } from '../store/session-store.js'\nimport type { Phraser } from '../phrasing/phraser.js'\nimport type { Card } from '../knowledge/card-schema.js'\nexport type Z = [SessionStore, Phraser, Card]\n"
    expect(await problems('src/dialogue/probe.ts', ports)).toEqual([])
  })

  it('edges may import edges and the core', async () => {
    expect(
      await problems(
        'src/channels/probe.ts',
        "import { Hono } from 'hono'\nimport type { Advisor } from '../dialogue/messages.js'\nexport type A = [Hono, Advisor]\n",
      ),
    ).toEqual([])
  })

  it('only src/config.ts reads process.env', async () => {
    for (const code of [
      'export const port = process.env.PORT\n',
      "export const port = process.env['PORT']\n",
      'const { env } = process\nexport const port = env.PORT\n',
      "import { env } from 'node:process'\nexport const port = env.PORT\n",
    ]) {
      expect(await problems('src/channels/wecom/probe.ts', code), code).toHaveLength(1)
      expect(await problems('src/dialogue/probe.ts', code), code).toHaveLength(1)
    }
    expect(await problems('src/config.ts', 'export const port = process.env.PORT\n')).toEqual([])
    expect(await problems('src/main.ts', 'export const uptime = process.uptime()\n')).toEqual([])
  })
})
