import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; optional?: boolean; dev?: boolean; name?: string }>
}

/** Known advisories on transitive packages, and the first release that fixes each (README lists what remains). */
const ADVISORIES: Array<{ name: string; fixedIn: string; advisory: string }> = [
  { name: 'tough-cookie', fixedIn: '4.1.3', advisory: 'CVE-2023-26136 prototype pollution' },
  {
    name: 'form-data',
    fixedIn: '2.5.4',
    advisory: 'CVE-2025-7783 predictable multipart boundary (fixed in 2.5.4, 3.0.4, 4.0.4)',
  },
  { name: 'xml2js', fixedIn: '0.5.0', advisory: 'CVE-2023-0842 prototype pollution' },
  { name: 'fast-xml-parser', fixedIn: '4.4.1', advisory: 'CVE-2023-34104 ReDoS, CVE-2024-41818 ReDoS' },
]

const compare = (a: string, b: string) => {
  const [x, y] = [a, b].map((version) => version.split(/[.-]/).slice(0, 3).map(Number))
  for (let index = 0; index < 3; index += 1) if (x![index] !== y![index]) return x![index]! - y![index]!
  return 0
}
const fixedForLine = (name: string, version: string) => {
  if (name === 'form-data')
    return compare(version, version.startsWith('2.') ? '2.5.4' : version.startsWith('3.') ? '3.0.4' : '4.0.4') >= 0
  return compare(version, ADVISORIES.find((entry) => entry.name === name)!.fixedIn) >= 0
}

describe('dependencies', () => {
  it('keeps wechaty optional, so `npm ci --omit=optional` installs no WeChat tree', () => {
    expect(manifest.dependencies).not.toHaveProperty('wechaty')
    expect(manifest.optionalDependencies).toHaveProperty('wechaty')
    expect(lock.packages['node_modules/wechaty']?.optional).toBe(true)
    expect(lock.packages['node_modules/wechaty-puppet-wechat4u']?.optional).toBe(true)
  })

  it('resolves every package with a known advisory to a fixed release', () => {
    const installed = Object.entries(lock.packages).filter(([path]) => path.includes('node_modules/'))
    for (const { name } of ADVISORIES) {
      const versions = installed
        .filter(([path, entry]) => (entry.name ?? path.split('node_modules/').at(-1)) === name)
        .map(([, entry]) => entry.version!)
      expect(versions.length, name).toBeGreaterThan(0)
      for (const version of versions) expect(fixedForLine(name, version), `${name}@${version}`).toBe(true)
    }
    // request (unmaintained, CVE-2023-28155) is replaced by its maintained drop-in fork.
    for (const [path, entry] of installed)
      if (path.endsWith('node_modules/request')) expect(entry.name).toBe('@cypress/request')
  })

  it('never loads wechaty from the server entry unless WeChat is configured (no static import path)', () => {
    const seen = new Set<string>()
    const reached: string[] = []
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      const source = readFileSync(file, 'utf8')
      // Static value imports and re-exports; `import type` and `await import()` are not loaded at start-up.
      for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+'([^']+)'/gm)) {
        const specifier = match[1]!
        if (!specifier.startsWith('.')) {
          reached.push(specifier)
          continue
        }
        const target = join(dirname(file), specifier.replace(/\.js$/, '.ts'))
        if (existsSync(target)) visit(target)
      }
    }
    visit(join(ROOT, 'src/main.ts'))
    expect(reached.filter((specifier) => specifier === 'wechaty' || specifier.startsWith('wechaty-'))).toEqual([])
    // The registry's definition file is reached statically; it loads the channel itself with a dynamic import.
    expect(
      [...seen].map((file) => relative(ROOT, file)).filter((file) => file.startsWith('src/channels/wechaty/')),
    ).toEqual(['src/channels/wechaty/wechat-definition.ts'])
    expect(seen.size).toBeGreaterThan(20)
  })
})
