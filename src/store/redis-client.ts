import { Redis } from 'ioredis'
import { StoreError } from './store-error.js'
import type { StoreWarningListener } from './store-warning.js'

/** How the shared Redis connection behaves. */
export interface RedisClientOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` (TLS). */
  url: string
  /** Gives up connecting after this long (default 2000 ms). */
  connectTimeoutMs?: number
  /** Fails a command Redis does not answer within this long (default 2000 ms), so a turn never hangs. */
  commandTimeoutMs?: number
  onWarning?: StoreWarningListener
}

/** The URL with any password replaced, safe for logs and error messages. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(unparseable URL)'
  }
}

/**
 * Creates (without connecting) an ioredis client tuned for a request path: no offline queue (commands fail at
 * once while Redis is away instead of piling up), a command timeout, and reconnection with capped backoff.
 * Throws a StoreError for a URL that is not `redis://` or `rediss://`.
 */
export function createRedisClient(options: RedisClientOptions): Redis {
  let parsed: URL | undefined
  try {
    parsed = new URL(options.url)
  } catch {
    parsed = undefined
  }
  if (!parsed || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || !parsed.hostname)
    throw new StoreError(
      'STORE_UNAVAILABLE',
      `REDIS_URL ${redactRedisUrl(options.url)} is not valid: expected redis://host:6379 or rediss://host:6380`,
    )
  const client = new Redis(options.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs ?? 2000,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    // No retries until the first successful connection: a failed start must fail (and can be retried by
    // calling connect() again); once up, the client reconnects by itself with capped backoff.
    retryStrategy: (attempt) => (everReady ? Math.min(attempt * 200, 2000) : null),
  })
  let everReady = false
  // Report each distinct connection problem once (ioredis repeats it on every reconnect attempt).
  let lastError = ''
  client.on('error', (error: Error) => {
    if (error.message === lastError) return
    lastError = error.message
    options.onWarning?.({ type: 'redis-error', message: `Redis ${redactRedisUrl(options.url)}: ${error.message}` })
  })
  client.on('ready', () => {
    everReady = true
    lastError = ''
  })
  return client
}

/**
 * Connects a client made by `createRedisClient` and checks it answers PING, failing within
 * `timeoutMs` (default 5000) with a StoreError that names the (redacted) URL. On failure the client is stopped.
 */
export async function connectRedisClient(client: Redis, url: string, timeoutMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  let onReady: (() => void) | undefined
  let connectionError: Error | undefined
  const onError = (error: Error) => {
    connectionError = error
  }
  client.on('error', onError)
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    if (client.status === 'wait' || client.status === 'end' || client.status === 'close')
      await Promise.race([client.connect(), deadline])
    else if (client.status !== 'ready')
      await Promise.race([new Promise<void>((resolve) => client.once('ready', (onReady = resolve))), deadline])
    const reply = await Promise.race([client.ping(), deadline])
    if (reply !== 'PONG') throw new Error(`unexpected PING reply ${String(reply)}`)
  } catch (error) {
    client.disconnect()
    // "Connection is closed." says little; the socket error (ECONNREFUSED, ENOTFOUND, auth) says why.
    const reason = connectionError?.message ?? (error instanceof Error ? error.message : String(error))
    throw new StoreError('STORE_UNAVAILABLE', `cannot reach Redis at ${redactRedisUrl(url)}: ${reason}`, {
      cause: connectionError ?? error,
    })
  } finally {
    clearTimeout(timer)
    if (onReady) client.off('ready', onReady)
    client.off('error', onError)
  }
}
