import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import type { WechatyChannel } from './channels/wechaty/index.js'
import { configuredChannels, loadConfig } from './config.js'
import { createLogger } from './observability/logger.js'
import { createRuntime } from './runtime/create-runtime.js'
import { startFeishu, startWechat, type StartedFeishu } from './runtime/start-channels.js'
import { createApp, type ChannelStatus } from './server/app.js'

/** Composition root: builds the product from configuration, mounts every configured channel, starts HTTP. */
async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger({ level: config.LOG_LEVEL })
  const runtime = await createRuntime(config, logger)
  const channels = configuredChannels(config)
  const wechat: WechatyChannel | null = channels.wechat ? await startWechat(runtime, config, logger).catch(explainMissingWechaty) : null
  const feishu: StartedFeishu | null = channels.feishu ? await startFeishu(runtime, config, logger) : null
  const webhooks: Hono[] = feishu?.routes ? [feishu.routes] : []
  const channelStatus = (): ChannelStatus => ({
    feishu: { status: channels.feishu ? config.FEISHU_CONNECTION : 'disabled' },
    wechat: wechat ? wechat.loginState() : { status: 'disabled' },
  })
  const app = createApp({
    channelStatus,
    webhooks,
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
    statistics: async () => ({ sessions: await runtime.sessions.count(), store: runtime.storeKind, queueDepth: runtime.queue.depth() }),
  })
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info({ port: info.port, store: runtime.storeKind, feishu: channels.feishu ? config.FEISHU_CONNECTION : 'off', wechat: channels.wechat, llm: channels.llm }, 'server-listening')
    console.log(`政策顾问已启动：http://localhost:${info.port} （网页控制台；API 在 /api/v1）`)
  })
  const shutdown = () => {
    logger.info('shutting-down')
    server.close(() => {
      feishu?.stop()
      Promise.resolve(wechat?.stop())
        .then(() => runtime.close())
        .finally(() => process.exit(0))
    })
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

/** wechaty is an optional dependency: say how to install it instead of a bare module-not-found. */
function explainMissingWechaty(error: unknown): never {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ERR_MODULE_NOT_FOUND' && /wechaty/.test(String((error as Error).message)))
    throw new Error('WECHATY_PUPPET is set but wechaty is not installed (it is an optional dependency): run `npm install` without --omit=optional, or build the image with --build-arg INSTALL_WECHAT=1')
  throw error
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
