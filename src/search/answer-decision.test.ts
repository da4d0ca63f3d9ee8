import { describe, expect, it } from 'vitest'
import { loadCards } from '../knowledge/load-cards.js'
import { decideAnswer, outsidePlace, placeAliases, schemeNames } from './answer-decision.js'
import { loadAnswerDecisionWords } from './load-answer-decision-words.js'
import { loadSynonyms } from './load-synonyms.js'
import { createPolicyIndex } from './policy-index.js'

const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
const words = loadAnswerDecisionWords()
const decide = (question: string) => decideAnswer(question, index.search(question, { limit: 3 }), words)

describe('decideAnswer', () => {
  it('answers a plausible match from the top card instead of "没有找到", certain only with coverage and margin', () => {
    const plausible = decide('在北京建加氢站有补贴吗？运营补贴又是怎么算的')
    expect(plausible.kind).toBe('answer')
    const certain = decide('剧目在剧场演出，演艺服务平台资助场租能补多少？')
    expect(certain).toMatchObject({ kind: 'answer', certain: true })
  })

  it('a city the knowledge base does not hold is outside the region, even when the topic matches a Beijing card', () => {
    expect(decide('深圳的专精特新小巨人，市里奖励多少钱啊')).toMatchObject({
      kind: 'outside-region',
      place: '深圳',
      placeKind: 'city',
    })
    expect(decide('上海张江那边集成电路流片补贴咋申请')).toMatchObject({ kind: 'outside-region', place: '上海' })
  })

  it('a place the card covers under a wider name (京津冀) is not outside', () => {
    const card = index.get('guide-110')!
    const text = [card.content, card.requirements].join('\n')
    expect(outsidePlace('河北户籍的外派劳务人员补多少', text, words)).toBeNull()
    expect(outsidePlace('杭州的外派劳务人员补多少', text, words)?.name).toBe('杭州')
    expect(placeAliases('在东城开体验店', '东西城区1.8元/㎡/日', words)).toEqual(['东西城区'])
  })

  it('a person’s own affairs go to 12345', () => {
    expect(decide('个税专项附加扣除 赡养老人一个月能扣多少')).toMatchObject({ kind: 'personal' })
    expect(decide('社保断缴了三个月 还能补缴吗')).toMatchObject({ kind: 'personal' })
  })

  it('tax administration goes to 12366 and company registration to 市场监管, unless a card is about it', () => {
    expect(decide('企业所得税汇算清缴几号截止')).toMatchObject({ kind: 'tax', matter: '汇算清缴' })
    expect(decide('营业执照怎么办 公司注册流程')).toMatchObject({ kind: 'registration' })
    // A card that itself grants a tax relief answers a tax question.
    expect(decide('社区家政公司 家政服务收入要交增值税吗').kind).toBe('answer')
  })

  it('a named scheme the top card does not mention is not held; a common word ending like 贷款 is no name', () => {
    expect(decide('北京市“智链百强”企业认定 今年申报截止是哪天')).toMatchObject({
      kind: 'not-found',
      reason: 'unknown-scheme',
      name: '智链百强',
    })
    expect(decide('北京启明星青年创业贷利率多少 怎么申请')).toMatchObject({
      kind: 'not-found',
      reason: 'unknown-scheme',
    })
    expect(schemeNames('买设备贷款贴息那个五子连动政策', words)).toEqual([])
  })

  it('a question without policy words and a weak match is declined', () => {
    expect(decide('帮我写个朋友圈文案，庆祝公司成立十周年').kind).toBe('not-found')
    expect(decide('今天北京尾号限行限几和几').kind).toBe('not-found')
  })
})
