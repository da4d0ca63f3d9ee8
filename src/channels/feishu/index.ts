/** The Feishu channel. Only this folder imports @larksuiteoapi/node-sdk. */
export { convertFeishuEvent, STALE_AFTER_MS, type ConvertResult } from './convert-feishu-event.js'
export {
  createFeishuChannel,
  DEDUPE_TTL_MS,
  replyUuid,
  type AcceptResult,
  type FeishuChannel,
  type FeishuChannelOptions,
} from './feishu-channel.js'
export { createFeishuSender, FeishuSendError, type FeishuSender } from './feishu-reply-sender.js'
export { startFeishuLongConnection } from './feishu-long-connection.js'
export { renderFeishuReply, renderFeishuCard } from './render-feishu-reply.js'
