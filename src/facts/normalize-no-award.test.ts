import { describe, expect, it } from 'vitest'
import { FactsSchema } from './fact-schema.js'
import { normalizeNoAward } from './normalize-no-award.js'

describe('normalizeNoAward', () => {
  it('drops a zero rank when the level says there is no award', () => {
    const facts = normalizeNoAward({ sciAwardLevel: 'none', sciAwardRank: 0, employees: 3 })
    expect(facts).toEqual({ sciAwardLevel: 'none', employees: 3 })
    expect(FactsSchema.safeParse(facts).success).toBe(true)
  })

  it('keeps a zero rank next to a real award, so validation still rejects it', () => {
    const facts = normalizeNoAward({ sciAwardLevel: 'national', sciAwardRank: 0 })
    expect(facts).toEqual({ sciAwardLevel: 'national', sciAwardRank: 0 })
    expect(FactsSchema.safeParse(facts).success).toBe(false)
  })

  it('leaves other shapes untouched', () => {
    expect(normalizeNoAward(null)).toBeNull()
    expect(normalizeNoAward([1])).toEqual([1])
    expect(normalizeNoAward({ sciAwardRank: 0 })).toEqual({ sciAwardRank: 0 })
  })
})
