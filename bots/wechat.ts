/**
 * Runs the WeChat group bot on its own (without the web console), over the same runtime as `npm start`:
 *
 *   WECHATY_PUPPET=wechaty-puppet-service WECHATY_PUPPET_SERVICE_TOKEN=… node --import tsx bots/wechat.ts
 *   WECHATY_PUPPET=wechaty-puppet-wechat4u node --import tsx bots/wechat.ts        # web protocol: high ban risk, see README
 *
 * The bot config is WECHAT_BOT_CONFIG (default bots/wechat.config.json); the login session is kept in DATA_DIR and
 * the login QR code is logged. SIGINT/SIGTERM stop it cleanly, replies under way finish within SHUTDOWN_GRACE_MS.
 */
import { runBot } from '../src/runtime/run-bot.js'

await runBot('wechat')
