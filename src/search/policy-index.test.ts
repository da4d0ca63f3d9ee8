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
