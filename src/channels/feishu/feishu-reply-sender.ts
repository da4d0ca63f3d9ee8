import * as lark from '@larksuiteoapi/node-sdk'
import type { FeishuOutgoing } from './render-feishu-reply.js'

export interface FeishuSender {
  /** The bot's open_id (GET /open-apis/bot/v3/info), to recognise @mentions of the bot. */
  botOpenId(): Promise<string | null>
  /** Replies to a message; `uuid` makes a retried send idempotent (Feishu drops repeats within an hour). */
  reply(messageId: string, outgoing: FeishuOutgoing, uuid: string): Promise<void>
}

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

export interface RetryOptions {
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
}

const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8000 }
/** Feishu's "too many requests" body code. */
const RATE_LIMIT_CODES = new Set([99991400])

function classify(error: unknown): FeishuSendError {
  if (error instanceof FeishuSendError) return error
  const response = (error as { response?: { status?: number; headers?: Record<string, string>; data?: { code?: number; msg?: string } } }).response
  const status = response?.status
  if (status === 429 || (status !== undefined && status >= 500)) {
    const reset = Number(response?.headers?.['x-ogw-ratelimit-reset'] ?? response?.headers?.['retry-after'])
    return new FeishuSendError(`Feishu answered HTTP ${status}`, true, Number.isFinite(reset) && reset > 0 ? reset * 1000 : undefined)
  }
  if (status !== undefined) return new FeishuSendError(`Feishu answered HTTP ${status}: ${response?.data?.msg ?? ''}`, false)
  return new FeishuSendError(`Feishu unreachable: ${error instanceof Error ? error.message : String(error)}`, true)
}

/** Retries retriable failures with exponential backoff (or Feishu's own reset hint). */
export async function withRetry<T>(task: () => Promise<T>, options: RetryOptions, sleep: (ms: number) => Promise<void>): Promise<T> {
  let attempt = 0
  for (;;) {
    try {
      return await task()
    } catch (error) {
      const failure = classify(error)
      attempt += 1
      if (!failure.retriable || attempt >= options.attempts) throw failure
      await sleep(Math.min(options.maxDelayMs, failure.retryAfterMs ?? options.baseDelayMs * 2 ** (attempt - 1)))
    }
  }
}

/** The only code that talks to the Lark SDK client. */
export function createFeishuSender(options: {
  appId: string
  appSecret: string
  domain: string
  retry?: Partial<RetryOptions>
  sleep?: (ms: number) => Promise<void>
}): FeishuSender {
  const client = new lark.Client({ appId: options.appId, appSecret: options.appSecret, domain: options.domain, loggerLevel: lark.LoggerLevel.error })
  const retry = { ...DEFAULT_RETRY, ...options.retry }
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  return {
    async botOpenId() {
      const response = (await withRetry(() => client.request({ method: 'GET', url: '/open-apis/bot/v3/info' }), retry, sleep)) as { code?: number; bot?: { open_id?: string } }
      return response?.code === 0 ? (response.bot?.open_id ?? null) : null
    },
    async reply(messageId, outgoing, uuid) {
      await withRetry(
        async () => {
          const response = await client.im.message.reply({ path: { message_id: messageId }, data: { content: outgoing.content, msg_type: outgoing.msgType, uuid } })
          if (response?.code !== undefined && response.code !== 0) {
            throw new FeishuSendError(`Feishu refused the reply: ${response.code} ${response.msg ?? ''}`, RATE_LIMIT_CODES.has(response.code))
          }
        },
        retry,
        sleep,
      )
    },
  }
}
