import { describe, expect, it } from 'vitest'
import type { PolicyCard } from '../knowledge/card-schema.js'
import { loadCards } from '../knowledge/load-cards.js'
import { loadSynonyms } from './load-synonyms.js'
import { createPolicyIndex } from './policy-index.js'

const cards = loadCards()
const synonyms = loadSynonyms()
const QUESTIONS = [
  '算力券怎么申请？',
  '老旧厂房改造能补多少钱',
  '专精特新企业搞数字化智能化改造 最多能奖多少',
  '京发改规〔2023〕12号',
  '中关村融资租赁费用补贴',
  '帮我写一首诗',
]

/**
 * Copies of the real cards under new ids, enough that common terms exceed a query's candidate budget. `reversed`
 * numbers them down, so a later copy (in index order) has the smaller id.
 */
function copies(times: number, reversed = false): PolicyCard[] {
  const originals = cards.filter((card) => !card.duplicateOf)
  return Array.from({ length: times }, (_, copy) =>
    originals.map((card) => ({ ...card, id: `${card.id}-c${reversed ? times - copy : copy}` })),
  ).flat()
}

describe('PolicyIndex search', () => {
  it('returns the same leading hits and scores whatever the limit (pruning never drops a better card)', () => {
    const index = createPolicyIndex(cards, { synonyms })
    for (const question of QUESTIONS) {
      const wide = index.search(question, { limit: 50 }).hits
      for (const limit of [1, 3, 5, 10]) {
        const narrow = index.search(question, { limit }).hits
        expect(narrow.map((hit) => [hit.card.id, hit.score])).toEqual(
          wide.slice(0, limit).map((hit) => [hit.card.id, hit.score]),
        )
      }
    }
  })

  it('breaks ties between equal scores by card id, and keeps the same leading hits at every limit when capped', () => {
    // Equal copies score alike; numbered down, the ones an id tie-break must prefer come last in index order.
    const index = createPolicyIndex(copies(8, true), { synonyms })
    for (const question of QUESTIONS) {
      const wide = index.search(question, { limit: 50 }).hits
      for (const [at, hit] of wide.entries()) {
        const next = wide[at + 1]
        if (next && next.score === hit.score) expect(hit.card.id.localeCompare(next.card.id)).toBeLessThan(0)
      }
      for (const limit of [1, 3, 5, 10]) {
        const narrow = index.search(question, { limit }).hits
        expect(narrow.map((hit) => [hit.card.id, hit.score])).toEqual(
          wide.slice(0, limit).map((hit) => [hit.card.id, hit.score]),
        )
      }
    }
  })

  it('ranks copies of the card a question is about first when the candidates are capped', () => {
    const index = createPolicyIndex(copies(8), { synonyms })
    const exact = createPolicyIndex(cards, { synonyms })
    for (const question of QUESTIONS.slice(0, 5)) {
      const expected = exact.search(question, { limit: 1 }).hits[0]!.card.id
      const hits = index.search(question, { limit: 5 }).hits
      expect(hits[0]!.card.id.replace(/-c\d+$/u, '')).toBe(expected)
      expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a))
    }
  })
})

describe('PolicyIndex typos', () => {
  it('counts a mistyped form (创新劵) as the word itself, not at synonym weight', () => {
    const index = createPolicyIndex(cards, { synonyms })
    // At synonym weight the 额度 of 外债便利化额度 (guide-053) outranked the voucher card.
    expect(index.search('用创新劵的额度 高新技术企业一年多少', { limit: 3 }).hits[0]?.card.id).toBe('guide-062')
  })
})

describe('PolicyIndex phrase boosts shared by equal Han texts', () => {
  const base = cards.find((card) => !card.duplicateOf)!
  /** A card whose title and body are only the text given (same length and bigrams across the variants). */
  const card = (id: string, content: string): PolicyCard => ({
    ...base,
    id,
    title: '测试政策',
    subtitle: null,
    heading: null,
    documentTitle: '测试文件',
    issuer: '测试机关',
    docNumber: null,
    audience: null,
    toolType: null,
    timing: null,
    section: '',
    content,
    requirements: null,
    process: null,
    duplicateOf: null,
  })
  // The "with" bodies hold the phrase 量子保险补贴, the "without" ones every bigram of it but not the phrase; the two
  // of each kind differ only in a figure, so they share a Han text (and the phrase search's answer).
  const variants = [
    card('zz-with-1', '量子保险补贴，保险100万元'),
    card('zz-without-1', '量子保险，保险补贴100万元'),
    card('zz-with-2', '量子保险补贴，保险200万元'),
    card('zz-without-2', '量子保险，保险补贴200万元'),
  ]
  const scoresOf = (index: ReturnType<typeof createPolicyIndex>, question: string) =>
    Object.fromEntries(
      index
        .search(question, { limit: 50 })
        .hits.filter((hit) => hit.card.id.startsWith('zz-'))
        .map((hit) => [hit.card.id, hit.score]),
    )

  it('boosts exactly the bodies holding the phrase, whichever card of a Han text is searched first', () => {
    const question = '量子保险补贴怎么申请'
    const forward = createPolicyIndex([...cards, ...variants], { synonyms })
    const backward = createPolicyIndex([...cards, ...[...variants].reverse()], { synonyms })
    const scores = scoresOf(forward, question)
    expect(Object.keys(scores)).toHaveLength(4)
    expect(scores['zz-with-1']).toBe(scores['zz-with-2'])
    expect(scores['zz-without-1']).toBe(scores['zz-without-2'])
    // Same length and bigrams: the difference is the phrase boost alone.
    expect(scores['zz-with-1']).toBeGreaterThan(scores['zz-without-1']!)
    expect(scoresOf(backward, question)).toEqual(scores)
    // An earlier query's answers do not leak into a later one.
    scoresOf(forward, '保险补贴量子怎么申请')
    expect(scoresOf(forward, question)).toEqual(scores)
  })

  it('keeps the shared answers through a snapshot', () => {
    const built = createPolicyIndex([...cards, ...variants], { synonyms })
    const snapshot = structuredClone(built.toSnapshot())
    const restored = createPolicyIndex([...cards, ...variants], { synonyms, snapshot })
    expect(scoresOf(restored, '量子保险补贴怎么申请')).toEqual(scoresOf(built, '量子保险补贴怎么申请'))
    // A snapshot without the Han text ids (an older format) is not used: the cards are indexed again.
    const { hanTextIds: _, ...older } = snapshot
    const rebuilt = createPolicyIndex([...cards, ...variants], {
      synonyms,
      snapshot: older as unknown as typeof snapshot,
    })
    expect(scoresOf(rebuilt, '量子保险补贴怎么申请')).toEqual(scoresOf(built, '量子保险补贴怎么申请'))
  })
})

describe('the contact field is searched', () => {
  it('a question naming the office in a card’s contact line (消费促进处) finds that card', () => {
    const index = createPolicyIndex(cards, { synonyms })
    expect(index.search('消费促进处负责的项目', { limit: 3 }).hits[0]?.card.id).toBe('guide-122')
  })
})
