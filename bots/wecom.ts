/**
 * Runs the WeCom self-built app on its own: the callback server (GET|POST /webhooks/wecom) over the same dialogue
 * manager, stores and inbound queue as `npm start`.
 *
 *   WECOM_CORP_ID=ww… WECOM_AGENT_ID=1000002 WECOM_SECRET=… WECOM_TOKEN=… WECOM_ENCODING_AES_KEY=… node --import tsx bots/wecom.ts
 */
import { runBot } from '../src/runtime/run-bot.js'

await runBot('wecom')
