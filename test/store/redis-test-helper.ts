import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'

/** The real Redis the tests use. */
export const TEST_REDIS_URL = 'redis://127.0.0.1:6379'

/** True when the test Redis answers PING within half a second; otherwise says why its tests are skipped. */
export async function probeRedis(): Promise<boolean> {
  const probe = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  probe.on('error', () => undefined)
  try {
    await probe.connect()
    return (await probe.ping()) === 'PONG'
  } catch {
    console.warn(`Redis at ${TEST_REDIS_URL} is not reachable: the Redis store tests are skipped`)
    return false
  } finally {
    probe.disconnect()
  }
}

/** A key prefix no other test run uses. */
export function uniquePrefix(label: string): string {
  return `advisor-test:${label}:${process.pid}:${randomUUID().slice(0, 8)}:`
}

/** A plain client for looking at raw keys and cleaning up. */
export function rawRedis(): Redis {
  return new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 })
}

/** Deletes every key under `prefix`. */
export async function deleteKeys(client: Redis, prefix: string): Promise<void> {
  let cursor = '0'
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
    cursor = next
    if (keys.length > 0) await client.del(...keys)
  } while (cursor !== '0')
}
