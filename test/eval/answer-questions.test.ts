import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadAnswerQuestions } from './load-answer-questions.js'

interface RawCard {
  id: string
  seed: string
  [field: string]: unknown
}

const TEXT_FIELDS = [
  'title',
  'subtitle',
  'documentTitle',
  'heading',
  'content',
  'requirements',
  'process',
  'timing',
  'contact',
  'audience',
  'issuer',
  'docNumber',
] as const

const cardsPath = fileURLToPath(new URL('../../knowledge/cards.json', import.meta.url))
const cards = new Map<string, RawCard>(
  (JSON.parse(readFileSync(cardsPath, 'utf8')) as { cards: RawCard[] }).cards.map((card) => [card.id, card]),
)

function cardText(id: string): string {
  const card = cards.get(id)
  if (!card) return ''
  return TEXT_FIELDS.map((field) => (typeof card[field] === 'string' ? (card[field] as string) : '')).join('\n')
}

describe('labelled end-to-end answer set (test/eval/answer-questions.jsonl)', () => {
  const questions = loadAnswerQuestions()

  it('has ≥ 160 questions with unique ids and unique wording', () => {
    expect(questions.length).toBeGreaterThanOrEqual(160)
    expect(new Set(questions.map((question) => question.id)).size).toBe(questions.length)
    expect(new Set(questions.map((question) => question.q)).size).toBe(questions.length)
  })

  it('labels answerable questions with existing cards from the stated seed', () => {
    for (const question of questions.filter((item) => !item.decline)) {
      const card = cards.get(question.expect_card)
      expect(card, `${question.id} expect_card ${question.expect_card}`).toBeDefined()
      expect(card?.seed.startsWith(question.source), `${question.id} source ${question.source}`).toBe(true)
      for (const id of question.also_ok) expect(cards.has(id), `${question.id} also_ok ${id}`).toBe(true)
      expect(question.kind).not.toBe('negative')
      expect(question.facts.length, question.id).toBeGreaterThan(0)
    }
  })

  it('finds every fact verbatim in the text of expect_card or of an also_ok card', () => {
    for (const question of questions.filter((item) => !item.decline)) {
      const texts = [question.expect_card, ...question.also_ok].map(cardText)
      for (const fact of question.facts) {
        expect(
          texts.some((text) => text.includes(fact)),
          `${question.id}: "${fact}" not in ${question.expect_card}`,
        ).toBe(true)
      }
    }
  })

  it('gives a two-part question one fact per part', () => {
    for (const question of questions.filter((item) => item.kind === 'two-part')) {
      expect(question.facts.length, question.id).toBeGreaterThanOrEqual(2)
    }
  })

  it('marks declines consistently: source none, no card, no facts', () => {
    for (const question of questions) {
      expect(question.decline, question.id).toBe(question.kind === 'negative')
      if (!question.decline) continue
      expect(question.source, question.id).toBe('none')
      expect(question.expect_card, question.id).toBe('')
      expect(question.also_ok, question.id).toEqual([])
      expect(question.facts, question.id).toEqual([])
    }
  })

  it('meets the coverage floors: ≥ 120 answerable, ≥ 35 declines, ≥ 20 two-part, all five seeds, ≥ 80 cards', () => {
    const answerable = questions.filter((question) => !question.decline)
    expect(answerable.length).toBeGreaterThanOrEqual(120)
    expect(questions.filter((question) => question.decline).length).toBeGreaterThanOrEqual(35)
    expect(questions.filter((question) => question.kind === 'two-part').length).toBeGreaterThanOrEqual(20)
    expect(new Set(answerable.map((question) => question.source)).size).toBe(5)
    expect(new Set(answerable.map((question) => question.expect_card)).size).toBeGreaterThanOrEqual(80)
  })

  it('holds out ≥ 30 % by the stated rule: the 2nd and 4th of every 5 questions of each kind', () => {
    const seen = new Map<string, number>()
    for (const question of questions) {
      const ordinal = (seen.get(question.kind) ?? 0) + 1
      seen.set(question.kind, ordinal)
      expect(question.split, question.id).toBe(ordinal % 5 === 2 || ordinal % 5 === 4 ? 'heldout' : 'tune')
    }
    const heldout = questions.filter((question) => question.split === 'heldout').length
    expect(heldout / questions.length).toBeGreaterThanOrEqual(0.3)
  })
})
