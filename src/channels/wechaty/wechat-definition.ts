import { join } from 'node:path'
import type { Channel, ChannelDefinition } from '../channel.js'

/** WeChat groups and private chats through wechaty; loaded only when WECHATY_PUPPET is set. */
export const wechatDefinition: ChannelDefinition = {
  name: 'wechat',
  enabled: (config) => Boolean(config.WECHATY_PUPPET),
  async create(context): Promise<Channel> {
    const { config } = context
    const { buildWechaty, createWechatyChannel, loadWechatBotConfig } = await import('./index.js')
    return createWechatyChannel({
      wechaty: buildWechaty({
        puppet: config.WECHATY_PUPPET!,
        token: config.WECHATY_PUPPET_SERVICE_TOKEN,
        sessionName: join(config.DATA_DIR, 'wechat-bot'),
      }),
      config: await loadWechatBotConfig(config.WECHAT_BOT_CONFIG),
      advisor: context.advisor,
      inbound: context.inbound,
      singleWriter: context.singleWriter,
      rateLimiter: context.rateLimiter,
      logger: context.logger.child?.({ channel: 'wechat' }) ?? context.logger,
      onDuplicate: context.onDuplicate,
      pipeline: context.pipeline,
    })
  },
}
