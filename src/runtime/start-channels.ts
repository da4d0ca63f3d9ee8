import { join } from 'node:path'
import type { Hono } from 'hono'
import type { WechatyChannel } from '../channels/wechaty/index.js'
import type { Config } from '../config.js'
import type { Logger } from '../observability/logger.js'
import type { Runtime } from './create-runtime.js'

export interface StartedFeishu {
  /** The webhook routes (webhook mode), to mount on the HTTP app. */
  routes: Hono | null
  botOpenId: string | null
  stop(): void
}

/** Builds the Feishu channel on the runtime: webhook routes, or the long connection when FEISHU_CONNECTION=ws. */
export async function startFeishu(runtime: Runtime, config: Config, logger: Logger): Promise<StartedFeishu> {
  if (!config.FEISHU_APP_ID || !config.FEISHU_APP_SECRET) throw new Error('FEISHU_APP_ID and FEISHU_APP_SECRET must be set')
  // The SDK is loaded only when Feishu is configured (it is large).
  const { createFeishuChannel, createFeishuSender, startFeishuLongConnection } = await import('../channels/feishu/index.js')
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
  await feishu.start().catch((error) => logger.warn({ err: String(error) }, 'feishu bot info unavailable; group @mentions cannot be recognised'))
  if (config.FEISHU_CONNECTION === 'ws') {
    const connection = startFeishuLongConnection({
      appId: config.FEISHU_APP_ID,
      appSecret: config.FEISHU_APP_SECRET,
      domain: config.FEISHU_DOMAIN,
      accept: feishu.accept,
      onError: (error) => logger.error({ err: String(error) }, 'feishu-long-connection-failed'),
    })
    return { routes: null, botOpenId: feishu.botOpenId, stop: () => connection.stop() }
  }
  if (!config.FEISHU_VERIFICATION_TOKEN && !config.FEISHU_ENCRYPT_KEY) logger.warn({}, 'FEISHU_VERIFICATION_TOKEN and FEISHU_ENCRYPT_KEY are unset: webhook events cannot be authenticated')
  return { routes: feishu.routes, botOpenId: feishu.botOpenId, stop: () => undefined }
}

/** Builds and starts the WeChat (wechaty) channel on the runtime. */
export async function startWechat(runtime: Runtime, config: Config, logger: Logger): Promise<WechatyChannel> {
  if (!config.WECHATY_PUPPET) throw new Error('WECHATY_PUPPET must be set')
  const { buildWechaty, createWechatyChannel, loadWechatBotConfig } = await import('../channels/wechaty/index.js')
  const channel = createWechatyChannel({
    wechaty: buildWechaty({ puppet: config.WECHATY_PUPPET, token: config.WECHATY_PUPPET_SERVICE_TOKEN, sessionName: join(config.DATA_DIR, 'wechat-bot') }),
    config: await loadWechatBotConfig(config.WECHAT_BOT_CONFIG),
    advisor: runtime.manager,
    dedupe: runtime.dedupe,
    rateLimiter: runtime.rateLimiter,
    logger: logger.child({ channel: 'wechat' }),
    onDuplicate: () => runtime.metrics.dedupeHits.inc({ channel: 'wechat' }),
  })
  await channel.start()
  return channel
}
