import { describe, expect, it } from 'vitest'
import { checkPlausibility } from './check-plausibility.js'
import type { Facts } from './fact-schema.js'

describe('checkPlausibility', () => {
  it.each<[string, Facts, Facts, Facts, string[]]>([
    ['a valid set passes', { revenue: 3200, mainRevenue: 3000 }, {}, { revenue: 3200, mainRevenue: 3000 }, []],
    ['a ratio above 100%', { debtRatio: 120 }, {}, {}, ['资产负债率不能超过100%，请再确认一下？']],
    ['a negative count', { employees: -5 }, {}, {}, ['从业人员不能是负数，请再确认一下？']],
    ['a fractional count', { rdStaff: 1.5 }, {}, {}, ['研发人员应是整数，请再确认一下？']],
    ['a negative amount', { revenue: -1 }, {}, {}, ['上年度营业收入不能是负数，请再确认一下？']],
    ['a negative profit is fine', { netProfit: -200 }, {}, { netProfit: -200 }, []],
    [
      'an absurd amount',
      { totalAssets: 20_000_000 },
      {},
      {},
      ['资产总额（20000000万元）似乎太大了，单位是万元，请再确认一下？'],
    ],
    [
      'main revenue above revenue, both new: the part is rejected',
      { revenue: 3200, mainRevenue: 3500 },
      {},
      { revenue: 3200 },
      ['上年度主营业务收入（3500万元）不能大于上年度营业收入（3200万元），请再确认一下？'],
    ],
    [
      'main revenue above the known revenue',
      { mainRevenue: 3500 },
      { revenue: 3200 },
      {},
      ['上年度主营业务收入（3500万元）不能大于上年度营业收入（3200万元），请再确认一下？'],
    ],
    [
      'revenue below the known main revenue',
      { revenue: 3000 },
      { mainRevenue: 3100 },
      {},
      ['上年度营业收入（3000万元）不能小于上年度主营业务收入（3100万元），请再确认一下？'],
    ],
    [
      'a corrected whole fixes the pair',
      { revenue: 3600 },
      { revenue: 3200, mainRevenue: 3500 },
      { revenue: 3600 },
      [],
    ],
    [
      'R&D staff above employees',
      { rdStaff: 50 },
      { employees: 30 },
      {},
      ['研发人员（50人）不能大于从业人员（30人），请再确认一下？'],
    ],
    [
      'prior-year main revenue',
      { mainRevenuePrev: 3000 },
      { revenuePrev: 2800 },
      {},
      ['前年主营业务收入（3000万元）不能大于前年营业收入（2800万元），请再确认一下？'],
    ],
  ])('%s', (_name, candidates, known, accepted, reasons) => {
    const result = checkPlausibility(candidates, known)
    expect(result.accepted).toEqual(accepted)
    expect(result.rejected.map((rejection) => rejection.reason)).toEqual(reasons)
  })
})
