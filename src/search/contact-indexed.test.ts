import { describe, expect, it } from 'vitest'
import { loadCards } from '../knowledge/load-cards.js'
import { loadSynonyms } from './load-synonyms.js'
import { createPolicyIndex } from './policy-index.js'

const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })

describe('the contact field is searched', () => {
  it('a question naming the office in a card’s contact line (消费促进处) finds that card', () => {
    expect(index.search('消费促进处负责的项目', { limit: 3 }).hits[0]?.card.id).toBe('guide-122')
  })
})
