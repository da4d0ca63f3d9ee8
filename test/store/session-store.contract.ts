import { describe, expect, it } from 'vitest'
import type { SessionKey, SessionRecord, SessionStore } from '../../src/store/session-store.js'

/** What an implementation's test file hands the contract suite. */
export interface StoreHarness {
  store: SessionStore
  /** The store's injected clock; tests move it forward. */
  clock: { now: number }
  /** Looks into the backing storage directly: is anything left for this key? */
  rawExists?: (key: SessionKey) => Promise<boolean>
  close(): Promise<void>
}

/** Builds a fresh, empty store; null skips the suite's tests (e.g. Redis absent). */
export type CreateHarness = (options: { dialogueTtlMs: number; profileTtlMs: number }) => Promise<StoreHarness | null>

const HOUR = 3_600_000
const DAY = 24 * HOUR
const DIALOGUE_TTL_MS = 2 * HOUR
const PROFILE_TTL_MS = 30 * DAY

function record(now: number, facts: Record<string, unknown> = { revenue: 3200 }): SessionRecord {
  return {
    dialogue: { mode: 'assessing', pending: ['rdExpense'], lastText: '营收3200万，研发投入240万 🚀' },
    dialogueUpdatedAt: now,
    profile: { facts, note: '北京·海淀 «专精特新» 👩‍💼 \u0000 "quoted" \\ back' },
    profileUpdatedAt: now,
  }
}

const factsOf = (found: SessionRecord | null) => (found?.profile as { facts?: unknown } | null | undefined)?.facts

/**
 * The behaviour every SessionStore (memory, SQLite, Redis) must share, in the style of hono's router
 * common.case suite: each implementation's test file calls this with its own factory.
 */
