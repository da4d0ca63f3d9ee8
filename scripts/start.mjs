// `npm start`: builds dist/ when it is missing or stale (scripts/build.mjs compares the digest of its inputs), then
// runs the built server in this same process. One node process instead of a `prestart` script plus a second node:
// npm's start-up is most of the cold start budget already. Production runs `node dist/main.js` directly.
import { ensureBuilt, loadBuiltBundle } from './build.mjs'

await ensureBuilt()
await (await loadBuiltBundle()).startServer().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
