import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { beforeAll, describe, expect, it } from 'vitest'
import { corpusFrequency, corpusFromCounts } from '../dialogue/rank-clauses.js'
import { DEFAULT_ANSWER_ASPECTS_PATH, loadAnswerAspects } from '../dialogue/load-answer-aspects.js'
import { loadTerms } from '../dialogue/load-terms.js'
import { DEFAULT_TIER_BENEFITS_PATH, loadTierBenefits } from '../dialogue/load-tier-benefits.js'
import { DEFAULT_CARDS_PATH, loadCards } from '../knowledge/load-cards.js'
import { DEFAULT_RULES_DIR, loadRules } from '../scoring/load-rules.js'
import { DEFAULT_ANSWER_DECISION_PATH, loadAnswerDecisionWords } from '../search/load-answer-decision-words.js'
import { DEFAULT_SYNONYMS_PATH, loadSynonyms } from '../search/load-synonyms.js'
import { DEFAULT_LEXICON_DIR, loadLexicon } from '../understanding/load-lexicon.js'
import { createPolicyIndex } from '../search/policy-index.js'
import { DEFAULT_TRADITIONAL_CHARS_PATH } from '../facts/to-simplified.js'
import { readKnowledgeSnapshot, writeKnowledgeSnapshot, type KnowledgeSources } from './knowledge-snapshot.js'

/** A private copy of the knowledge and rule files, so a test can edit them. */
function copySources(): KnowledgeSources & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'advisor-snapshot-'))
  cpSync(DEFAULT_CARDS_PATH, join(dir, 'cards.json'))
  cpSync(DEFAULT_SYNONYMS_PATH, join(dir, 'synonyms.json'))
  cpSync(DEFAULT_RULES_DIR, join(dir, 'rules'), { recursive: true })
  cpSync(DEFAULT_LEXICON_DIR, join(dir, 'lexicon'), { recursive: true })
  cpSync(DEFAULT_ANSWER_ASPECTS_PATH, join(dir, 'answer-aspects.json'))
  cpSync(DEFAULT_ANSWER_DECISION_PATH, join(dir, 'answer-decision.json'))
  cpSync(DEFAULT_TIER_BENEFITS_PATH, join(dir, 'tier-benefits.json'))
  cpSync(DEFAULT_TRADITIONAL_CHARS_PATH, join(dir, 'traditional-chars.json'))
  return {
    dir,
    cardsPath: join(dir, 'cards.json'),
    synonymsPath: join(dir, 'synonyms.json'),
    rulesDir: join(dir, 'rules'),
    lexiconDir: join(dir, 'lexicon'),
    answerAspectsPath: join(dir, 'answer-aspects.json'),
    answerDecisionPath: join(dir, 'answer-decision.json'),
    termsPath: join(dir, 'lexicon', 'terms.json'),
    tierBenefitsPath: join(dir, 'tier-benefits.json'),
    traditionalCharsPath: join(dir, 'traditional-chars.json'),
  }
}

const cards = loadCards()
const synonyms = loadSynonyms()
/** Questions of several shapes: colloquial, a document number, a synonym, a word no card uses, Latin letters. */
const QUESTIONS = [
  '算力券怎么申请？',
  '京政办发〔2023〕1号说了啥',
  '写字楼改造有补贴吗',
  '专精特新企业能拿多少钱',
  '火星移民有补贴吗',
  'AI大模型备案奖励',
  '小巨人认定条件',
  ...cards.slice(0, 40).map((card) => card.title),
]

