/**
 * Values the build already read and validated (the knowledge snapshot carries them), handed to the modules that
 * would otherwise load them on first use: the lexicon, the answer aspects and decision words, the term definitions, the traditional characters.
 * A start from a fresh snapshot plants them once; each module takes its seed on first use instead of reading and
 * validating its file, and falls back to the file when there is none (no snapshot, a stale one, tests). A seed is
 * taken once: reloads and later calls read the files as before.
 */
export interface BuildSeeds {
  lexicon?: unknown
  answerAspects?: unknown
  answerDecision?: unknown
  terms?: unknown
  traditionalChars?: unknown
}

const planted = new Map<keyof BuildSeeds, unknown>()

/** Plants the snapshot's values (replacing any not yet taken). */
export function plantBuildSeeds(seeds: BuildSeeds): void {
  for (const [name, value] of Object.entries(seeds) as Array<[keyof BuildSeeds, unknown]>)
    if (value !== undefined) planted.set(name, value)
}

/**
 * The planted value of `name`, removed so it is used once; undefined when none was planted. The caller states the
 * type: the snapshot that planted it was written by the same loader from files with the same digest.
 */
export function takeBuildSeed<T>(name: keyof BuildSeeds): T | undefined {
  const value = planted.get(name) as T | undefined
  planted.delete(name)
  return value
}