export function runSessionStoreContract(name: string, createHarness: CreateHarness): void {
  describe(`SessionStore contract: ${name}`, () => {
    const withStore =
      (test: (harness: StoreHarness) => Promise<void>) => async (context: { skip: (note?: string) => void }) => {
        const harness = await createHarness({ dialogueTtlMs: DIALOGUE_TTL_MS, profileTtlMs: PROFILE_TTL_MS })
        if (!harness) return context.skip(`${name} backend unavailable`)
        try {
          await test(harness)
        } finally {
          await harness.close()
        }
      }
    const key: SessionKey = { channel: 'feishu', chatId: 'oc_群:1', userId: 'ou_张三' }

    it(
      'returns null for a key never written',
      withStore(async ({ store }) => {
        expect(await store.get({ channel: 'web', chatId: 'nobody', userId: 'nobody' })).toBeNull()
      }),
    )

    it(
      'round-trips a record with Chinese text, emoji and escapes',
      withStore(async ({ store, clock }) => {
        await store.put(key, record(clock.now))
        expect(await store.get(key)).toEqual(record(clock.now))
      }),
    )

    it(
      'round-trips null parts',
      withStore(async ({ store, clock }) => {
        const empty: SessionRecord = {
          dialogue: null,
          dialogueUpdatedAt: clock.now,
          profile: null,
          profileUpdatedAt: clock.now,
        }
        await store.put(key, empty)
        expect(await store.get(key)).toEqual(empty)
      }),
    )

    it(
      'keeps what JSON keeps, like every other store',
      withStore(async ({ store, clock }) => {
        await store.put(key, {
          dialogue: { at: new Date(0), skip: undefined, list: [1, undefined] },
          dialogueUpdatedAt: clock.now,
          profile: null,
          profileUpdatedAt: clock.now,
        })
        expect((await store.get(key))?.dialogue).toEqual({ at: '1970-01-01T00:00:00.000Z', list: [1, null] })
      }),
    )

    it(
      'returns a copy: changing it does not change the store',
      withStore(async ({ store, clock }) => {
        await store.put(key, record(clock.now))
        const first = await store.get(key)
        ;(first?.profile as { facts: Record<string, unknown> }).facts.revenue = 1
        expect(factsOf(await store.get(key))).toEqual({ revenue: 3200 })
      }),
    )

    it(
      'overwrites a record',
      withStore(async ({ store, clock }) => {
        await store.put(key, record(clock.now))
        await store.put(key, record(clock.now, { revenue: 4000 }))
        expect(factsOf(await store.get(key))).toEqual({ revenue: 4000 })
        expect(await store.count()).toBe(1)
      }),
    )

    it(
      'rejects a value JSON cannot hold and keeps the good record',
      withStore(async ({ store, clock }) => {
        await store.put(key, record(clock.now))
        const cyclic: Record<string, unknown> = {}
        cyclic.self = cyclic
        await expect(store.put(key, { ...record(clock.now), profile: cyclic })).rejects.toThrow(TypeError)
        await expect(store.put(key, { ...record(clock.now), dialogue: { big: 10n } })).rejects.toThrow(TypeError)
        await expect(store.put(key, { ...record(clock.now), dialogueUpdatedAt: Number.NaN })).rejects.toThrow(
          RangeError,
        )
        expect(await store.get(key)).toEqual(record(clock.now))
      }),
    )

    it(
      'deletes everything kept for a user (删除我的数据) and nobody else',
      withStore(async ({ store, clock, rawExists }) => {
        const neighbour: SessionKey = { ...key, userId: 'ou_李四' }
        await store.put(key, record(clock.now))
        await store.put(neighbour, record(clock.now))
        await store.delete(key)
        expect(await store.get(key)).toBeNull()
        if (rawExists) expect(await rawExists(key)).toBe(false)
        expect(factsOf(await store.get(neighbour))).toEqual({ revenue: 3200 })
        expect(await store.count()).toBe(1)
        await store.delete(key)
      }),
    )

    it(
      'deletes a person in every chat of that channel, and nobody else (删除我的数据)',
      withStore(async ({ store, clock, rawExists }) => {
        const person = 'ou_张三*?[x]:%'
        const chats = ['oc_群:1', 'oc_群:2', 'p2p', '*']
        for (const chatId of chats) await store.put({ channel: 'feishu', chatId, userId: person }, record(clock.now))
        const others: SessionKey[] = [
          { channel: 'wechat', chatId: 'oc_群:1', userId: person },
          { channel: 'feishu', chatId: 'oc_群:1', userId: 'ou_张三' },
          { channel: 'feishu', chatId: `oc_群:1:${person}`, userId: 'ou_李四' },
          { channel: 'feishu', chatId: person, userId: `x:${person}` },
          { channel: 'feishu:x', chatId: 'c', userId: person },
        ]
        for (const other of others) await store.put(other, record(clock.now))
        expect(await store.deletePerson('feishu', person)).toBe(chats.length)
        for (const chatId of chats) {
          expect(await store.get({ channel: 'feishu', chatId, userId: person })).toBeNull()
          if (rawExists) expect(await rawExists({ channel: 'feishu', chatId, userId: person })).toBe(false)
        }
        for (const other of others)
          expect(factsOf(await store.get(other)), JSON.stringify(other)).toEqual({ revenue: 3200 })
        expect(await store.count()).toBe(others.length)
        expect(await store.deletePerson('feishu', person)).toBe(0)
      }),
    )

    it(
      'keeps an active dialogue up to its idle limit',
      withStore(async ({ store, clock }) => {
        await store.put(key, record(clock.now))
        clock.now += DIALOGUE_TTL_MS
        expect((await store.get(key))?.dialogue).toEqual(record(0).dialogue)
      }),
    )

    it(
      'expires an idle dialogue after 2 h but keeps the profile for 继续',
      withStore(async ({ store, clock }) => {
        const written = clock.now
        await store.put(key, record(written))
        clock.now += DIALOGUE_TTL_MS + 1
        const later = await store.get(key)
        expect(later).toEqual({
          dialogue: null,
          dialogueUpdatedAt: written,
          profile: record(0).profile,
          profileUpdatedAt: written,
        })
        expect(await store.count()).toBe(1)
      }),
    )

    it(
      'drops the whole record once the profile retention has passed',
      withStore(async ({ store, clock, rawExists }) => {
        await store.put(key, record(clock.now))
        clock.now += PROFILE_TTL_MS + 1
        expect(await store.get(key)).toBeNull()
        if (rawExists) expect(await rawExists(key)).toBe(false)
        expect(await store.count()).toBe(0)
      }),
    )

    it(
      'hides an expired profile even while the dialogue is fresh',
      withStore(async ({ store, clock }) => {
        const old = clock.now
        clock.now += PROFILE_TTL_MS + 1
        await store.put(key, {
          dialogue: { step: 1 },
          dialogueUpdatedAt: clock.now,
          profile: { facts: { revenue: 1 } },
          profileUpdatedAt: old,
        })
        expect(await store.get(key)).toEqual({
          dialogue: { step: 1 },
          dialogueUpdatedAt: clock.now,
          profile: null,
          profileUpdatedAt: old,
        })
        clock.now += 1
        expect((await store.get(key))?.profile).toBeNull()
      }),
    )

    it(
      'keeps keys with separators, percent signs and unicode apart',
      withStore(async ({ store, clock }) => {
        const keys: SessionKey[] = [
          { channel: 'wechat', chatId: 'a:b', userId: 'c' },
          { channel: 'wechat', chatId: 'a', userId: 'b:c' },
          { channel: 'wechat:a', chatId: 'b', userId: 'c' },
          { channel: 'wechat', chatId: 'a%3Ab', userId: 'c' },
          { channel: 'wechat', chatId: '群聊', userId: '张三' },
          { channel: 'wechat', chatId: '群聊', userId: '张三 ' },
          { channel: 'wechat', chatId: '*', userId: '?' },
        ]
        for (const [index, each] of keys.entries()) await store.put(each, record(clock.now, { revenue: index }))
        for (const [index, each] of keys.entries()) expect(factsOf(await store.get(each))).toEqual({ revenue: index })
        expect(await store.count()).toBe(keys.length)
      }),
    )

    it(
      'handles concurrent writes to different users',
      withStore(async ({ store, clock }) => {
        const keys = Array.from({ length: 50 }, (_, index): SessionKey => ({
          channel: 'web',
          chatId: 'hotline',
          userId: `caller-${index}`,
        }))
        await Promise.all(keys.map((user, index) => store.put(user, record(clock.now, { employees: index }))))
        const found = await Promise.all(keys.map((user) => store.get(user)))
        expect(found.map(factsOf)).toEqual(keys.map((_, index) => ({ employees: index })))
        expect(await store.count()).toBe(50)
      }),
    )

    it(
      'answers ping',
      withStore(async ({ store }) => {
        expect(await store.ping()).toBe(true)
      }),
    )
  })
}
