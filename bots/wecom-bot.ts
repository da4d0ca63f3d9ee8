/**
 * Runs the WeCom 智能机器人 (API mode) on its own: the callback server (GET|POST /webhooks/wecom-bot).
 *
 *   WECOM_BOT_TOKEN=… WECOM_BOT_ENCODING_AES_KEY=… node --import tsx bots/wecom-bot.ts
 */
import { runBot } from '../src/runtime/run-bot.js'

await runBot('wecom-bot')
