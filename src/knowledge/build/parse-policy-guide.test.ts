import { describe, expect, it } from 'vitest'
import { documentTitleOf, joinWrappedLabels, parsePolicyGuide } from './parse-policy-guide.js'

const CARD = [
  '一、综合篇',
  ' 1.北京市老旧厂房改造项目促进产业高质',
  '量发展 ',
  '',
  '关于老旧厂房改造项目促进产业高质量发展实施方案的通知 ',
  '依据文件 《甲办法》、《乙通知》 ',
  '发文机构 北京市发展和改革委员会 ',
  '发文字号 / ',
  '发文时间 2023-9-6 ',
  '工具分类 ',
  '资金',
  '支持 ',
  '服务',
  '对象 ',
  '全市范围 ',
  '服务内容 ',
  '按照固定资产投资总额 30%的比例安排，最高不超过 ',
  ' 7 ',
  '5000 万元。 ',
  '联络方式 北京市发展和改革委员会：55590088 ',
].join('\n')

describe('parsePolicyGuide', () => {
  it('reads a card whose title, labels and numbers are wrapped across lines', () => {
    const [card] = parsePolicyGuide(CARD)
    expect(card).toMatchObject({
      id: 'guide-001',
      section: '综合',
      title: '北京市老旧厂房改造项目促进产业高质量发展',
      subtitle: '关于老旧厂房改造项目促进产业高质量发展实施方案的通知',
      documentTitle: '甲办法、乙通知',
      docNumber: null,
      publishedAt: '2023-09-06',
      toolType: '资金支持',
      audience: '全市范围',
      content: '按照固定资产投资总额30%的比例安排，最高不超过5000万元。',
      contact: '北京市发展和改革委员会：55590088',
      sourceLines: [2, 20],
    })
  })
})

describe('joinWrappedLabels', () => {
  it('rejoins a label split over two lines and leaves text alone', () => {
    expect(joinWrappedLabels(['服务', '', '对象 ', '服务', '内容'])).toEqual(['服务对象', '服务内容'])
    expect(joinWrappedLabels(['为企业提供', '服务', '对外开放'])).toEqual(['为企业提供', '服务', '对外开放'])
  })
})

describe('documentTitleOf', () => {
  it('drops the outer 《》 and joins several documents with 、', () => {
    expect(documentTitleOf('《北京市大数据培训基地管理办法（试行）》')).toBe('北京市大数据培训基地管理办法（试行）')
    expect(documentTitleOf('《甲》《乙》')).toBe('甲、乙')
    expect(documentTitleOf('《甲》、《乙》、《丙》')).toBe('甲、乙、丙')
    expect(documentTitleOf('关于印发《甲》的通知')).toBe('关于印发《甲》的通知')
    expect(documentTitleOf(null)).toBeNull()
  })
})
