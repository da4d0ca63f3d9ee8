import { describe, expect, it } from 'vitest'
import { readQuantity } from '../facts/read-quantity.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import { extractFacts } from './read-facts.js'

/** Numbers, years, bounds and comparisons across clauses (the clause grammar's number rules). 上年度 is 2025 here. */
const LAST_FISCAL_YEAR = 2025
const REVENUE: FactName[] = ['revenue', 'revenuePrev']
const MAIN_REVENUE: FactName[] = ['mainRevenuePrev2', 'mainRevenuePrev', 'mainRevenue']
const FINANCING: FactName[] = ['equityFinancing2y', 'equityFinancing3y', 'listing']
const RD: FactName[] = ['rdExpense', 'rdExpensePrev', 'rdStaff']

function read(text: string, expecting: FactName[], known: Facts = {}) {
  return extractFacts(text, { expecting, known, lastFiscalYear: LAST_FISCAL_YEAR })
}

describe('bare four-digit numbers: year or amount, from the years the question can mean', () => {
  it.each<[string, FactName[], Facts]>([
    ['2000 3000，无', FINANCING, { equityFinancing2y: 2000, equityFinancing3y: 3000, listing: 'none' }],
    ['2010 2030 2045', MAIN_REVENUE, { mainRevenuePrev2: 2010, mainRevenuePrev: 2030, mainRevenue: 2045 }],
    ['2025 2040 2024 2010', REVENUE, { revenue: 2040, revenuePrev: 2010 }],
    ['2025：2000万\n2024：1800万', REVENUE, { revenue: 2000, revenuePrev: 1800 }],
    ['营收(万元)：3200(2025) 2800(2024)', REVENUE, { revenue: 3200, revenuePrev: 2800 }],
    [
      '2023 2024 2025\n1500 1800 2100',
      MAIN_REVENUE,
      { mainRevenuePrev2: 1500, mainRevenuePrev: 1800, mainRevenue: 2100 },
    ],
    [
      '项目 2024年 2025年\n营业收入 2800 3200\n研发费用 200 240',
      REVENUE,
      { revenue: 3200, revenuePrev: 2800, rdExpense: 240, rdExpensePrev: 200 },
    ],
  ])('%s', (text, expecting, facts) => {
    expect(read(text, expecting).facts).toEqual(facts)
  })

  it('keeps the tagger’s reading when the fiscal year is not known', () => {
    const result = extractFacts('2024 2800', { expecting: REVENUE, known: {} })
    expect(result.facts).toEqual({ revenue: 2800 })
  })
})

describe('comparisons state a figure through another year’s, never the difference as a value', () => {
  it.each<[string, FactName[], Facts]>([
    ['前年2800万，去年比前年多四百万', REVENUE, { revenue: 3200, revenuePrev: 2800 }],
    ['去年3200万，比前年涨了四百', REVENUE, { revenue: 3200, revenuePrev: 2800 }],
    ['去年3200万 前年比去年少400万', REVENUE, { revenue: 3200, revenuePrev: 2800 }],
    ['前年2800万，去年增长了400万', REVENUE, { revenue: 3200, revenuePrev: 2800 }],
    ['前年2800万 去年翻了一番', REVENUE, { revenue: 5600, revenuePrev: 2800 }],
    ['研发费用去年240万，前年少40万', RD, { rdExpense: 240, rdExpensePrev: 200 }],
    [
      '主营去年2100万，比前年多300万，前年比大前年多300万',
      MAIN_REVENUE,
      { mainRevenue: 2100, mainRevenuePrev: 1800, mainRevenuePrev2: 1500 },
    ],
    ['去年营收3200万，同比增长了14%', REVENUE, { revenue: 3200 }],
    // A bare figure's year is the reference of a comparison in the next clause.
    ['去年三千 前年少三百', REVENUE, { revenue: 3000, revenuePrev: 2700 }],
    // A share (成, %) of the reference gives the figure only where it comes out whole.
    ['去年三百三十万 比前年涨了一成', REVENUE, { revenue: 330, revenuePrev: 300 }],
    ['去年三千 前年少了两成', REVENUE, { revenue: 3000, revenuePrev: 2400 }],
    ['去年三千 前年是去年的八成', REVENUE, { revenue: 3000, revenuePrev: 2400 }],
    ['去年营收3200万，比前年涨了14%', REVENUE, { revenue: 3200 }],
  ])('%s', (text, expecting, facts) => {
    expect(read(text, expecting).facts).toEqual(facts)
  })

  it('uses a figure known before', () => {
    expect(read('去年比前年多了400万', REVENUE, { revenuePrev: 2800 }).facts).toEqual({ revenue: 3200 })
  })

  it('sets nothing from a rough difference', () => {
    expect(read('前年2800万，去年多了四百来万', REVENUE).facts).toEqual({ revenuePrev: 2800 })
  })
})

