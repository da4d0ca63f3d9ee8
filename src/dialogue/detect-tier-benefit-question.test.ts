import { describe, expect, it } from 'vitest'
import { detectTierBenefitQuestion } from './detect-tier-benefit-question.js'
import { loadTierBenefits } from './load-tier-benefits.js'
import type { Program } from './programs.js'

const words = loadTierBenefits().questionWords

/** Ways owners ask what a tier brings, with the tier they name (null: "评上了" without a name). */
const ASKED: Array<[string, Program | null]> = [
  ['评上专精特新有啥好处', 'specialized'],
  // Two benefit words joined by a conjunction, or asked as "哪些方面".
  ['评上小巨人了奖励跟补贴都有哪些', 'little-giant'],
  ['创新型中小企业评下来有哪些方面的支持', 'innovative'],
  ['评上专精特新有啥奖励？', 'specialized'],
  ['评上了给钱吗', null],
  ['小巨人奖励多少', 'little-giant'],
  ['专精特新能享受哪些政策', 'specialized'],
  ['评上小巨人有什么支持', 'little-giant'],
  ['成为专精特新企业以后有什么好处？', 'specialized'],
  ['专精特新中小企业有哪些扶持政策', 'specialized'],
  ['拿到小巨人称号能得到什么', 'little-giant'],
  ['认定为国家级专精特新小巨人后市里有奖励吗', 'little-giant'],
  ['评上专精特新给多少钱', 'specialized'],
  ['专精特新有补贴吗', 'specialized'],
  ['我们公司是专精特新，能享受什么优惠', 'specialized'],
  ['小巨人企业有哪些福利', 'little-giant'],
  ['专精特新的好处是什么', 'specialized'],
  ['评上市级专精特新，政府给啥支持', 'specialized'],
  ['评上创新型中小企业有什么奖励', 'innovative'],
  ['小巨人给钱吗', 'little-giant'],
  ['专精特新到底有啥用', 'specialized'],
  ['申请专精特新有什么好处', 'specialized'],
  ['北京专精特新企业能享受哪些支持政策？', 'specialized'],
  ['评上小巨人之后能拿多少奖金', 'little-giant'],
  ['专精特新认定下来有没有奖励', 'specialized'],
  ['评上专精特新 有啥实惠', 'specialized'],
  ['专精特新小巨人企业可以享受哪些扶持', 'little-giant'],
  ['要是能评上小巨人，有啥好处', 'little-giant'],
  ['能评上专精特新的话有啥奖励', 'specialized'],
]

/** Questions about one measure, another place, applying or qualifying: not "what does the tier bring". */
const NOT_ASKED = [
  '专精特新特色园区建中试打样、共享制造平台 能补多少钱 有绩效奖励吗',
  '专精特新公司准备IPO，在A股上市的话市里补贴多少？区里还有吗',
  '深圳的专精特新小巨人，市里奖励多少钱啊',
  '上海评上小巨人有啥奖励',
  '专精特新企业做颠覆性技术研发 第一年最高支持多少 后面两年呢',
  '国家级小巨人企业招应届生能解决北京户口不？',
  '专精特新怎么申请',
  '我们能评上专精特新吗',
  '专精特新保是不是见贷就保',
  '老旧厂房改造能补多少钱',
  '算力券现在还能申请吗',
  '小巨人的认定条件是什么',
  '评上专精特新有效期几年',
  '专精特新企业出口参展能补多少',
  '评上了高新技术企业有啥好处',
]

describe('detectTierBenefitQuestion', () => {
  it.each(ASKED)('“%s” asks what the tier brings', (question, program) => {
    expect(detectTierBenefitQuestion(question, words)).toEqual({ program })
  })

  it.each(NOT_ASKED)('“%s” is a different question', (question) => {
    expect(detectTierBenefitQuestion(question, words)).toBeNull()
  })
})
