/**
 * Runs tasks with the same key strictly one after another, in arrival order; different keys run concurrently.
 * A failing task does not block the next one; a key's chain is released when it drains.
 */
export class KeyedSerialQueue {
  readonly #tails = new Map<string, Promise<unknown>>()
  #pending = 0

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve()
    this.#pending += 1
    const result = previous.then(task, task)
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

  /** Tasks queued or running, across all keys. */
  depth(): number {
    return this.#pending
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all([...this.#tails.values()])
  }

  /** Keys with queued or running tasks. */
  get activeKeys(): number {
    return this.#tails.size
  }
}
