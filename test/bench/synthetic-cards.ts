import type { PolicyCard } from '../../src/knowledge/card-schema.js'

/** Beijing's 16 districts and the economic-technological development area, for varied synthetic cards. */
const DISTRICTS = [
  '东城区',
  '西城区',
  '朝阳区',
  '海淀区',
  '丰台区',
  '石景山区',
  '门头沟区',
  '房山区',
  '通州区',
  '顺义区',
  '昌平区',
  '大兴区',
  '怀柔区',
  '平谷区',
  '密云区',
  '延庆区',
  '北京经济技术开发区',
]
const DISTRICT_PATTERN = new RegExp(DISTRICTS.join('|'), 'gu')
const TOPICS = [
  '人工智能',
  '集成电路',
  '生物医药',
  '新能源汽车',
  '数字经济',
  '智能制造',
  '绿色低碳',
  '医疗器械',
  '商业航天',
  '新材料',
  '软件信息',
  '文化科技',
]

/** A small deterministic PRNG (mulberry32): the same seed always gives the same cards. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * `count` cards generated from the real ones: each copies a real card and varies its title (district, topic,
 * year), district names, amounts (万元, 亿元, %) and dates in every text field, so term statistics look like a
 * city-wide collection of similar policies rather than one card repeated.
 */
export function syntheticCards(real: readonly PolicyCard[], count: number, seed = 14): PolicyCard[] {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const bases = real.filter((card) => !card.duplicateOf)
  const cards: PolicyCard[] = []
  for (let index = 0; index < count; index += 1) {
    const base = bases[index % bases.length]!
    const district = pick(DISTRICTS)
    const year = 2019 + Math.floor(next() * 8)
    const vary = (text: string | null | undefined): string | null | undefined => {
      if (!text) return text
      return text
        .replace(DISTRICT_PATTERN, () => pick(DISTRICTS))
        .replace(/\d+(?:\.\d+)?(?=万元|亿元|%)/gu, () => String(Math.max(1, Math.round(next() * 1000))))
        .replace(/20\d\d(?=年)/gu, () => String(2019 + Math.floor(next() * 8)))
    }
    cards.push({
      ...base,
      id: `${base.id}-s${index}`,
      title: `${district}${year}年${pick(TOPICS)}${vary(base.title)}`,
      subtitle: vary(base.subtitle) ?? null,
      documentTitle: vary(base.documentTitle) ?? base.documentTitle,
      content: vary(base.content) ?? base.content,
      requirements: vary(base.requirements) ?? null,
      process: vary(base.process) ?? null,
      audience: district,
      duplicateOf: null,
    } as PolicyCard)
  }
  return cards
}
