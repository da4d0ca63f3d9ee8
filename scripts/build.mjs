// Compiles src/ to dist/ (JavaScript, same layout) for `npm start`; skipped when the sources are unchanged.
// Plain JavaScript on purpose: it runs before anything is compiled. Type checking stays with `npm run typecheck`.
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const SOURCE = join(ROOT, 'src')
const OUTPUT = join(ROOT, 'dist')
const STAMP = join(OUTPUT, '.build-stamp')

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? walk(path) : [path]
  })
}

const files = walk(SOURCE)
  .filter((path) => !/\.test\.ts$/u.test(path))
  .sort()
const hash = createHash('sha256')
const esbuildVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/esbuild/package.json'), 'utf8')).version
hash.update(`esbuild ${esbuildVersion}\n`).update(readFileSync(fileURLToPath(import.meta.url)))
for (const path of files) hash.update(`\n${relative(SOURCE, path)}\n`).update(readFileSync(path))
const digest = hash.digest('hex')

if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest && process.argv[2] !== '--force') {
  process.exit(0)
}

const started = performance.now()
const { build } = await import('esbuild')
rmSync(OUTPUT, { recursive: true, force: true })
const scripts = files.filter((path) => path.endsWith('.ts'))
await build({
  entryPoints: scripts,
  outdir: OUTPUT,
  outbase: SOURCE,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
})
// Files the code reads beside itself (the web console's page, script and styles).
for (const path of files.filter((path) => !path.endsWith('.ts'))) {
  const target = join(OUTPUT, relative(SOURCE, path))
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(path, target)
}
writeFileSync(STAMP, digest)
console.log(`built ${scripts.length} modules into dist/ in ${(performance.now() - started).toFixed(0)} ms`)
