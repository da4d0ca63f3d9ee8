import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildKnowledge, CARDS_FILE, KNOWLEDGE_DIR, serializeKnowledge } from './build/build-knowledge.js'
import { titleMatch, TITLE_MATCH_THRESHOLD } from './build/review-cards.js'
import { loadCards } from './load-cards.js'

const cards = loadCards()
const guide = cards.filter((card) => card.kind === 'guide')
const SECTIONS = ['综合', '两业融合', '先进制造业', '金融', '科技', '文化', '商务', '生活服务', '新基建', '农业']
const TEXT_FIELDS = ['title', 'subtitle', 'documentTitle', 'issuer', 'docNumber', 'content', 'requirements', 'process', 'timing', 'contact', 'audience'] as const

function sourceLines(seed: string): string[] {
  return readFileSync(`${KNOWLEDGE_DIR}sources/${seed}`, 'utf8').split('\n')
}

describe('knowledge base', () => {
  it('the committed cards.json is exactly what the build produces from knowledge/sources', () => {
    expect(readFileSync(CARDS_FILE, 'utf8')).toBe(serializeKnowledge(buildKnowledge()))
  })

  it('has all 145 guide cards, in order, with unique ids', () => {
    expect(guide).toHaveLength(145)
    expect(guide.map((card) => card.id)).toEqual(Array.from({ length: 145 }, (_, index) => `guide-${String(index + 1).padStart(3, '0')}`))
    expect(new Set(cards.map((card) => card.id)).size).toBe(cards.length)
  })

  it('every guide card has a title, issuer, content and its section; contact when the source has one', () => {
    for (const card of guide) {
      expect(card.title.length, card.id).toBeGreaterThan(3)
      expect(card.issuer.length, card.id).toBeGreaterThan(3)
      expect(card.content.length, card.id).toBeGreaterThan(10)
      expect(SECTIONS, card.id).toContain(card.section)
      const [start, end] = card.sourceLines
      const span = sourceLines(card.seed).slice(start - 1, end)
      const label = span.findIndex((line) => /^\s*联络方式/u.test(line))
      const sourceHasContact = label >= 0 && span.slice(label).join('').replace(/联络方式|\s/gu, '') !== ''
      expect(card.contact !== null, card.id).toBe(sourceHasContact)
    }
    expect(new Set(guide.map((card) => card.section))).toEqual(new Set(SECTIONS))
  })

  it('every seed contributes cards, and each has its document facts', () => {
    const seeds = new Set(cards.map((card) => card.seed))
    expect(seeds.size).toBe(5)
    const bySeed = (prefix: string) => cards.filter((card) => card.id.startsWith(prefix))
    expect(bySeed('sme-measures-m')).toHaveLength(16)
    expect(bySeed('changping-a')).toHaveLength(17)
    expect(bySeed('tier-rules-a')).toHaveLength(24)
    const gazetteDocuments = new Set(bySeed('gazette-').map((card) => card.documentTitle))
    expect(gazetteDocuments.size).toBe(8)
    expect(cards.find((card) => card.id === 'gazette-hydrogen-a13')?.docNumber).toBe('京经信发〔2022〕63号')
    expect(cards.find((card) => card.id === 'changping-a02')?.title).toBe('昌平区促进高端医疗器械产业集群发展的若干措施 第二条 支持原始创新')
  })

  it('keeps policy wording exactly, with numbers joined to their units', () => {
    const first = cards.find((card) => card.id === 'guide-001')
    expect(first?.docNumber).toBe('京发改规〔2023〕12号')
    expect(first?.publishedAt).toBe('2023-09-26')
    expect(first?.content).toContain('按照固定资产投资总额30%的比例安排市政府固定资产投资补助资金，最高不超过5000万元。')
    expect(first?.contact).toBe('北京市发展和改革委员会：55590088')
    const tierThirteen = cards.find((card) => card.id === 'tier-rules-a13')
    expect(tierThirteen?.content).toContain('应在每年4月30日前通过培育平台更新企业信息')
  })

  it('no card text carries page numbers, bookmark residue or split units', () => {
    for (const card of cards) {
      for (const field of TEXT_FIELDS) {
        const value = card[field]
        if (!value) continue
        expect(value, `${card.id}.${field}`).not.toMatch(/\[bookmark|<https?:/u)
        expect(value, `${card.id}.${field}`).not.toMatch(/\*\*|^#/mu)
        expect(value, `${card.id}.${field}`).not.toMatch(/\d\s+(万元|亿元|%|％|年|个月)/u)
        expect(value, `${card.id}.${field}`).not.toMatch(/^\s*\d{1,3}\s*$/mu)
        expect(value, `${card.id}.${field}`).not.toMatch(/GAZETTE|政府公报查询方式/u)
      }
    }
  })

  it('marks the repeated guide card as a duplicate of the first, deliberately', () => {
    const duplicates = cards.filter((card) => card.duplicateOf !== null)
    expect(duplicates.map((card) => [card.id, card.duplicateOf])).toEqual([['guide-071', 'guide-067']])
    expect(duplicates[0].flags).toContain('duplicate')
  })

  it('flags the guide card whose title does not describe its text', () => {
    const mismatched = cards.filter((card) => card.flags.includes('title-mismatch'))
    expect(mismatched.map((card) => card.id)).toEqual(['guide-126'])
    // 126 is titled 商贸物流 but its text is the general 商业流通发展资金 support standard; 141 is the real 商贸物流 card.
    expect(titleMatch(mismatched[0])).toBeLessThan(TITLE_MATCH_THRESHOLD)
    expect(titleMatch(cards.find((card) => card.id === 'guide-141')!)).toBeGreaterThan(TITLE_MATCH_THRESHOLD)
  })

  it('each card points at the source lines it came from', () => {
    for (const card of cards) {
      const lines = sourceLines(card.seed)
      const [start, end] = card.sourceLines
      expect(start, card.id).toBeGreaterThanOrEqual(1)
      expect(end, card.id).toBeLessThanOrEqual(lines.length)
      const span = lines.slice(start - 1, end).join('').replace(/\s/gu, '')
      const opening = card.content.replace(/\s/gu, '').slice(0, 12)
      expect(span.replace(/\[bookmark:[^\]]*\]|\*\*|#/gu, ''), card.id).toContain(opening)
    }
  })
})
