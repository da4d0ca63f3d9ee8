import { describe, expect, it } from 'vitest'
import { readVerdictRequest } from './read-verdict-request.js'

describe('readVerdictRequest', () => {
  it.each([
    '详细',
    '详细说说',
    '具体呢',
    '展开讲讲',
    '详细点吧',
    '请详细说一下',
    '具体说说',
    '给我看看明细',
    '逐项',
    '为什么？',
  ])('%s → detail', (text) => {
    expect(readVerdictRequest(text)).toBe('detail')
  })

  it.each(['算准分数', '帮我算准分数吧', '准确分数', '具体多少分', '到底多少分？', '继续算分'])(
    '%s → exact-score',
    (text) => {
      expect(readVerdictRequest(text)).toBe('exact-score')
    },
  )

  it.each([
    '详细说说研发费用加计扣除政策怎么申请',
    '具体的补贴标准',
    '为什么不符合',
    '确认',
    '研发费用240万',
    '',
    '具体怎么申请？',
  ])('%s → nothing', (text) => {
    expect(readVerdictRequest(text)).toBeNull()
  })
})
