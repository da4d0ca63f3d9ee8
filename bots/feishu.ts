/**
 * Runs the Feishu bot on its own: the webhook server (POST /webhooks/feishu) or, with FEISHU_CONNECTION=ws, the
 * long connection, over the same dialogue manager and stores as `npm start`.
 *
 *   FEISHU_APP_ID=cli_… FEISHU_APP_SECRET=… FEISHU_VERIFICATION_TOKEN=… FEISHU_ENCRYPT_KEY=… npx tsx bots/feishu.ts
 *   FEISHU_CONNECTION=ws FEISHU_APP_ID=cli_… FEISHU_APP_SECRET=… npx tsx bots/feishu.ts
 */
import { serve } from '@hono/node-server'
import { loadConfig } from '../src/config.js'
import { createLogger } from '../src/observability/logger.js'
import { createRuntime } from '../src/runtime/create-runtime.js'
import { startFeishu } from '../src/runtime/start-channels.js'
import { createApp } from '../src/server/app.js'

const config = loadConfig()
const logger = createLogger({ level: config.LOG_LEVEL })
if (!config.FEISHU_APP_ID || !config.FEISHU_APP_SECRET) {
  logger.error({}, 'FEISHU_APP_ID and FEISHU_APP_SECRET must be set to run the Feishu bot')
  process.exit(1)
}
const runtime = await createRuntime(config, logger)
const feishu = await startFeishu(runtime, config, logger)
const stop = () => {
  feishu.stop()
  void runtime.close().finally(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
if (feishu.routes) {
  const app = createApp({ webhooks: [feishu.routes], console: false, apiKeys: config.API_KEYS, ready: () => runtime.ready() })
  serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => logger.info({ port: info.port }, 'Feishu webhook listening on /webhooks/feishu'))
} else {
  logger.info({ botOpenId: feishu.botOpenId }, 'Feishu long connection started')
}
