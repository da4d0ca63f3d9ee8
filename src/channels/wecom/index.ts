/** The WeCom channel (self-built app). Only this folder imports @wecom/crypto and fast-xml-parser. */
export { convertWecomMessage, STALE_AFTER_MS } from './convert-wecom-message.js'
export { parseWecomXml } from './parse-wecom-xml.js'
export { renderWecomMarkdown, renderWecomReply, MAX_MARKDOWN_BYTES, MAX_TEXT_BYTES } from './render-wecom-reply.js'
export { createWecomApi, WecomApiError, type WecomApi, type WecomOutgoing } from './wecom-api.js'
export { createWecomChannel, type WecomChannel, type WecomChannelOptions } from './wecom-channel.js'
export { DEDUPE_TTL_MS, REPLAY_WINDOW_MS } from './wecom-callback-verification.js'
export {
  decryptWecom,
  encryptWecom,
  verifyWecomSignature,
  WecomCryptoError,
  type WecomCryptoKeys,
} from './wecom-crypto.js'
export { createWecomBotChannel, renderWecomBotReply, type WecomBotChannel } from './wecom-bot-channel.js'
export { convertWecomBotMessage } from './convert-wecom-bot-message.js'
