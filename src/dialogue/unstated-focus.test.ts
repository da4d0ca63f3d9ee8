import { describe, expect, it } from 'vitest'
import { findCard, loadCards } from '../knowledge/load-cards.js'
import { loadAnswerDecisionWords } from '../search/load-answer-decision-words.js'
import { composePolicyAnswer } from './compose-policy-answer.js'
import { unstatedFocus, type FocusWords } from './unstated-focus.js'

const cards = loadCards()
const card = (id: string) => findCard(cards, id)!
const decision = loadAnswerDecisionWords()

describe('unstatedFocus', () => {
  const words: FocusWords = {
    ignore: ['有没有', '要求', '能', '领', '吗', '的'],
    known: (bigram) => ['年龄', '餐饮'].includes(bigram),
    rare: (character) => character === '卉',
  }

  it('finds the words of the question no bigram of the text covers, when the knowledge base knows them', () => {
    expect(unstatedFocus('运营团队负责人有没有年龄要求', '团队负责人具有相关产业领域的从业背景', words)).toEqual([
      '年龄',
    ])
    // Every word stated: nothing.
    expect(unstatedFocus('运营团队负责人有没有要求', '运营团队负责人具有相关产业领域的从业背景', words)).toEqual([])
  })

  it('keeps nothing the text may say in other words or the knowledge base does not know', () => {
    // 盖章 beside 加盖公章: every character is in the text.
    expect(unstatedFocus('年龄盖章', '年加盖公章龄', words)).toEqual([])
    // 干满 is an owner's paraphrase no card uses.
    expect(unstatedFocus('开书店要干满几年', '经营时间已满三年的实体书店', words)).toEqual([])
  })

  it('counts a character no card uses only when the part ends on it', () => {
    expect(unstatedFocus('种花卉的能领吗', '种植粮食和蔬菜的耕地', words)).toEqual(['种花卉'])
    expect(unstatedFocus('花卉种植户的能领吗', '种植粮食和蔬菜的耕地', words)).toEqual([])
  })

  it('takes what stands right before an asking word such as 算不算 as a focus too, wherever it is', () => {
    const asking: FocusWords = { ...words, ignore: [...words.ignore, '算不算'], askedBefore: ['算不算'] }
    // The question ends on 场次, which the text states; what is asked about is the 餐饮 before 算不算.
    expect(unstatedFocus('餐饮活动算不算场次', '年均演出及活动场次不少于50场', asking)).toEqual(['餐饮'])
    expect(unstatedFocus('餐饮活动算不算场次', '年均演出及活动场次不少于50场', words)).toEqual([])
    // A part that opens with the asking word asks about what stands before it in the whole question.
    expect(unstatedFocus('算不算场次', '年均演出及活动场次不少于50场', asking, '餐饮活动 算不算场次 能补吗')).toEqual([
      '餐饮',
    ])
  })
})

describe('composePolicyAnswer with the decision words', () => {
  it('says the document does not state what a part is about when no clause of the card holds it', () => {
    // The 有机肥 card is for 粮食和蔬菜: nothing on it speaks of 果树.
    const answer = composePolicyAnswer(card('guide-142'), '有机肥补贴 种果树的能领吗', { decision })
    expect(answer.body).toMatch(/原文未写明“种果树”/u)
    expect(answer.quoted).toHaveLength(0)
    // Without the decision words the nearest clause is quoted, as before.
    expect(composePolicyAnswer(card('guide-142'), '有机肥补贴 种果树的能领吗').body).not.toMatch(/未写明/u)
    // A detail class (年龄要求) names what is not stated in its own words.
    expect(composePolicyAnswer(card('guide-055'), '孵化器认定 运营团队负责人有年龄要求吗', { decision }).body).toMatch(
      /原文未写明年龄要求/u,
    )
  })

  it('answers a twin question about a detail the card does state', () => {
    const answer = composePolicyAnswer(card('guide-064'), '技能大师工作室领办人 有没有年龄限制', { decision })
    expect(answer.body).toMatch(/距法定退休年龄2年以上/u)
    expect(answer.body).not.toMatch(/未写明/u)
  })

  it('leaves the circumstances of a part and the subject pieces to the ranking', () => {
    // "文化类小微公司" and "不在文化园区里" ask nothing: they are the subject and its circumstances.
    const answer = composePolicyAnswer(card('guide-094'), '文化类小微公司 不在文化园区里 房租通能补多少', { decision })
    expect(answer.body).toMatch(/不超过20%/u)
    expect(answer.body).not.toMatch(/未写明/u)
  })
})
