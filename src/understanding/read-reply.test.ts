import { describe, expect, it } from 'vitest'
import type { FactName, Facts } from '../facts/fact-schema.js'
import { readReply, type ExpectedAnswer } from './read-reply.js'

const registration: ExpectedAnswer = {
  facts: ['registeredInBeijing', 'independentLegalPerson'],
  step: 'question',
  yesNo: 'positive',
}
const compliance: ExpectedAnswer = {
  facts: ['creditBlacklisted', 'restrictedProducts', 'majorIncident3y'],
  step: 'question',
  yesNo: 'negative',
}
const size: ExpectedAnswer = { facts: ['industry', 'employees'], step: 'question' }
const revenue: ExpectedAnswer = { facts: ['revenue', 'revenuePrev'], step: 'question' }
const summary: ExpectedAnswer = { facts: [], step: 'summary' }
const ip: ExpectedAnswer = {
  facts: ['ipClass1', 'ipClass1SelfDeveloped', 'ipHighValue', 'ipClass2'],
  step: 'question',
}
const awards: ExpectedAnswer = {
  facts: ['sciAwardLevel', 'sciAwardRank', 'makerChinaTop', 'contest'],
  step: 'question',
}
const read = (
  text: string,
  expected: ExpectedAnswer,
  known: Facts = {},
  lastValues: Array<{ fact: FactName; value: number }> = [],
) => readReply(text, expected, known, { lastFiscalYear: 2025, lastValues })

describe('readReply: acts', () => {
  it.each([
    '确认，没问题',
    '对的没错',
    '嗯嗯对',
    '是的没错',
    '都对的，没有要改的',
    '可以',
    '好的',
    '对对对',
    '👌',
    '对头 木得问题',
  ])('%s at the summary confirms', (text) => {
    expect(read(text, summary).act).toBe('confirm')
  })

  it.each(['不对', '有错误', '有一项不对'])('%s at the summary denies', (text) => {
    expect(read(text, summary)).toMatchObject({ act: 'deny', facts: {} })
  })

  it('a value at the summary corrects', () => {
    expect(read('员工是120人不是150', summary, { employees: 150 })).toMatchObject({
      act: 'correct',
      facts: { employees: 120 },
    })
  })

  it.each([
    '独立法人是啥意思，分公司算吗？',
    '研发费用包括人员工资吗？',
    '主营业务收入和营业收入有啥区别',
    '算力券怎么申请？',
  ])('%s is a question, not an answer', (text) => {
    expect(read(text, registration)).toMatchObject({ act: 'ask', facts: {} })
  })

  it.each([
    ['不晓得', 'unknown'],
    ['问下hr才知道', 'unknown'],
    ['这个得问财务', 'unknown'],
    ['跳过', 'skip'],
    ['下一题', 'skip'],
  ])('%s → %s, the facts asked stay unknown', (text, act) => {
    expect(read(text, revenue)).toMatchObject({ act, facts: {}, unknown: ['revenue', 'revenuePrev'] })
  })
})

describe('readReply: yes/no groups', () => {
  it.each(['没问题', '没错', '对，没毛病', '是的'])('%s answers the registration question yes', (text) => {
    expect(read(text, registration).facts).toEqual({ registeredInBeijing: true, independentLegalPerson: true })
  })

  it.each(['没有', '都不存在，放心', '没有没有，都没有', '①没有②没有③没有', '都不属于', '没问题，都没有'])(
    '%s answers the compliance list no',
    (text) => {
      expect(read(text, compliance).facts).toEqual({
        creditBlacklisted: false,
        restrictedProducts: false,
        majorIncident3y: false,
      })
    },
  )

  it('one answer per question, in order', () => {
    expect(read('①没有②有③没有', compliance).facts).toEqual({
      creditBlacklisted: false,
      restrictedProducts: true,
      majorIncident3y: false,
    })
  })

  it('answers that point at the questions by number', () => {
    expect(read('前两个没有，第三个不太清楚', compliance)).toMatchObject({
      facts: { creditBlacklisted: false, restrictedProducts: false },
      unknown: ['majorIncident3y'],
    })
    expect(read('第一个有，其他没有', compliance).facts).toEqual({
      creditBlacklisted: true,
      restrictedProducts: false,
      majorIncident3y: false,
    })
    expect(read('失信没有，其他不清楚', compliance)).toMatchObject({
      facts: { creditBlacklisted: false },
      unknown: ['restrictedProducts', 'majorIncident3y'],
    })
  })

  it('"不是，注册在河北廊坊" says nothing about the legal person', () => {
    expect(read('不是，我们注册在河北廊坊', registration).facts).toEqual({ registeredInBeijing: false })
  })

  it('an opening after a heading, a place alone, an emoji list and a missing licence are read', () => {
    const idle: ExpectedAnswer = { facts: [], step: 'idle' }
    expect(read('致政策咨询：我公司注册地北京市昌平区，主营风电齿轮箱研发制造', idle).facts).toMatchObject({
      registeredInBeijing: true,
      industry: 'industry',
    })
    expect(read('我们 做汽车线束 昌平 三百二十人', idle).facts).toEqual({
      registeredInBeijing: true,
      industry: 'industry',
      employees: 320,
    })
    expect(read('想测 🏭 做阀门的 👥260', idle).facts).toEqual({ industry: 'industry', employees: 260 })
    expect(read('总公司在成都 我们是派驻北京的团队 没有单独的执照', idle).facts.independentLegalPerson).toBe(false)
    expect(read('营收：3300', revenue).facts.revenue).toBe(3300)
  })

  it('a fact pointed at (净利润那里) takes the bare figure at another question, as a correction', () => {
    const ip: ExpectedAnswer = { facts: ['ipClass1', 'ipClass2'], step: 'question' }
    const reading = read('净利润那里我填的是税前 税后是二百四', ip, { netProfit: 300 })
    expect(reading.facts).toEqual({ netProfit: 240 })
    expect(reading.act).toBe('correct')
  })

  it('an award in the clause after a contest, or beside 创客中国, is a contest award', () => {
    expect(read('参加过创新创业大赛 拿了个优胜奖 科技奖没有', awards).facts).toEqual({
      contest: 'award',
      sciAwardLevel: 'none',
    })
    expect(read('创客中国拿过北京赛区的二等奖', awards).facts.contest).toBe('award')
    expect(read('比赛参加过 科技奖拿过二等奖', awards).facts.contest).toBe('participated')
  })

  it('a producer is classed by what it makes, not by how it sells', () => {
    expect(read('兽用疫苗 给养殖场供货 自己有GMP车间', size).facts.industry).toBe('industry')
    expect(read('蘑菇种植基地 大棚里种香菇平菇 拉到新发地批发市场卖', size)).toMatchObject({
      facts: { industry: 'agriculture' },
      unsure: [],
    })
    expect(read('做花卉批发 在花卉市场有摊位', size).facts.industry).toBe('wholesale')
  })

  it('a difference said of every value (都/各) changes each value of the topic', () => {
    const rd: ExpectedAnswer = { facts: ['rdExpense', 'rdExpensePrev', 'rdStaff'], step: 'question' }
    const known = { rdExpense: 240, rdExpensePrev: 200 }
    const last = [
      { fact: 'rdExpensePrev' as const, value: 200 },
      { fact: 'rdExpense' as const, value: 240 },
    ]
    expect(read('研发费用那两年的数都往上调一百万', rd, known, last).facts).toEqual({
      rdExpense: 340,
      rdExpensePrev: 300,
    })
    expect(read('研发费用多报了四十万', rd, known, last).facts).toEqual({ rdExpense: 200 })
  })

  it('a bare 不清楚 keeps unknown what its clause or the one before said, not a yes or no further away', () => {
    expect(read('异常名录肯定没有 限制类目录我没查过 不知道我们的产品在不在里面 事故没出过', compliance)).toMatchObject(
      {
        act: 'answer',
        facts: { creditBlacklisted: false, majorIncident3y: false },
        unknown: ['restrictedProducts'],
      },
    )
    const rd: ExpectedAnswer = { facts: ['rdExpense', 'rdExpensePrev', 'rdStaff'], step: 'question' }
    expect(read('研发费用没单独核算过，不清楚', rd).facts.rdExpense).toBeUndefined()
  })

  it('"还没评过" denies a title; "没人给评过" does not know', () => {
    const titles: ExpectedAnswer = { facts: ['innovativeSmeValid'], step: 'question' }
    expect(read('没有，还没评过', titles).facts.innovativeSmeValid).toBe(false)
    const ip: ExpectedAnswer = { facts: ['ipHighValue'], step: 'question' }
    expect(read('高价值的从来没人给评过', ip).act).toBe('unknown')
  })

  it('"不算，我们就是传统的" is a no (就是 holds 是 without affirming)', () => {
    expect(read('不算，我们就是传统的', { facts: ['strategicEmerging'], step: 'question' }).facts).toEqual({
      strategicEmerging: false,
    })
  })
})

