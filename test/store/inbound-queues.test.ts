import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { openSqliteDatabase } from '../../src/store/open-sqlite-database.js'
import { RedisInboundQueue } from '../../src/store/redis-inbound-queue.js'
import { SqliteInboundQueue } from '../../src/store/sqlite-inbound-queue.js'
import { runInboundQueueContract } from './inbound-queue.contract.js'
import { deleteKeys, probeRedis, rawRedis, uniquePrefix } from './redis-test-helper.js'

const hasRedis = await probeRedis()

runInboundQueueContract('memory', async () => {
  const clock = { now: 1_700_000_000_000 }
  const queue = new MemoryInboundQueue({ now: () => clock.now })
  // One process memory: "another process" is the same map.
  return { queue, clock, reopen: async () => queue, close: async () => {} }
})

runInboundQueueContract('sqlite', async () => {
  const clock = { now: 1_700_000_000_000 }
  const dataDir = mkdtempSync(join(tmpdir(), 'advisor-inbound-'))
  const databases: Database.Database[] = []
  const open = () => {
    const database = openSqliteDatabase({ dataDir })
    databases.push(database)
    return new SqliteInboundQueue({ database, now: () => clock.now })
  }
  return {
    queue: open(),
    clock,
    reopen: async () => open(),
    close: async () => {
      for (const database of databases) database.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
})

runInboundQueueContract('redis', async () => {
  if (!hasRedis) return null
  const clock = { now: Date.now() }
  const prefix = uniquePrefix('inbound')
  const clients = [rawRedis()]
  const open = () => {
    const client = rawRedis()
    clients.push(client)
    return new RedisInboundQueue(client, { prefix, now: () => clock.now })
  }
  return {
    queue: open(),
    clock,
    reopen: async () => open(),
    close: async () => {
      await deleteKeys(clients[0]!, prefix)
      for (const client of clients) client.disconnect()
    },
  }
})
