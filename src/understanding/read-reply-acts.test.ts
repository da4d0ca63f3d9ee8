import { describe, expect, it } from 'vitest'
import type { FactName, Facts } from '../facts/fact-schema.js'
import { readReply, type ExpectedAnswer } from './read-reply.js'

const summary: ExpectedAnswer = { facts: [], step: 'summary' }
const size: ExpectedAnswer = { facts: ['industry', 'employees'], step: 'question' }
const registration: ExpectedAnswer = {
  facts: ['registeredInBeijing', 'independentLegalPerson'],
  step: 'question',
  yesNo: 'positive',
}
const rd: ExpectedAnswer = { facts: ['rdExpense', 'rdExpensePrev', 'rdStaff'], step: 'question' }
const quality: ExpectedAnswer = { facts: ['qualityCert', 'ownBrand', 'digitalLevel'], step: 'question' }
const known: Facts = { industry: 'software', employees: 150, revenue: 3200, revenuePrev: 2800, rdExpense: 240 }
const latestFirst = (facts: Facts) =>
  (Object.entries(facts) as Array<[FactName, unknown]>)
    .flatMap(([fact, value]) => (typeof value === 'number' ? [{ fact, value }] : []))
    .reverse()
const read = (text: string, expected: ExpectedAnswer, facts: Facts = known) =>
  readReply(text, expected, facts, { lastFiscalYear: 2025, lastValues: latestFirst(facts) })

describe('readReply: a number said to be wrong', () => {
  it.each([
    ['2800不对，应该2600', { revenuePrev: 2600 }],
    ['研发240那个错了 是204', { rdExpense: 204 }],
  ])('%s replaces the value it names', (text, facts) => {
    const reading = read(text, summary)
    expect(reading).toMatchObject({ act: 'correct', facts })
    expect(Object.keys(reading.facts)).toEqual(Object.keys(facts))
  })

  it.each(['NO 员工数不对', '员工人数有误', '那个是工资，不是研发费用'])(
    '%s never sets the named amount to none',
    (text) => {
      const reading = read(text, summary)
      expect(reading.facts).toEqual({})
    },
  )

  it('没有研发费用 still says there is none', () => {
    expect(read('没有研发费用', rd, { employees: 150 }).facts).toMatchObject({ rdExpense: 0 })
  })
})

describe('readReply: a year named with the fact carries to the corrected figure', () => {
  it.each([
    ['前年营收写错了，应该是2600万', { revenuePrev: 2600 }],
    ['营收前年的不对 二千六', { revenuePrev: 2600 }],
  ])('%s', (text, facts) => {
    const reading = read(text, summary)
    expect(reading).toMatchObject({ act: 'correct', facts })
    expect(reading.facts).not.toHaveProperty('revenue')
  })

  it('研发费用是前年的 (no correction word) still moves the value to 前年', () => {
    expect(read('研发费用是前年的，去年的是300万', rd)).toMatchObject({
      act: 'correct',
      facts: { rdExpensePrev: 240, rdExpense: 300 },
    })
  })
})

describe('readReply: typo words for a zero', () => {
  it.each([
    ['研发费用多敲了个零', { rdExpense: 24 }],
    ['营收少输了一个0', { revenue: 32000 }],
  ])('%s', (text, facts) => {
    expect(read(text, summary)).toMatchObject({ act: 'correct', facts })
  })
})

describe('readReply: denials and skips', () => {
  it.each(['有误', '错', '不准确'])('%s at the summary denies', (text) => {
    expect(read(text, summary)).toMatchObject({ act: 'deny', facts: {} })
  })

  it.each([
    ['不清楚，跳过吧', 'skip'],
    ['跳过，这个真不知道', 'unknown'],
    ['换个问题', 'skip'],
  ])('%s: the last word decides (%s)', (text, act) => {
    expect(read(text, rd).act).toBe(act)
  })
})

describe('readReply: 非 negates the word after it', () => {
  it('非个体户 is an independent legal person', () => {
    expect(read('北京注册 非个体户', registration, {}).facts).toMatchObject({
      registeredInBeijing: true,
      independentLegalPerson: true,
    })
  })

  it('非常 is no negation', () => {
    expect(read('非常确定，都是', registration, {}).facts).toMatchObject({
      registeredInBeijing: true,
      independentLegalPerson: true,
    })
  })
})

