import { startServer } from './start-server.js'

/** Runs the server from the sources (`node --import tsx src/main.ts`); the build bundles src/server-bundle.ts instead. */
startServer().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
