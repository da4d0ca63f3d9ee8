import { describe, expect, it } from 'vitest'
import { describeFact } from './describe-fact.js'
import type { FactName } from './fact-schema.js'
import { summarizeFacts } from './summarize-facts.js'

describe('describeFact', () => {
  it.each<[FactName, unknown, string]>([
    ['rdExpense', 240, '上年度研发费用：240万元'],
    ['mainRevenue', 1209.1, '上年度主营业务收入：1209.1万元'],
    ['netProfit', -200, '上年度净利润：-200万元'],
    ['debtRatio', 48, '资产负债率：48%'],
    ['debtRatio', 33.333333, '资产负债率：33.33%'],
    ['employees', 150, '从业人员：150人'],
    ['nicheYears', 2.5, '从事特定细分市场年限：2.5年'],
    ['digitalLevel', 2, '数字化水平等级：2级'],
    ['sciAwardRank', 3, '科技奖励排名：第3名'],
    ['industry', 'industry', '所属行业：工业'],
    ['industry', 'software', '所属行业：软件和信息技术服务业'],
    ['rdInstitution', 'municipal', '研发机构级别：市级'],
    ['registeredInBeijing', true, '在北京市注册登记：是'],
    ['creditBlacklisted', false, '列入经营异常名录或严重失信主体名单：否'],
    ['honors', ['highTech', 'ipDemo'], '有效期内的荣誉资质：高新技术企业、知识产权示范企业'],
    ['techConversion', [], '技术成果转化（首台套等）：无'],
    ['makerChinaTop', 500, '创客中国大赛名次：500强'],
    ['makerChinaTop', null, '创客中国大赛名次：未进入'],
    ['revenue', undefined, '上年度营业收入：不清楚'],
  ])('%s = %j → %s', (name, value, expected) => {
    expect(describeFact(name, value)).toBe(expected)
  })
})

describe('summarizeFacts', () => {
  const facts = { debtRatio: 48, revenue: 3200, registeredInBeijing: true, honors: ['highTech' as const] }

  it('lists known facts one per line, in schema order', () => {
    expect(summarizeFacts(facts)).toBe(
      ['在北京市注册登记：是', '上年度营业收入：3200万元', '资产负债率：48%', '有效期内的荣誉资质：高新技术企业'].join(
        '\n',
      ),
    )
  })

  it('limits the summary to the facts asked for, skipping unknown ones', () => {
    expect(summarizeFacts(facts, ['debtRatio', 'employees'])).toBe('资产负债率：48%')
  })

  it('is empty when nothing is known', () => {
    expect(summarizeFacts({})).toBe('')
  })
})