describe('readReply: industries', () => {
  it.each([
    ['服务器托管和CDN', 'telecom'],
    ['做宽带和IDC的', 'telecom'],
    ['数据清洗外包', 'software'],
  ])('%s is %s', (text, industry) => {
    const reading = read(text, size, {})
    expect(reading.facts.industry).toBe(industry)
    expect(reading.unsure).not.toContain('industry')
  })

  it('the activity called the main one decides between two', () => {
    expect(read('做快递也做仓储 快递为主', size, {}).facts.industry).toBe('postal')
    expect(read('主要是仓储，也送点快递', size, {}).facts.industry).toBe('warehousing')
  })

  it('two activities without a main one are asked back', () => {
    const reading = read('做仓储也做快递', size, {})
    expect(reading.unsure).toContain('industry')
  })
})

describe('readReply: 不清楚 after a fact named without a number', () => {
  it('is about that fact only', () => {
    const reading = read('数字化没评过级，不知道几级', quality, {})
    expect(reading.unknown).toEqual(['digitalLevel'])
  })

  it('a bare 不清楚 after a figure still covers what was asked', () => {
    const reading = read('研发人员20个，别的不清楚', rd, { employees: 150 })
    expect(reading.facts).toMatchObject({ rdStaff: 20 })
    expect(reading.unknown).toEqual(expect.arrayContaining(['rdExpense', 'rdExpensePrev']))
  })
})

describe('readReply: a value written by mistake', () => {
  it('写成 names the wrong value, the figure after 其实是 replaces it', () => {
    expect(read('营收填成三千二了 应该是三千六', summary)).toMatchObject({ act: 'correct', facts: { revenue: 3600 } })
  })
})

describe('readReply: a branch the firm has is not its legal form', () => {
  it.each([
    ['我们是分店', false],
    ['我们有三家分店', undefined],
    ['下面有两个分公司', undefined],
  ])('%s', (text, value) => {
    expect(read(text, registration, {}).facts.independentLegalPerson).toBe(value)
  })
})

describe('readReply: a modal particle closing the message says nothing', () => {
  it('研发费用包括工资不啊 still asks', () => {
    expect(read('研发费用包括工资不啊', rd).act).toBe('ask')
  })

  it('没有呢 and 是的哈 still answer', () => {
    expect(read('是的哈', registration).facts).toEqual({ registeredInBeijing: true, independentLegalPerson: true })
    expect(read('不对呢', summary).act).toBe('deny')
  })
})

describe('readReply: not knowing a whole matter', () => {
  const ip: ExpectedAnswer = {
    facts: ['ipClass1', 'ipClass1SelfDeveloped', 'ipHighValue', 'ipClass2'],
    step: 'question',
  }
  const financing: ExpectedAnswer = { facts: ['equityFinancing2y', 'equityFinancing3y', 'listing'], step: 'question' }

  it('知识产权的事我不太懂 does not know the group; 不太懂 alone asks', () => {
    expect(read('知识产权的事我不太懂', ip)).toMatchObject({ act: 'unknown' })
    expect(read('知识产权的事我不太懂', ip).unknown).toHaveLength(4)
    expect(read('不太懂', ip).act).toBe('ask')
    expect(read('这块不明白什么意思', ip).act).toBe('ask')
  })

  it('融资的事我不管，问我们CFO吧: the 不清楚 of the next clause covers the matter', () => {
    expect([...read('融资的事我不管，问我们CFO吧', financing).unknown].sort()).toEqual([
      'equityFinancing2y',
      'equityFinancing3y',
      'listing',
    ])
  })

  it('a 不清楚 right after a matter named (上市的事) is about that matter, not the amount denied before it', () => {
    const reading = read('机构的钱一分没进过 上市的事董秘在跟券商谈 谈到哪一步我说不清', financing)
    expect(reading.facts).toEqual({ equityFinancing2y: 0, equityFinancing3y: 0 })
    expect(reading.unknown).toEqual(['listing'])
  })

  it('融资我不清楚 要问老板 上市没有: a choice said two clauses after the 不清楚 stands', () => {
    const reading = read('融资我不清楚 要问老板 上市没有', financing)
    expect(reading.facts).toEqual({ listing: 'none' })
    expect([...reading.unknown].sort()).toEqual(['equityFinancing2y', 'equityFinancing3y'])
  })
})