describe('readReply: industries, unknowns, bounds', () => {
  it.each([
    ['我们做工业软件的', 'software'],
    ['芯片设计的，没有工厂', 'software'],
    ['做APP和小程序开发', 'software'],
    ['开饭店的', 'catering'],
    ['开奶茶店', 'catering'],
    ['做民宿', 'accommodation'],
    ['开超市', 'retail'],
    ['广告公司', 'leasingBusiness'],
  ])('%s → %s', (text, industry) => {
    const reading = read(text, size)
    expect(reading.facts.industry).toBe(industry)
    expect(reading.unsure).toEqual([])
  })

  it('电商 is retail or wholesale: unsure, with the other as alternative', () => {
    const reading = read('做电商的', size)
    expect(reading.unsure).toEqual(['industry'])
    expect(reading.alternatives).toMatchObject([{ fact: 'industry', value: 'wholesale' }])
  })

  it('不清楚 in any clause keeps the fact unknown', () => {
    expect(
      read('研发费用没单独核算过，不清楚', { facts: ['rdExpense', 'rdExpensePrev', 'rdStaff'], step: 'question' }),
    ).toMatchObject({ facts: {}, unknown: expect.arrayContaining(['rdExpense']) })
    expect(
      read('高新证书好像过期了，不确定', { facts: ['honors', 'rdInstitution'], step: 'question' }).facts.honors,
    ).toBeUndefined()
  })

  it.each([
    ['营收没到一千万', 'lt', 1000],
    ['五百多万', 'gt', 500],
    ['超过2000万', 'gt', 2000],
    ['1000万以上', 'ge', 1000],
  ])('%s is a bound (%s %d), not a value', (text, op, value) => {
    const reading = read(text, revenue)
    expect(reading.facts.revenue).toBeUndefined()
    expect(reading.bounds).toContainEqual(expect.objectContaining({ fact: 'revenue', op, value }))
  })

  it('过 right after a fact keyword is a bound (人数过三百), after a verb it is the past (进过500强)', () => {
    expect(read('人数过三百了', { facts: ['employees'], step: 'question' }).bounds).toMatchObject([
      { fact: 'employees', op: 'gt', value: 300 },
    ])
    const award = read('创客中国进过500强', { facts: ['makerChinaTop'], step: 'question' })
    expect(award.bounds).toEqual([])
    expect(award.facts.makerChinaTop).toBe(500)
  })

  it.each([
    ['营收过亿了', 'gt', 10000],
    ['营业额还没过千万', 'le', 1000],
  ])('a bound word before a bare magnitude means one of it: %s (%s %d)', (text, op, value) => {
    expect(read(text, revenue).bounds).toMatchObject([{ fact: 'revenue', op, value }])
  })

  it('千万 without a bound word is no number ("千万别记错")', () => {
    expect(read('千万别记错了', revenue).bounds).toEqual([])
  })

  it('五百多万 is also below 600万 (only the digits after 五百 are unknown)', () => {
    expect(read('五百多万', revenue).bounds.map((bound) => [bound.op, bound.value])).toEqual([
      ['gt', 500],
      ['lt', 600],
    ])
  })
})

describe('readReply: corrections without a keyword', () => {
  it('前年那个是两千六 我记岔了 corrects the earlier year (dialect 记岔了)', () => {
    expect(
      read(
        '前年那个是两千六 我记岔了',
        { facts: ['rdExpense'], step: 'question' },
        { revenue: 3200, revenuePrev: 2800 },
        [{ fact: 'revenuePrev', value: 2800 }],
      ),
    ).toMatchObject({ act: 'correct', facts: { revenuePrev: 2600 } })
  })

  it('多打了个0，是300万 replaces the last value', () => {
    expect(
      read(
        '不好意思多打了个0，是300万',
        { facts: ['mainRevenuePrev', 'mainRevenue'], step: 'question' },
        { revenue: 3000 },
        [{ fact: 'revenue', value: 3000 }],
      ),
    ).toMatchObject({
      act: 'correct',
      facts: { revenue: 300 },
    })
  })

  it('多打了个0 alone divides the last value by ten', () => {
    expect(read('多打了个0', revenue, { rdExpense: 2400 }, [{ fact: 'rdExpense', value: 2400 }]).facts).toEqual({
      rdExpense: 240,
    })
  })

  it('不是2300是2800 replaces the value named', () => {
    const known = { revenue: 2300, employees: 150 }
    expect(
      read('不是2300是2800', { facts: ['mainRevenue'], step: 'question' }, known, [{ fact: 'revenue', value: 2300 }])
        .facts,
    ).toEqual({ revenue: 2800 })
  })

  it('刚才那个数是前年的 moves the last value to 前年', () => {
    const reading = read(
      '刚才那个数是前年的，去年是4000万',
      { facts: ['mainRevenue'], step: 'question' },
      { revenue: 3200 },
      [{ fact: 'revenue', value: 3200 }],
    )
    expect(reading.facts).toEqual({ revenue: 4000, revenuePrev: 3200 })
  })
})

describe('readReply: openings', () => {
  it('an opening keeps its facts and its intent', () => {
    const reading = read('我们公司注册在天津，能评专精特新小巨人吗', { facts: [], step: 'idle' })
    expect(reading).toMatchObject({
      intent: 'assess',
      programs: ['little-giant'],
      facts: { registeredInBeijing: false },
    })
    expect(read('我们在燕郊，离北京很近，能评北京的创新型吗', { facts: [], step: 'idle' }).facts).toEqual({
      registeredInBeijing: false,
    })
    expect(read('海淀的软件公司，去年营收3200万研发300万，想评专精特新', { facts: [], step: 'idle' }).facts).toEqual({
      registeredInBeijing: true,
      industry: 'software',
      revenue: 3200,
      rdExpense: 300,
    })
  })
})

describe('readReply: causes found with the second corpus batch', () => {
  it.each(['亏损的话能不能评', '如果研发人员不够会怎样', '省部级科技奖是不是得排前几名才算'])(
    '%s asks, states nothing',
    (text) => {
      expect(read(text, revenue, { industry: 'software', employees: 150 })).toMatchObject({ act: 'ask', facts: {} })
    },
  )

  it('after 改成 a value replaces the fact of its topic already given, not the one pending', () => {
    const reading = read('营收改成1500万', { facts: ['revenuePrev'], step: 'question' }, { revenue: 1200 })
    expect(reading).toMatchObject({ act: 'correct', facts: { revenue: 1500 } })
  })

  it('a place before 的 and a word for something the firm has is not where the firm is registered', () => {
    const techConversion: ExpectedAnswer = { facts: ['techConversion'], step: 'question' }
    expect(read('有首台套认定，还有国外的FDA认证', techConversion, { registeredInBeijing: true }).facts).toEqual({
      techConversion: ['firstSetCertified', 'foreignCert'],
    })
    expect(read('海淀的软件公司', { facts: [], step: 'idle' }).facts).toMatchObject({
      registeredInBeijing: true,
      industry: 'software',
    })
  })

  it.each(['主营收入没分开算过', '研发人员不好统计', '年报还没做完'])('%s keeps the facts unknown, never 0', (text) => {
    const reading = read(text, { facts: ['mainRevenue', 'rdStaff', 'netProfit'], step: 'question' })
    expect(reading.facts).toEqual({})
    expect(reading.act).toBe('unknown')
  })
})

