import { serve } from '@hono/node-server'
import type { Server } from 'node:http'
import { findChannel } from '../channels/registry.js'
import { loadConfig } from '../config.js'
import { createLogger } from '../observability/logger.js'
import { createApp } from '../server/app.js'
import { createRuntime } from './create-runtime.js'
import { installGracefulShutdown } from './graceful-shutdown.js'
import { startChannels } from './start-channels.js'

/**
 * Runs one channel of the registry on its own (bots/<name>.ts): the same runtime, stores, inbound queue and
 * shutdown as `npm start`; an HTTP server only when the channel has webhook routes.
 */
export async function runBot(name: string): Promise<void> {
  const config = loadConfig()
  const logger = createLogger({ level: config.LOG_LEVEL })
  const definition = findChannel(name)
  if (!definition) throw new Error(`no channel named ${name} in src/channels/registry.ts`)
  if (!definition.enabled(config)) {
    logger.error({ channel: name }, `the ${name} channel is not configured (see README: 配置)`)
    process.exit(1)
  }
  const runtime = await createRuntime(config, logger)
  const channels = await startChannels(runtime, config, logger, { only: [name] })
  let server: Server | undefined
  if (channels.routes.length > 0) {
    const app = createApp({
      webhooks: channels.routes,
      console: false,
      apiKeys: config.API_KEYS,
      ready: () => runtime.ready(),
    })
    server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) =>
      logger.info({ port: info.port, channel: name }, 'bot webhook listening'),
    ) as Server
  } else {
    logger.info({ channel: name, status: channels.status()[name] }, 'bot started')
  }
  installGracefulShutdown({
    server,
    channels,
    graceMs: config.SHUTDOWN_GRACE_MS,
    logger,
    close: () => runtime.close(),
    followParent: config.npm_lifecycle_event !== undefined,
  })
}
