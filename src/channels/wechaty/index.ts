/** The WeChat (wechaty) channel. Only this folder imports wechaty. */
export { buildWechaty, type BuildWechatyOptions } from './build-wechaty.js'
export {
  convertWechatyMessage,
  isGroupAllowed,
  WECHAT_CHANNEL,
  type ConvertResult,
  type IgnoreReason,
  type WechatyMessageFacts,
} from './convert-wechaty-message.js'
export {
  loadWechatBotConfig,
  parseWechatBotConfig,
  WechatBotConfigError,
  WechatBotConfigSchema,
  type WechatBotConfig,
  type WechatBotConfigInput,
} from './wechat-bot-config.js'
export {
  createWechatyChannel,
  DEDUPE_TTL_MS,
  type ChannelLogger,
  type WechatLoginState,
  type WechatyChannel,
  type WechatyChannelOptions,
} from './wechaty-channel.js'