describe('readReply: swaps and open bounds', () => {
  it('说反了 trades the last two values of one topic', () => {
    const reading = read(
      '不好意思，营收前年和去年说反了',
      { facts: ['rdExpense'], step: 'question' },
      { revenue: 3200, revenuePrev: 2800 },
    )
    expect(reading).toMatchObject({ act: 'correct', facts: { revenue: 2800, revenuePrev: 3200 } })
  })

  it('a swap that gives the numbers is read as they are given', () => {
    const last = [
      { fact: 'revenuePrev' as const, value: 2800 },
      { fact: 'revenue' as const, value: 3200 },
    ]
    const reading = read(
      '前年的写反了，去年2800前年3200',
      { facts: ['rdExpense'], step: 'question' },
      { revenue: 3200, revenuePrev: 2800 },
      last,
    )
    expect(reading.facts).toMatchObject({ revenue: 2800, revenuePrev: 3200 })
  })

  it.each([
    ['软著五十个往上', 'ge'],
    ['差一点到一百人', 'lt'],
  ])('%s is a bound, not a value', (text, op) => {
    const reading = read(text, { facts: ['ipClass2', 'employees'], step: 'question' })
    expect(reading.facts).toEqual({})
    expect(reading.bounds.map((bound) => bound.op)).toEqual([op])
  })
})

describe('readReply: a whole matter not known', () => {
  it.each(['融资的事得问老板', '融资这块我不清楚'])('%s leaves every fact asked unknown', (text) => {
    const financing: ExpectedAnswer = { facts: ['equityFinancing2y', 'equityFinancing3y', 'listing'], step: 'question' }
    const reading = read(text, financing)
    expect(reading.act).toBe('unknown')
    expect([...reading.unknown].sort()).toEqual(['equityFinancing2y', 'equityFinancing3y', 'listing'])
  })

  it('a fact word without 的事 keeps the other facts open', () => {
    const reading = read('研发费用不清楚', { facts: ['rdExpense', 'rdStaff'], step: 'question' })
    expect(reading.unknown).toEqual(['rdExpense'])
  })
})

describe('readReply: 的话 marks a topic beside a number, a supposition without one', () => {
  it('前年研发190万 去年的话是230万 gives both years', () => {
    const reading = read('前年研发190万 去年的话是230万', { facts: ['rdExpense', 'rdExpensePrev'], step: 'question' })
    expect(reading.facts).toEqual({ rdExpensePrev: 190, rdExpense: 230 })
  })

  it('资产多少要看财务报表 keeps the figure unknown', () => {
    expect(read('资产多少要看财务报表，我这没有', { facts: ['totalAssets'], step: 'question' })).toMatchObject({
      act: 'unknown',
      facts: {},
      unknown: ['totalAssets'],
    })
  })
})

describe('readReply: 不过 and skip beside unknown', () => {
  it('营收不过三千万 is a bound', () => {
    const reading = read('营收不过三千万', revenue)
    expect(reading.facts).toEqual({})
    expect(reading.bounds.map((bound) => [bound.fact, bound.op, bound.value])).toEqual([['revenue', 'le', 3000]])
  })

  it('不过 elsewhere still separates clauses', () => {
    expect(read('员工150人，不过研发人员才20', { facts: ['employees', 'rdStaff'], step: 'question' }).facts).toEqual({
      employees: 150,
      rdStaff: 20,
    })
  })

  it('保密 beside 记不清 is unknown, not a skip', () => {
    expect(read('融资的具体金额保密，也记不太清', { facts: ['equityFinancing2y'], step: 'question' }).act).toBe(
      'unknown',
    )
  })
})

describe('readReply: a closing question makes the case before it a premise', () => {
  it.each(['在北京有分公司但总部在上海，能算吗', '我们是分公司，算不算？'])('%s asks and records nothing', (text) => {
    expect(read(text, registration)).toMatchObject({ act: 'ask', facts: {} })
  })

  it('a figure before a closing question is still read', () => {
    expect(read('去年营收3200万，够吗', revenue).facts).toMatchObject({ revenue: 3200 })
  })
})

describe('readReply: grammar rules of the 2026-12-02 batch', () => {
  it('a leading bare 没有 answers a negative group although the message goes on to another fact', () => {
    expect(read('都没有 我们一直合规经营 营收去年3000万', compliance).facts).toEqual({
      creditBlacklisted: false,
      restrictedProducts: false,
      majorIncident3y: false,
      revenue: 3000,
    })
  })

  it('被列入 affirms and 没被列入 denies a listing', () => {
    expect(read('被列入过经营异常名录', compliance).facts).toEqual({ creditBlacklisted: true })
    expect(read('没有被列入经营异常', compliance).facts).toMatchObject({ creditBlacklisted: false })
  })

  it('没那么多 at the summary says a value is wrong without giving one', () => {
    expect(read('有问题 人数没那么多', summary)).toMatchObject({ act: 'deny', facts: {} })
  })

  it('啥X都没有 and 没打算X deny', () => {
    const honors: ExpectedAnswer = { facts: ['honors', 'rdInstitution'], step: 'question' }
    expect(read('啥荣誉都没有 研发机构也没有', honors).facts).toEqual({ honors: [], rdInstitution: 'none' })
    const financing: ExpectedAnswer = { facts: ['equityFinancing2y', 'equityFinancing3y', 'listing'], step: 'question' }
    expect(read('没融过资 也没打算上市', financing).facts).toEqual({
      equityFinancing2y: 0,
      equityFinancing3y: 0,
      listing: 'none',
    })
  })

  it('主营 before what the firm does names its industry', () => {
    expect(read('我司注册于海淀区，主营软件开发。', { facts: [], step: 'idle' }).facts).toMatchObject({
      industry: 'software',
    })
  })
})

describe('readReply: bounds from both sides narrow one figure', () => {
  it.each(['接近一个亿吧 九千多万', '营收接近一个亿，九千多万吧'])('%s bounds revenue from both sides', (text) => {
    const reading = read(text, { facts: ['revenue'], step: 'question' })
    expect(reading.facts).toEqual({})
    expect(reading.bounds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fact: 'revenue', op: 'lt', value: 10000 }),
        expect.objectContaining({ fact: 'revenue', op: 'gt', value: 9000 }),
      ]),
    )
  })

  it('bounds of two years stay with their years', () => {
    expect(read('去年超过两千万 前年不到一千五', revenue).bounds).toEqual([
      expect.objectContaining({ fact: 'revenue', op: 'gt', value: 2000 }),
      expect.objectContaining({ fact: 'revenuePrev', op: 'lt', value: 1500 }),
    ])
  })
})

describe('readReply: voice input and acknowledgements', () => {
  const idle: ExpectedAnswer = { facts: [], step: 'idle' }
  it.each([
    ['测一测专精特新我们是朝阳的软件公司', { registeredInBeijing: true, industry: 'software' }],
    ['公司注册在河北想问下小巨人有戏吗', { registeredInBeijing: false }],
    ['帮我评估一下专精特新我们是做新材料的', { industry: 'industry' }],
    ['连锁超市员工800人营收3个亿能评创新型吗', { industry: 'retail', employees: 800, revenue: 30000 }],
  ])('a request about a program is a clause of its own: %s', (text, facts) => {
    expect(read(text, idle).facts).toMatchObject(facts)
  })

  it('a program named as a fact keeps its polarity', () => {
    const prerequisite: ExpectedAnswer = { facts: ['innovativeSmeValid', 'specializedSmeValid'], step: 'question' }
    expect(read('创新型有 专精特新没有', prerequisite).facts).toEqual({
      innovativeSmeValid: true,
      specializedSmeValid: false,
    })
  })

  it('嗯 opening a longer reply only acknowledges', () => {
    expect(read('嗯 没有', compliance).facts).toEqual({
      creditBlacklisted: false,
      restrictedProducts: false,
      majorIncident3y: false,
    })
    expect(read('嗯 营收写错了', summary).act).toBe('deny')
    expect(read('嗯', summary).act).toBe('confirm')
  })
})

