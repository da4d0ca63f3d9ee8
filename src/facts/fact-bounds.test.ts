import { describe, expect, it } from 'vitest'
import { FactBoundsSchema, intersectIntervals, intervalContains, isEmptyInterval, mergeBound } from './fact-bounds.js'

describe('fact bounds', () => {
  it('the stored shape accepts a bound of every numeric fact and refuses others', () => {
    expect(FactBoundsSchema.safeParse({ employees: { gt: 2000 }, revenue: { gt: 500, lt: 600 } }).success).toBe(true)
    expect(FactBoundsSchema.safeParse({ industry: { lt: 3 } }).success).toBe(false)
    expect(FactBoundsSchema.safeParse({ revenue: { gt: 1, ge: 2 } }).success).toBe(false)
  })

  it('two bounds said together are taken together; a contradicting one replaces the old', () => {
    expect(intersectIntervals({ gt: 500 }, { lt: 1000 })).toEqual({ gt: 500, lt: 1000 })
    expect(intersectIntervals({ ge: 500 }, { gt: 500 })).toEqual({ gt: 500 })
    expect(isEmptyInterval({ gt: 1000, lt: 1000 })).toBe(true)
    expect(mergeBound({ lt: 1000 }, { gt: 500 })).toEqual({ gt: 500, lt: 1000 })
    expect(mergeBound({ lt: 1000 }, { gt: 5000 })).toEqual({ gt: 5000 })
  })

  it('contains respects open and closed edges', () => {
    expect(intervalContains({ lt: 1000 }, 1000)).toBe(false)
    expect(intervalContains({ le: 1000 }, 1000)).toBe(true)
    expect(intervalContains({ gt: 3000 }, 3200)).toBe(true)
  })
})
