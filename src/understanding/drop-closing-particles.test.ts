import { describe, expect, it } from 'vitest'
import { dropClosingParticles } from './drop-closing-particles.js'

describe('dropClosingParticles', () => {
  it.each([
    ['个体户能评吗哈', '个体户能评吗'],
    ['前面说的1500是23年的哦！', '前面说的1500是23年的！'],
    ['包括工资不啊哈哈', '包括工资不'],
  ])('%s reads as %s', (text, dropped) => {
    expect(dropClosingParticles(text)).toBe(dropped)
  })

  it('keeps a message of particles alone', () => {
    expect(dropClosingParticles('哦哦')).toBe('哦哦')
    expect(dropClosingParticles('哈哈')).toBe('哈哈')
  })
})