describe('bounds are kept as bounds, never stored', () => {
  it.each<[string, FactName[], Array<{ fact: FactName; op: string; value: number }>]>([
    [
      '营收在三千万到四千万之间',
      ['revenue'],
      [
        { fact: 'revenue', op: 'ge', value: 3000 },
        { fact: 'revenue', op: 'le', value: 4000 },
      ],
    ],
    [
      '人员规模：50-100人',
      ['employees'],
      [
        { fact: 'employees', op: 'ge', value: 50 },
        { fact: 'employees', op: 'le', value: 100 },
      ],
    ],
    ['员工三十来个', ['employees'], [{ fact: 'employees', op: 'approx', value: 30 }]],
    ['营收将近三千万', ['revenue'], [{ fact: 'revenue', op: 'lt', value: 3000 }]],
    ['营收上亿了', ['revenue'], [{ fact: 'revenue', op: 'ge', value: 10000 }]],
    ['营收还没上千万', ['revenue'], [{ fact: 'revenue', op: 'lt', value: 1000 }]],
    ['营收还没过千万', ['revenue'], [{ fact: 'revenue', op: 'le', value: 1000 }]],
    ['员工60+', ['employees'], [{ fact: 'employees', op: 'gt', value: 60 }]],
    ['营收<500万', ['revenue'], [{ fact: 'revenue', op: 'lt', value: 500 }]],
    ['负债率不到一半', ['debtRatio'], [{ fact: 'debtRatio', op: 'lt', value: 50 }]],
    [
      '两年都没超过一千万',
      REVENUE,
      [
        { fact: 'revenue', op: 'le', value: 1000 },
        { fact: 'revenuePrev', op: 'le', value: 1000 },
      ],
    ],
  ])('%s', (text, expecting, bounds) => {
    const result = read(text, expecting)
    expect(result.facts).toEqual({})
    expect(result.bounds.map(({ fact, op, value }) => ({ fact, op, value }))).toEqual(bounds)
  })

  it('takes the figure a bound beside it only agrees with', () => {
    const result = read('营收有个三千万出头吧不到四千万', ['revenue'])
    expect(result.facts).toEqual({ revenue: 3000 })
    expect(result.bounds).toMatchObject([{ fact: 'revenue', op: 'lt', value: 4000 }])
  })

  it('does not read a shortfall as a range', () => {
    expect(readQuantity('1万到3000万')).toBeNull()
    expect(readQuantity('四五千万')).toMatchObject({ vague: true, range: { low: 40_000_000, high: 50_000_000 } })
  })
})

