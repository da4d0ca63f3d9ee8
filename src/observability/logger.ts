import { pino, type Logger } from 'pino'

export type { Logger }

/**
 * Paths that must never reach a log line at any level: secrets, and the enterprise's figures (facts), dialogue
 * state and message texts. Code logs ids, counts and error codes instead.
 */
const REDACT_PATHS = [
  'appSecret',
  '*.appSecret',
  'apiKey',
  '*.apiKey',
  'encryptKey',
  '*.encryptKey',
  'verificationToken',
  '*.verificationToken',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'Authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'req.headers.authorization',
  'tenant_access_token',
  '*.tenant_access_token',
  'app_access_token',
  '*.app_access_token',
  // An HTTP client error (axios, as the Feishu SDK throws it) carries the request: headers with the token, body with the text.
  'err.config.headers',
  'err.config.data',
  'err.request',
  'err.response.config',
  'err.response.request',
  'err.response.data',
  'error.config.headers',
  'error.config.data',
  'error.request',
  'error.response.config',
  'error.response.request',
  'error.response.data',
  // Enterprise figures, dialogue state and what people wrote.
  'facts',
  '*.facts',
  'profile',
  '*.profile',
  'dialogue',
  '*.dialogue',
  'state',
  '*.state',
  'text',
  '*.text',
  'reply',
  '*.reply',
  'content',
  '*.content',
  'body',
  '*.body',
]

/** Structured JSON logs (pino) with secrets and enterprise figures redacted. */
export function createLogger(options: { level: string; destination?: NodeJS.WritableStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'policy-advisor' },
    },
    options.destination as pino.DestinationStream | undefined,
  )
}
