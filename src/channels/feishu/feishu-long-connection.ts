import * as lark from '@larksuiteoapi/node-sdk'
import type { AcceptResult } from '../inbound-pipeline.js'
import type { FeishuLogger } from './feishu-channel.js'
import { createFeishuSdkLogger } from './feishu-sdk-logger.js'

/**
 * Long connection (FEISHU_CONNECTION=ws) for parks without a public address: the SDK's WSClient receives
 * im.message.receive_v1 and hands it to the same accept() as the webhook (dedupe, queue, reply path). The handler
 * returns at once, so the SDK acks within Feishu's 3 s even when the answer is slow.
 */
export function startFeishuLongConnection(options: {
  appId: string
  appSecret: string
  domain: string
  accept: (payload: unknown) => Promise<AcceptResult>
  onError?: (error: unknown) => void
  logger?: FeishuLogger
}): { stop(): void } {
  const dispatcher = new lark.EventDispatcher({
    logger: createFeishuSdkLogger(options.logger),
    loggerLevel: lark.LoggerLevel.warn,
  }).register({
    'im.message.receive_v1': async (data: Record<string, unknown>) => {
      // The SDK flattens the schema 2.0 envelope; rebuild it so both transports share one parser.
      const { event_id, event_type, create_time, token, app_id, tenant_key, sender, message } = data as Record<
        string,
        unknown
      >
      const result = await options.accept({
        schema: '2.0',
        header: { event_id, event_type: event_type ?? 'im.message.receive_v1', create_time, token, app_id, tenant_key },
        event: { sender, message },
      })
      // Not recorded (store down, bot id unknown): fail the frame so Feishu delivers the event again.
      if (result === 'retry-later' || result === 'unavailable') throw new Error(`event not accepted now (${result})`)
    },
  })
  const client = new lark.WSClient({
    appId: options.appId,
    appSecret: options.appSecret,
    domain: options.domain,
    loggerLevel: lark.LoggerLevel.warn,
    logger: createFeishuSdkLogger(options.logger),
  })
  client.start({ eventDispatcher: dispatcher }).catch((error: unknown) => options.onError?.(error))
  return { stop: () => client.close() }
}
