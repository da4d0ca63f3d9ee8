import { describe, expect, it } from 'vitest'
import { cardsById, loadCards } from '../knowledge/load-cards.js'
import { agencyOf, composeTierBenefits, ITEMS_PER_GROUP } from './compose-tier-benefits.js'
import { MAX_BODY_CHARS } from './compose-policy-answer.js'
import { loadTierBenefits } from './load-tier-benefits.js'

const byId = cardsById(loadCards())
const lookup = (id: string) => byId.get(id)
const benefits = loadTierBenefits()
const on = (day: string) => new Date(`${day}T12:00:00+08:00`)
const beforeSource = (text: string) => text.length

describe('tier-benefit data', () => {
  it('quotes every item exactly from an existing card, and finds its agency in the card text', () => {
    for (const group of benefits.benefitGroups) {
      for (const item of group.items) {
        const card = lookup(item.card)
        expect(card, item.card).toBeDefined()
        expect(card!.content, `${item.card}: ${item.quote}`).toContain(item.quote)
        expect(agencyOf(card!, item.quote), item.card).toMatch(/(局|委|会|区|行|政府)/u)
      }
    }
  })
})

describe('composeTierBenefits', () => {
  it('groups what a 专精特新 firm gets by kind, amounts first, each with its agency, from seed 001', () => {
    const composed = composeTierBenefits('specialized', benefits, lookup, on('2026-12-01'))
    const lines = composed.body.split('\n')
    expect(lines[0]).toBe('【评上专精特新中小企业能享受的支持】')
    expect(lines.filter((line) => /^[^·【].*：$/u.test(line))).toEqual(['资金：', '融资：', '人才：', '市场和服务：'])
    expect(lines[2]).toBe('· 产业链揭榜攻关：根据项目投入给予最高5000万元支持（市经济和信息化局）')
    expect(composed.body).toContain(
      '· A股或境外上市：市级财政按规定给予每家总额不超过300万元的资金补贴（市金融监管局等）',
    )
    for (const line of lines.filter((entry) => entry.startsWith('· '))) expect(line, line).toMatch(/（[^（）]+）$/u)
    expect(composed.footer).toMatch(
      /^依据：《北京市关于促进“专精特新”中小企业高质量发展的若干措施》措施[\d、]+（北京市经济和信息化局）$/u,
    )
    expect(composed.cards.every((card) => card.seed === '001_bbd81771983c6ace.txt')).toBe(true)
    expect(beforeSource(composed.body)).toBeLessThanOrEqual(360)
    // The rich card carries the same groups and source line.
    expect(composed.card.blocks.map((block) => block.heading)).toEqual([
      '资金',
      '融资',
      '人才',
      '市场和服务',
      undefined,
    ])
    expect(composed.card.footer).toBe(composed.footer)
  })

  it('shows a further item of a group while the whole list stays within the phone-screen budget', () => {
    const composed = composeTierBenefits('specialized', benefits, lookup, on('2026-12-01'))
    const finance = composed.body.split('\n融资：\n')[1].split('\n人才：')[0].split('\n')
    expect(finance.length).toBeGreaterThan(ITEMS_PER_GROUP)
    expect(composed.body).toContain('专精特新贷')
    expect(composed.body.split('\n另有')[0].length).toBeLessThanOrEqual(MAX_BODY_CHARS)
  })

  it('leaves out measures that have ended by today and says how many, and lists them while they run', () => {
    const late = composeTierBenefits('specialized', benefits, lookup, on('2026-12-01'))
    expect(late.body).not.toMatch(/追加奖励20万元|年费/u)
    expect(late.body).toContain('另有2项相关政策已到期，未列出。')
    const early = composeTierBenefits('specialized', benefits, lookup, on('2024-06-01'))
    expect(early.body).not.toContain('已到期')
    // Only ITEMS_PER_GROUP per group are shown; the 2024 list still fits them in.
    const fundingLines = early.body.split('\n资金：\n')[1].split('\n融资：')[0].split('\n')
    expect(fundingLines).toHaveLength(ITEMS_PER_GROUP)
  })

  it('gives 小巨人 its own talent measures, and 专精特新 the ones that are not only for 小巨人', () => {
    const giant = composeTierBenefits('little-giant', benefits, lookup, on('2026-12-01'))
    expect(giant.body).toContain('· 招聘名校毕业生：给予落户支持（市人力资源社会保障局）')
    expect(giant.body).toContain('（市人才局）')
    const specialized = composeTierBenefits('specialized', benefits, lookup, on('2026-12-01'))
    expect(specialized.body).not.toContain('落户')
    expect(specialized.body).toContain('· 培训：组织开展“专精特新”企业经营管理人才培训（市经济和信息化局）')
    // "评上了" without a tier name: the 专精特新 list.
    expect(composeTierBenefits(null, benefits, lookup, on('2026-12-01')).body).toBe(specialized.body)
  })

  it('says 创新型 is the step before 专精特新 and that the measures do not cover it', () => {
    const composed = composeTierBenefits('innovative', benefits, lookup, on('2026-12-01'))
    expect(composed.body).toContain('不含创新型中小企业')
    expect(composed.body).toContain('创新型中小企业是申报北京市专精特新中小企业的前提（第十条）')
    expect(composed.body).not.toMatch(/万元/u)
    expect(composed.citations.map((citation) => citation.id)).toContain('tier-rules-a10')
  })
})
