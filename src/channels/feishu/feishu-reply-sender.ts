import * as lark from '@larksuiteoapi/node-sdk'
import type { FeishuLogger } from './feishu-channel.js'
import { createTimedHttpInstance } from './feishu-http-instance.js'
import { createFeishuSdkLogger } from './feishu-sdk-logger.js'
import type { FeishuOutgoing } from './render-feishu-reply.js'

export interface FeishuSender {
  /** The bot's open_id (GET /open-apis/bot/v3/info), to recognise @mentions of the bot; one attempt. */
  botOpenId(): Promise<string | null>
  /** Replies to a message once; `uuid` makes a retried send idempotent (Feishu drops repeats within an hour). */
  reply(messageId: string, outgoing: FeishuOutgoing, uuid: string): Promise<void>
}

/** A failed Open API call; `retriable: false` when sending again cannot help (bad request, no permission). */
export class FeishuSendError extends Error {
  override name = 'FeishuSendError'
  constructor(
    message: string,
    readonly retriable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message)
  }
}

/** Feishu's "too many requests" body code. */
const RATE_LIMIT_CODES = new Set([99991400])
/** Default budget of one Open API request. */
export const FEISHU_REQUEST_TIMEOUT_MS = 10_000

function classify(error: unknown): FeishuSendError {
  if (error instanceof FeishuSendError) return error
  const response = (
    error as {
      response?: { status?: number; headers?: Record<string, string>; data?: { code?: number; msg?: string } }
    }
  ).response
  const status = response?.status
  if (status === 429 || (status !== undefined && status >= 500)) {
    const reset = Number(response?.headers?.['x-ogw-ratelimit-reset'] ?? response?.headers?.['retry-after'])
    return new FeishuSendError(
      `Feishu answered HTTP ${status}`,
      true,
      Number.isFinite(reset) && reset > 0 ? reset * 1000 : undefined,
    )
  }
  if (status !== undefined)
    return new FeishuSendError(`Feishu answered HTTP ${status}: ${response?.data?.msg ?? ''}`, false)
  // Never the raw axios error: it carries the request headers (the tenant token).
  const message = error instanceof Error ? error.message : String(error)
  return new FeishuSendError(`Feishu unreachable: ${message}`, true)
}

/**
 * The only code that talks to the Lark SDK client. Every request has a timeout; retries belong to the inbound
 * pipeline (one policy for every channel), so each call here is one attempt. The SDK logs through a redacting logger.
 */
export function createFeishuSender(options: {
  appId: string
  appSecret: string
  domain: string
  timeoutMs?: number
  logger?: FeishuLogger
}): FeishuSender {
  const client = new lark.Client({
    appId: options.appId,
    appSecret: options.appSecret,
    domain: options.domain,
    loggerLevel: lark.LoggerLevel.error,
    logger: createFeishuSdkLogger(options.logger),
    httpInstance: createTimedHttpInstance(options.timeoutMs ?? FEISHU_REQUEST_TIMEOUT_MS),
  })
  return {
    async botOpenId() {
      let response: { code?: number; msg?: string; bot?: { open_id?: string } }
      try {
        response = await client.request({ method: 'GET', url: '/open-apis/bot/v3/info' })
      } catch (error) {
        throw classify(error)
      }
      if (response?.code !== 0)
        throw new FeishuSendError(
          `Feishu bot info refused: ${response?.code ?? 'no code'} ${response?.msg ?? ''}`,
          true,
        )
      return response.bot?.open_id ?? null
    },
    async reply(messageId, outgoing, uuid) {
      let response: { code?: number; msg?: string } | undefined
      try {
        response = await client.im.message.reply({
          path: { message_id: messageId },
          data: { content: outgoing.content, msg_type: outgoing.msgType, uuid },
        })
      } catch (error) {
        throw classify(error)
      }
      if (response?.code !== undefined && response.code !== 0) {
        throw new FeishuSendError(
          `Feishu refused the reply: ${response.code} ${response.msg ?? ''}`,
          RATE_LIMIT_CODES.has(response.code),
        )
      }
    },
  }
}
