// Bundles the server (src/main.ts) into dist/ for `npm start` and the image; skipped when its inputs are unchanged.
// Plain JavaScript on purpose: it runs before anything is compiled. Type checking stays with `npm run typecheck`.
//
// One CommonJS file, dist/server.cjs (src/server-bundle.ts and all it imports, channel adapters included: a module
// behind a dynamic import is only run when imported), and its loader dist/main.js (scripts/bundle-loader.mjs), which
// compiles it with a V8 code cache: a start then neither resolves and links a module graph nor compiles again the
// functions an earlier run compiled. After bundling, a short warm-up run (a server on a loopback port answering a
// few chat turns) writes the first cache. Pure-JS packages on the start path are bundled in; every other package
// stays external and is required from node_modules when the code needs it (native modules, SDKs, optional
// dependencies).
import { createHash } from 'node:crypto'
import { spawn } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const SOURCE = join(ROOT, 'src')
const OUTPUT = join(ROOT, 'dist')
const STAMP = join(OUTPUT, '.build-stamp')
const LOADER = join(ROOT, 'scripts/bundle-loader.mjs')
/**
 * Packages bundled into dist/ with their dependencies: pure JavaScript, loaded at every start (pino without transports:
 * it writes JSON lines to stdout). Their versions, and the lockfile, are part of the stamp.
 */
const BUNDLED_PACKAGES = ['zod', 'hono', '@hono/node-server', 'pino']

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
 * The files that shape dist/: the sources (tests aside), this script and the loader, the lockfile, and the package.json of esbuild and of each
 * bundled package (their versions).
 */
function inputFiles() {
  const sources = walk(SOURCE)
    .filter((path) => !/\.test\.ts$/u.test(path))
    .sort()
  const packages = ['esbuild', ...BUNDLED_PACKAGES].map((name) => join(ROOT, 'node_modules', name, 'package.json'))
  // The lockfile (when there is one): the bundled packages' own dependencies are in the bundle too.
  const lockfile = [join(ROOT, 'package-lock.json')].filter((path) => existsSync(path))
  return { sources, all: [fileURLToPath(import.meta.url), LOADER, ...lockfile, ...packages, ...sources] }
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
      // A bundled package's dependencies are bundled with it: esbuild only reads a package it bundles.
      const fromBundled = args.importer.includes(`${sep}node_modules${sep}`)
      return fromBundled || BUNDLED_PACKAGES.includes(packageName(args.path))
        ? undefined
        : { path: args.path, external: true }
    })
  },
}

/**
 * Modules find their data files relative to themselves (`new URL('../../knowledge/…', import.meta.url)`). In the
 * bundle every module's `import.meta.url` is the bundle's; this gives each source module the URL its own file has
 * under dist/ (dist/knowledge/load-cards.js for src/knowledge/load-cards.ts), so those paths stay right. CommonJS has
 * no import.meta: the bundle's own file (`__filename`, dist/server.cjs) is the base.
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
        contents: text.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(own)}, require('node:url').pathToFileURL(__filename)).href`,
        ),
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
  const snapshot = (await loadBuiltBundle()).writeKnowledgeSnapshot()
  if (snapshot) console.log(`wrote the knowledge snapshot in ${(performance.now() - started).toFixed(0)} ms`)
  if (built) await warmUp()
  return { built, snapshot }
}

/** The bundle's exports, through its loader (the same compiled code the server then runs in this process). */
export async function loadBuiltBundle() {
  const { loadBundle } = await import(pathToFileURL(join(OUTPUT, 'main.js')).href)
  return loadBundle()
}

/** Chat turns of the warm-up: a policy question and an assessment's first turns. */
const WARM_UP_TURNS = ['算力券怎么申请？', '我们公司能评上专精特新吗', '营收三千二百万，研发投入二百四十万']

/**
 * Runs the new bundle once as the production command would (`node dist/main.js` on a loopback port the system
 * picks, no channel configured, a throwaway data directory), asks the warm-up turns and stops it: its exit writes
 * dist/server.cjs.cache with the functions a start and a first answer compile. A failure only costs the speed-up.
 */
async function warmUp() {
  const started = performance.now()
  const dataDir = mkdtempSync(join(tmpdir(), 'advisor-warm-up-'))
  const child = spawn(process.execPath, [join(OUTPUT, 'main.js')], {
    cwd: ROOT,
    // Not the caller's environment: no channel credentials, no Redis, no LLM; nothing leaves this machine. The
    // caller's NODE_OPTIONS stay: V8 refuses a cache written under other flags.
    env: {
      PATH: process.env.PATH ?? '',
      ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  let output = ''
  try {
    const port = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no listening line within 20 s')), 20_000)
      child.stdout.on('data', (chunk) => {
        output += String(chunk)
        const match = /http:\/\/localhost:(\d+)/u.exec(output)
        if (match) {
          clearTimeout(timer)
          resolve(Number(match[1]))
        }
      })
      child.stderr.on('data', (chunk) => (output += String(chunk)))
      child.once('exit', () => reject(new Error(`exited: ${output.trim()}`)))
    })
    for (const text of WARM_UP_TURNS) {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'build-warm-up', text }),
      })
      if (!response.ok) throw new Error(`chat answered ${response.status}`)
    }
  } catch (error) {
    console.warn(`warm-up for the code cache failed (the first start writes it instead): ${error.message}`)
  } finally {
    child.kill('SIGTERM')
    await exited
    rmSync(dataDir, { recursive: true, force: true })
  }
  return performance.now() - started
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
    // At the top of dist/ (see moduleUrls).
    entryPoints: [join(SOURCE, 'server-bundle.ts')],
    outfile: join(OUTPUT, 'server.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    metafile: true,
    plugins: [externalPackages, moduleUrls],
  })
  copyFileSync(LOADER, join(OUTPUT, 'main.js'))
  // A script has no dynamic import(): a package the bundle imported dynamically would fail only when first used.
  const dynamic = Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((entry) => entry.kind === 'dynamic-import' && entry.external)
  if (dynamic.length > 0)
    throw new Error(
      `the server bundle imports ${dynamic.map((entry) => entry.path).join(', ')} dynamically; require it instead (see src/batch/load-exceljs.ts)`,
    )
  // Files the code reads beside itself (the web console's page, script and styles).
  for (const path of sources.filter((path) => !path.endsWith('.ts'))) {
    const target = join(OUTPUT, relative(SOURCE, path))
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(path, target)
  }
  writeFileSync(STAMP, JSON.stringify({ digest, stats }))
  const modules = Object.keys(result.metafile.inputs).length
  console.log(`bundled ${modules} modules into dist/server.cjs in ${(performance.now() - started).toFixed(0)} ms`)
  return true
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  await ensureBuilt({ force: process.argv[2] === '--force' })
}
