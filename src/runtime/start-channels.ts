import type { Hono } from 'hono'
import type { Channel, ChannelState } from '../channels/channel.js'
import { CHANNELS } from '../channels/registry.js'
import type { Config } from '../config.js'
import type { Logger } from '../observability/logger.js'
import type { Runtime } from './create-runtime.js'

/** The channels of this process, started from the registry. */
export interface StartedChannels {
  channels: Channel[]
  /** Webhook routes to mount on the HTTP app. */
  routes: Hono[]
  /** Every registered channel: its live state, or `disabled` when not configured. */
  status(): Record<string, ChannelState>
  /** Stops every channel at once, each draining its replies for up to `graceMs`. */
  stop(graceMs: number): Promise<void>
}

/**
 * Creates and starts every configured channel of the registry (or only those named in `only`) on the runtime's
 * advisor and stores. A channel's start sends what the previous run left in the inbound queue.
 */
export async function startChannels(
  runtime: Runtime,
  config: Config,
  logger: Logger,
  options: { only?: string[] } = {},
): Promise<StartedChannels> {
  const definitions = CHANNELS.filter((definition) => (options.only ? options.only.includes(definition.name) : true))
  const channels: Channel[] = []
  for (const definition of definitions) {
    if (!definition.enabled(config)) continue
    const channel = await definition.create({
      config,
      advisor: runtime.manager,
      inbound: runtime.inbound,
      singleWriter: runtime.singleWriter,
      rateLimiter: runtime.rateLimiter,
      logger,
      pipeline: {
        sendTimeoutMs: config.SEND_TIMEOUT_MS,
        sendAttempts: config.SEND_ATTEMPTS,
        retryBaseDelayMs: config.SEND_RETRY_BASE_MS,
        onEvent: (event) => {
          if (
            event.type === 'sent' ||
            event.type === 'send-failed' ||
            event.type === 'abandoned' ||
            event.type === 'recovered'
          )
            runtime.metrics.inboundEvents.inc({ channel: event.channel, event: event.type })
        },
      },
      onDuplicate: () => runtime.metrics.dedupeHits.inc({ channel: definition.name }),
    })
    await channel.start()
    channels.push(channel)
  }
  return {
    channels,
    routes: channels.flatMap((channel) => (channel.routes ? [channel.routes] : [])),
    status: () =>
      Object.fromEntries(
        CHANNELS.map((definition) => [
          definition.name,
          channels.find((channel) => channel.name === definition.name)?.status() ?? { status: 'disabled' },
        ]),
      ),
    stop: async (graceMs) => {
      await Promise.all(
        channels.map((channel) =>
          channel
            .stop(graceMs)
            .catch((error) => logger.error({ err: String(error), channel: channel.name }, 'channel-stop-failed')),
        ),
      )
    },
  }
}
