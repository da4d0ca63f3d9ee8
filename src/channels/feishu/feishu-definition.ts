import type { Channel, ChannelDefinition } from '../channel.js'

/**
 * Feishu: the webhook (`POST /webhooks/feishu`) or, with FEISHU_CONNECTION=ws, the long connection. The SDK is
 * loaded only when FEISHU_APP_ID and FEISHU_APP_SECRET are set (it is large).
 */
export const feishuDefinition: ChannelDefinition = {
  name: 'feishu',
  enabled: (config) => Boolean(config.FEISHU_APP_ID && config.FEISHU_APP_SECRET),
  async create(context): Promise<Channel> {
    const { config } = context
    const { createFeishuChannel, createFeishuSender, startFeishuLongConnection } = await import('./index.js')
    const logger = context.logger.child?.({ channel: 'feishu' }) ?? context.logger
    const credentials = {
      appId: config.FEISHU_APP_ID!,
      appSecret: config.FEISHU_APP_SECRET!,
      domain: config.FEISHU_DOMAIN,
    }
    const { createFeishuFileApi } = await import('./feishu-file-api.js')
    const { createFeishuFileBatch } = await import('./feishu-file-batch.js')
    const { loadRules } = await import('../../scoring/load-rules.js')
    const rules = loadRules()
    const feishu = createFeishuChannel({
      sender: createFeishuSender({ ...credentials, timeoutMs: config.SEND_TIMEOUT_MS, logger }),
      advisor: context.advisor,
      inbound: context.inbound,
      singleWriter: context.singleWriter,
      rateLimiter: context.rateLimiter,
      verificationToken: config.FEISHU_VERIFICATION_TOKEN,
      encryptKey: config.FEISHU_ENCRYPT_KEY,
      logger,
      onDuplicate: context.onDuplicate,
      pipeline: context.pipeline,
      connection: config.FEISHU_CONNECTION,
      fileBatch: createFeishuFileBatch({ api: createFeishuFileApi(credentials), rules: () => rules }),
    })
    const ws = config.FEISHU_CONNECTION === 'ws'
    if (!ws && !config.FEISHU_VERIFICATION_TOKEN && !config.FEISHU_ENCRYPT_KEY)
      logger.warn(
        {},
        'FEISHU_VERIFICATION_TOKEN and FEISHU_ENCRYPT_KEY are unset: webhook events cannot be authenticated',
      )
    let connection: { stop(): void } | undefined
    return {
      name: 'feishu',
      routes: ws ? undefined : feishu.routes,
      async start() {
        await feishu.start()
        if (ws)
          connection = startFeishuLongConnection({
            ...credentials,
            accept: feishu.accept,
            logger,
            onError: (error) => logger.error({ err: String(error) }, 'feishu-long-connection-failed'),
          })
      },
      async stop(graceMs) {
        connection?.stop()
        await feishu.stop(graceMs)
      },
      status: () => feishu.status(),
      idle: () => feishu.idle(),
    }
  },
}
