import type { Redis } from 'ioredis'
import type { ClaimOptions, EnqueueOptions, InboundEntry, InboundQueue } from './inbound-queue.js'
import { DEFAULT_REDIS_PREFIX } from './redis-session-store.js'
import { toStoreError } from './to-store-error.js'

/** KEYS: mark, entry, leases. ARGV: id, channel, body, dedupe ttl ms, lease until, now. */
const ENQUEUE_SCRIPT = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
if not redis.call('SET', KEYS[1], '1', 'PX', ARGV[4], 'NX') then return 0 end
redis.call('HSET', KEYS[2], 'channel', ARGV[2], 'body', ARGV[3], 'enqueued', ARGV[6])
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[1])
return 1`

/**
 * KEYS: leases. ARGV: now, new lease until, limit, ignore leases (1/0), entry key prefix, channel.
 * Returns id, channel, body triples, oldest lease first.
 */
const CLAIM_SCRIPT = `
local ids
if ARGV[4] == '1' then ids = redis.call('ZRANGE', KEYS[1], 0, -1)
else ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1]) end
local out = {}
local limit = tonumber(ARGV[3])
for _, id in ipairs(ids) do
  if #out >= limit * 3 then break end
  local entry = redis.call('HMGET', ARGV[5] .. id, 'channel', 'body')
  if not entry[1] then redis.call('ZREM', KEYS[1], id)
  elseif entry[1] == ARGV[6] then
    redis.call('ZADD', KEYS[1], ARGV[2], id)
    table.insert(out, id); table.insert(out, entry[1]); table.insert(out, entry[2])
  end
end
return out`

/** KEYS: leases. ARGV: entry key prefix, ids… A released lease "expired" when the entry was enqueued: claims keep arrival order. */
const RELEASE_SCRIPT = `
for index = 2, #ARGV do
  local enqueued = redis.call('HGET', ARGV[1] .. ARGV[index], 'enqueued')
  if enqueued then redis.call('ZADD', KEYS[1], 'XX', enqueued, ARGV[index]) end
end
return 1`

/** KEYS: entry. ARGV: body. */
const UPDATE_SCRIPT = `if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'body', ARGV[1]) end return 1`

/**
 * The inbound queue shared by every replica: an entry hash per message, a sorted set of leases, and a dedupe mark
 * with its own expiry. Enqueue and claim are Lua scripts, so two replicas never both record or both claim an entry.
 */
export class RedisInboundQueue implements InboundQueue {
  readonly #redis: Redis
  readonly #prefix: string
  readonly #now: () => number

  constructor(client: Redis, options: { prefix?: string; now?: () => number } = {}) {
    this.#redis = client
    this.#prefix = `${options.prefix ?? DEFAULT_REDIS_PREFIX}inbound:`
    this.#now = options.now ?? Date.now
  }

  get #leases() {
    return `${this.#prefix}leases`
  }

  #entry(id: string) {
    return `${this.#prefix}entry:${id}`
  }

  #mark(id: string) {
    return `${this.#prefix}mark:${id}`
  }

  async enqueue(entry: InboundEntry, options: EnqueueOptions): Promise<boolean> {
    const now = this.#now()
    return (
      (await this.#run('Redis inbound enqueue', () =>
        this.#redis.eval(
          ENQUEUE_SCRIPT,
          3,
          this.#mark(entry.id),
          this.#entry(entry.id),
          this.#leases,
          entry.id,
          entry.channel,
          entry.body,
          String(Math.ceil(options.dedupeTtlMs)),
          String(now + options.leaseMs),
          String(now),
        ),
      )) === 1
    )
  }

  async update(id: string, body: string): Promise<void> {
    await this.#run('Redis inbound update', () => this.#redis.eval(UPDATE_SCRIPT, 1, this.#entry(id), body))
  }

  async complete(id: string): Promise<void> {
    await this.#run('Redis inbound complete', () =>
      this.#redis.multi().del(this.#entry(id)).zrem(this.#leases, id).exec(),
    )
  }

  async abandon(id: string): Promise<void> {
    await this.#run('Redis inbound abandon', () =>
      this.#redis.multi().del(this.#entry(id), this.#mark(id)).zrem(this.#leases, id).exec(),
    )
  }

  async claim(options: ClaimOptions): Promise<InboundEntry[]> {
    const now = this.#now()
    const flat = (await this.#run('Redis inbound claim', () =>
      this.#redis.eval(
        CLAIM_SCRIPT,
        1,
        this.#leases,
        String(now),
        String(now + options.leaseMs),
        String(options.limit ?? 100),
        options.ignoreLeases ? '1' : '0',
        `${this.#prefix}entry:`,
        options.channel,
      ),
    )) as string[]
    const claimed: InboundEntry[] = []
    for (let index = 0; index + 2 < flat.length; index += 3)
      claimed.push({ id: flat[index]!, channel: flat[index + 1]!, body: flat[index + 2]! })
    return claimed
  }

  async release(ids: string[]): Promise<void> {
    if (ids.length === 0) return
    await this.#run('Redis inbound release', () =>
      this.#redis.eval(RELEASE_SCRIPT, 1, this.#leases, `${this.#prefix}entry:`, ...ids),
    )
  }

  async renew(ids: string[], leaseMs: number): Promise<void> {
    if (ids.length === 0) return
    const until = this.#now() + leaseMs
    const pipeline = this.#redis.multi()
    for (const id of ids) pipeline.zadd(this.#leases, 'XX', until, id)
    await this.#run('Redis inbound renew', () => pipeline.exec())
  }

  async depth(): Promise<number> {
    return this.#run('Redis inbound depth', () => this.#redis.zcard(this.#leases))
  }

  async #run<T>(context: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation()
    } catch (error) {
      throw toStoreError(error, context)
    }
  }
}
