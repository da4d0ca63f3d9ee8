import type { PolicyCard } from '../knowledge/card-schema.js'
import type { PolicyIndex, SearchResult } from './policy-index.js'

/**
 * Holds the current index and swaps it atomically on reload (knowledge updates without a restart). A failed
 * rebuild leaves the running index in place.
 */
export class ReloadableIndex {
  #current: PolicyIndex
  #version = 0

  constructor(
    index: PolicyIndex,
    private readonly rebuild: () => PolicyIndex,
  ) {
    this.#current = index
  }

  search(question: string, options?: { limit?: number }): SearchResult {
    return this.#current.search(question, options)
  }

  get(id: string): PolicyCard | undefined {
    return this.#current.get(id)
  }

  get size(): number {
    return this.#current.size
  }

  /** Changes at every successful reload: what a cache of search results is keyed by. */
  get version(): number {
    return this.#version
  }

  /** Rebuilds from the files on disk; throws (keeping the old index) when they are invalid. */
  reload(): { cards: number } {
    const next = this.rebuild()
    this.#current = next
    this.#version += 1
    return { cards: next.size }
  }
}
