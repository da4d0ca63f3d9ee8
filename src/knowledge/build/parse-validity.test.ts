import { describe, expect, it } from 'vitest'
import { findDocumentPeriod, mergePeriods, parseTitlePeriod, parseValidityStatement } from './parse-validity.js'

describe('parseValidityStatement', () => {
  it('reads a stated start and end (起止日期)', () => {
    expect(parseValidityStatement('2023年10月11日起至2025年12月31日止', '2023-10-11')).toEqual({
      from: '2023-10-11',
      until: '2025-12-31',
      untilPrecision: 'day',
      basis: '2023年10月11日起至2025年12月31日止',
    })
    expect(parseValidityStatement('从2019年6月1日起至2025年12月31日。', null)).toMatchObject({
      from: '2019-06-01',
      until: '2025-12-31',
    })
  })

  it('counts 有效期N年 from the stated start, ending the day before the anniversary', () => {
    expect(parseValidityStatement('2022年8月11日起，有效期3年', null)).toMatchObject({
      from: '2022-08-11',
      until: '2025-08-10',
      untilPrecision: 'day',
    })
    // A start stated to the month ends at the month before the anniversary, and says so.
    expect(parseValidityStatement('从2022年9月起，有效期三年', null)).toMatchObject({
      from: '2022-09-01',
      until: '2025-08-31',
      untilPrecision: 'month',
    })
    expect(parseValidityStatement('2020年2月29日起，有效期1年', null)).toMatchObject({ until: '2021-02-28' })
  })

  it('reads N年失效 to the year only', () => {
    expect(parseValidityStatement('2022年8月26日起，2025年失效。', null)).toMatchObject({
      from: '2022-08-26',
      until: '2025-12-31',
      untilPrecision: 'year',
      basis: '2022年8月26日起，2025年失效',
    })
  })

  it('reads 在YYYY-YYYY年内有效', () => {
    expect(parseValidityStatement('从2022年7月5日起，在2022-2024年内有效', null)).toMatchObject({
      from: '2022-07-05',
      until: '2024-12-31',
      untilPrecision: 'year',
    })
  })

  it('resolves 自发布之日起施行 with the document date, and only with it', () => {
    expect(parseValidityStatement('本政策措施自发布之日起实施,有效期三年。', '2022-08-11')).toMatchObject({
      from: '2022-08-11',
      until: '2025-08-10',
      basis: '本政策措施自发布之日起实施,有效期三年',
    })
    expect(parseValidityStatement('本办法自发布之日起施行。', '2022-09-16')).toEqual({
      from: '2022-09-16',
      until: null,
      untilPrecision: null,
      basis: '本办法自发布之日起施行',
    })
    expect(parseValidityStatement('本细则自发布之日起施行。', null)).toBeNull()
  })

  it('reads 有效期至 / 执行期至 as an end only', () => {
    expect(parseValidityStatement('本方案执行期至2027年12月31日', null)).toMatchObject({
      from: null,
      until: '2027-12-31',
      untilPrecision: 'day',
    })
    expect(parseValidityStatement('有效期至2026年6月', null)).toMatchObject({
      from: null,
      until: '2026-06-30',
      untilPrecision: 'month',
    })
  })

  it('reads a bare start unless told not to, and never a frequency or an impossible date', () => {
    expect(parseValidityStatement('从2023年9月起', '2023-09-26')).toMatchObject({ from: '2023-09-01', until: null })
    expect(parseValidityStatement('从2023年9月起', '2023-09-26', false)).toBeNull()
    expect(parseValidityStatement('每年3月左右公布，4月左右申报', '2023-03-03')).toBeNull()
    expect(parseValidityStatement('一般每年一次', null)).toBeNull()
    expect(parseValidityStatement('2023年2月30日起至2025年12月31日止', null)).toBeNull()
  })
})

describe('document periods', () => {
  it('takes the years of a document title', () => {
    expect(parseTitlePeriod('人工智能算力券实施方案（2023—2025年）')).toEqual({
      from: '2023-01-01',
      until: '2025-12-31',
      untilPrecision: 'day',
      basis: '《人工智能算力券实施方案（2023—2025年）》',
    })
    expect(parseTitlePeriod('北京市关于支持氢能产业发展的若干政策措施')).toBeNull()
  })

  it('finds the closing statement of a document, not dates about other things', () => {
    const text =
      '2022年7月29日前已被认定的企业继续有效。\n经公告的创新型中小企业有效期为三年。\n八、附则\n本政策措施自发布之日起实施,有效期三年。'
    expect(findDocumentPeriod(text, '2022-08-11', '某政策措施')).toMatchObject({
      from: '2022-08-11',
      until: '2025-08-10',
    })
    expect(findDocumentPeriod('从2023年起每年安排资金。', '2023-01-01', '某办法')).toBeNull()
  })

  it('fills the bounds a card leaves open from its document, quoting both', () => {
    const own = parseValidityStatement('从2022年9月起', null)
    const merged = mergePeriods(own, parseTitlePeriod('某若干措施（2023-2025年）'))
    expect(merged).toEqual({
      from: '2022-09-01',
      until: '2025-12-31',
      untilPrecision: 'day',
      basis: '从2022年9月起；《某若干措施（2023-2025年）》',
    })
    const full = parseValidityStatement('2023年10月11日起至2025年12月31日止', null)
    expect(mergePeriods(full, parseTitlePeriod('方案（2023—2026年）'))).toEqual(full)
  })
})
