import { describe, expect, it } from 'vitest'
import { loadTraditionalChars, simplifiedTable, toSimplified } from './to-simplified.js'

describe('toSimplified', () => {
  it('reads traditional characters as simplified ones', () => {
    expect(toSimplified('線上演藝服務項目 每個項目資助最多多少')).toBe('线上演艺服务项目 每个项目资助最多多少')
    expect(toSimplified('國家藝術基金 每年幾月申報')).toBe('国家艺术基金 每年几月申报')
  })

  it('leaves simplified text, digits and the characters knowledge/ uses as they are', () => {
    const text = '软著2项，研发费用占比5%以上'
    expect(toSimplified(text)).toBe(text)
  })

  it('maps no character to itself and lists each traditional character once', () => {
    const file = loadTraditionalChars()
    const table = simplifiedTable(file)
    expect(table.size).toBeGreaterThan(500)
    for (const [traditional, simplified] of table) expect(traditional).not.toBe(simplified)
  })
})
