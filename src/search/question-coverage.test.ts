import { describe, expect, it } from 'vitest'
import {
  bestPassageCoverage,
  prepareCoverage,
  preparedCoverage,
  questionCoverage,
  type CoverageContext,
  type UsedSynonym,
} from './question-coverage.js'
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

describe('bestPassageCoverage', () => {
  // The definition, passage by passage: the metadata plus sentences w, w+1, w+2, with the synonym words of the
  // entries whose formal tokens the passage holds.
  const byDefinition = (
    question: string,
    sentences: ReadonlyArray<ReadonlySet<string>>,
    meta: ReadonlySet<string>,
    used: UsedSynonym[],
  ) => {
    const prepared = prepareCoverage(question, context)
    let best = 0
    for (let index = 0; index < Math.max(1, sentences.length - 2); index += 1) {
      const window = sentences.slice(index, index + 3)
      const has = (token: string) => meta.has(token) || window.some((sentence) => sentence.has(token))
      const words = used.filter((entry) => entry.toTokens.some(has)).flatMap((entry) => entry.words)
      best = Math.max(best, preparedCoverage(prepared, has, words))
    }
    return best
  }
  const fast = (
    question: string,
    sentences: ReadonlyArray<ReadonlySet<string>>,
    meta: ReadonlySet<string>,
    used: UsedSynonym[],
  ) =>
    bestPassageCoverage(
      prepareCoverage(question, context),
      {
        sentenceCount: sentences.length,
        sentencesOf: (token) => {
          const holding = sentences.flatMap((sentence, index) => (sentence.has(token) ? [index] : []))
          return holding.length > 0 ? holding : undefined
        },
        inMeta: (token) => meta.has(token),
      },
      used,
    )
  const sets = (...texts: string[]) => texts.map((text) => new Set(tokenize(text)))
  const cases: Array<[string, string[], string, UsedSynonym[]]> = [
    ['算力券补贴多少', ['算力券按比例支持', '无关内容一', '补贴最高500万元', '无关内容二', '无关内容三'], '', []],
    ['算力券补贴多少', ['无关内容一', '无关内容二', '补贴最高500万元'], '算力券实施方案', []],
    [
      '写字楼改造补多少',
      ['低效楼宇改造给予支持', '无关', '最高补贴1000万元'],
      '',
      [{ toTokens: ['楼宇'], words: ['写字楼'] }],
    ],
    ['写字楼改造补多少', ['最高补贴1000万元'], '低效楼宇', [{ toTokens: ['楼宇'], words: ['写字楼'] }]],
    ['ai算力券', ['ai模型训练', '算力券支持'], '', [{ toTokens: ['人工'], words: ['ai'] }]],
    ['氢能补贴', [], '氢能产业', []],
    ['请问怎么办', ['任何文本'], '', []],
  ]
  it.each(cases)('gives the passage-by-passage figure for %s', (question, texts, meta, used) => {
    const sentences = sets(...texts)
    expect(fast(question, sentences, new Set(tokenize(meta)), used)).toBe(
      byDefinition(question, sentences, new Set(tokenize(meta)), used),
    )
  })
})
