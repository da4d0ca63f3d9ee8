import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.js'

describe('API_KEYS', () => {
  it('is off when unset or blank', () => {
    expect(loadConfig({}).API_KEYS).toBeUndefined()
    expect(loadConfig({ API_KEYS: '  ' }).API_KEYS).toBeUndefined()
  })

  it('parses name:key pairs, trimming spaces', () => {
    expect(loadConfig({ API_KEYS: 'hotline:0123456789abcdef, crm-2 : fedcba9876543210xyz' }).API_KEYS).toEqual([
      { name: 'hotline', key: '0123456789abcdef' },
      { name: 'crm-2', key: 'fedcba9876543210xyz' },
    ])
  })

  it.each([
    ['nokey', 'must be name:key'],
    [':0123456789abcdef', 'must be name:key'],
    ['bad name:0123456789abcdef', 'must be name:key'],
    ['short:abc', 'at least 16'],
    ['a:0123456789abcdef,a:fedcba9876543210', 'appears twice'],
    ['a:0123456789abcdef,b:0123456789abcdef', "another name's key"],
  ])('rejects %j', (value, reason) => {
    expect(() => loadConfig({ API_KEYS: value })).toThrow(reason)
  })

  it('never echoes a key in the error', () => {
    for (const value of ['a:0123456789abcdef,b:0123456789abcdef', '0123456789abcdef']) {
      expect(() => loadConfig({ API_KEYS: value })).toThrow(/^(?![\s\S]*0123456789abcdef)/)
    }
  })
})
