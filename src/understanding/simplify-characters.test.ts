import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_TRADITIONAL_CHARACTERS_PATH,
  simplifyCharacters,
  TraditionalCharactersSchema,
} from './simplify-characters.js'

describe('simplifyCharacters', () => {
  it('folds traditional characters one for one and leaves simplified text alone', () => {
    expect(simplifyCharacters('這個我不清楚，要問會計')).toBe('这个我不清楚，要问会计')
    expect(simplifyCharacters('失信沒有，限制類也沒有')).toBe('失信没有，限制类也没有')
    const simplified = '营收3200万，软著12个，研发人员30人'
    expect(simplifyCharacters(simplified)).toBe(simplified)
  })

  it('keeps every position: one character in, one character out', () => {
    const text = '營收不超過一千萬，員工一百二十人'
    expect(simplifyCharacters(text)).toHaveLength(text.length)
  })

  it('refuses a table whose target is folded again or maps a character to itself', () => {
    const table = (characters: Record<string, string>) =>
      TraditionalCharactersSchema.safeParse({ schemaVersion: 1, characters }).success
    expect(table({ 營: '营' })).toBe(true)
    expect(table({ 營: '营', 营: '萤' })).toBe(false)
    expect(table({ 营: '营' })).toBe(false)
    expect(table({ 營收: '营收' })).toBe(false)
  })

  it('the table in knowledge/lexicon validates', () => {
    const file: unknown = JSON.parse(readFileSync(DEFAULT_TRADITIONAL_CHARACTERS_PATH, 'utf8'))
    expect(TraditionalCharactersSchema.safeParse(file).success).toBe(true)
  })
})
