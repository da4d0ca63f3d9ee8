import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SqliteDedupeStore } from './sqlite-dedupe-store.js'

const directories: string[] = []
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true })
})
function freshDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'advisor-dedupe-'))
  directories.push(directory)
  return directory
}

describe('SqliteDedupeStore', () => {
  it('claims an id once per TTL, and again after it expires', async () => {
    let now = 1_000
    const store = new SqliteDedupeStore({ dataDir: freshDir(), now: () => now })
    expect(await store.claim('evt-1', 1000)).toBe(true)
    expect(await store.claim('evt-1', 1000)).toBe(false)
    expect(await store.claim('evt-2', 1000)).toBe(true)
    now += 999
    expect(await store.claim('evt-1', 1000)).toBe(false)
    now += 2
    expect(await store.claim('evt-1', 1000)).toBe(true)
    await store.close()
  })

  it('remembers claims across a restart and across two connections', async () => {
    const dataDir = freshDir()
    const first = new SqliteDedupeStore({ dataDir })
    expect(await first.claim('feishu:event:1', 60_000)).toBe(true)
    await first.close()
    const [a, b] = [new SqliteDedupeStore({ dataDir }), new SqliteDedupeStore({ dataDir })]
    expect(await a.claim('feishu:event:1', 60_000)).toBe(false)
    const claims = await Promise.all(
      Array.from({ length: 50 }, (_, index) => (index % 2 ? a : b).claim('feishu:event:2', 60_000)),
    )
    expect(claims.filter(Boolean)).toHaveLength(1)
    await a.close()
    await b.close()
  })

  it('purges expired ids', async () => {
    let now = 0
    const store = new SqliteDedupeStore({ dataDir: freshDir(), now: () => now })
    await store.claim('a', 10)
    await store.claim('b', 100)
    now = 50
    expect(store.purgeExpired()).toBe(1)
    expect(await store.claim('b', 100)).toBe(false)
    await store.close()
  })

  it('rejects a TTL that is not positive', async () => {
    const store = new SqliteDedupeStore({ dataDir: freshDir() })
    await expect(store.claim('a', 0)).rejects.toThrow(RangeError)
    await store.close()
  })
})
