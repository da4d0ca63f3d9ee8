import { describe, expect, it } from 'vitest'
import { splitSubQuestions } from './split-sub-questions.js'

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
