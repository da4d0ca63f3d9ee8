import type { ChannelDefinition } from './channel.js'
import { feishuDefinition } from './feishu/feishu-definition.js'
import { webDefinition } from './web/web-definition.js'
import { wechatDefinition } from './wechaty/wechat-definition.js'
import { wecomBotDefinition } from './wecom/wecom-bot-definition.js'
import { wecomDefinition } from './wecom/wecom-definition.js'

/**
 * Every channel the product knows, read by `npm start` (src/runtime/start-channels.ts), `/api/v1/channels/status`
 * and bots/. A new channel is one folder under src/channels/ exporting a ChannelDefinition, plus one line here.
 * Definitions import their SDK lazily, so this list costs nothing for channels that are not configured.
 */
export const CHANNELS: readonly ChannelDefinition[] = [
  feishuDefinition,
  wechatDefinition,
  wecomDefinition,
  wecomBotDefinition,
  webDefinition,
]

export function findChannel(name: string): ChannelDefinition | undefined {
  return CHANNELS.find((definition) => definition.name === name)
}
