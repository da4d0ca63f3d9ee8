import type { Config } from '../../config.js'
import type { Channel, ChannelDefinition } from '../channel.js'

/** Every variable the self-built app needs (README: 企业微信). */
const REQUIRED = ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY'] as const

/** WeCom self-built app: the callback `GET|POST /webhooks/wecom`, answers through message/send. */
export const wecomDefinition: ChannelDefinition = {
  name: 'wecom',
  enabled: (config: Config) => REQUIRED.every((name) => config[name] !== undefined),
  async create(context): Promise<Channel> {
    const { config } = context
    const { createWecomApi, createWecomChannel } = await import('./index.js')
    const logger = context.logger.child?.({ channel: 'wecom' }) ?? context.logger
    const wecom = createWecomChannel({
      api: createWecomApi({
        apiBase: config.WECOM_API_BASE,
        corpId: config.WECOM_CORP_ID!,
        secret: config.WECOM_SECRET!,
        agentId: config.WECOM_AGENT_ID!,
        timeoutMs: config.SEND_TIMEOUT_MS,
      }),
      keys: {
        token: config.WECOM_TOKEN!,
        encodingAesKey: config.WECOM_ENCODING_AES_KEY!,
        receiveId: config.WECOM_CORP_ID!,
      },
      agentId: config.WECOM_AGENT_ID!,
      advisor: context.advisor,
      inbound: context.inbound,
      singleWriter: context.singleWriter,
      rateLimiter: context.rateLimiter,
      logger,
      markdown: config.WECOM_REPLY_FORMAT === 'markdown',
      onDuplicate: context.onDuplicate,
      pipeline: context.pipeline,
    })
    return {
      name: 'wecom',
      routes: wecom.routes,
      start: () => wecom.start(),
      stop: (graceMs) => wecom.stop(graceMs),
      status: () => wecom.status(),
      idle: () => wecom.idle(),
    }
  },
}
