import type { Channel, ChannelDefinition } from '../channel.js'

/** WeCom 智能机器人 (API mode, callback `GET|POST /webhooks/wecom-bot`): @ the bot in an internal group. */
export const wecomBotDefinition: ChannelDefinition = {
  name: 'wecom-bot',
  enabled: (config) => Boolean(config.WECOM_BOT_TOKEN && config.WECOM_BOT_ENCODING_AES_KEY),
  async create(context): Promise<Channel> {
    const { config } = context
    const { createWecomBotChannel } = await import('./index.js')
    const bot = createWecomBotChannel({
      token: config.WECOM_BOT_TOKEN!,
      encodingAesKey: config.WECOM_BOT_ENCODING_AES_KEY!,
      apiBase: config.WECOM_API_BASE,
      advisor: context.advisor,
      inbound: context.inbound,
      singleWriter: context.singleWriter,
      rateLimiter: context.rateLimiter,
      logger: context.logger.child?.({ channel: 'wecom-bot' }) ?? context.logger,
      timeoutMs: config.SEND_TIMEOUT_MS,
      onDuplicate: context.onDuplicate,
      pipeline: context.pipeline,
    })
    return {
      name: 'wecom-bot',
      routes: bot.routes,
      start: () => bot.start(),
      stop: (graceMs) => bot.stop(graceMs),
      status: () => bot.status(),
      idle: () => bot.idle(),
    }
  },
}
