/** A lone UTF-16 surrogate; in a `u` regex a proper pair is one code point and does not match. */
const LONE_SURROGATE = /\p{Cs}/u

/**
 * False for strings that are not well-formed Unicode (a lone surrogate): they cannot be stored or encoded
 * faithfully, and `encodeURIComponent` throws on them.
 */
export function isWellFormedUnicode(value: string): boolean {
  return !LONE_SURROGATE.test(value)
}

export const notWellFormedMessage = (name: string) => `${name} 含有无效的 Unicode 字符（孤立的代理项）`