describe('readReply: statements of voice input without punctuation', () => {
  it.each([
    ['去年3200万前年的记不得了', revenue, { revenue: 3200 }, ['revenuePrev']],
    [
      '失信没有限制类不太清楚事故没有',
      compliance,
      { creditBlacklisted: false, majorIncident3y: false },
      ['restrictedProducts'],
    ],
  ] as const)('%s', (text, expected, facts, unknown) => {
    const reading = read(text, expected)
    expect(reading.facts).toEqual(facts)
    expect(reading.unknown).toEqual(unknown)
  })

  it('a polarity before a fact stays with it, and a figure before its keyword too', () => {
    const quality: ExpectedAnswer = { facts: ['qualityCert', 'qualityAward', 'ownBrand'], step: 'question' }
    expect(read('有iso9001没有质量奖', quality).facts).toEqual({ qualityCert: true, qualityAward: false })
    const ip: ExpectedAnswer = { facts: ['ipClass1', 'ipClass2'], step: 'question' }
    expect(read('有12个发明专利', ip).facts).toEqual({ ipClass1: 12 })
  })
})

describe('readReply: corrections of the 2026-12-02 batches', () => {
  const rd: ExpectedAnswer = { facts: ['rdExpense', 'rdExpensePrev', 'rdStaff'], step: 'question' }
  const held: Facts = { industry: 'software', employees: 150, revenue: 3200, revenuePrev: 2800 }
  const last = [
    { fact: 'revenuePrev' as const, value: 2800 },
    { fact: 'revenue' as const, value: 3200 },
  ]

  it('a figure right before 打错了 is the wrong one', () => {
    expect(read('去年营收3200打错了 是3020', rd, held, last).facts).toEqual({ revenue: 3020 })
  })

  it('a value said to be of a year no fact asks for leaves its slot to the figure after it', () => {
    expect(read('2800那个是大前年的 前年是3000', rd, held, last).facts).toEqual({ revenuePrev: 3000 })
  })

  it('a value said to be of another year moves there, and the other clauses still count', () => {
    const rdHeld: Facts = { ...held, rdExpense: 240 }
    const reading = read('对了 研发费用是二百六 之前给的是前年的', { facts: [], step: 'idle' }, rdHeld, [
      { fact: 'rdExpense', value: 240 },
    ])
    expect(reading.facts).toEqual({ rdExpense: 260, rdExpensePrev: 240 })
    expect(read('营收不对 是前年的 去年是三千六', summary, held).facts).toEqual({ revenue: 3600, revenuePrev: 3200 })
  })

  it('一点五个亿 is a figure, not the noise word 一点', () => {
    expect(read('我们营收去年一点五个亿', { facts: [], step: 'idle' }).facts).toEqual({ revenue: 15000 })
  })

  it('a trade decides the compound it opens', () => {
    expect(read('批发电子元器件 35人', size).facts).toEqual({ industry: 'wholesale', employees: 35 })
  })
})

describe('readReply: which fact a spoken polarity belongs to', () => {
  it.each([
    [
      '海淀的独立法人没有失信也没违法',
      { registeredInBeijing: true, independentLegalPerson: true, creditBlacklisted: false, majorIncident3y: false },
    ],
    [
      '北京朝阳注册的独立法人没有失信记录',
      { registeredInBeijing: true, independentLegalPerson: true, creditBlacklisted: false },
    ],
  ])('%s', (text, facts) => {
    expect(read(text, registration).facts).toEqual(facts)
  })
})

describe('readReply: 没有 before a figure, 对了, a place before what the firm does', () => {
  it('没有150 says fewer, the figure after it is the value', () => {
    const reading = read('员工没有150 只有120', { facts: [], step: 'idle' }, { employees: 150 })
    expect(reading).toMatchObject({ act: 'correct', facts: { employees: 120 } })
    expect(read('营收没有一千万', { facts: ['revenue'], step: 'question' }).bounds).toEqual([
      expect.objectContaining({ fact: 'revenue', op: 'lt', value: 1000 }),
    ])
  })

  it('对了 is no yes', () => {
    expect(read('对了我们注册地不在北京 在廊坊', { facts: [], step: 'idle' }).facts).toEqual({
      registeredInBeijing: false,
    })
  })

  it('a place right before 做 is where the firm is', () => {
    expect(read('海淀做芯片设计的', size).facts).toEqual({ registeredInBeijing: true, industry: 'software' })
  })
})

describe('readReply: a word for a whole matter', () => {
  const honors: ExpectedAnswer = { facts: ['honors', 'rdInstitution'], step: 'question' }
  it('荣誉资质不清楚 leaves honors unknown, 研发中心没有 still answers', () => {
    const reading = read('荣誉资质不清楚 研发中心没有', honors)
    expect(reading.facts).toEqual({ rdInstitution: 'none' })
    expect(reading.unknown).toEqual(['honors'])
  })
})

describe('readReply: spoken clauses after 不清楚 and a leading 不对', () => {
  it('不清楚 ends its statement before what the firm does', () => {
    expect(read('人数不太清楚我们是做软件的', size)).toMatchObject({
      facts: { industry: 'software' },
      unknown: ['employees'],
    })
  })

  it('a leading 不对 is the verdict, the statement after it corrects', () => {
    expect(read('不对营收是3300万', summary, { revenue: 3200 }).facts).toEqual({ revenue: 3300 })
  })

  it('after a denied figure, the one before 打错了 is the new value', () => {
    expect(read('员工不是150是105打错了', revenue, { employees: 150 }).facts).toEqual({ employees: 105 })
  })
})

describe('readReply: dialect and typing habits', () => {
  it('木有 is 没有 in every word that holds it, 再 before a place is 在', () => {
    expect(read('木有要改的', summary).act).toBe('confirm')
    expect(read('我们公司再通州', { facts: [], step: 'idle' }).facts).toEqual({ registeredInBeijing: true })
  })
})

describe('readReply: a rank ends its statement, a place before what the firm is', () => {
  it('省科技进步二等奖排第三创客中国没参加', () => {
    expect(read('省科技进步二等奖排第三创客中国没参加', awards).facts).toEqual({
      sciAwardLevel: 'provincial',
      sciAwardRank: 3,
      makerChinaTop: null,
    })
  })

  it('北京独立法人 names where the firm is, 北京分公司 only where a branch is', () => {
    expect(read('北京独立法人', registration).facts).toEqual({
      registeredInBeijing: true,
      independentLegalPerson: true,
    })
    expect(read('北京分公司', registration).facts).toEqual({ independentLegalPerson: false })
  })
})

describe('readReply: policy questions typed outside an assessment', () => {
  const idle: ExpectedAnswer = { facts: [], step: 'idle' }
  it.each(['创新券领取 创业团队的人有没有年龄限制', '品牌演艺活动要在北京办过几届才能报'])(
    '%s asks and records nothing (有没有 is not 人有 + 没有; 几届 asks a count)',
    (text) => {
      const reading = read(text, idle)
      expect(reading.asks).toBe(true)
      expect(reading.facts).toEqual({})
    },
  )
})

describe('readReply: replies typed in traditional characters read as simplified ones', () => {
  it.each(['對', '沒錯', '對的 沒問題'])('%s at the summary confirms', (text) => {
    expect(read(text, summary).act).toBe('confirm')
  })
  it('沒有的 answers a whole negative yes/no group; 營收寫錯了 denies at the summary', () => {
    expect(read('一條都沒有', compliance).facts).toEqual({
      creditBlacklisted: false,
      restrictedProducts: false,
      majorIncident3y: false,
    })
    expect(read('營收寫錯了', summary).act).toBe('deny')
  })
})

describe('readReply: a few of a thing are no headcount', () => {
  it('一个高尔夫练习场 / 两个盘 count things; 两个研发 and 员工两个 count people', () => {
    expect(read('经营一个高尔夫练习场', size).facts.employees).toBeUndefined()
    expect(read('房地产开发 在通州盖了两个盘', size).facts.employees).toBeUndefined()
    expect(read('员工两个 都是家里人', size).facts.employees).toBe(2)
    expect(read('员工就两个吧', size).facts.employees).toBe(2)
  })

  it('any figure before a classifier that never counts people (3家店, 三十台厢货) counts things', () => {
    expect(read('3家店 一共60个人', size).facts.employees).toBe(60)
    expect(read('自己有三十台厢货 员工四十五', size).facts.employees).toBe(45)
    expect(read('做软件的 150人', size).facts.employees).toBe(150)
    expect(read('开了个影城 六个厅 卖电影票', size).facts.employees).toBeUndefined()
  })
})

