import type { Server } from 'node:http'
import type { Logger } from '../observability/logger.js'
import type { StartedChannels } from './start-channels.js'

/**
 * On SIGTERM or SIGINT: stop accepting (the HTTP server closes, channels stop taking messages), drain replies
 * under way for up to `graceMs`, leave the rest in the durable inbound queue for the next start, close the stores,
 * exit 0. A shutdown that overruns the grace period by 5 s exits 1.
 */
export function installGracefulShutdown(options: {
  server?: Server
  channels: StartedChannels
  graceMs: number
  logger: Logger
  close(): Promise<void>
  /**
   * Also shut down when the parent process goes away (checked every second). For `npm start`: npm does not pass
   * SIGTERM on to node, so `kill -TERM <npm pid>` would otherwise leave an orphaned server running.
   */
  followParent?: boolean
}): void {
  const { server, channels, graceMs, logger } = options
  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal, graceMs }, 'shutting-down')
    setTimeout(() => {
      logger.error({ graceMs }, 'shutdown took too long; exiting')
      process.exit(1)
    }, graceMs + 5000).unref()
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve()
    server?.closeIdleConnections()
    await channels.stop(graceMs)
    server?.closeAllConnections()
    await closed
    await options.close().catch((error) => logger.error({ err: String(error) }, 'store-close-failed'))
    logger.info({ signal }, 'shut-down')
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  if (options.followParent) {
    const parent = process.ppid
    setInterval(() => {
      if (process.ppid !== parent) void shutdown('parent-exited')
    }, 1000).unref()
  }
}
