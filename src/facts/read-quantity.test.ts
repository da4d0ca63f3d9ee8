import { describe, expect, it } from 'vitest'
import { extractFacts } from './extract-facts.js'
import { MAX_QUANTITY_VALUE, readQuantity } from './read-quantity.js'

describe('readQuantity bounds', () => {
  it('marks a figure beyond the bound or beyond exact digits as out of range, keeping it unrounded', () => {
    expect(readQuantity('1e308万元')).toMatchObject({ outOfRange: true, unit: 'yuan' })
    expect(readQuantity('99999999999999999999')).toMatchObject({ outOfRange: true })
    expect(readQuantity(`${MAX_QUANTITY_VALUE * 10}`)).toMatchObject({ outOfRange: true })
    expect(readQuantity('3200万')).toMatchObject({ outOfRange: false, value: 32_000_000 })
    expect(readQuantity('约3000多万元')).toMatchObject({ outOfRange: false, approximate: true })
  })
})

describe('an absurd amount in a message is asked again, never stored truncated', () => {
  it.each(['1e308万元营收', '营收1e308万元', '营收是99999999999999999999万元', '去年营收1E+20元'])('%s', (text) => {
    const result = extractFacts(text, { expecting: ['revenue'], known: {}, lastFiscalYear: 2025 })
    expect(result.facts).toEqual({})
    expect(result.rejected).toHaveLength(1)
    expect(result.rejected[0]).toMatchObject({ fact: 'revenue' })
    expect(result.rejected[0]!.reason).toContain('不像是真实的数字')
  })
})