describe('readReply: an explanation instead of the figure', () => {
  it('leaves the asked facts unknown when the reply explains why there is no figure', () => {
    for (const text of ['去年账本让楼上漏水给泡了 正托人去税务局调申报记录呢', '营收跟开票对不上 税务那边在核']) {
      const reading = read(text, revenue)
      expect(reading.act, text).toBe('unknown')
      expect(reading.unknown, text).toEqual(expect.arrayContaining(['revenue']))
      expect(reading.facts, text).toEqual({})
    }
  })
  it('moving on instead of answering skips the question', () => {
    for (const text of ['这个管理方面的我就不一一说了你直接往后问吧', '营收这块先搁一搁 问下一项'])
      expect(read(text, revenue).act, text).toBe('skip')
  })
  it('an account of a sentence without any such word explains too', () => {
    const reading = read('利润表在会计的U盘里 她回老家坐月子了', revenue)
    expect(reading.act).toBe('unknown')
    expect(reading.unknown).toEqual(expect.arrayContaining(['revenue']))
  })
  it('a figure, a short reply or a vague size alone is no explanation', () => {
    expect(read('营收还在三千万左右', revenue).act).not.toBe('unknown')
    expect(read('嗯嗯好的', revenue).act).not.toBe('unknown')
    expect(read('明天开会', revenue).act).not.toBe('unknown')
    expect(read('营收的话大概是有大几千万这么个规模吧', revenue).act).not.toBe('unknown')
  })
})

describe('readReply: a count asked back from a bare 有 is unknown when the next clause says so', () => {
  it('软著有 + 具体几个不清楚 leaves the count unknown instead of asking for it', () => {
    const reading = read('软著是有的 具体几个我不清楚', ip)
    expect(reading.act).toBe('unknown')
    expect(reading.unknown).toContain('ipClass2')
    expect(reading.rejected.map(({ fact }) => fact)).not.toContain('ipClass2')
  })
  it('a bound stays a bound: 一千万左右 + 具体得看报表 is no unknown', () => {
    expect(read('一千万左右吧，具体得看报表', revenue).act).not.toBe('unknown')
  })
})

describe('readReply: new correction and denial words', () => {
  const known: Facts = { revenue: 3200, revenuePrev: 2800, employees: 150 }
  it('两个数对调一下 swaps the last two values of one topic (两个数 is no count)', () => {
    const lastValues = [
      { fact: 'revenuePrev' as const, value: 2800 },
      { fact: 'revenue' as const, value: 3200 },
    ]
    const reading = read('两个数对调一下', revenue, known, lastValues)
    expect(reading.act).toBe('correct')
    expect(reading.facts).toEqual({ revenue: 2800, revenuePrev: 3200 })
  })
  it('a last value named, then a new figure, replaces it; a value said to be of another slot, or denied, does not', () => {
    const lastValues = [
      { fact: 'employees' as const, value: 150 },
      { fact: 'revenuePrev' as const, value: 2800 },
      { fact: 'revenue' as const, value: 3200 },
    ]
    const byRoster = read('150那个是我随口说的 刚让人事拉了花名册 一百四十四', summary, known, lastValues)
    expect(byRoster.act).toBe('correct')
    expect(byRoster.facts).toEqual({ employees: 144 })
    const invoiced = read('营收3200是开票数 账上确认的收入是3080', summary, known, lastValues)
    expect(invoiced.facts).toEqual({ revenue: 3080 })
    // Restating the known values beside new ones corrects nothing.
    const restated = read('营收去年3200万前年2800万，员工150人', revenue, known, lastValues)
    expect(restated.act).toBe('answer')
    expect(restated.facts).toMatchObject({ revenue: 3200, revenuePrev: 2800 })
  })
  it('研发费用那里有问题 / 前年的数对不上 deny at the summary and set no value', () => {
    const summaryKnown: Facts = { revenue: 3200, rdExpense: 240 }
    for (const text of ['研发费用那里有问题', '前年的数对不上']) {
      const reading = read(text, summary, summaryKnown)
      expect(reading.act, text).toBe('deny')
      expect(reading.facts, text).toEqual({})
    }
  })
  it('三个都不沾边 answers every compliance question no', () => {
    expect(read('三个都不沾边', compliance).facts).toEqual({
      creditBlacklisted: false,
      restrictedProducts: false,
      majorIncident3y: false,
    })
  })
  it('近两年融资写错了，应该是1500万: the window named with the fact carries into the next clause', () => {
    const financing: ExpectedAnswer = { facts: ['listing'], step: 'question' }
    const reading = read('近两年融资写错了，应该是1500万', financing, {
      equityFinancing2y: 1000,
      equityFinancing3y: 2000,
    })
    expect(reading.act).toBe('correct')
    expect(reading.facts).toEqual({ equityFinancing2y: 1500 })
  })
})

describe('readReply: what an opening says about the firm', () => {
  const idle: ExpectedAnswer = { facts: [], step: 'idle' }
  it('营业执照还没下来 / 还没注册公司: not registered (in Beijing or anywhere)', () => {
    expect(read('想评一下创新型，营业执照还没下来', idle).facts).toMatchObject({ registeredInBeijing: false })
    expect(read('公司还没注册下来 先评估看看', idle).facts).toMatchObject({ registeredInBeijing: false })
  })
  it('分所 and 个体店 are no independent legal persons', () => {
    expect(read('我们是律所的北京分所', idle).facts).toMatchObject({ independentLegalPerson: false })
    expect(read('我们就是个体店', idle).facts).toMatchObject({ independentLegalPerson: false })
  })
  it('不知道够不够条件 wonders about the verdict: what the firm said stays said', () => {
    const reading = read('我们是丰台的一家物流企业 想申报创新型中小企业 不知道够不够条件', idle)
    expect(reading.facts).toMatchObject({ registeredInBeijing: true, industry: 'transport' })
    expect(reading.unknown).toEqual([])
  })
  it('请问我们… asks; it is no 问我们 (ask someone of ours)', () => {
    const reading = read('请问我们这种情况可以申报创新型中小企业吗 我们是朝阳区的一家公司', idle)
    expect(reading.unknown).toEqual([])
    expect(reading.facts).toMatchObject({ registeredInBeijing: true })
  })
  it('专精特新去年拿下了: the firm holds the title', () => {
    expect(read('专精特新去年拿下了 今年想报小巨人', idle).facts).toMatchObject({ specializedSmeValid: true })
  })
})

describe('readReply: record-like and English replies', () => {
  it('no problem confirms at the summary; 有一项需要修改 denies', () => {
    expect(read('no problem', summary).act).toBe('confirm')
    expect(read('No problem', summary).act).toBe('confirm')
    expect(read('有一项需要修改', summary).act).toBe('deny')
  })
  it.each([
    ['所属行业：科技推广和应用服务业', 'other'],
    ['做无人零售柜', 'retail'],
    ['做外贸服装 自己不生产 从工厂拿货出口', 'wholesale'],
  ])('%s → %s (a name of the standard, 无人零售, a negated activity is none)', (text, industry) => {
    const reading = read(text, size)
    expect(reading.facts).toEqual({ industry })
    expect(reading.unsure).toEqual([])
  })
  it('高新那个说错了 证书去年就过期了: the polarity after a title said wrong is about that title', () => {
    const reading = read('高新那个说错了 证书去年就过期了', awards, { honors: ['highTech'] })
    expect(reading.facts).toEqual({ honors: [] })
    expect(reading.act).toBe('correct')
  })
})

