/**
 * Runs the Feishu bot on its own: the webhook server (POST /webhooks/feishu) or, with FEISHU_CONNECTION=ws, the
 * long connection, over the same dialogue manager, stores and inbound queue as `npm start`.
 *
 *   FEISHU_APP_ID=cli_… FEISHU_APP_SECRET=… FEISHU_VERIFICATION_TOKEN=… FEISHU_ENCRYPT_KEY=… node --import tsx bots/feishu.ts
 *   FEISHU_CONNECTION=ws FEISHU_APP_ID=cli_… FEISHU_APP_SECRET=… node --import tsx bots/feishu.ts
 */
import { runBot } from '../src/runtime/run-bot.js'

await runBot('feishu')
