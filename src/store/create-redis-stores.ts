import type { Redis } from 'ioredis'
import type { CreateStoresOptions, Stores } from './create-stores.js'
import { connectRedisClient, createRedisClient } from './redis-client.js'
import { RedisDedupeStore } from './redis-dedupe-store.js'
import { RedisInboundQueue } from './redis-inbound-queue.js'
import { RedisLock } from './redis-lock.js'
import { RedisRateLimiter } from './redis-rate-limiter.js'
import { DEFAULT_REDIS_PREFIX, RedisSessionStore } from './redis-session-store.js'
import { readiness, READINESS_PROBE_ID } from './store-readiness.js'
import { trackInboundWrites, trackWrites, WriteHealth } from './write-health.js'

/** Redis mode of {@link createStores}, in a module of its own so the embedded store never loads ioredis. */
export async function createRedisStores(options: CreateStoresOptions & { redisUrl: string }): Promise<Stores> {
  const prefix = options.redisPrefix ?? DEFAULT_REDIS_PREFIX
  const client: Redis = createRedisClient({ url: options.redisUrl, onWarning: options.onWarning })
  await connectRedisClient(client, options.redisUrl, options.redisConnectTimeoutMs)
  const lock = new RedisLock(client, { prefix, onWarning: options.onWarning })
  const health = new WriteHealth()
  const tracked = trackWrites(
    {
      sessions: new RedisSessionStore({
        client,
        prefix,
        dialogueTtlMs: options.dialogueTtlMs,
        profileTtlMs: options.profileTtlMs,
        onWarning: options.onWarning,
      }),
      dedupe: new RedisDedupeStore(client, { prefix }),
      rateLimiter: new RedisRateLimiter(client, { prefix }),
    },
    health,
  )
  return {
    ...tracked,
    inbound: trackInboundWrites(new RedisInboundQueue(client, { prefix }), health),
    singleWriter: false,
    kind: 'redis',
    ready: readiness(tracked.sessions, health, () =>
      client.set(`${prefix}${READINESS_PROBE_ID}`, String(Date.now()), 'PX', 60_000),
    ),
    lock: (key, task) => lock.withLock(key, task),
    close: async () => {
      client.disconnect()
    },
  }
}
