import { describe, expect, it } from 'vitest'
import { asksStillOpen, splitSubQuestions } from './split-sub-questions.js'

describe('splitSubQuestions', () => {
  it('splits a two-part question into its aspects, in order, with the subject as context', () => {
    const parts = splitSubQuestions('在东城开跨境电商体验店 房租补贴咋算 店面积有要求吗')
    expect(parts.map((part) => part.aspect)).toEqual(['amount', 'condition'])
    expect(parts[0].text).toBe('房租补贴咋算')
    expect(parts[1].context).toBe('在东城开跨境电商体验店')
    expect(parts[1].others).toBe('房租补贴咋算')
  })

  it('tells count, timing, process and contact apart', () => {
    expect(splitSubQuestions('在孵企业要多少家？').map((part) => part.aspect)).toEqual(['count'])
    expect(splitSubQuestions('评上了有效期几年').map((part) => part.aspect)).toEqual(['timing'])
    expect(splitSubQuestions('一般方式办下来要几天').map((part) => part.aspect)).toEqual(['timing'])
    expect(splitSubQuestions('咋申报，找经信局哪个电话').map((part) => part.aspect)).toEqual(['process', 'contact'])
  })

  it('lets the longest cue decide: 保费能报多少 asks an amount, not a condition', () => {
    expect(splitSubQuestions('保费能报多少').map((part) => part.aspect)).toEqual(['amount'])
    expect(splitSubQuestions('研发费用得多少').map((part) => part.aspect)).toEqual(['condition'])
  })

  it('a follow-up piece ("河北户籍的呢") asks the previous aspect again', () => {
    const parts = splitSubQuestions('每人补多少？河北户籍的呢')
    expect(parts.map((part) => [part.text, part.aspect])).toEqual([
      ['每人补多少', 'amount'],
      ['河北户籍的呢', 'amount'],
    ])
  })

  it('yes/no questions are their own aspect; a question that asks nothing is one general part', () => {
    expect(splitSubQuestions('专精特新保是不是见贷就保').map((part) => part.aspect)).toEqual(['fact'])
    expect(splitSubQuestions('算力券')).toEqual([{ text: '算力券', aspect: 'general', context: '', others: '' }])
  })
})

describe('splitSubQuestions on a pasted wall of text', () => {
  it('answers at most six parts and keeps a part short', () => {
    const wall = Array.from({ length: 50 }, (_, index) => `第${index}项补多少？`).join('')
    expect(splitSubQuestions(wall).length).toBe(6)
    expect(splitSubQuestions('算'.repeat(5000))[0].text.length).toBeLessThanOrEqual(200)
  })
})

describe('splitSubQuestions on voice input without punctuation', () => {
  it('cuts after a word a spoken question ends with when the rest asks again', () => {
    const parts = splitSubQuestions('重点项目奖多少普通项目奖多少')
    expect(parts.map((part) => [part.text, part.aspect])).toEqual([
      ['重点项目奖多少', 'amount'],
      ['普通项目奖多少', 'amount'],
    ])
  })

  it('cuts at a connector (然后) and drops it', () => {
    const parts = splitSubQuestions('孵化器面积要多大然后在孵企业要几家')
    expect(parts.map((part) => part.text)).toEqual(['孵化器面积要多大', '在孵企业要几家'])
  })

  it('keeps one part where a side would hold only asking words or after 那/这 (那几个)', () => {
    expect(splitSubQuestions('租赁补贴最多能拿多少').length).toBe(1)
    expect(splitSubQuestions('示范园区那几个基地一共有几个').length).toBe(1)
  })

  it('reads 一年报几次 as timing, 哪几个 as a condition and 得几分 as a count of points', () => {
    expect(splitSubQuestions('这个奖励一年报几次')[0].aspect).toBe('timing')
    expect(splitSubQuestions('行业代码是哪几个')[0].aspect).toBe('condition')
    expect(splitSubQuestions('净利润率10%以上 得几分')[0].aspect).toBe('count')
  })
})

describe('still-open questions', () => {
  it('"今年还能申请吗" asks the timing part, longer than the condition cue 能申请', () => {
    expect(splitSubQuestions('房租通今年还能申请吗').map((part) => part.aspect)).toEqual(['timing'])
    expect(asksStillOpen('房租通今年还能申请吗')).toBe(true)
    expect(asksStillOpen('房租通补多少钱')).toBe(false)
  })
})

describe('a piece that asks with a question word but holds no cue', () => {
  it('is a part of its own (哪一层算核心力量), while a piece that asks nothing stays context', () => {
    expect(splitSubQuestions('优质中小企业一共分几个层次 哪一层算核心力量').map((part) => part.text)).toEqual([
      '优质中小企业一共分几个层次',
      '哪一层算核心力量',
    ])
    expect(splitSubQuestions('我们是做软件的 补贴最多多少').map((part) => part.text)).toEqual(['补贴最多多少'])
  })
})
