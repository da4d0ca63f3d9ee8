import { describe, expect, it } from 'vitest'
import { joinWrappedLines, normalizeSpaces, stripResidue } from './normalize-text.js'

describe('normalize-text', () => {
  it('joins numbers and units split by spaces, keeps Latin spacing', () => {
    expect(normalizeSpaces('最高不超过 5000万元。')).toBe('最高不超过5000万元。')
    expect(normalizeSpaces('给予不超过 2 年的贴息')).toBe('给予不超过2年的贴息')
    expect(normalizeSpaces('按照 LPR（实际')).toBe('按照LPR（实际')
    expect(normalizeSpaces('ISO 9001 认证')).toBe('ISO 9001认证')
  })

  it('joins wrapped lines and drops standalone page numbers', () => {
    const text = joinWrappedLines([
      '（1）投资补助。按照固定资产投资',
      '',
      ' 12 ',
      '总额 30%的比例安排，最高不超过 5000万元。',
      '（2）贷款贴息。',
    ])
    expect(text).toBe('（1）投资补助。按照固定资产投资总额30%的比例安排，最高不超过5000万元。\n（2）贷款贴息。')
  })

  it('removes bookmark and Markdown residue', () => {
    expect(stripResidue('[bookmark: OLE_LINK16][bookmark: OLE_LINK4]第二条  支持原始创新')).toBe('第二条  支持原始创新')
    expect(stripResidue('**第一条** 为引导')).toBe('第一条 为引导')
    expect(stripResidue('## 第一章 总则')).toBe('第一章 总则')
  })
})

describe('joinWrappedLines headings', () => {
  it('keeps a short enumerated heading on its own line', () => {
    expect(
      joinWrappedLines([
        '1．改造目标',
        '（1）引入项目；项目',
        '交付后 1年内。',
        '2．支持方式和标准',
        '分为投资补助和贷款贴息两种，符合条件的改造项目可以申请其中一种支持',
        '方式。',
      ]),
    ).toBe(
      '1．改造目标\n（1）引入项目；项目交付后1年内。\n2．支持方式和标准\n分为投资补助和贷款贴息两种，符合条件的改造项目可以申请其中一种支持方式。',
    )
  })

  it('keeps a short heading with a comma on its own line, but joins a wrapped line of running text', () => {
    expect(joinWrappedLines(['(三)强化宣传,打造品牌', '', '利用官网、微博等渠道。'])).toBe(
      '(三)强化宣传,打造品牌\n利用官网、微博等渠道。',
    )
    expect(
      joinWrappedLines(['（1）投资补助。老旧厂房改造和配套基础设施改造项目，按照', '固定资产投资总额30%的比例安排。']),
    ).toBe('（1）投资补助。老旧厂房改造和配套基础设施改造项目，按照固定资产投资总额30%的比例安排。')
  })
})
