import { describe, expect, it } from 'vitest'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { BIGRAM_TOKENIZER, DEFAULT_CONFIDENCE_THRESHOLD } from '../../src/search/policy-index.js'
import {
  calibrateThreshold,
  coverages,
  evaluate,
  policyIndexMethod,
  loadQuestions,
  miniSearchMethod,
  thresholdPoint,
} from './evaluate.js'

describe('search quality on the labelled question set', () => {
  const cards = loadCards()
  const synonyms = loadSynonyms()
  const questions = loadQuestions()
  const method = policyIndexMethod(cards, synonyms)
  const chosen = evaluate(method, questions)
  const baseline = evaluate(miniSearchMethod(cards, BIGRAM_TOKENIZER, synonyms), questions)

  it('covers ≥ 80 questions, ≥ 60 cards, all five seeds and ≥ 8 unanswerable questions', () => {
    const expected = new Set(questions.flatMap((question) => question.expected))
    expect(questions.length).toBeGreaterThanOrEqual(80)
    expect(expected.size).toBeGreaterThanOrEqual(60)
    const seeds = new Set(cards.filter((card) => expected.has(card.id)).map((card) => card.seed))
    expect(seeds.size).toBe(5)
    expect(questions.filter((question) => question.expected.length === 0).length).toBeGreaterThanOrEqual(8)
    for (const id of expected)
      expect(
        cards.some((card) => card.id === id),
        id,
      ).toBe(true)
  })

  it('meets the targets: hit@5 ≥ 0.95, hit@1 ≥ 0.80, no-answer accuracy ≥ 0.8', () => {
    expect(chosen.hitAt5).toBeGreaterThanOrEqual(0.95)
    expect(chosen.hitAt1).toBeGreaterThanOrEqual(0.8)
    expect(chosen.noAnswerAccuracy).toBeGreaterThanOrEqual(0.8)
  })

  it('is no worse than the MiniSearch BM25 baseline on any metric', () => {
    expect(chosen.hitAt1).toBeGreaterThanOrEqual(baseline.hitAt1)
    expect(chosen.hitAt5).toBeGreaterThanOrEqual(baseline.hitAt5)
    expect(chosen.mrr).toBeGreaterThanOrEqual(baseline.mrr)
    expect(chosen.noAnswerAccuracy).toBeGreaterThanOrEqual(baseline.noAnswerAccuracy)
  })

  it('uses the confidence threshold calibrated on the tuning questions, and it holds on the held-out ones', () => {
    const calibrated = calibrateThreshold(
      coverages(
        method,
        questions.filter((question) => !question.tags.includes('held-out')),
      ),
    )
    expect(Math.abs(calibrated.threshold - DEFAULT_CONFIDENCE_THRESHOLD)).toBeLessThanOrEqual(0.05)
    const heldOut = thresholdPoint(
      coverages(
        method,
        questions.filter((question) => question.tags.includes('held-out')),
      ),
      DEFAULT_CONFIDENCE_THRESHOLD,
    )
    expect(heldOut.balanced).toBeGreaterThanOrEqual(0.8)
  })
})
