import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('./', import.meta.url))
const CORE = ['knowledge', 'search', 'scoring', 'facts', 'dialogue']
const FORBIDDEN_PACKAGES = ['hono', '@hono/', 'openai', '@larksuiteoapi/', 'wechaty', 'better-sqlite3', 'ioredis', 'pino']
/** Core may use the ports (interfaces) of the edges, never their implementations. */
const ALLOWED_EDGE_MODULES = ['store/session-store.ts', 'phrasing/phraser.ts']

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.ts$/u.test(name) && !/\.test\.ts$/u.test(name) ? [path] : []
  })
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gu), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/gu)].map((match) => match[1])
}

describe('dependency direction', () => {
  it('the core never imports a channel SDK, hono, openai, a database client or an edge implementation', () => {
    const violations: string[] = []
    for (const folder of CORE) {
      for (const file of files(join(SRC, folder))) {
        for (const specifier of imports(file)) {
          if (FORBIDDEN_PACKAGES.some((name) => specifier === name || specifier.startsWith(name.endsWith('/') ? name : `${name}/`))) violations.push(`${relative(SRC, file)} → ${specifier}`)
          if (specifier.startsWith('.')) {
            const target = relative(SRC, join(file, '..', specifier)).replace(/\.js$/u, '.ts')
            const folderOfTarget = target.split('/')[0]
            if (!CORE.includes(folderOfTarget) && folderOfTarget !== 'shared' && !ALLOWED_EDGE_MODULES.includes(target)) violations.push(`${relative(SRC, file)} → ${target}`)
          }
        }
      }
    }
    expect(violations).toEqual([])
  })

  it('the core never imports from src/channels (message and reply types live in src/dialogue/messages.ts)', () => {
    const violations = CORE.flatMap((folder) =>
      files(join(SRC, folder)).flatMap((file) =>
        imports(file)
          .filter((specifier) => specifier.startsWith('.') && relative(SRC, join(file, '..', specifier)).split('/')[0] === 'channels')
          .map((specifier) => `${relative(SRC, file)} → ${specifier}`),
      ),
    )
    expect(violations).toEqual([])
  })

  it('only src/config.ts reads process.env', () => {
    const readers = files(SRC).filter((file) => /process\.env/u.test(readFileSync(file, 'utf8').replace(/\/\/.*$/gmu, '')))
    expect(readers.map((file) => relative(SRC, file))).toEqual(['config.ts'])
  })
})