describe('readReply: customers, differences and dialect', () => {
  it.each([
    ['给学校做食堂', 'catering'],
    ['帮餐厅做外卖小程序', 'software'],
    ['我们给医院供应医疗耗材 不生产 只做经销', 'wholesale'],
  ])('%s → %s (the industry after 给 is the customer; 只做 names the main activity)', (text, industry) => {
    const reading = read(text, size)
    expect(reading.facts).toEqual({ industry })
    expect(reading.unsure).toEqual([])
  })
  it('卖设备给经销商的: whom the firm sells to still says how it trades', () => {
    expect(read('我们是卖设备给经销商的', size).facts).toEqual({ industry: 'wholesale' })
  })
  it('多报了两百万 / 少说了十个 correct by the difference; 多说了一个零 still drops a zero', () => {
    const known: Facts = { revenue: 3200, employees: 150, rdExpense: 240 }
    expect(read('去年营收多报了两百万', revenue, known).facts).toEqual({ revenue: 3000 })
    expect(read('员工少说了十个', revenue, known).facts).toEqual({ employees: 160 })
    expect(read('营收多报了 应该是3100', revenue, known).facts).toEqual({ revenue: 3100 })
    expect(read('研发费用多说了一个零', revenue, known).facts).toEqual({ rdExpense: 24 })
  })
  it('要得 confirms at the summary; 还没成立公司 is not registered', () => {
    expect(read('要得', summary).act).toBe('confirm')
    expect(read('还没成立公司 团队在孵化器里', { facts: [], step: 'idle' }).facts).toMatchObject({
      registeredInBeijing: false,
    })
  })
})

describe('readReply: chat-platform artifacts', () => {
  const known: Facts = { revenue: 3200, employees: 150 }
  it('an arrow or 非 marks the figure before it as the wrong one', () => {
    expect(read('营收3200➡3600', revenue, known).facts).toEqual({ revenue: 3600 })
    expect(read('人数是158（非150）', revenue, known).facts).toEqual({ employees: 158 })
  })
  it('❌ is a no; numbered answers 1、2、3、 are clauses, not figures', () => {
    expect(read('❌❌❌', compliance).facts).toEqual({
      creditBlacklisted: false,
      restrictedProducts: false,
      majorIncident3y: false,
    })
    expect(read('1、没有 2、没有 3、没有', compliance).facts).toEqual({
      creditBlacklisted: false,
      restrictedProducts: false,
      majorIncident3y: false,
    })
  })
  it('@mentions and one’s own phone say nothing about the firm', () => {
    const idle: ExpectedAnswer = { facts: [], step: 'idle' }
    const reading = read('@政策助手 想评专精特新 我的手机13900001111', idle)
    expect(reading.facts).toEqual({})
    expect(reading.intent).toBe('assess')
  })
})

describe('readReply: openings and replies of batch 6000', () => {
  const idle: ExpectedAnswer = { facts: [], step: 'idle' }
  const honors: ExpectedAnswer = { facts: ['honors', 'rdInstitution'], step: 'question' }
  it('a city by its nickname or a Tianjin district is registered elsewhere', () => {
    expect(read('公司注册在津门 北京这边有个仓库 能评创新型吗', idle).facts).toMatchObject({
      registeredInBeijing: false,
    })
    expect(read('公司注册在北辰 离北京挺近 能评专精特新吗', idle).facts).toMatchObject({ registeredInBeijing: false })
  })
  it('只有 asserts what follows a denied licence: 没有营业执照只有登记证 is no independent legal person', () => {
    expect(read('外地企业在北京设的 没有营业执照只有登记证 想咨询创新型', idle).facts).toMatchObject({
      independentLegalPerson: false,
    })
    expect(read('执照上写的是经营者 就是我本人 能不能评创新型', idle).facts).toMatchObject({
      independentLegalPerson: false,
    })
  })
  it('an event said in an opening (虚开发票被处罚过) is a major incident; 没被处罚过 at its question is none', () => {
    expect(read('公司前年因为虚开增值税发票被处罚过 还能评专精特新吗', idle).facts).toMatchObject({
      majorIncident3y: true,
    })
    expect(read('没被处罚过', compliance).facts).toMatchObject({ majorIncident3y: false })
  })
  it('X有戏没 asks about X: its 没 denies nothing', () => {
    const reading = read('专精特新有戏没 我们做检测仪器的 自己生产', idle)
    expect(reading.intent).toBe('assess')
    expect(reading.facts).toEqual({ industry: 'industry' })
  })
  it('a 没有 stands when a later clause, two away, does not know something else', () => {
    const reading = read('研发机构没有 高新证书好像今年到期 续没续上得上网查查', honors)
    expect(reading.facts).toEqual({ rdInstitution: 'none' })
    expect(reading.unknown).toEqual(['honors'])
  })
})

describe('readReply: an industry said to be the customer', () => {
  const size: ExpectedAnswer = { facts: ['industry', 'employees'], step: 'question' }
  it('学校是我们的客户 / 宠物医院只是我们的客户 name whom the firm serves, not what it is', () => {
    expect(read('学校是我们的客户 我们做排课软件', size).facts).toEqual({ industry: 'software' })
    expect(read('宠物医院只是我们的客户', size).facts.industry).not.toBe('other')
  })
  it('goods bought from a supplier and sold on to a named business are wholesale; made by the firm, its industry', () => {
    expect(read('客户是幼儿园 我们给他们供绘本 从出版社进的货', size).facts).toEqual({ industry: 'wholesale' })
    expect(read('宠物医院只是我们的客户 我们给它们供兽药和耗材 从厂家拿货', size).facts).toEqual({
      industry: 'wholesale',
    })
    expect(read('兽用疫苗 自己生产 给养殖场供货', size).facts).toEqual({ industry: 'industry' })
  })
})

describe('readReply: withdrawing a value given', () => {
  const ip: ExpectedAnswer = {
    facts: ['ipClass1', 'ipClass1SelfDeveloped', 'ipHighValue', 'ipClass2'],
    step: 'question',
  }
  const known: Facts = { employees: 150, revenue: 3200, debtRatio: 48, honors: ['highTech', 'ipAdvantage'] }
  const withLast = (text: string) =>
    readReply(text, ip, known, {
      lastFiscalYear: 2025,
      lastValues: [
        { fact: 'debtRatio', value: 48 },
        { fact: 'revenue', value: 3200 },
        { fact: 'employees', value: 150 },
      ],
    })
  it('负债率那个先撤了 / 员工那个数先别算 clear the value named; 高新那个先别勾 takes the title off', () => {
    expect(withLast('负债率那个先撤了 我说的是集团的')).toMatchObject({ act: 'correct', cleared: ['debtRatio'] })
    expect(withLast('员工那个数先别算 我再核一下')).toMatchObject({ act: 'correct', cleared: ['employees'] })
    expect(withLast('高新那个你先别勾').facts).toEqual({ honors: ['ipAdvantage'] })
  })
  it('naming nothing withdraws the last value; with a new figure it is a replacement', () => {
    expect(withLast('刚才那个先别算')).toMatchObject({ act: 'correct', cleared: ['debtRatio'] })
    expect(withLast('负债率先不算了 应该是五十二').facts).toMatchObject({ debtRatio: 52 })
  })
  it('核过了 says it was checked: the figure after it is the value, not a bound', () => {
    expect(read('核过了 146人', size).facts).toEqual({ employees: 146 })
  })
})

describe('readReply: bounds said by idiom or narrowed after a keyword', () => {
  const rd: ExpectedAnswer = { facts: ['rdExpense', 'rdExpensePrev', 'rdStaff'], step: 'question' }
  it('一只手数得过来 is at most 5, 两只手数不过来 more than 10 (reply-words.json figure entries)', () => {
    expect(read('研发的人一只手数得过来', rd).bounds).toMatchObject([{ fact: 'rdStaff', op: 'le', value: 5 }])
    expect(read('研发人员两只手数不过来', rd).bounds).toMatchObject([{ fact: 'rdStaff', op: 'gt', value: 10 }])
  })
  it('员工不到一百五 但一百二以上肯定有: the bare bound narrows the keyword’s', () => {
    expect(read('员工不到一百五 但一百二以上肯定有', size).bounds).toMatchObject([
      { fact: 'employees', op: 'lt', value: 150 },
      { fact: 'employees', op: 'ge', value: 120 },
    ])
  })
})

