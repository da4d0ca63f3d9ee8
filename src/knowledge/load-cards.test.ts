import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CARD_SCHEMA_VERSION } from './card-schema.js'
import { cardsById, DEFAULT_CARDS_PATH, findCard, KnowledgeFileError, loadCards, loadKnowledge } from './load-cards.js'

const directory = mkdtempSync(join(tmpdir(), 'knowledge-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

function writeKnowledge(name: string, edit: (knowledge: { cards: Array<Record<string, unknown>> }) => void): string {
  const knowledge = JSON.parse(readFileSync(DEFAULT_CARDS_PATH, 'utf8'))
  edit(knowledge)
  const path = join(directory, name)
  writeFileSync(path, JSON.stringify(knowledge))
  return path
}

describe('loadKnowledge', () => {
  it('reads knowledge/cards.json relative to the repository, whatever the working directory', () => {
    const knowledge = loadKnowledge()
    expect(knowledge.schemaVersion).toBe(CARD_SCHEMA_VERSION)
    expect(knowledge.sources.map((source) => source.cards).reduce((sum, count) => sum + count, 0)).toBe(
      knowledge.cards.length,
    )
    expect(loadCards()).toHaveLength(knowledge.cards.length)
  })

  it('names the bad card and field', () => {
    const path = writeKnowledge('bad-field.json', (knowledge) => {
      knowledge.cards[3].issuer = ''
    })
    expect(() => loadKnowledge(path)).toThrow(KnowledgeFileError)
    expect(() => loadKnowledge(path)).toThrow(/card guide-004: issuer/u)
  })

  it('rejects unknown fields and says which', () => {
    const path = writeKnowledge('extra-field.json', (knowledge) => {
      knowledge.cards[0].summary = 'not in the schema'
    })
    expect(() => loadKnowledge(path)).toThrow(/card guide-001: .*summary/u)
  })

  it('rejects a file of the previous schema version and inconsistent validity fields', () => {
    const old = writeKnowledge('old-version.json', (knowledge) => {
      ;(knowledge as unknown as { schemaVersion: number }).schemaVersion = CARD_SCHEMA_VERSION - 1
    })
    expect(() => loadKnowledge(old)).toThrow(/schemaVersion/u)
    const noBasis = writeKnowledge('no-basis.json', (knowledge) => {
      knowledge.cards[0].validityBasis = null
    })
    expect(() => loadKnowledge(noBasis)).toThrow(/card guide-001: validityBasis/u)
    const notADate = writeKnowledge('not-a-date.json', (knowledge) => {
      knowledge.cards[0].validFrom = '2023-02-30'
    })
    expect(() => loadKnowledge(notADate)).toThrow(/card guide-001: validFrom/u)
    const reversed = writeKnowledge('reversed.json', (knowledge) => {
      const card = knowledge.cards.find((item) => item.id === 'guide-028')!
      card.validFrom = '2026-01-01'
    })
    expect(() => loadKnowledge(reversed)).toThrow(/card guide-028: validUntil: before validFrom/u)
  })

  it('says how to fix a missing or unreadable file', () => {
    expect(() => loadKnowledge(join(directory, 'missing.json'))).toThrow(/npm run build:knowledge/u)
    const path = join(directory, 'broken.json')
    writeFileSync(path, '{"schemaVersion": 1,')
    expect(() => loadKnowledge(path)).toThrow(KnowledgeFileError)
  })
})

describe('card look-up', () => {
  const cards = loadCards()

  it('finds a card by id', () => {
    expect(findCard(cards, 'guide-001')?.docNumber).toBe('京发改规〔2023〕12号')
    expect(findCard(cards, 'guide-999')).toBeUndefined()
    expect(cardsById(cards).get('changping-a02')?.heading).toBe('第二条 支持原始创新')
    expect(cardsById(cards).size).toBe(cards.length)
  })
})
