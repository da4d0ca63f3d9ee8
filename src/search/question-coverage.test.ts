import { describe, expect, it } from 'vitest'
import { questionCoverage, type CoverageContext } from './question-coverage.js'
import { tokenize } from './tokenizer.js'

const CORPUS_IDF: Record<string, number> = { 算力: 4, 力券: 4, 补贴: 0.5, 氢能: 3 }
const context: CoverageContext = { idf: (token) => CORPUS_IDF[token], unknownWeight: 6, synonymWords: [] }
const holder = (text: string) => {
  const tokens = new Set(tokenize(text))
  return (token: string) => tokens.has(token)
}

describe('questionCoverage', () => {
  it('is 1 when the text holds every content word and ignores fillers', () => {
    expect(questionCoverage('算力券咋申请？', holder('北京市人工智能算力券实施方案'), context)).toBe(1)
  })

  it('weighs a word no card uses as the strongest sign of another topic', () => {
    const coverage = questionCoverage('火星移民有补贴吗', holder('给予资金补贴'), context)
    expect(coverage).toBeGreaterThan(0)
    expect(coverage).toBeLessThan(0.2)
  })

  it('counts a colloquial word as covered when its formal synonym is in the text', () => {
    const without = questionCoverage('写字楼改造', holder('低效楼宇改造'), context)
    const withSynonym = questionCoverage('写字楼改造', holder('低效楼宇改造'), { ...context, synonymWords: ['写字楼'] })
    expect(withSynonym).toBe(1)
    expect(without).toBeLessThan(1)
  })

  it('is 0 for a question of fillers only', () => {
    expect(questionCoverage('请问怎么办？', holder('任何文本'), context)).toBe(0)
  })
})
