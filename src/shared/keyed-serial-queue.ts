/**
 * Runs tasks with the same key strictly one after another, in arrival order; different keys run concurrently.
 * A failing task does not block the next one, and a key's entry is dropped as soon as its queue drains, so
 * memory follows the number of keys with work in flight, not the number of keys ever seen.
 * In-process only: across replicas, combine with a shared lock (see `RedisLock`).
 */
export class KeyedSerialQueue {
  /** Per key, a promise that settles (never rejects) when the last queued task has settled. */
  readonly #tails = new Map<string, Promise<void>>()
  #pending = 0

  /** Queues `task` behind the tasks already queued for `key`; settles with the task's own result or error. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve()
    this.#pending += 1
    const result = previous.then(() => task())
    const tail = result.then(
      () => undefined,
      () => undefined,
    )
    this.#tails.set(key, tail)
    void tail.then(() => {
      this.#pending -= 1
      if (this.#tails.get(key) === tail) this.#tails.delete(key)
    })
    return result
  }

  /** Tasks queued or running, across all keys (for metrics). */
  depth(): number {
    return this.#pending
  }

  /** Keys with queued or running tasks. */
  get activeKeys(): number {
    return this.#tails.size
  }

  /** Resolves once every task queued so far (and any queued meanwhile) has settled; for graceful shutdown. */
  async idle(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all([...this.#tails.values()])
  }
}
