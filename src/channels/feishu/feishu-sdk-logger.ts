import type { FeishuLogger } from './feishu-channel.js'

/** Anything that looks like a credential in a log line. */
const SECRETS = [
  /Bearer\s+[\w.~+/=-]+/giu,
  /\b[tu]-[\w-]{8,}/gu,
  /("(?:tenant_access_token|app_access_token|access_token|app_secret|authorization)"\s*:\s*)"[^"]*"/giu,
]
const DROPPED_KEYS =
  /^(headers|authorization|config|request|_header|socket|agent|tenant_access_token|app_secret|app_access_token)$/iu

/** Removes credentials from a text. */
export function redactSecrets(text: string): string {
  return SECRETS.reduce(
    (result, pattern) =>
      result.replace(pattern, (match, key?: string) =>
        typeof key === 'string' && match.startsWith(key)
          ? `${key}"***"`
          : match.startsWith('Bearer')
            ? 'Bearer ***'
            : '***',
      ),
    text,
  )
}

/** One SDK log argument as a short, credential-free string. */
export function describeSdkArgument(argument: unknown): string {
  if (Array.isArray(argument)) return argument.map(describeSdkArgument).join(' ')
  if (
    argument instanceof Error ||
    (typeof argument === 'object' &&
      argument !== null &&
      'message' in argument &&
      !('code' in argument && 'msg' in argument))
  ) {
    const error = argument as {
      message?: unknown
      response?: { status?: unknown; data?: { code?: unknown; msg?: unknown } }
    }
    const status =
      error.response?.status !== undefined
        ? ` (HTTP ${String(error.response.status)}${error.response.data?.code !== undefined ? `, code ${String(error.response.data.code)}` : ''})`
        : ''
    return redactSecrets(`${String(error.message)}${status}`)
  }
  if (typeof argument === 'string') return redactSecrets(argument)
  try {
    const text = JSON.stringify(argument, (key, value: unknown) => (DROPPED_KEYS.test(key) ? undefined : value))
    return redactSecrets((text ?? String(argument)).slice(0, 500))
  } catch {
    return '[unserialisable]'
  }
}

/**
 * The logger handed to the Lark SDK (Client and WSClient). Its default logger prints whole axios errors, request
 * headers included, so `Authorization: Bearer <tenant_access_token>` would reach stdout; this one writes short,
 * redacted lines to our logger instead.
 */
export function createFeishuSdkLogger(logger?: FeishuLogger) {
  const write = (level: 'warn' | 'error' | 'info', parts: unknown[]) =>
    logger?.[level]({ sdk: describeSdkArgument(parts) }, 'feishu-sdk')
  return {
    error: (...parts: unknown[]) => write('error', parts),
    warn: (...parts: unknown[]) => write('warn', parts),
    info: (...parts: unknown[]) => write('info', parts),
    debug: () => undefined,
    trace: () => undefined,
  }
}
