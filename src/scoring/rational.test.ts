import { describe, expect, it } from 'vitest'
import { add, compare, divide, fromNumber, multiply, subtract, toNumber } from './rational.js'

describe('rational', () => {
  it('reads decimals exactly', () => {
    expect(fromNumber(1209.1)).toEqual({ numerator: 12091n, denominator: 10n })
    expect(fromNumber(-0.5)).toEqual({ numerator: -1n, denominator: 2n })
    expect(fromNumber(1e21)).toEqual({ numerator: 10n ** 21n, denominator: 1n })
  })

  it('puts 1000 → 1130 → 1209.1 exactly on the 10% average growth edge', () => {
    const hundred = fromNumber(100)
    const growth = (current: number, previous: number) =>
      multiply(divide(subtract(fromNumber(current), fromNumber(previous)), fromNumber(previous)), hundred)
    const average = divide(add(growth(1209.1, 1130), growth(1130, 1000)), fromNumber(2))
    expect(compare(average, fromNumber(10))).toBe(0)
    expect((((1209.1 - 1130) / 1130) * 100 + ((1130 - 1000) / 1000) * 100) / 2).not.toBe(10)
    expect(toNumber(average)).toBe(10)
  })
})
