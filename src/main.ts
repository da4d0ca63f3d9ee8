import { serve } from '@hono/node-server'
import { configuredChannels, loadConfig } from './config.js'
import { createLogger } from './observability/logger.js'
import { createRuntime } from './runtime/create-runtime.js'
import { createApp } from './server/app.js'

/** Composition root: builds the product from configuration, mounts every configured channel, starts HTTP. */
async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger({ level: config.LOG_LEVEL })
  const runtime = await createRuntime(config, logger)
  const channels = configuredChannels(config)
  const app = createApp({
    index: runtime.index,
    rules: runtime.rules,
    chat: runtime.manager,
    metrics: runtime.metrics,
    logger,
    ready: () => runtime.sessions.ping(),
    adminToken: config.ADMIN_TOKEN,
  })
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info({ port: info.port, store: runtime.storeKind, feishu: channels.feishu, wechat: channels.wechat, llm: channels.llm }, 'server-listening')
    console.log(`政策顾问已启动：http://localhost:${info.port} （网页控制台；API 在 /api/v1）`)
  })
  const shutdown = () => {
    logger.info('shutting-down')
    server.close(() => {
      runtime.close().finally(() => process.exit(0))
    })
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
