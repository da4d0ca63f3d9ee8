/**
 * Runs the WeChat group bot on its own (without the HTTP server):
 *
 *   WECHATY_PUPPET=wechaty-puppet-service WECHATY_PUPPET_SERVICE_TOKEN=… npx tsx bots/wechat.ts
 *   WECHATY_PUPPET=wechaty-puppet-wechat4u npx tsx bots/wechat.ts        # web protocol: high ban risk, see README
 *
 * 1. Read the environment (src/config.ts) and the bot config (WECHAT_BOT_CONFIG, default bots/wechat.config.json).
 * 2. Build Wechaty with the configured puppet; the login session is kept in DATA_DIR.
 * 3. Start the channel: the login QR code is logged (scan it with the bot's WeChat account).
 * 4. Stop cleanly on SIGINT/SIGTERM, letting replies under way finish.
 */
import { mkdir } from 'node:fs/promises'
import { loadWechatBotConfig } from '../src/channels/wechaty/index.js'
import { loadConfig } from '../src/config.js'
import { createLogger } from '../src/observability/logger.js'
import { createRuntime } from '../src/runtime/create-runtime.js'
import { startWechat } from '../src/runtime/start-channels.js'

const config = loadConfig()
const logger = createLogger({ level: config.LOG_LEVEL })

if (!config.WECHATY_PUPPET) {
  logger.error({}, 'WECHATY_PUPPET is not set (e.g. wechaty-puppet-service); the WeChat bot cannot start')
  process.exit(1)
}

const botConfig = await loadWechatBotConfig(config.WECHAT_BOT_CONFIG)
await mkdir(config.DATA_DIR, { recursive: true })

// The same dialogue manager and stores as `npm start` (SQLite under DATA_DIR, or Redis when REDIS_URL is set).
const runtime = await createRuntime(config, logger)

const channel = await startWechat(runtime, config, logger)

let stopping = false
async function shutdown(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'Stopping the WeChat bot')
  try {
    await channel.stop()
    await runtime.close()
  } finally {
    process.exit(0)
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

logger.info({ groups: botConfig.groups.allow, puppet: config.WECHATY_PUPPET }, 'WeChat bot started; waiting for login')
