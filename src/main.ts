import { serve } from '@hono/node-server'
import { configuredChannels, loadConfig } from './config.js'
import { createLogger } from './observability/logger.js'
import { createRuntime } from './runtime/create-runtime.js'
import { join } from 'node:path'
import type { Hono } from 'hono'
import type { WechatyChannel } from './channels/wechaty/index.js'
import { createApp, type ChannelStatus } from './server/app.js'

/** Composition root: builds the product from configuration, mounts every configured channel, starts HTTP. */
async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger({ level: config.LOG_LEVEL })
  const runtime = await createRuntime(config, logger)
  const channels = configuredChannels(config)
  let wechat: WechatyChannel | null = null
  // Channel SDKs are loaded only when their channel is configured (they are large).
  if (channels.wechat && config.WECHATY_PUPPET) {
    const { buildWechaty, createWechatyChannel, loadWechatBotConfig } = await import('./channels/wechaty/index.js')
    wechat = createWechatyChannel({
      wechaty: buildWechaty({ puppet: config.WECHATY_PUPPET, token: config.WECHATY_PUPPET_SERVICE_TOKEN, sessionName: join(config.DATA_DIR, 'wechat-bot') }),
      config: await loadWechatBotConfig(config.WECHAT_BOT_CONFIG),
      advisor: runtime.manager,
      dedupe: runtime.dedupe,
      rateLimiter: runtime.rateLimiter,
      logger: logger.child({ channel: 'wechat' }),
    })
    await wechat.start()
  }
  const webhooks: Hono[] = []
  let feishuLongConnection: { stop(): void } | null = null
  if (channels.feishu && config.FEISHU_APP_ID && config.FEISHU_APP_SECRET) {
    const { createFeishuChannel, createFeishuSender, startFeishuLongConnection } = await import('./channels/feishu/index.js')
    const feishu = createFeishuChannel({
      sender: createFeishuSender({ appId: config.FEISHU_APP_ID, appSecret: config.FEISHU_APP_SECRET, domain: config.FEISHU_DOMAIN }),
      advisor: runtime.manager,
      dedupe: runtime.dedupe,
      rateLimiter: runtime.rateLimiter,
      verificationToken: config.FEISHU_VERIFICATION_TOKEN,
      encryptKey: config.FEISHU_ENCRYPT_KEY,
      logger: logger.child({ channel: 'feishu' }),
      onDuplicate: () => runtime.metrics.dedupeHits.inc({ channel: 'feishu' }),
    })
    await feishu.start().catch((error) => logger.warn({ err: String(error) }, 'feishu bot info unavailable; will answer p2p only'))
    if (config.FEISHU_CONNECTION === 'ws') {
      feishuLongConnection = startFeishuLongConnection({
        appId: config.FEISHU_APP_ID,
        appSecret: config.FEISHU_APP_SECRET,
        domain: config.FEISHU_DOMAIN,
        accept: feishu.accept,
        onError: (error) => logger.error({ err: String(error) }, 'feishu-long-connection-failed'),
      })
    } else {
      if (!config.FEISHU_VERIFICATION_TOKEN && !config.FEISHU_ENCRYPT_KEY) logger.warn({}, 'FEISHU_VERIFICATION_TOKEN and FEISHU_ENCRYPT_KEY are unset: webhook events cannot be authenticated')
      webhooks.push(feishu.routes)
    }
  }
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
    rateLimiter: runtime.rateLimiter,
    metrics: runtime.metrics,
    logger,
    ready: () => runtime.sessions.ping(),
    adminToken: config.ADMIN_TOKEN,
    reloadKnowledge: () => runtime.index.reload(),
    statistics: async () => ({ sessions: await runtime.sessions.count(), store: runtime.storeKind, queueDepth: runtime.queue.depth() }),
  })
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info({ port: info.port, store: runtime.storeKind, feishu: channels.feishu, wechat: channels.wechat, llm: channels.llm }, 'server-listening')
    console.log(`政策顾问已启动：http://localhost:${info.port} （网页控制台；API 在 /api/v1）`)
  })
  const shutdown = () => {
    logger.info('shutting-down')
    server.close(() => {
      feishuLongConnection?.stop()
      Promise.resolve(wechat?.stop())
        .then(() => runtime.close())
        .finally(() => process.exit(0))
    })
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