describe('readReply: what the firm does, said with negations and trades (batch 7000)', () => {
  it('不做/不卖 X deny X; goods sold beside a trade word are the trade’s; others making the goods is trading', () => {
    expect(read('我们不做软件 做硬件', size).facts).toEqual({ industry: 'industry' })
    expect(read('不卖软件 卖电脑硬件 几个大牌子的代理 往下批给渠道商', size).facts).toEqual({ industry: 'wholesale' })
    expect(read('做预制菜 但是不生产 几家工厂给我们贴牌 我们再卖给连锁餐厅', size).facts).toEqual({
      industry: 'wholesale',
    })
  })
  it('a province by its one-character name after 在 is elsewhere; 资金数额 on the licence is no legal person', () => {
    const idle: ExpectedAnswer = { facts: [], step: 'idle' }
    expect(read('公司是在鲁注册的化工企业 北京有个办公室 小巨人能评吗', idle).facts).toMatchObject({
      registeredInBeijing: false,
    })
    expect(read('营业执照上没有注册资本那一项 只有资金数额 想评创新型', idle).facts).toMatchObject({
      independentLegalPerson: false,
    })
  })
  it('研发机构不是市级的 就是区里挂了个牌: a level denied, then the level it is', () => {
    const awards: ExpectedAnswer = { facts: ['sciAwardLevel', 'sciAwardRank'], step: 'question' }
    expect(read('研发机构不是市级的 就是区里挂了个牌', awards, { rdInstitution: 'municipal' }).facts).toEqual({
      rdInstitution: 'below',
    })
  })
  it('goods bought and sold on to consumers are retail', () => {
    expect(read('跨境直播 在TikTok上卖国内工厂的小家电 货直接从工厂拿 卖给海外的个人', size).facts).toEqual({
      industry: 'retail',
    })
  })
})

describe('readReply: corrections named by topic, tax and year (older tune misses)', () => {
  const rd: ExpectedAnswer = { facts: ['rdExpense', 'rdExpensePrev', 'rdStaff'], step: 'question' }
  const known: Facts = { revenue: 3200, revenuePrev: 2800, mainRevenue: 2700, mainRevenuePrev: 2500 }
  const last = [
    { fact: 'mainRevenuePrev' as const, value: 2500 },
    { fact: 'mainRevenue' as const, value: 2700 },
    { fact: 'revenuePrev' as const, value: 2800 },
    { fact: 'revenue' as const, value: 3200 },
  ]
  it('营收那两年我是倒着报的 swaps the topic named, not the last values given', () => {
    expect(read('营收那两年我是倒着报的 先说的是前年', rd, known, last).facts).toEqual({
      revenue: 2800,
      revenuePrev: 3200,
    })
  })
  it('不含税X replaces the figure said to include tax', () => {
    expect(read('营收3200是含税的 不含税2900', rd, known, last).facts).toEqual({ revenue: 2900 })
  })
  it('24年那个主营不对 应该是两千六: the year before 那个 picks the slot', () => {
    expect(read('24年那个主营不对 应该是两千六', rd, known, last).facts).toEqual({ mainRevenuePrev: 2600 })
  })
})

describe('readReply: batch 8000 grammar', () => {
  const quality: ExpectedAnswer = {
    facts: ['qualityCert', 'qualityAward', 'ownBrand', 'standardSetting', 'digitalLevel'],
    step: 'question',
  }
  const profit: ExpectedAnswer = { facts: ['netProfit', 'debtRatio'], step: 'question' }
  const specialization: ExpectedAnswer = { facts: ['nicheYears', 'marketShare'], step: 'question' }
  it('a part of a value given is taken off (150里有二十个…扣掉吧) or replaced by the result stated after 去掉', () => {
    const known: Facts = { employees: 150, revenue: 3200, rdExpense: 240 }
    const last = [
      { fact: 'rdExpense' as const, value: 240 },
      { fact: 'revenue' as const, value: 3200 },
      { fact: 'employees' as const, value: 150 },
    ]
    expect(read('150里有二十个是外聘顾问 不拿我们工资 扣掉吧', profit, known, last).facts).toEqual({ employees: 130 })
    expect(read('240里头算进了销售部两个人的工资 去掉他们是二百一', profit, known, last).facts).toEqual({
      rdExpense: 210,
    })
  })
  it('有：… 没有：… heads the list after the colon', () => {
    expect(read('有：9001、自主商标。没有：质量奖、标准。', quality).facts).toMatchObject({
      qualityCert: true,
      ownBrand: true,
      qualityAward: false,
      standardSetting: false,
    })
  })
  it('第十二个年头 is 12 years; 半百不到 below 50; 一百附近 about 100', () => {
    expect(read('做这个产品已经第十二个年头了', specialization).facts).toEqual({ nicheYears: 12 })
    expect(read('研发人员半百不到', { facts: ['rdStaff'], step: 'question' }).bounds).toMatchObject([
      { fact: 'rdStaff', op: 'lt', value: 50 },
    ])
    expect(read('人员在一百附近', size).facts).toEqual({})
  })
  it('不算收入 says what does not count, not that there is none', () => {
    expect(read('去年开票三千四 其中六百是代收代付的 不算收入', revenue).facts.revenue).not.toBe(0)
  })
  it('a word joined to a customer by 和 or 的 is the customer’s', () => {
    expect(read('给物流公司的货车装北斗定位终端 终端是我们自己厂里组装的', size).facts).toEqual({
      industry: 'industry',
    })
    expect(read('做光模块 给数据中心和运营商供货 自己有产线', size).facts).toEqual({ industry: 'industry' })
  })
})

describe('readReply: batch 9000 grammar', () => {
  const rd: ExpectedAnswer = { facts: ['rdExpense', 'rdExpensePrev', 'rdStaff'], step: 'question' }
  it('翻个倍 / 乘个二 double the value named or the last one given', () => {
    expect(
      read('研发人员我报的只算了一半 实际翻个倍', { facts: ['netProfit'], step: 'question' }, { rdStaff: 30 }).facts,
    ).toEqual({ rdStaff: 60 })
  })
  it('除以十 / 乘以10 apply to the value named, else the last one given; the operand is no value', () => {
    const known = { revenue: 32000, employees: 15 }
    expect(read('营收那个数报表上是千元单位 我直接当成万了 你除以十', summary, known)).toMatchObject({
      act: 'correct',
      facts: { revenue: 3200 },
    })
    expect(read('员工数乘以10', summary, known).facts).toEqual({ employees: 150 })
    // 砍一半 halves; with 都/各 every value of the topic.
    expect(
      read('研发费两年的都报成两倍了 实际得各砍一半', summary, { rdExpense: 240, rdExpensePrev: 200 }).facts,
    ).toEqual({ rdExpense: 120, rdExpensePrev: 100 })
    expect(read('研发费两年里少的那年多写了五十', summary, { rdExpense: 240, rdExpensePrev: 200 }).facts).toEqual({
      rdExpensePrev: 150,
    })
    // The operation decides over the other correction word, and its operand may be a decimal.
    expect(read('营收报高了百分之二十 你把那个数除以一点二', summary, { revenue: 3600 }).facts).toEqual({
      revenue: 3000,
    })
  })
  it('a bound said to be impossible is its opposite; 几十万 is below a million', () => {
    expect(read('营收低于两千五那是不可能的', revenue).bounds).toMatchObject([
      { fact: 'revenue', op: 'ge', value: 2500 },
    ])
    expect(read('净利润没亏 但也就几十万', { facts: ['netProfit'], step: 'question' }).bounds).toContainEqual(
      expect.objectContaining({ fact: 'netProfit', op: 'lt', value: 100 }),
    )
  })
  it('排在后头的那个 points at the last of a topic’s values; 其中纯研发 is the R&D staff', () => {
    const known: Facts = { revenue: 3200, revenuePrev: 2800 }
    expect(
      read('营收两个数 排在后头的那个应该是两千九百二', rd, known, [
        { fact: 'revenuePrev', value: 2800 },
        { fact: 'revenue', value: 3200 },
      ]).facts,
    ).toEqual({ revenuePrev: 2920 })
    expect(read('研发去年300整 前年二百七 技术岗四十个 其中纯研发二十五', rd).facts).toMatchObject({ rdStaff: 25 })
  })
})

describe('readReply: someone else knows the figure', () => {
  it('“<who>清楚 / 才知道” is not knowing it oneself (reply-words.json notKnowing.othersWhoKnow); 我清楚 is no unknown', () => {
    const quality: ExpectedAnswer = { facts: ['standardSetting', 'digitalLevel'], step: 'question' }
    expect(read('标准的事技术总监清楚 他休产假呢', quality).unknown).toContain('standardSetting')
    expect(read('营收这个数财务才知道', revenue).unknown).toContain('revenue')
    expect(read('营收我清楚 三千二', revenue).facts).toEqual({ revenue: 3200 })
  })
})

