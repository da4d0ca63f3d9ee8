import { describe, expect, it } from 'vitest'
import { checkGrounding } from './grounding-check.js'

// Real card text (guide-001, 京发改规〔2023〕12号), with a few layouts the sources really use.
const SOURCES = [
  '（1）投资补助。按照固定资产投资总额30%的比例安排市政府固定资产投资补助资金，最高不超过5,000 万元。',
  '（2）贷款贴息。给予不超过2年的贴息支持，总金额不超过5000万元。项目交付后1年内，入驻率应不低于70%。',
  '申报时间：2023-09-26起，每年3月集中受理，4月30日截止。',
  '关于印发加强腾退低效产业空间改造利用促进产业高质量发展实施方案的通知',
  '北京市发展和改革委员会',
  '京发改规〔2023〕12号',
  '北京市发展和改革委员会：010-55590088；市民热线12345',
]

const check = (candidate: string) => checkGrounding(candidate, SOURCES)

describe('checkGrounding', () => {
  describe('accepts re-worded facts the sources hold', () => {
    it.each([
      ['amount with spaces and thousands separator in the source', '最高可获5000万元补助'],
      ['amount in another magnitude', '最高0.5亿元'],
      ['amount without 元', '最高5000万'],
      ['amount as 5千万', '最高5千万元'],
      ['amount in Chinese numerals', '最高五千万元'],
      ['full-width digits and percent sign', '按投资总额３０％补助，最高５０００万元'],
      ['percentage in words', '按投资总额的百分之三十安排'],
      ['duration in Chinese numerals', '贴息最长两年，交付后一年内入驻率不低于百分之七十'],
      ['date in another format', '自2023年9月26日起申报'],
      ['month and day', '4月30日前提交'],
      ['month only', '每年三月受理'],
      ['year only, written in the source as part of a date', '2023年出台'],
      ['phone as written', '电话010-55590088'],
      ['phone without area code', '电话55590088'],
      ['phone with spaces', '电话 010 5559 0088'],
      ['short hotline', '也可拨打12345'],
      ['document number', '依据京发改规〔2023〕12号'],
      ['document number with square brackets', '京发改规[2023]12号'],
      ['document year alone', '〔2023〕'],
      ['title of a source document', '详见《关于印发加强腾退低效产业空间改造利用促进产业高质量发展实施方案的通知》'],
      [
        'idioms that contain numeral characters',
        '一站式办理，统一受理，进一步优化，十分便利，千万别错过，万一不符合也可咨询',
      ],
      ['single 一 before a non-time word', '这是一项投资补助政策，一次性拨付'],
    ])('%s: %s', (_label, candidate) => {
      expect(check(candidate)).toEqual({ grounded: true, unsupported: [] })
    })
  })

  describe('ignores list numbering the answer is laid out with', () => {
    it.each([
      ['numbered lines', '1. 投资补助：最高5000万元\n2. 贷款贴息：最长2年\n3. 咨询：55590088\n11、其他'],
      ['full-width numbered lines', '１．投资补助\n２．贷款贴息'],
      ['Chinese ordinals', '一、投资补助\n二、贷款贴息\n（三）其他'],
      ['parenthesised markers inside a line', '分两种：(1)投资补助；(2)贷款贴息；（6）其他'],
      ['bulleted numbers', '· 1. 投资补助\n· 2) 贷款贴息'],
      ['circled numbers', '① 投资补助 ② 贷款贴息 ⑨ 其他'],
    ])('%s', (_label, candidate) => {
      expect(check(candidate)).toEqual({ grounded: true, unsupported: [] })
    })

    it('still checks a decimal amount at the start of a line', () => {
      expect(check('1.5亿元封顶')).toEqual({ grounded: false, unsupported: ['1.5亿元'] })
    })

    it('still checks a number that follows a marker', () => {
      expect(check('1. 最高6000万元')).toEqual({ grounded: false, unsupported: ['6000万元'] })
    })
  })

  describe('rejects facts the sources do not hold', () => {
    it.each([
      ['invented amount', '最高可获8888万元', ['8888万元']],
      ['amount with a changed unit', '最高5000元', ['5000元']],
      ['invented amount in Chinese numerals', '最高八千八百八十八万元', ['8888万元']],
      ['changed percentage', '按投资总额40%补助', ['40%']],
      ['changed percentage in words', '按投资总额百分之五十补助', ['50%']],
      ['changed duration', '贴息最长三年', ['3年']],
      ['invented score (prompt injection obeyed)', '你们得了100分', ['100分']],
      ['changed date', '2023年10月26日起', ['2023年10月26日']],
      ['invented year on a yearly date', '2024年3月受理', ['2024年3月']],
      ['changed day', '4月15日截止', ['4月15日']],
      ['changed month', '每年5月受理', ['5月']],
      ['invented phone', '电话010-55590089', ['010-55590089']],
      ['invented area code on a local number', '电话021-55590088', ['021-55590088']],
      ['invented mobile', '联系13800138000', ['13800138000']],
      ['invented hotline', '拨打12346', ['12346']],
      ['another document number', '京政发〔2023〕12号', ['京政发〔2023〕12号']],
      ['changed document serial', '京发改规〔2023〕13号', ['京发改规〔2023〕13号']],
      ['changed document year', '〔2024〕', ['〔2024〕']],
      ['invented title', '依据《北京市专精特新企业管理办法》', ['《北京市专精特新企业管理办法》']],
      ['plain number absent from the sources', '已有386家企业获批', ['386家']],
      ['bare number absent from the sources', '编号9527', ['9527']],
      ['count right after a year-month, not a day', '2023年9月26家企业', ['26家']],
    ])('%s: %s', (_label, candidate, unsupported) => {
      expect(check(candidate)).toEqual({ grounded: false, unsupported })
    })

    it('lists every unsupported token once', () => {
      expect(check('最高8888万元，另加8888万元，电话12346')).toEqual({
        grounded: false,
        unsupported: ['8888万元', '12346'],
      })
    })
  })

  describe('rejects the candidate as a whole', () => {
    it('when it is empty or blank', () => {
      expect(checkGrounding('  \n ', SOURCES)).toEqual({ grounded: false, unsupported: [], reason: 'empty' })
    })

    it('when it is longer than twice the template plus 200 characters', () => {
      const templateText = '最高5000万元。'.repeat(10)
      expect(checkGrounding('好'.repeat(templateText.length * 2 + 201), SOURCES, { templateText }).reason).toBe(
        'too-long',
      )
      expect(checkGrounding('好'.repeat(templateText.length * 2 + 200), SOURCES, { templateText })).toEqual({
        grounded: true,
        unsupported: [],
      })
    })
  })

  it('does not let one source complete a token of another', () => {
    expect(checkGrounding('电话5559', ['电话555', '9'])).toEqual({ grounded: false, unsupported: ['5559'] })
  })
})

describe('grounding check purity', () => {
  it('imports nothing but pure project modules, all the way down (no openai, no I/O, no packages)', async () => {
    const { readFile } = await import('node:fs/promises')
    const seen = new Set<string>()
    const pending = [
      'grounding-check.ts',
      'extract-fact-tokens.ts',
      'normalize-for-grounding.ts',
      'chinese-numerals.ts',
    ].map((file) => new URL(`./${file}`, import.meta.url))
    while (pending.length > 0) {
      const url = pending.pop()!
      if (seen.has(url.href)) continue
      seen.add(url.href)
      const source = await readFile(url, 'utf8')
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1])
      expect(
        imports.every((path) => /^\.\.?\/(?:[a-z-]+\/)?[a-z-]+\.js$/.test(path) && !path.includes('/phrasing/openai')),
        `${url.pathname} imports ${imports.join(', ')}`,
      ).toBe(true)
      for (const path of imports) pending.push(new URL(path.replace(/\.js$/, '.ts'), url))
    }
    expect(seen.size).toBeGreaterThan(4)
  })
})
