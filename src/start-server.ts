import { serve } from '@hono/node-server'
import type { Server } from 'node:http'
import { loadConfig } from './config.js'
import { createLogger } from './observability/logger.js'
import { createRuntime } from './runtime/create-runtime.js'
import { installGracefulShutdown } from './runtime/graceful-shutdown.js'
import { startChannels } from './runtime/start-channels.js'
import { createApp } from './server/app.js'

/**
 * Composition root: builds the product from configuration, starts every configured channel of the registry,
 * starts HTTP. In production run the compiled file, `node dist/main.js` after `npm run build` (no npm or tsx wrapper
 * in between), so SIGTERM reaches this process and the shutdown below runs. `src/main.ts` runs it from the sources,
 * `src/server-bundle.ts` is what the build bundles.
 */
export async function startServer(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger({ level: config.LOG_LEVEL })
  const runtime = await createRuntime(config, logger)
  const channels = await startChannels(runtime, config, logger).catch(explainMissingWechaty)
  const app = createApp({
    channelStatus: () => channels.status(),
    webhooks: channels.routes,
    index: runtime.index,
    rules: runtime.rules,
    chat: runtime.manager,
    profiles: runtime.manager,
    rateLimiter: runtime.rateLimiter,
    metrics: runtime.metrics,
    logger,
    ready: () => runtime.ready(),
    adminToken: config.ADMIN_TOKEN,
    apiKeys: config.API_KEYS,
    reloadKnowledge: () => runtime.reloadKnowledge(),
    statistics: async () => ({
      sessions: await runtime.sessions.count(),
      store: runtime.storeKind,
      queueDepth: runtime.queue.depth(),
      inboundQueued: await runtime.inbound.depth(),
    }),
  })
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info(
      {
        port: info.port,
        store: runtime.storeKind,
        channels: channels.channels.map((channel) => channel.name),
        llm: Boolean(config.OPENAI_API_KEY),
      },
      'server-listening',
    )
    console.log(`政策顾问已启动：http://localhost:${info.port} （网页控制台；API 在 /api/v1）`)
  }) as Server

  installGracefulShutdown({
    server,
    channels,
    graceMs: config.SHUTDOWN_GRACE_MS,
    logger,
    close: () => runtime.close(),
    followParent: config.npm_lifecycle_event !== undefined,
  })
}

/** wechaty is an optional dependency: say how to install it instead of a bare module-not-found. */
function explainMissingWechaty(error: unknown): never {
  const code = (error as { code?: unknown } | null)?.code
  if (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    /wechaty/.test(String((error as Error).message))
  )
    throw new Error(
      'WECHATY_PUPPET is set but wechaty is not installed (it is an optional dependency): run `npm install` without --omit=optional, or build the image with --build-arg INSTALL_WECHAT=1',
    )
  throw error
}
