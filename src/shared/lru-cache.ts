/**
 * A bounded map that forgets its least recently used entry once it holds `capacity` entries (a Map keeps insertion
 * order: a hit is moved to the end). Capacity 0 keeps nothing.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>()

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.#entries.size
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key)
    if (value === undefined) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, value)
    return value
  }

  set(key: K, value: V): void {
    if (this.capacity <= 0) return
    this.#entries.delete(key)
    this.#entries.set(key, value)
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as K)
  }

  clear(): void {
    this.#entries.clear()
  }
}
