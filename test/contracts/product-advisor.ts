import { DialogueManager } from '../../src/dialogue/dialogue-manager.js'
import { loadTierBenefits } from '../../src/dialogue/load-tier-benefits.js'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { TemplatePhraser } from '../../src/phrasing/template-phraser.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'

const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
const rules = loadRules()
const benefits = loadTierBenefits()

/** The real dialogue manager over real cards and rules, with an in-memory store: what every channel talks to. */
export function createProductAdvisor() {
  return {
    manager: new DialogueManager({
      sessions: new MemorySessionStore(),
      search: index,
      rules,
      benefits,
      phraser: new TemplatePhraser(),
    }),
    index,
    rules,
  }
}
