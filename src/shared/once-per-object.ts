/**
 * `build` memoised per key object (a WeakMap, so a reload that replaces the loaded objects drops their entries).
 * For values derived only from an immutable card, clause or data-file entry; never key by question text.
 */
export function oncePerObject<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>()
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V
    const value = build(key)
    cache.set(key, value)
    return value
  }
}
