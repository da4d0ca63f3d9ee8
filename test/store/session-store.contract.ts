import { describe, expect, it } from 'vitest'
import type { SessionKey, SessionRecord, SessionStore } from '../../src/store/session-store.js'

export interface StoreHarness {
  store: SessionStore
  clock: { now: number }
  /** Looks into the backing storage directly: is anything left for this key? */
  rawExists?: (key: SessionKey) => Promise<boolean>
  close(): Promise<void>
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

function record(now: number, facts: Record<string, unknown> = { revenue: 3200 }): SessionRecord {
  return { dialogue: { mode: 'assessing', pending: ['rdExpense'] }, dialogueUpdatedAt: now, profile: { facts, note: '研发投入240万 🚀' }, profileUpdatedAt: now }
}

/**
 * One contract for every SessionStore (memory, SQLite, Redis), in the style of hono's router case suite:
 * each implementation's test file calls this with its own factory.
 */
export function runSessionStoreContract(name: string, createHarness: (options: { dialogueTtlMs: number; profileTtlMs: number }) => Promise<StoreHarness | null>) {
  describe(`SessionStore contract: ${name}`, () => {
    const withStore = (test: (harness: StoreHarness) => Promise<void>) => async () => {
      const harness = await createHarness({ dialogueTtlMs: 2 * HOUR, profileTtlMs: 30 * DAY })
      if (!harness) return
      try {
        await test(harness)
      } finally {
        await harness.close()
      }
    }
    const key: SessionKey = { channel: 'feishu', chatId: 'oc_群:1', userId: 'ou_张三' }

    it('round-trips a record with Chinese text and emoji', withStore(async ({ store, clock }) => {
      await store.put(key, record(clock.now))
      expect(await store.get(key)).toEqual(record(clock.now))
    }))

    it('overwrites a record', withStore(async ({ store, clock }) => {
      await store.put(key, record(clock.now))
      await store.put(key, record(clock.now, { revenue: 4000 }))
      expect((await store.get(key))?.profile).toEqual({ facts: { revenue: 4000 }, note: '研发投入240万 🚀' })
    }))

    it('deletes everything kept for a user (删除我的数据)', withStore(async ({ store, clock, rawExists }) => {
      await store.put(key, record(clock.now))
      await store.delete(key)
      expect(await store.get(key)).toBeNull()
      if (rawExists) expect(await rawExists(key)).toBe(false)
    }))

    it('expires an idle dialogue after 2 h but keeps the profile', withStore(async ({ store, clock }) => {
      await store.put(key, record(clock.now))
      clock.now += 2 * HOUR + 1
      const later = await store.get(key)
      expect(later?.dialogue).toBeNull()
      expect(later?.profile).toEqual({ facts: { revenue: 3200 }, note: '研发投入240万 🚀' })
    }))

    it('drops the profile after its retention', withStore(async ({ store, clock }) => {
      await store.put(key, record(clock.now))
      clock.now += 30 * DAY + 1
      expect((await store.get(key))?.profile ?? null).toBeNull()
    }))

    it('keeps keys with separators and unicode apart', withStore(async ({ store, clock }) => {
      const a: SessionKey = { channel: 'wechat', chatId: 'a:b', userId: 'c' }
      const b: SessionKey = { channel: 'wechat', chatId: 'a', userId: 'b:c' }
      await store.put(a, record(clock.now, { revenue: 1 }))
      await store.put(b, record(clock.now, { revenue: 2 }))
      expect(((await store.get(a))?.profile as { facts: unknown }).facts).toEqual({ revenue: 1 })
      expect(((await store.get(b))?.profile as { facts: unknown }).facts).toEqual({ revenue: 2 })
    }))

    it('handles concurrent writes to different users', withStore(async ({ store, clock }) => {
      const keys = Array.from({ length: 40 }, (_, index): SessionKey => ({ channel: 'web', chatId: 'hotline', userId: `caller-${index}` }))
      await Promise.all(keys.map((user, index) => store.put(user, record(clock.now, { employees: index }))))
      for (const [index, user] of keys.entries()) expect(((await store.get(user))?.profile as { facts: unknown }).facts).toEqual({ employees: index })
      expect(await store.count()).toBeGreaterThanOrEqual(40)
    }))

    it('answers ping', withStore(async ({ store }) => {
      expect(await store.ping()).toBe(true)
    }))
  })
}
