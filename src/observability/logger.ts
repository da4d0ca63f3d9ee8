import { pino, type Logger } from 'pino'

export type { Logger }

/**
 * Paths that must never reach a log line: secrets, and the enterprise's figures (facts) and message texts,
 * which are only logged at debug level by the code that owns them.
 */
const REDACT_PATHS = [
  'appSecret', '*.appSecret', 'apiKey', '*.apiKey', 'encryptKey', '*.encryptKey', 'verificationToken', '*.verificationToken',
  'token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization',
  'facts', '*.facts', 'profile', '*.profile',
]

/** Structured JSON logs (pino) with secrets and enterprise figures redacted. */
export function createLogger(options: { level: string; destination?: NodeJS.WritableStream }): Logger {
  return pino(
    { level: options.level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'policy-advisor' } },
    options.destination as pino.DestinationStream | undefined,
  )
}
