import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildKnowledge, CARDS_FILE, KNOWLEDGE_DIR, serializeKnowledge } from './build/build-knowledge.js'
import { titleMatch, TITLE_MATCH_THRESHOLD } from './build/review-cards.js'
import { cardsById, loadCards } from './load-cards.js'

const cards = loadCards()
const guide = cards.filter((card) => card.kind === 'guide')
const byId = cardsById(cards)
const card = (id: string) => {
  const found = byId.get(id)
  if (!found) throw new Error(`no card ${id}`)
  return found
}
const SECTIONS = ['综合', '两业融合', '先进制造业', '金融', '科技', '文化', '商务', '生活服务', '新基建', '农业']
const TEXT_FIELDS = [
  'title',
  'subtitle',
  'documentTitle',
  'issuer',
  'docNumber',
  'content',
  'requirements',
  'process',
  'timing',
  'contact',
  'audience',
] as const

const seedLines = new Map<string, string[]>()
function sourceLines(seed: string): string[] {
  let lines = seedLines.get(seed)
  if (!lines) {
    lines = readFileSync(`${KNOWLEDGE_DIR}sources/${seed}`, 'utf8').split('\n')
    seedLines.set(seed, lines)
  }
  return lines
}

describe('knowledge base', () => {
  it('the committed cards.json is exactly what the build produces from knowledge/sources', () => {
    expect(readFileSync(CARDS_FILE, 'utf8')).toBe(serializeKnowledge(buildKnowledge()))
  })

  it('has all 145 guide cards, in order, with unique ids', () => {
    expect(guide).toHaveLength(145)
    expect(guide.map((card) => card.id)).toEqual(
      Array.from({ length: 145 }, (_, index) => `guide-${String(index + 1).padStart(3, '0')}`),
    )
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
      const sourceHasContact =
        label >= 0 &&
        span
          .slice(label)
          .join('')
          .replace(/联络方式|\s/gu, '') !== ''
      expect(card.contact !== null, card.id).toBe(sourceHasContact)
    }
    expect(new Set(guide.map((card) => card.section))).toEqual(new Set(SECTIONS))
  })

  it('every seed contributes cards, and each has its document facts', () => {
    const seeds = new Set(cards.map((card) => card.seed))
    expect(seeds.size).toBe(5)
    const bySeed = (prefix: string) => cards.filter((card) => card.id.startsWith(prefix))
    // 16 measures and the opening paragraph with the document's targets (m00).
    expect(bySeed('sme-measures-m')).toHaveLength(17)
    expect(cards.find((card) => card.id === 'sme-measures-m00')?.content).toMatch(
      /国家级专精特新“小巨人”企业达到500家，市级专精特新“小巨人”企业达到1000家，市级“专精特新”中小企业达到5000家/u,
    )
    expect(bySeed('changping-a')).toHaveLength(17)
    expect(bySeed('tier-rules-a')).toHaveLength(24)
    const gazetteDocuments = new Set(bySeed('gazette-').map((card) => card.documentTitle))
    expect(gazetteDocuments.size).toBe(8)
    expect(cards.find((card) => card.id === 'gazette-hydrogen-a13')?.docNumber).toBe('京经信发〔2022〕63号')
    expect(cards.find((card) => card.id === 'changping-a02')?.title).toBe(
      '昌平区促进高端医疗器械产业集群发展的若干措施 第二条 支持原始创新',
    )
  })

  it('keeps policy wording exactly, with numbers joined to their units', () => {
    const first = cards.find((card) => card.id === 'guide-001')
    expect(first?.docNumber).toBe('京发改规〔2023〕12号')
    expect(first?.publishedAt).toBe('2023-09-26')
    expect(first?.content).toContain(
      '按照固定资产投资总额30%的比例安排市政府固定资产投资补助资金，最高不超过5000万元。',
    )
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
      const span = lines
        .slice(start - 1, end)
        .join('')
        .replace(/\s/gu, '')
      const opening = card.content.replace(/\s/gu, '').slice(0, 12)
      expect(span.replace(/\[bookmark:[^\]]*\]|\*\*|#/gu, ''), card.id).toContain(opening)
    }
  })

  it('reads every guide field from the layout: wrapped labels, 发文时间, several 依据文件', () => {
    // "工具分类" / "资金" / "支持" / "服务" / "对象" (lines 8061-8068): labels wrapped in a narrow table cell.
    expect(card('guide-079').toolType).toBe('资金支持')
    expect(card('guide-079').audience).toMatch(/^注册在中关村示范区范围内的国家高新技术企业/u)
    expect(card('guide-089').toolType).toBe('资金支持、政策支持')
    // 文化 and 商务 cards print 发布日期 as 发文时间.
    expect(card('guide-087').publishedAt).toBe('2023-11-03')
    expect(card('guide-087').docNumber).toBeNull()
    expect(card('guide-141')).toMatchObject({ docNumber: '京商物流字〔2023〕4号', publishedAt: '2023-08-31' })
    expect(card('guide-091').publishedAt).toBe('2023-09-27')
    expect(card('guide-126').documentTitle).toBe(
      '北京市商业流通发展资金管理暂行办法、北京市商业流通发展资金管理暂行办法的补充通知',
    )
    for (const item of guide) {
      expect(item.publishedAt, item.id).toMatch(/^\d{4}-\d{2}-\d{2}$/u)
      expect(item.documentTitle, item.id).not.toMatch(/^《|》$|》、?《/u)
      expect(item.docNumber ?? '', item.id).not.toMatch(/发文|日期|\d{4}-\d{2}/u)
      expect(item.toolType ?? '', item.id).not.toMatch(/服务|对象/u)
      expect(item.subtitle, item.id).not.toBe(item.title)
    }
    expect(card('guide-001').subtitle).toBe('关于老旧厂房改造项目促进产业高质量发展实施方案的通知')
  })

  it('each guide card cites the document number and contact found in its own source lines', () => {
    for (const item of guide) {
      const [start, end] = item.sourceLines
      const span = sourceLines(item.seed)
        .slice(start - 1, end)
        .join('')
        .replace(/\s/gu, '')
      for (const value of [item.docNumber, item.contact?.replace(/\n/gu, ''), item.issuer]) {
        if (value) expect(span, item.id).toContain(value.replace(/\s/gu, ''))
      }
    }
  })

  it('article cards carry their document facts, chapter and a readable heading', () => {
    expect(card('tier-rules-a13')).toMatchObject({
      subtitle: '第三章 动态管理',
      heading: '第十三条',
      issuer: '北京市经济和信息化局',
    })
    expect(card('tier-rules-x4-03').heading).toBe('附件4 （三）“I类知识产权”')
    expect(card('tier-rules-x4-13').content).toContain('如指标值位于两个评分区间边界上，按高分计算得分')
    expect(card('sme-measures-m07')).toMatchObject({
      heading: '7.完善企业债权融资体系',
      subtitle: '三、加大融资支持力度',
    })
    expect(card('sme-measures-m07').content).toContain('每年给予最高1000万元补贴')
    // The 数字人 covering notice names a contact; every article of that document cites it.
    expect(
      cards
        .filter((item) => item.section === '数字人')
        .every((item) => item.contact === '联系人：陈光明；联系电话：55578429'),
    ).toBe(true)
    expect(card('gazette-hpc-centers-a01')).toMatchObject({
      docNumber: '京教研〔2022〕13号',
      publishedAt: '2022-09-16',
    })
    // A heading on its own line stays its own line ("(三)强化宣传,打造品牌" / "利用官网…").
    expect(card('gazette-cohesion-a12').content).toMatch(/^\(三\)强化宣传,打造品牌\n利用官网/u)
    for (const item of cards.filter((entry) => entry.kind === 'article')) {
      expect(item.heading, item.id).toBeTruthy()
      expect(item.title.endsWith(` ${item.heading}`), item.id).toBe(true)
    }
  })

  it('drops page furniture: the gazette running header and the notice back matter', () => {
    for (const item of cards.filter((entry) => entry.kind === 'article')) {
      expect(item.content, item.id).not.toMatch(/北京市人民政府公报$|^北京市人民政府公报/mu)
      expect(item.content, item.id).not.toMatch(/此件主动公开|抄送[:：]|印发$/mu)
    }
    expect(card('gazette-digital-human-a18').content).toMatch(
      /（市委网信办|\(市委网信办、市金融监管局、市经济和信息化局、市民政局\)$/u,
    )
    expect(card('changping-a17').content).toMatch(/将做相应调整。$/u)
    expect(card('changping-a17').sourceLines).toEqual([87, 87])
  })

  it('uses one id scheme per seed, with stable per-document counts', () => {
    const scheme =
      /^(guide-\d{3}|tier-rules-(a\d{2}|x[1-4]-\d{2})|sme-measures-m\d{2}|gazette-[a-z]+(-[a-z]+)*-a\d{2}|changping-a\d{2})$/u
    for (const item of cards) expect(item.id).toMatch(scheme)
    const count = (prefix: string) => cards.filter((item) => item.id.startsWith(prefix)).length
    expect(count('tier-rules-x')).toBe(34)
    const gazette = Object.fromEntries(
      [
        'hpc-centers',
        'cohesion',
        'tech-transfer',
        'tech-managers',
        'software',
        'digital-human',
        'hydrogen',
        'scale-up',
      ].map((slug) => [slug, count(`gazette-${slug}-a`)]),
    )
    expect(gazette).toEqual({
      'hpc-centers': 38,
      cohesion: 12,
      'tech-transfer': 16,
      'tech-managers': 11,
      software: 12,
      'digital-human': 18,
      hydrogen: 20,
      'scale-up': 5,
    })
    // Article numbers follow the document: 第三十八条 is a38, measure 16 is m16.
    expect(card('gazette-hpc-centers-a38').heading).toBe('第三十八条')
    expect(card('sme-measures-m16').heading).toMatch(/^16\./u)
  })

  it('reads the validity period of each card from its own text or its document', () => {
    const period = (id: string) => [card(id).validFrom, card(id).validUntil, card(id).validityBasis]
    expect(period('guide-028')).toEqual(['2023-10-11', '2025-12-31', '2023年10月11日起至2025年12月31日止'])
    expect(period('guide-133')).toEqual(['2019-06-01', '2025-12-31', '从2019年6月1日起至2025年12月31日'])
    expect(period('guide-027')).toEqual(['2022-08-26', '2025-12-31', '2022年8月26日起，2025年失效'])
    expect(card('guide-027').validUntilPrecision).toBe('year')
    // 002 documents: 有效期3年 from their publication in 2022, stated once for the whole document.
    for (const item of cards.filter((entry) => entry.section === '氢能'))
      expect([item.validFrom, item.validUntil], item.id).toEqual(['2022-08-11', '2025-08-10'])
    for (const item of cards.filter((entry) => entry.section === '软件和信息服务业'))
      expect([item.validFrom, item.validUntil], item.id).toEqual(['2022-07-26', '2025-07-25'])
    expect(period('guide-034')).toEqual(['2022-08-11', '2025-08-10', '2022年8月11日起，有效期3年'])
    expect(period('changping-a01')).toEqual(['2025-12-15', '2028-12-14', '自发布之日起施行，有效期三年'])
    // The tier rules say 自发布之日起施行 but the seed has no publication date: no period is invented.
    expect(period('tier-rules-a23')).toEqual([null, null, null])
    for (const item of cards) {
      if (item.validityBasis === null) continue
      const lines = sourceLines(item.seed).join('').replace(/\s/gu, '')
      const missing = item.validityBasis
        .split('；')
        .filter((phrase) => !lines.includes(phrase.replace(/^《|》$/gu, '').replace(/\s/gu, '')))
      expect(missing, item.id).toEqual([])
    }
  })
})
