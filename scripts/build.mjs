// Bundles the server (src/main.ts) into dist/ for `npm start` and the image; skipped when its inputs are unchanged.
// Plain JavaScript on purpose: it runs before anything is compiled. Type checking stays with `npm run typecheck`.
//
// One ESM file (dist/main.js) plus a chunk per dynamic import (channel SDK adapters, Redis, the LLM client): Node
// then reads and links a handful of files at start instead of one per module. Pure-JS packages on the start path
// are bundled in; every other package stays external and is loaded from node_modules when the code imports it
// (native modules, SDKs behind dynamic imports, optional dependencies).
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const SOURCE = join(ROOT, 'src')
const OUTPUT = join(ROOT, 'dist')
const STAMP = join(OUTPUT, '.build-stamp')
/** Packages bundled into dist/: pure JavaScript, loaded at every start. Their versions are part of the stamp. */
const BUNDLED_PACKAGES = ['zod', 'hono', '@hono/node-server']

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? walk(path) : [path]
  })
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version
}

function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** Sources of dist/ and the digest of everything that shapes it (sources, this script, esbuild, bundled packages). */
function inputs() {
  const files = walk(SOURCE)
    .filter((path) => !/\.test\.ts$/u.test(path))
    .sort()
  const hash = createHash('sha256')
  hash.update(`esbuild ${packageVersion('esbuild')}\n`).update(readFileSync(fileURLToPath(import.meta.url)))
  for (const name of BUNDLED_PACKAGES) hash.update(`\n${name}@${packageVersion(name)}`)
  for (const path of files) hash.update(`\n${relative(SOURCE, path)}\n`).update(readFileSync(path))
  return { files, digest: hash.digest('hex') }
}

/** Leaves every package outside the bundle except {@link BUNDLED_PACKAGES}. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true }
      return BUNDLED_PACKAGES.includes(packageName(args.path)) ? undefined : { path: args.path, external: true }
    })
  },
}

/**
 * Modules find their data files relative to themselves (`new URL('../../knowledge/…', import.meta.url)`). In the
 * bundle every module's `import.meta.url` is the bundle's; this gives each source module the URL its own file has
 * under dist/ (dist/knowledge/load-cards.js for src/knowledge/load-cards.ts), so those paths stay right. Every
 * output file (entry and chunks) is written to dist/ itself, so the bundle's URL is a sibling of dist/main.js.
 */
const moduleUrls = {
  name: 'module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(SOURCE)) return undefined
      const text = readFileSync(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' }
      const own = `./${relative(SOURCE, args.path).split(sep).join('/').replace(/\.ts$/u, '.js')}`
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`),
        loader: 'ts',
      }
    })
  },
}

/** True when dist/ was built from the current inputs. */
export function isFresh(digest = inputs().digest) {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest
}

/**
 * Builds dist/ unless it is fresh (or `force`), then brings the knowledge snapshot up to date (it validates the
 * knowledge files and throws on an invalid one). Returns what it did.
 */
export async function ensureBuilt({ force = false } = {}) {
  const built = await bundle(force)
  const started = performance.now()
  // The bundle's own code validates, indexes and writes, so the snapshot always matches the code that reads it.
  const { writeKnowledgeSnapshot } = await import(pathToFileURL(join(OUTPUT, 'knowledge-snapshot.js')).href)
  const snapshot = writeKnowledgeSnapshot()
  if (snapshot) console.log(`wrote the knowledge snapshot in ${(performance.now() - started).toFixed(0)} ms`)
  return { built, snapshot }
}

/** Bundles src/ into dist/ unless dist/ is fresh (or `force`); returns whether it bundled. */
async function bundle(force) {
  const { files, digest } = inputs()
  if (!force && isFresh(digest)) return false
  const started = performance.now()
  const { build } = await import('esbuild')
  rmSync(OUTPUT, { recursive: true, force: true })
  const result = await build({
    // Both at the top of dist/ (see moduleUrls); the second writes the knowledge snapshot the first starts on.
    entryPoints: { main: join(SOURCE, 'main.ts'), 'knowledge-snapshot': join(SOURCE, 'runtime/knowledge-snapshot.ts') },
    outdir: OUTPUT,
    bundle: true,
    splitting: true,
    chunkNames: '[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    metafile: true,
    // Bundled CommonJS code calls require(); ESM has none, so each output file gets one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [externalPackages, moduleUrls],
  })
  // Files the code reads beside itself (the web console's page, script and styles).
  for (const path of files.filter((path) => !path.endsWith('.ts'))) {
    const target = join(OUTPUT, relative(SOURCE, path))
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(path, target)
  }
  writeFileSync(STAMP, digest)
  const outputs = Object.keys(result.metafile.outputs).filter((path) => path.endsWith('.js')).length
  const modules = Object.keys(result.metafile.inputs).length
  console.log(
    `bundled ${modules} modules into ${outputs} files in dist/ in ${(performance.now() - started).toFixed(0)} ms`,
  )
  return true
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  await ensureBuilt({ force: process.argv[2] === '--force' })
}