describe('readReply: a verdict opening a message without punctuation', () => {
  it.each([
    ['不太对行业应该是信息技术咨询', 'software'],
    ['有一项不对行业应该是批发', 'wholesale'],
  ])('%s corrects the industry', (text, industry) => {
    expect(read(text, summary)).toMatchObject({ act: 'correct', facts: { industry } })
  })
})

describe('readReply: 都是 before a description', () => {
  it('没品牌，都是贴牌 says only that there is no brand; 都是 alone still answers yes', () => {
    expect(read('没品牌，都是贴牌', quality).facts).toEqual({ ownBrand: false })
    expect(read('都是', registration).facts).toEqual({ registeredInBeijing: true, independentLegalPerson: true })
    expect(read('都是吧', registration).facts).toEqual({ registeredInBeijing: true, independentLegalPerson: true })
  })
})

describe('readReply: a time to come and a delivery in one clause promise the answer later', () => {
  const revenue: ExpectedAnswer = { facts: ['revenue', 'revenuePrev'], step: 'question' }
  it.each(['明天给你', '过两天发你', '晚上整理好了告诉你', '回头再报'])('%s is unknown', (text) => {
    expect(read(text, revenue)).toMatchObject({ act: 'unknown', unknown: ['revenue', 'revenuePrev'] })
  })

  it('keeps the fact named between them, and either word alone says nothing', () => {
    expect(read('研发费用明天发你', rd).unknown).toEqual(['rdExpense', 'rdExpensePrev'])
    expect(read('明天开会', revenue).act).toBe('none')
    expect(read('去年3200万 前年的晚点发你', revenue, {})).toMatchObject({
      act: 'answer',
      facts: { revenue: 3200 },
      unknown: ['revenuePrev'],
    })
  })
})

describe('readReply: bound words through 有个 and affirming adverbs', () => {
  const revenue: ExpectedAnswer = { facts: ['revenue'], step: 'question' }
  it.each([
    ['营收怎么着也得有个四千万', 'ge', 4000],
    ['营收至少有个两千万', 'ge', 2000],
    ['营收妥妥过五千万', 'gt', 5000],
    ['营收已经过五千万', 'gt', 5000],
    ['營收不超過一千萬', 'le', 1000],
  ])('%s', (text, op, value) => {
    const reading = read(text, revenue, {})
    expect(reading.facts).toEqual({})
    expect(reading.bounds).toEqual([expect.objectContaining({ fact: 'revenue', op, value })])
  })

  it('过 after a verb is still the past, not a bound', () => {
    const awards: ExpectedAnswer = { facts: ['makerChinaTop'], step: 'question' }
    expect(read('创客中国进过500强', awards, {}).facts).toEqual({ makerChinaTop: 500 })
  })
})

describe('readReply: work said not done yet or still going on is an unknown', () => {
  const profit: ExpectedAnswer = { facts: ['netProfit', 'debtRatio'], step: 'question' }
  it.each(['该数据暂未统计', '尚未核算', '有待核实', '还在核对', '评测结果尚未公布'])('%s', (text) => {
    expect(read(text, profit, {})).toMatchObject({ act: 'unknown', unknown: ['netProfit', 'debtRatio'] })
  })

  it('names the fact it is about, lets a word stand between, and says nothing alone', () => {
    expect(read('研发人员有待统计 研发费用去年二百四十万', rd, {})).toMatchObject({
      act: 'answer',
      facts: { rdExpense: 240 },
      unknown: ['rdStaff'],
    })
    const share: ExpectedAnswer = { facts: ['marketShare'], step: 'question' }
    expect(read('市场占有率行业内无公开统计', share, {}).act).toBe('unknown')
    expect(read('专利数量需与代理机构核对后提供', { facts: ['ipClass1'], step: 'question' }, {}).act).toBe('unknown')
    // 核对 is no 对 (yes), 统计 alone no unknown.
    expect(read('核对', registration, {}).facts).toEqual({})
    expect(read('统计局', profit, {}).act).toBe('none')
  })
})

