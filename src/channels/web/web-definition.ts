import type { ChannelDefinition } from '../channel.js'

/**
 * The web console and REST (`POST /api/v1/chat`, mounted by src/server/app.ts). The reply is the HTTP response
 * itself, so there is nothing to acknowledge early and nothing to queue: it needs no inbound pipeline.
 */
export const webDefinition: ChannelDefinition = {
  name: 'web',
  enabled: () => true,
  async create() {
    return {
      name: 'web',
      start: async () => {},
      stop: async () => {},
      status: () => ({ status: 'enabled' }),
      idle: async () => {},
    }
  },
}