describe('units, numerals and parts', () => {
  it.each<[string, FactName[], Facts]>([
    ['营收3200万人民币', ['revenue'], { revenue: 3200 }],
    ['营收：¥32,000,000', ['revenue'], { revenue: 3200 }],
    ['营收3.2kw', ['revenue'], { revenue: 3200 }],
    ['营收三二零零万', ['revenue'], { revenue: 3200 }],
    ['总资产壹亿贰仟万元', ['totalAssets'], { totalAssets: 12000 }],
    ['仨人', ['employees'], { employees: 3 }],
    ['资产负债率0.45', ['debtRatio'], { debtRatio: 45 }],
    ['营业收入一亿二', ['revenue'], { revenue: 12000 }],
    ['合同工加正式工一共一百四', ['employees'], { employees: 140 }],
    ['主营收入25年两千一百万24年一千八百万', MAIN_REVENUE, { mainRevenue: 2100, mainRevenuePrev: 1800 }],
    ['总共80人其中研发25人', ['rdStaff', 'employees'], { employees: 80, rdStaff: 25 }],
    ['员工：150（含研发30）', ['employees'], { employees: 150, rdStaff: 30 }],
    ['近2年 2000 近3年 3000', FINANCING, { equityFinancing2y: 2000, equityFinancing3y: 3000 }],
    ['研发费用两年都是两百万 研发三十人', RD, { rdExpense: 200, rdExpensePrev: 200, rdStaff: 30 }],
    [
      '营业收入 3200 2800 研发费用 240 200',
      REVENUE,
      { revenue: 3200, revenuePrev: 2800, rdExpense: 240, rdExpensePrev: 200 },
    ],
    [
      '我们员工150个人研发的有35个人去年研发投了260万前年是220万',
      RD,
      { employees: 150, rdStaff: 35, rdExpense: 260, rdExpensePrev: 220 },
    ],
  ])('%s', (text, expecting, facts) => {
    expect(read(text, expecting).facts).toEqual(facts)
  })
})

describe('a range with its unit after both ends', () => {
  it.each<[string, FactName[], string, number, number]>([
    ['营收在三千万元到四千万元之间', REVENUE, 'revenue', 3000, 4000],
    ['员工30人到50人', ['employees'], 'employees', 30, 50],
    ['营收3000w-4000w', REVENUE, 'revenue', 3000, 4000],
  ])('%s bounds both ends', (text, expecting, fact, low, high) => {
    const result = read(text, expecting)
    expect(result.facts).toEqual({})
    expect(result.bounds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fact, op: 'ge', value: low }),
        expect.objectContaining({ fact, op: 'le', value: high }),
      ]),
    )
  })

  it('营业收入 就是3200 研发费用 240: a filler after the space still leads to the figure', () => {
    expect(read('营业收入 就是3200 研发费用 240', ['revenue', 'rdExpense']).facts).toEqual({
      revenue: 3200,
      rdExpense: 240,
    })
  })
})

describe('a year with 不清楚 after a count', () => {
  it('研发费用两百万 研发人员25个 前年的不清楚: the year is of the last topic with a fact per year', () => {
    const result = read('研发费用两百万 研发人员25个 前年的不清楚', RD)
    expect(result.facts).toEqual({ rdExpense: 200, rdStaff: 25 })
    expect(result.unknown).toEqual(['rdExpensePrev'])
  })
})

describe('分别/各/都 with a closing particle after the numbers', () => {
  it.each<[string, FactName[], Facts]>([
    ['去年、前年分别是3000万和2600万呢', REVENUE, { revenue: 3000, revenuePrev: 2600 }],
    ['研发费用去年前年都是200万👌', RD, { rdExpense: 200, rdExpensePrev: 200 }],
  ])('%s', (text, expecting, facts) => {
    expect(read(text, expecting).facts).toEqual(facts)
  })
})

describe('two-digit years in parentheses and ranges with 元 after the second end', () => {
  it.each<[string, FactName[], Facts]>([
    ['营收:3200w(25)/2800w(24)', REVENUE, { revenue: 3200, revenuePrev: 2800 }],
    ['营收：3200万（25年）、2800万（24年）', REVENUE, { revenue: 3200, revenuePrev: 2800 }],
  ])('%s', (text, expecting, facts) => {
    expect(read(text, expecting).facts).toEqual(facts)
  })

  it('a count with a two-digit year in parentheses keeps its count', () => {
    expect(read('发明专利6项（25）', ['ipClass1']).facts).toEqual({ ipClass1: 6 })
  })

  it('五百万至八百万元 bounds both ends', () => {
    expect(readQuantity('五百万至八百万元')?.range).toEqual({ low: 5_000_000, high: 8_000_000 })
  })
})

