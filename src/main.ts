import { serve } from '@hono/node-server'
import { loadConfig } from './config.js'
import { createApp } from './server/app.js'

/** Composition root: builds the product from configuration and starts the HTTP server. */
async function main(): Promise<void> {
  const config = loadConfig()
  const app = createApp({})
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`policy advisor listening on http://localhost:${info.port}`)
  })
  const shutdown = () => server.close(() => process.exit(0))
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
