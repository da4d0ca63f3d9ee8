import { createHash, timingSafeEqual } from 'node:crypto'

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()

/**
 * Compares a presented token with the expected one in constant time: both are hashed first, so neither the
 * content nor the length of the secret leaks through timing.
 */
export function secureEquals(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected))
}
