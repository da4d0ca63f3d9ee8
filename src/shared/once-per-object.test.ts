import { describe, expect, it } from 'vitest'
import { oncePerObject } from './once-per-object.js'

describe('oncePerObject', () => {
  it('builds once per key object, also when the value is null, and apart for another object', () => {
    let calls = 0
    const derive = oncePerObject((entry: { pattern?: string }) => {
      calls += 1
      return entry.pattern ? new RegExp(entry.pattern, 'u') : null
    })
    const first = { pattern: 'a+' }
    const empty = {}
    expect(derive(first)).toBe(derive(first))
    expect(derive(empty)).toBeNull()
    expect(derive(empty)).toBeNull()
    expect(calls).toBe(2)
    expect(derive({ pattern: 'a+' })).not.toBe(derive(first))
    expect(calls).toBe(3)
  })
})
