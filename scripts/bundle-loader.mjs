// dist/main.js (copied there by scripts/build.mjs): loads the server bundle, dist/server.cjs, with a V8 code cache,
// and starts the server when run as the main script (`node dist/main.js`, the production command).
//
// Node 20 has no compile cache of its own for modules, so a start would compile the bundle's functions again every
// time. This file compiles the bundle as a script with the cached data V8 wrote at an earlier exit
// (dist/server.cjs.cache): functions that ran then are not compiled again. V8 checks the cache against the source
// and its own version and flags; a rejected or missing cache is written anew when this process exits, unless another
// process wrote one meanwhile (the build writes the first one by running a short warm-up of the server). Writing is
// best effort: a read-only dist/ only loses the speed-up.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Script } from 'node:vm'

const BUNDLE = fileURLToPath(new URL('./server.cjs', import.meta.url))
const CACHE = `${BUNDLE}.cache`

let loaded
/** What became of the code cache: 'used', 'rejected' (V8 refused it: another source, version or flags) or 'none'. */
let cacheState = 'none'

/** How the bundle was compiled in this process: 'used', 'rejected' or 'none' (no cache file, or not loaded yet). */
export function codeCacheState() {
  return cacheState
}

/** The bundle's exports (`startServer`, `writeKnowledgeSnapshot`); compiled and run once per process. */
export function loadBundle() {
  if (loaded) return loaded
  const source = readFileSync(BUNDLE, 'utf8')
  let cachedData
  try {
    cachedData = readFileSync(CACHE)
  } catch {
    cachedData = undefined
  }
  const script = new Script(Module.wrap(source), {
    filename: BUNDLE,
    cachedData,
  })
  cacheState = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used'
  if (cacheState !== 'used') {
    const seen = modified()
    // Unless another process (the build's warm-up, a concurrent start) wrote a cache meanwhile.
    process.once('exit', () => modified() === seen && writeCache(script))
  }
  const module = { exports: {} }
  script.runInThisContext()(
    module.exports,
    createRequire(BUNDLE),
    module,
    BUNDLE,
    fileURLToPath(new URL('.', import.meta.url)),
  )
  loaded = module.exports
  return loaded
}

/** When the cache file was last written; undefined when there is none. */
function modified() {
  try {
    return statSync(CACHE).mtimeMs
  } catch {
    return undefined
  }
}

/** Writes what V8 compiled so far, aside and renamed, so a concurrent start reads an old cache or a new one. */
function writeCache(script) {
  try {
    const temporary = `${CACHE}.${process.pid}.tmp`
    writeFileSync(temporary, script.createCachedData())
    renameSync(temporary, CACHE)
  } catch {
    // A read-only or full disk: the next start compiles without the cache.
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  loadBundle()
    .startServer()
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    })
}
