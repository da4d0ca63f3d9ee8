// Bundles the server (src/main.ts) into dist/ for `npm start` and the image; skipped when its inputs are unchanged.
// Plain JavaScript on purpose: it runs before anything is compiled. Type checking stays with `npm run typecheck`.
//
// One ESM file (dist/main.js) plus a chunk per dynamic import (channel SDK adapters, Redis, the LLM client): Node
// then reads and links a handful of files at start instead of one per module. Pure-JS packages on the start path
// are bundled in; every other package stays external and is loaded from node_modules when the code imports it
// (native modules, SDKs behind dynamic imports, optional dependencies).
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
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

function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/**
 * The files that shape dist/: the sources (tests aside), this script, and the package.json of esbuild and of each
 * bundled package (their versions).
 */
function inputFiles() {
  const sources = walk(SOURCE)
    .filter((path) => !/\.test\.ts$/u.test(path))
    .sort()
  const packages = ['esbuild', ...BUNDLED_PACKAGES].map((name) => join(ROOT, 'node_modules', name, 'package.json'))
  return { sources, all: [fileURLToPath(import.meta.url), ...packages, ...sources] }
}

/** Digest of the inputs' paths and contents. */
function digestOf(files) {
  const hash = createHash('sha256')
  for (const path of files) hash.update(`\n${relative(ROOT, path)}\n`).update(readFileSync(path))
  return hash.digest('hex')
}

/** Size and modification time of each input: when none changed, dist/ is fresh without reading the files. */
function statsOf(files) {
  return files.map((path) => {
    const stats = statSync(path)
    return `${relative(ROOT, path)} ${stats.size} ${stats.mtimeMs}`
  })
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'))
  } catch {
    return undefined
  }
}

/**
 * Whether dist/ was built from the current inputs. The cheap check first (the inputs' sizes and modification
 * times as the last build or check saw them); when one differs, the contents decide (a touched but unchanged file
 * does not rebuild, and the stamp then records its new time).
 */
function freshness(files) {
  const stamp = readStamp()
  const stats = statsOf(files)
  if (stamp && stats.length === stamp.stats?.length && stats.every((line, at) => line === stamp.stats[at]))
    return { fresh: true, digest: stamp.digest, stats }
  const digest = digestOf(files)
  if (stamp?.digest !== digest) return { fresh: false, digest, stats }
  writeFileSync(STAMP, JSON.stringify({ digest, stats }))
  return { fresh: true, digest, stats }
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
  const { sources, all } = inputFiles()
  const { fresh, digest, stats } = freshness(all)
  if (fresh && !force) return false
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
  for (const path of sources.filter((path) => !path.endsWith('.ts'))) {
    const target = join(OUTPUT, relative(SOURCE, path))
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(path, target)
  }
  writeFileSync(STAMP, JSON.stringify({ digest, stats }))
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
