/**
 * Runs the Feishu bot on its own: the webhook server (POST /webhooks/feishu) or, with FEISHU_CONNECTION=ws, the
 * long connection, over the same dialogue manager and stores as `npm start`.
 *
 *   FEISHU_APP_ID=cli_… FEISHU_APP_SECRET=… FEISHU_VERIFICATION_TOKEN=… FEISHU_ENCRYPT_KEY=… npx tsx bots/feishu.ts
 *   FEISHU_CONNECTION=ws FEISHU_APP_ID=cli_… FEISHU_APP_SECRET=… npx tsx bots/feishu.ts
 */
import { serve } from '@hono/node-server'
import { createFeishuChannel, createFeishuSender, startFeishuLongConnection } from '../src/channels/feishu/index.js'
import { loadConfig } from '../src/config.js'
import { createLogger } from '../src/observability/logger.js'
import { createRuntime } from '../src/runtime/create-runtime.js'
import { createApp } from '../src/server/app.js'

const config = loadConfig()
const logger = createLogger({ level: config.LOG_LEVEL })
if (!config.FEISHU_APP_ID || !config.FEISHU_APP_SECRET) {
  logger.error({}, 'FEISHU_APP_ID and FEISHU_APP_SECRET must be set to run the Feishu bot')
  process.exit(1)
}
const runtime = await createRuntime(config, logger)
const feishu = createFeishuChannel({
  sender: createFeishuSender({ appId: config.FEISHU_APP_ID, appSecret: config.FEISHU_APP_SECRET, domain: config.FEISHU_DOMAIN }),
  advisor: runtime.manager,
  dedupe: runtime.dedupe,
  rateLimiter: runtime.rateLimiter,
  verificationToken: config.FEISHU_VERIFICATION_TOKEN,
  encryptKey: config.FEISHU_ENCRYPT_KEY,
  logger: logger.child({ channel: 'feishu' }),
})
await feishu.start()
if (config.FEISHU_CONNECTION === 'ws') {
  const connection = startFeishuLongConnection({ appId: config.FEISHU_APP_ID, appSecret: config.FEISHU_APP_SECRET, domain: config.FEISHU_DOMAIN, accept: feishu.accept, onError: (error) => logger.error({ err: String(error) }, 'feishu-long-connection-failed') })
  process.on('SIGTERM', () => {
    connection.stop()
    void runtime.close().finally(() => process.exit(0))
  })
  logger.info({ botOpenId: feishu.botOpenId }, 'Feishu long connection started')
} else {
  const app = createApp({ webhooks: [feishu.routes], console: false, ready: () => runtime.sessions.ping() })
  serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => logger.info({ port: info.port }, 'Feishu webhook listening on /webhooks/feishu'))
}