describe('readReply: old values named in a run are replaced in order', () => {
  const rd: ExpectedAnswer = { facts: ['rdExpense', 'rdExpensePrev', 'rdStaff'], step: 'question' }
  const known = { revenue: 3200, revenuePrev: 2800 }
  const last = [
    { fact: 'revenuePrev' as const, value: 2800 },
    { fact: 'revenue' as const, value: 3200 },
  ]
  it('3200和2800 … 实际是1900和1600: the first new figure replaces the first old one', () => {
    const reading = read('3200和2800是例子里的 我照着填的 我们实际是1900和1600', rd, known, last)
    expect(reading.act).toBe('correct')
    expect(reading.facts).toMatchObject({ revenue: 1900, revenuePrev: 1600 })
  })
  it('a single old value before a new figure is still replaced alone', () => {
    expect(read('2800那个不对 应该是2650', rd, known, last).facts).toMatchObject({ revenuePrev: 2650 })
  })
})

describe('readReply: English corrections', () => {
  const rd: ExpectedAnswer = { facts: ['rdExpense', 'rdExpensePrev', 'rdStaff'], step: 'question' }
  it('X should be A not B, headcount A not B', () => {
    const known = { employees: 186, revenue: 6300 }
    expect(read('sorry typo, revenue should be 3,600 not 6,300', rd, known).facts).toMatchObject({ revenue: 3600 })
    expect(read('pls update: headcount 168 not 186', rd, known).facts).toMatchObject({ employees: 168 })
  })
})

describe('readReply: English bounds', () => {
  it('south of / below / over a figure bound it', () => {
    expect(read('revenue last year was south of 30M', revenue).bounds).toContainEqual(
      expect.objectContaining({ fact: 'revenue', op: 'lt', value: 3000 }),
    )
    expect(read('over 200 people', size).bounds).toContainEqual(
      expect.objectContaining({ fact: 'employees', op: 'gt', value: 200 }),
    )
  })
})

describe('readReply: batch 10000 grammar', () => {
  it('a customer noun with any verb (客户有, 用户包括) opens a clause about the customers', () => {
    const reading = read('做进口葡萄酒批发 公司19个人 客户有200多家餐厅', size)
    expect(reading.facts).toMatchObject({ industry: 'wholesale', employees: 19 })
    expect(reading.unsure).toEqual([])
  })

  it('a place of the firm’s supplier or customer is not where the firm is', () => {
    expect(read('做蓝牙耳机品牌的 找深圳的工厂代工 卖给各地代理商', size).facts.registeredInBeijing).toBeUndefined()
    expect(read('深圳的工厂 做蓝牙耳机', registration).facts.registeredInBeijing).toBe(false)
  })

  it('whom the work is handed to (交给物业) is the customer', () => {
    expect(read('给新楼盘装电梯 装完调试好交给物业', size).facts.industry).toBe('construction')
  })
})

describe('readReply: a title that lapsed', () => {
  const honors: ExpectedAnswer = { facts: ['honors'], step: 'question' }
  it('过期了 after the one title named takes it back; 没写 about the record does not', () => {
    const known = { honors: ['highTech', 'ipAdvantage'] } as const
    expect(
      read('知识产权优势企业是2019年评的 早过期了', summary, { ...known, honors: [...known.honors] }).facts,
    ).toEqual({
      honors: ['highTech'],
    })
    expect(read('不对啊 我们有高新的 你这没写', summary, { honors: [] }).facts).toEqual({ honors: ['highTech'] })
    expect(read('高新有 已经过期了', honors).facts.honors ?? []).not.toContain('highTech')
  })
})

describe('readReply: openings of batch 10000', () => {
  const opening: ExpectedAnswer = { facts: [], step: 'idle' }
  it('a unit under a university that signs with its seal is no independent legal person', () => {
    expect(
      read('我们是某大学下属的一个研究中心 对外签合同用的是学校的公章', opening).facts.independentLegalPerson,
    ).toBe(false)
  })
  it('💰 labels the revenue as 👥 labels the headcount', () => {
    expect(read('🏢公司在丰台 👥一百三 💰去年八千七百万', opening).facts).toMatchObject({
      employees: 130,
      revenue: 8700,
    })
  })
})

describe('readReply: the year the firm began', () => {
  const niche: ExpectedAnswer = { facts: ['nicheYears', 'marketShare'], step: 'question' }
  it.each([
    ['2015年开始做这个', 11],
    ['08年就干这个', 18],
    ['19年开始做的', 7],
    ['98年就干这个', 28],
    ['干了19年', 19],
  ])('%s gives %i years in the line of business', (text, years) => {
    expect(read(text, niche).facts.nicheYears).toBe(years)
  })
})

describe('readReply: percentages of other things', () => {
  it('a loan rate or a pass rate beside the debt ratio is no second value of it', () => {
    const profit: ExpectedAnswer = { facts: ['netProfit', 'debtRatio'], step: 'question' }
    expect(read('去年净亏损85万 负债率63% 银行贷款利率3.45%', profit).facts).toEqual({ netProfit: -85, debtRatio: 63 })
  })
})

describe('readReply: a unit word right after a number', () => {
  it('占地四十亩 counts land, not people', () => {
    expect(read('做铝型材挤压 现有职工二百三十七名 厂房占地四十亩', size).facts).toEqual({
      industry: 'industry',
      employees: 237,
    })
  })
})

describe('readReply: an industry word at another question', () => {
  const financing: ExpectedAnswer = { facts: ['equityFinancing2y', 'equityFinancing3y', 'listing'], step: 'question' }
  it('changes nothing when the message does not say the firm does it', () => {
    const reading = read('融资有 上市无 协议原件在律所', financing, { industry: 'software' })
    expect(reading.facts.industry).toBeUndefined()
    expect(reading.act).not.toBe('correct')
  })
  it('still corrects it when the message says what the firm does', () => {
    expect(read('对了 我们其实是做批发的 上市没有', financing, { industry: 'software' }).facts.industry).toBe(
      'wholesale',
    )
  })
})

describe('readReply: tax-inclusive figures and a correction word per year', () => {
  it('不含税 before each year’s figure corrects nothing across years; 含税的话 figures are no value', () => {
    expect(read('去年营收不含税三千零五十 开票含税的话三千四百多 前年不含税两千七', revenue).facts).toEqual({
      revenue: 3050,
      revenuePrev: 2700,
    })
  })
})

describe('readReply: one figure written two ways', () => {
  it('负债率0.38 就是38% is one value', () => {
    const profit: ExpectedAnswer = { facts: ['netProfit', 'debtRatio'], step: 'question' }
    expect(read('负债率0.38 就是38%', profit).facts).toEqual({ debtRatio: 38 })
  })
})

describe('readReply: 奖 at the quality question', () => {
  const quality: ExpectedAnswer = {
    facts: ['qualityCert', 'qualityAward', 'ownBrand', 'standardSetting', 'digitalLevel', 'coreBusinessInfoSystem'],
    step: 'question',
  }
  const awards: ExpectedAnswer = {
    facts: ['sciAwardLevel', 'sciAwardRank', 'makerChinaTop', 'contest'],
    step: 'question',
  }
  it('is the quality award where that is asked, and nothing elsewhere; ✘ denies', () => {
    expect(read('认证有 品牌有 标准没参与过 奖没拿过', quality).facts).toMatchObject({ qualityAward: false })
    expect(read('没获过奖 比赛也没参加', awards).facts.qualityAward).toBeUndefined()
    expect(read('- 质量奖 ✘', quality).facts).toEqual({ qualityAward: false })
  })
})

describe('readReply: listed in a catalogue (目录里, 名录上)', () => {
  const compliance: ExpectedAnswer = {
    facts: ['creditBlacklisted', 'restrictedProducts', 'majorIncident3y'],
    step: 'question',
  }
  it('affirms the fact named before; 不在…里 denies it', () => {
    expect(read('我们主营的产品在国家淘汰类目录里', compliance).facts).toEqual({ restrictedProducts: true })
    expect(read('我们的产品不在淘汰类目录里', compliance).facts).toEqual({ restrictedProducts: false })
    expect(read('不在经营异常名录里', compliance).facts).toEqual({ creditBlacklisted: false })
  })
})