describe('readReply: Cantonese and formal negations read through variants.json', () => {
  it.each([
    ['呢个我唔清楚', 'unknown'],
    ['唔想答，下一题', 'skip'],
  ])('%s is %s', (text, act) => {
    expect(read(text, rd, {}).act).toBe(act)
  })

  it('冇 and 未 are 没 inside every word', () => {
    const compliance: ExpectedAnswer = {
      facts: ['creditBlacklisted', 'restrictedProducts', 'majorIncident3y'],
      step: 'question',
      yesNo: 'negative',
    }
    expect(read('冇失信，冇限制类，冇事故', compliance, {}).facts).toEqual({
      creditBlacklisted: false,
      restrictedProducts: false,
      majorIncident3y: false,
    })
    const size: ExpectedAnswer = { facts: ['employees'], step: 'question' }
    expect(read('从业人员未满三百人', size, {}).bounds).toEqual([
      expect.objectContaining({ fact: 'employees', op: 'lt', value: 300 }),
    ])
  })
})

describe('readReply: 不会/差一点 before a bound word keep its direction', () => {
  const revenue: ExpectedAnswer = { facts: ['revenue'], step: 'question' }
  it.each([
    ['营收不会超过两千万', 'le', 2000],
    ['营收不会低于两千万', 'ge', 2000],
    ['营收少不了两千万', 'ge', 2000],
    ['营收还差一点才到一千万', 'lt', 1000],
    ['营收顶了天也就八百万', 'le', 800],
  ])('%s', (text, op, value) => {
    const reading = read(text, revenue, {})
    expect(reading.facts).toEqual({})
    expect(reading.bounds).toEqual([expect.objectContaining({ fact: 'revenue', op, value })])
  })
})

describe('readReply: Cantonese comparatives, records that do not exist, 研发的人', () => {
  it.each([
    ['营收多过两千万', 'revenue', 'gt', 2000],
    ['员工少过一百', 'employees', 'lt', 100],
    ['营收低过一千万', 'revenue', 'lt', 1000],
  ])('%s', (text, fact, op, value) => {
    const reading = read(text, { facts: [fact as FactName], step: 'question' }, {})
    expect(reading.facts).toEqual({})
    expect(reading.bounds).toEqual([expect.objectContaining({ fact, op, value })])
  })

  it('没有具体数据 is an unknown, not a zero', () => {
    const profit: ExpectedAnswer = { facts: ['netProfit', 'debtRatio'], step: 'question' }
    expect(read('这个没有具体数据', profit, {})).toMatchObject({ act: 'unknown', facts: {} })
  })

  it('研发的人 counts staff, 研发的人工 is money', () => {
    const staff: ExpectedAnswer = { facts: ['rdStaff'], step: 'question' }
    expect(read('研发的人不超出二十', staff, {}).bounds).toEqual([
      expect.objectContaining({ fact: 'rdStaff', op: 'le', value: 20 }),
    ])
    expect(read('研发的人工两百万', rd, {}).facts).toEqual({ rdExpense: 200 })
  })
})

describe('readReply: corrections in other words', () => {
  it('a value said to have changed replaces the known one', () => {
    expect(read('员工数变成一百六了', summary)).toMatchObject({ act: 'correct', facts: { employees: 160 } })
  })

  it('a misread line marks the figure before it wrong', () => {
    expect(read('前年营收2800看串行了 应该是2680', summary)).toMatchObject({
      act: 'correct',
      facts: { revenuePrev: 2680 },
    })
  })

  it('a corrected value asked back as implausible is still a correction', () => {
    const reading = read('营收改成两千万', summary, { ...known, mainRevenue: 3000 })
    expect(reading.facts.revenue).toBeUndefined()
    expect(reading.act).toBe('correct')
  })
})

describe('readReply: a fact named without its figure, then explained', () => {
  it('stays unknown beside the figures the message gives', () => {
    const reading = read('研发这边十一个人 研发费用是税务所给做的专项审计 报告还在人家那压着没给我们', rd)
    expect(reading.facts).toMatchObject({ rdStaff: 11 })
    expect(reading.unknown).toEqual(expect.arrayContaining(['rdExpense', 'rdExpensePrev']))
  })

  it('a question about the fact explains nothing; a figure after the keyword is its own', () => {
    expect(read('研发费用按加计扣除的口径算吗', rd).unknown).toEqual([])
    expect(read('研发费用是专项审计出的 二百四', rd).facts).toMatchObject({ rdExpense: 240 })
  })
})

describe('readReply: a digit typed too many or too few (reply-words.json digitSlips)', () => {
  it('多记了个0 divides the last value by ten, 少录了一个零 multiplies it', () => {
    expect(read('多记了个0', summary, { employees: 1500 }).facts).toEqual({ employees: 150 })
    expect(read('少录了一个零', summary, { employees: 15 }).facts).toEqual({ employees: 150 })
  })
  it('another digit typed too many is no value: the figure said with it replaces', () => {
    const reading = read('刚才员工那里手一抖多按了个1 是150不是1150', summary, { employees: 1150 })
    expect(reading).toMatchObject({ act: 'correct', facts: { employees: 150 } })
  })
})

