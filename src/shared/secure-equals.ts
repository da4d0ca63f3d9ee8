import { hash, timingSafeEqual } from 'node:crypto'

/** One-shot SHA-256 (no Hash object per call). */
const digest = (value: string) => hash('sha256', value, 'buffer')

/**
 * Digests of the expected secrets: they come from configuration (a handful of tokens and keys), so each is hashed
 * once instead of on every request. Bounded anyway, so a caller passing many distinct values cannot grow it.
 */
const expectedDigests = new Map<string, Buffer>()
const MAX_EXPECTED = 64

function expectedDigest(expected: string): Buffer {
  let value = expectedDigests.get(expected)
  if (value === undefined) {
    if (expectedDigests.size >= MAX_EXPECTED) expectedDigests.clear()
    value = digest(expected)
    expectedDigests.set(expected, value)
  }
  return value
}

/**
 * Compares a presented token with the expected one in constant time: both are hashed first, so neither the
 * content nor the length of the secret leaks through timing (the expected digest is cached, the presented one is
 * always computed, so the work per call does not depend on the presented value).
 */
export function secureEquals(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), expectedDigest(expected))
}