describe('PolicyIndex snapshot', () => {
  const built = createPolicyIndex(cards, { synonyms })
  // Through the structured clone a persisted snapshot goes through.
  const snapshot = deserialize(serialize(built.toSnapshot())) as ReturnType<typeof built.toSnapshot>

  it('restores an index that ranks, scores and quotes exactly like the one built from the cards', () => {
    const restored = createPolicyIndex(cards, { synonyms, snapshot })
    expect(restored.size).toBe(built.size)
    for (const question of QUESTIONS) {
      const view = (index: typeof built) => {
        const result = index.search(question, { limit: 8 })
        return { ...result, hits: result.hits.map((hit) => [hit.card.id, hit.score, hit.snippet]) }
      }
      expect(view(restored), question).toEqual(view(built))
    }
    expect(restored.get(cards[0]!.id)).toBe(cards[0])
  })

  it('is ignored when it was made from other cards (the index is then built from the cards given)', () => {
    const fewer = cards.slice(1)
    const index = createPolicyIndex(fewer, { synonyms, snapshot })
    expect(index.size).toBe(createPolicyIndex(fewer, { synonyms }).size)
    expect(index.search(cards[5]!.title).hits[0]?.card.id).toBe(
      createPolicyIndex(fewer, { synonyms }).search(cards[5]!.title).hits[0]?.card.id,
    )
  })
})

describe('knowledge snapshot file', () => {
  let sources: ReturnType<typeof copySources>
  let path: string
  beforeAll(() => {
    sources = copySources()
    path = join(sources.dir, 'knowledge-snapshot.bin')
  })

  it('holds what the loaders return, and is written only when the files changed', () => {
    expect(readKnowledgeSnapshot(path, sources)).toBeUndefined()
    expect(writeKnowledgeSnapshot(path, sources)).toBe(true)
    expect(writeKnowledgeSnapshot(path, sources)).toBe(false)
    const snapshot = readKnowledgeSnapshot(path, sources)!
    expect(snapshot.cards).toEqual(cards)
    expect(snapshot.synonyms).toEqual(synonyms)
    expect(snapshot.rules).toEqual(loadRules())
    // What the first turn would read and validate, as the loaders return it (Maps, Sets and patterns included).
    expect(snapshot.lexicon).toStrictEqual(loadLexicon())
    expect(snapshot.answerAspects).toStrictEqual(loadAnswerAspects())
    expect(snapshot.answerDecision).toStrictEqual(loadAnswerDecisionWords())
    expect(snapshot.terms).toStrictEqual(loadTerms())
    expect(snapshot.tierBenefits).toStrictEqual(loadTierBenefits())
    const corpus = corpusFromCounts(snapshot.corpus)
    const expected = corpusFrequency(cards)
    expect(corpus.cards).toBe(expected.cards)
    for (const term of ['算力', '补贴', '专', 'ai', '火星'])
      expect(corpus.frequency(term), term).toBe(expected.frequency(term))
  })

  it('is stale once a knowledge or rule file changes, and a build writes it again', () => {
    writeKnowledgeSnapshot(path, sources)
    const rule = join(sources.rulesDir, 'gates.json')
    writeFileSync(rule, `${readFileSync(rule, 'utf8')}\n`)
    expect(readKnowledgeSnapshot(path, sources)).toBeUndefined()
    expect(writeKnowledgeSnapshot(path, sources)).toBe(true)
    expect(readKnowledgeSnapshot(path, sources)).toBeDefined()
    const text = readFileSync(sources.cardsPath, 'utf8')
    writeFileSync(sources.cardsPath, text.replace(cards[0]!.title, `${cards[0]!.title}（修订）`))
    expect(readKnowledgeSnapshot(path, sources)).toBeUndefined()
  })

  it('is stale once a lexicon or answer data file changes', () => {
    for (const file of [join(sources.lexiconDir, 'reply-words.json'), sources.answerDecisionPath]) {
      writeKnowledgeSnapshot(path, sources)
      expect(readKnowledgeSnapshot(path, sources)).toBeDefined()
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n`)
      expect(readKnowledgeSnapshot(path, sources), file).toBeUndefined()
    }
  })

  it('is unusable, not fatal, when damaged', () => {
    writeKnowledgeSnapshot(path, sources)
    const file = readFileSync(path)
    writeFileSync(path, file.subarray(0, Math.floor(file.length / 2)))
    expect(readKnowledgeSnapshot(path, sources)).toBeUndefined()
  })

  it('refuses to write from an invalid knowledge file, naming it', () => {
    writeFileSync(sources.cardsPath, '{"schemaVersion": 1, "cards": [{"id": 1}]}')
    expect(() => writeKnowledgeSnapshot(path, sources)).toThrow(/cards\.json/u)
  })
})
