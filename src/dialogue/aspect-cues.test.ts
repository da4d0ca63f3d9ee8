import { describe, expect, it } from 'vitest'
import { findCard, loadCards } from '../knowledge/load-cards.js'
import { cardClauses, rankClauses } from './rank-clauses.js'
import { splitSubQuestions } from './split-sub-questions.js'

const cards = loadCards()
const card = (id: string) => findCard(cards, id)!

describe('aspect cues for shows and shares', () => {
  it('几场 asks a count, and the count clause with 场 is found', () => {
    const parts = splitSubQuestions('精品剧目演出 要演够几场才行')
    expect(parts.map((part) => part.aspect)).toEqual(['count'])
    expect(rankClauses(cardClauses(card('guide-098')), parts[0])[0].clause.text).toMatch(/不少于2场/u)
  })

  it('"X的几成" asks a share even beside 能申请 (a condition cue of the same length)', () => {
    const parts = splitSubQuestions('国外办的展览 能申请预算的几成')
    expect(parts.map((part) => part.aspect)).toEqual(['amount'])
    expect(rankClauses(cardClauses(card('guide-085')), parts[0])[0].clause.text).toMatch(/30％/u)
  })
})

describe('subject words that hold a cue', () => {
  it('标准化 / 企业标准 name the subject: the piece is context, not a condition part', () => {
    const parts = splitSubQuestions('标准化服务机构 给企业标准领跑者做评估的 这块补助最多多少')
    expect(parts.map((part) => [part.text, part.aspect])).toEqual([['这块补助最多多少', 'amount']])
    expect(parts[0].context).toContain('标准化服务机构')
  })

  it('标准 alone still asks for the criteria', () => {
    expect(splitSubQuestions('认定标准是什么').map((part) => part.aspect)).toEqual(['condition'])
  })
})

describe('how big a place must be', () => {
  it('要多大 / 得多大 ask a condition figure, answered by the clause with the area', () => {
    const parts = splitSubQuestions('大数据教学实践基地 实践场所得多大')
    expect(parts.map((part) => part.aspect)).toEqual(['condition'])
    expect(rankClauses(cardClauses(card('guide-015')), parts[0])[0].clause.text).toMatch(/200平方米以上/u)
  })
})