describe('fiscal-year words and rounds of several years', () => {
  it.each<[string, FactName[], Facts]>([
    ['FY2025营收3200万，FY2024营收2800万', REVENUE, { revenue: 3200, revenuePrev: 2800 }],
    ['25财年3200万 24财年2800万', REVENUE, { revenue: 3200, revenuePrev: 2800 }],
    ['上一会计年度营业收入3200万元，再上一年2800万元', REVENUE, { revenue: 3200, revenuePrev: 2800 }],
    [
      '前年融了一千万，去年又融了五百万，新三板没挂',
      FINANCING,
      { equityFinancing2y: 1500, equityFinancing3y: 1500, listing: 'none' },
    ],
    ['大前年融了八百万 去年融了两千万', FINANCING, { equityFinancing2y: 2000, equityFinancing3y: 2800 }],
    ['近两年融资1500万，其中去年1000万', FINANCING, { equityFinancing2y: 1500 }],
  ])('%s', (text, expecting, facts) => {
    expect(read(text, expecting).facts).toEqual(facts)
  })
})

describe('distractor numbers: dates, house numbers, parts without a word, hires', () => {
  const EMPLOYEES: FactName[] = ['employees']
  it.each<[string, FactName[], Facts]>([
    ['2025年12月底在职员工148人', EMPLOYEES, { employees: 148 }],
    ['门牌是27号，员工150人', EMPLOYEES, { employees: 150 }],
    ['营收3200万（2025.1-12）', ['revenue'], { revenue: 3200 }],
    ['去年（2025）营收3200万，今年1-10月已经3000万了', ['revenue'], { revenue: 3200 }],
    ['3月份刚招了10个人，现在一共98人', EMPLOYEES, { employees: 98 }],
    ['软著12个，其中3个是去年新拿的', ['ipClass1', 'ipClass2'], { ipClass2: 12 }],
    ['员工140，其中研发35', ['employees', 'rdStaff'], { employees: 140, rdStaff: 35 }],
  ])('%s', (text, expecting, facts) => {
    expect(read(text, expecting).facts).toEqual(facts)
  })

  it('号 of a head count and a decimal amount are no dates', () => {
    expect(read('五十号人', EMPLOYEES).facts).toEqual({ employees: 50 })
    expect(read('营收2025.5万', ['revenue']).facts).toEqual({ revenue: 2025.5 })
  })
})

describe('millions, tenths of a 成, 各 before a fact word, figures not reached, digit counts', () => {
  it.each<[string, FactName[], Facts]>([
    ['revenue去年32M，前年28M', REVENUE, { revenue: 3200, revenuePrev: 2800 }],
    ['营收3.2 million', ['revenue'], { revenue: 320 }],
    ['负债率四成五', ['debtRatio'], { debtRatio: 45 }],
    ['近两年、近三年各融了一千万', FINANCING, { equityFinancing2y: 1000, equityFinancing3y: 1000 }],
    ['赚了差不离两百万 负债率约莫四成', ['netProfit', 'debtRatio'], { netProfit: 200, debtRatio: 40 }],
  ])('%s', (text, expecting, facts) => {
    expect(read(text, expecting).facts).toEqual(facts)
  })

  it('a figure after 离 is not reached; 勉强 keeps 过 a bound; 四位数 is no count of four', () => {
    expect(read('营收离一个亿还远着呢', ['revenue']).bounds).toEqual([
      expect.objectContaining({ fact: 'revenue', op: 'lt', value: 10000 }),
    ])
    expect(read('净利润勉强过百万', ['netProfit']).bounds).toEqual([
      expect.objectContaining({ fact: 'netProfit', op: 'gt', value: 100 }),
    ])
    expect(read('员工四位数', ['employees']).facts).toEqual({})
  })
})
