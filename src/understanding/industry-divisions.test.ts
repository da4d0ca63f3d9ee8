import { describe, expect, it } from 'vitest'
import type { Facts } from '../facts/fact-schema.js'
import { readReply, type ExpectedAnswer } from './read-reply.js'

const size: ExpectedAnswer = { facts: ['industry', 'employees'], step: 'question' }
const known: Facts = { registeredInBeijing: true, independentLegalPerson: true }
const read = (text: string) => readReply(text, size, known, { lastFiscalYear: 2025, lastValues: [] })

describe('industries by the divisions of GB/T 4754-2011', () => {
  it.each([
    ['我们在山里开采花岗岩', 'industry'],
    ['做商品混凝土搅拌站', 'industry'],
    ['城市燃气公司 管道天然气入户', 'industry'],
    ['帮人家刷墙吊顶', 'construction'],
    ['办了个托儿所', 'other'],
    ['搞土壤修复', 'other'],
    ['做房屋出租 收租金', 'other'],
    ['开了个录音棚', 'other'],
    ['做征信和信用评估', 'leasingBusiness'],
    ['在县城做邮政服务 收派快件', 'postal'],
    ['开停车场的', 'transport'],
    ['我们是电商代运营公司', 'leasingBusiness'],
    ['古建修缮 翻瓦 油饰彩画', 'construction'],
    ['我们进口生豆 自己烘焙咖啡豆 分装好卖给咖啡馆', 'industry'],
    ['MES实施+二开，客户清一色是工厂', 'software'],
    ['养了三百多箱蜂 蜂蜜自己装瓶卖', 'agriculture'],
  ])('%s is %s', (text, industry) => {
    expect(read(text).facts.industry).toBe(industry)
  })

  it.each([
    ['上门维修空调冰箱', 'other'],
    ['修理工业设备 给厂里修机床', 'industry'],
    ['出租工程机械', 'leasingBusiness'],
  ])('a trade decides the compound it opens: %s is %s', (text, industry) => {
    expect(read(text).facts.industry).toBe(industry)
  })

  it('a head word after 的 decides with the words before it', () => {
    expect(read('做锂电池的贸易商').facts.industry).toBe('wholesale')
  })

  it('animals, land and machines counted are no head count', () => {
    expect(read('养了五百头猪 工人十二个').facts.employees).toBe(12)
  })
})