describe('readReply: a matter not known, then a figure for another fact', () => {
  it('研发费用这块真不清楚 人倒是知道 二十二个 keeps the R&D staff', () => {
    const reading = read('研发费用这块真不清楚 人倒是知道 二十二个', rd)
    expect(reading.facts).toEqual({ rdStaff: 22 })
    expect([...reading.unknown].sort()).toEqual(['rdExpense', 'rdExpensePrev'])
  })
  it('一个数 after 拿不出 is "a figure", no value', () => {
    const reading = read('研发费用没做辅助账 所以真拿不出一个数 研发人员倒是有九个', rd)
    expect(reading.facts).toEqual({ rdStaff: 9 })
    expect(reading.unknown).toEqual(expect.arrayContaining(['rdExpense']))
  })
  it('研发这块儿俺们没算过 still does not know the whole matter', () => {
    expect([...read('研发这块儿俺们没算过', rd).unknown].sort()).toEqual(['rdExpense', 'rdExpensePrev', 'rdStaff'])
  })
})

describe('readReply: not knowing whether a title held still holds', () => {
  const quality: ExpectedAnswer = {
    facts: ['qualityCert', 'qualityAward', 'ownBrand', 'standardSetting', 'digitalLevel', 'coreBusinessInfoSystem'],
    step: 'question',
  }
  const prerequisite: ExpectedAnswer = { facts: ['innovativeSmeValid', 'specializedSmeValid'], step: 'question' }
  it('还有没有效更说不好 / 过没过期我吃不透 leave the title named before unknown', () => {
    expect(read('体系认证是前任行政办的 证书放哪了都不知道 还有没有效更说不好', quality).unknown).toContain(
      'qualityCert',
    )
    const reading = read('创新型是前年评上的 有效期几年来着 过没过期我吃不透', prerequisite)
    expect(reading.facts.innovativeSmeValid).toBeUndefined()
    expect(reading.unknown).toContain('innovativeSmeValid')
  })
  it('a denial said before stands ("事故没出过 … 撤没撤我不清楚")', () => {
    const compliance: ExpectedAnswer = {
      facts: ['creditBlacklisted', 'restrictedProducts', 'majorIncident3y'],
      step: 'question',
    }
    expect(read('事故没出过 信用的话 去年好像被税务局列过一次 后来撤没撤我不清楚', compliance).facts).toMatchObject({
      majorIncident3y: false,
    })
  })
})

describe('readReply: figures restated after a word of replacing', () => {
  const known = { employees: 150, revenue: 3200, revenuePrev: 2800 }
  it.each(['刚才那个不算 重新报：去年三千一 前年两千七', '最终以这个为准：去年3100 前年2700'])(
    '%s replaces the last values by their years',
    (text) => {
      expect(read(text, rd, known)).toMatchObject({ act: 'correct', facts: { revenue: 3100, revenuePrev: 2700 } })
    },
  )
})

describe('readReply: nothing beyond a narrower window', () => {
  const financing: ExpectedAnswer = { facts: ['equityFinancing2y', 'equityFinancing3y', 'listing'], step: 'question' }
  it('近两年融了三千万 再往前一年没别的了 gives 近三年 the same figure', () => {
    expect(read('近两年融了三千万 再往前一年没别的了 上市还早着呢', financing).facts).toEqual({
      equityFinancing2y: 3000,
      equityFinancing3y: 3000,
      listing: 'none',
    })
  })
})

describe('readReply: a wider window adds to a narrower one', () => {
  const financing: ExpectedAnswer = { facts: ['equityFinancing2y', 'equityFinancing3y', 'listing'], step: 'question' }
  it('近两年1800万 再往前一年还有一笔600万 gives 近三年 2400; 也是基金 says nothing of the firm', () => {
    const reading = read('近两年机构实缴1800万 再往前一年还有一笔600万 也是基金 新三板挂牌了', financing, {
      industry: 'software',
    })
    expect(reading.facts).toEqual({ equityFinancing2y: 1800, equityFinancing3y: 2400, listing: 'neeq' })
    expect(reading.act).toBe('answer')
  })
})
