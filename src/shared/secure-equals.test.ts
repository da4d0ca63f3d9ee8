import { describe, expect, it } from 'vitest'
import { secureEquals } from './secure-equals.js'

describe('secureEquals', () => {
  it('accepts only the exact secret, whatever the lengths', () => {
    expect(secureEquals('v-token', 'v-token')).toBe(true)
    expect(secureEquals('v-tokeN', 'v-token')).toBe(false)
    expect(secureEquals('v-token-longer', 'v-token')).toBe(false)
    expect(secureEquals('', 'v-token')).toBe(false)
    expect(secureEquals('令牌', '令牌')).toBe(true)
  })

  it('stays correct when more expected secrets are seen than its digest cache holds', () => {
    for (let round = 0; round < 2; round += 1)
      for (let index = 0; index < 200; index += 1) {
        expect(secureEquals(`key-${index}`, `key-${index}`)).toBe(true)
        expect(secureEquals(`key-${index + 1}`, `key-${index}`)).toBe(false)
      }
  })
})
