import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DialogueManager } from '../../src/dialogue/dialogue-manager.js'
import { loadTierBenefits } from '../../src/dialogue/load-tier-benefits.js'
import { TemplatePhraser } from '../../src/phrasing/template-phraser.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import type { PolicyIndex } from '../../src/search/policy-index.js'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'
import { answerPolicyQuestion as baselineAnswer } from './baseline/answer-policy-question.js'
import { detectAspect } from '../../src/dialogue/detect-intent.js'
import { loadAnswerQuestions } from './load-answer-questions.js'

/** One labelled end-to-end question, from either set. */
export interface LabelledQuestion {
  id: string
  q: string
  /** The key strings a correct reply must contain (empty for a question that must be declined). */
  facts: string[]
  decline: boolean
}

/** Reply words that mean "declined", the same list as ../shared/eval/run-policy-answers. */
export const DECLINE_WORDS = [
  '没有找到',
  '未找到',
  '暂未',
  '暂无',
  '没有相关',
  '无法确定',
  '不确定',
  '未收录',
  '没有收录',
  '只收录',
  '不在收录范围',
  '未写明',
  '没有写明',
  '没有写',
  '未明确',
  '没有明确',
  '未规定',
  '没有规定',
  '未提及',
  '没有提到',
  '12345',
  '无相关',
]

const FULL_WIDTH: Record<string, string> = {
  '０': '0',
  '１': '1',
  '２': '2',
  '３': '3',
  '４': '4',
  '５': '5',
  '６': '6',
  '７': '7',
  '８': '8',
  '９': '9',
  '％': '%',
  '．': '.',
  '，': ',',
  '：': ':',
  '（': '(',
  '）': ')',
}

/** The shared runner's normalisation: full-width digits, quotes, no 《》, no whitespace. */
export function normalizeForFacts(text: string): string {
  return text
    .replace(/[０-９％．，：（）]/gu, (character) => FULL_WIDTH[character] ?? character)
    .replace(/[“”]/gu, '"')
    .replace(/[‘’]/gu, "'")
    .replace(/[《》]/gu, '')
    .replace(/\s+/gu, '')
}

/** A fact counts when it appears verbatim (normalised); a long fact with numbers counts when all its numbers+units appear. */
export function factIn(fact: string, reply: string): boolean {
  const wanted = normalizeForFacts(fact)
  const text = normalizeForFacts(reply)
  if (text.includes(wanted)) return true
  const numbers = wanted.match(/\d+(?:\.\d+)?(?:%|万元|亿元|万|亿|元|年|个月|月|日|天|倍|人|项|家|平方米)?/gu) ?? []
  return wanted.length > 8 && numbers.length > 0 && numbers.every((number) => text.includes(number))
}

export const isDecline = (reply: string) => DECLINE_WORDS.some((word) => reply.includes(word))

/** The project's labelled answer set (test/eval/answer-questions.jsonl) as labelled questions, one split. */
export function projectAnswerSet(split: 'tune' | 'heldout'): LabelledQuestion[] {
  return loadAnswerQuestions()
    .filter((question) => question.split === split)
    .map((question) => ({ id: question.id, q: question.q, facts: question.facts, decline: question.decline }))
}

export interface AnswerMetrics {
  answerable: number
  unanswerable: number
  /** Answerable questions whose reply holds every key fact. */
  allFacts: number
  /** Answerable questions missing a fact whose reply declines. */
  answerableDeclined: number
  /** Unanswerable questions the reply declines. */
  unanswerableDeclined: number
  misses: Array<{ id: string; q: string; why: string; reply: string }>
}

export function scoreReplies(questions: readonly LabelledQuestion[], replies: readonly string[]): AnswerMetrics {
  const metrics: AnswerMetrics = {
    answerable: 0,
    unanswerable: 0,
    allFacts: 0,
    answerableDeclined: 0,
    unanswerableDeclined: 0,
    misses: [],
  }
  questions.forEach((question, index) => {
    const reply = replies[index]
    if (question.decline) {
      metrics.unanswerable += 1
      if (isDecline(reply)) metrics.unanswerableDeclined += 1
      else metrics.misses.push({ id: question.id, q: question.q, why: 'should decline', reply })
      return
    }
    metrics.answerable += 1
    const missing = question.facts.filter((fact) => !factIn(fact, reply))
    if (missing.length === 0) {
      metrics.allFacts += 1
      return
    }
    if (isDecline(reply)) metrics.answerableDeclined += 1
    metrics.misses.push({ id: question.id, q: question.q, why: `missing ${missing.join(' / ')}`, reply })
  })
  return metrics
}

/** The eval's clock: validity statements depend on the day, so every run uses the same one. */
export const EVAL_NOW = Date.parse('2026-12-01T12:00:00+08:00')

/** Each question in a fresh conversation through the real dialogue manager (what POST /api/v1/chat does). */
export async function chatReplies(
  index: PolicyIndex,
  questions: readonly LabelledQuestion[],
  now: () => number = () => EVAL_NOW,
): Promise<string[]> {
  const manager = new DialogueManager({
    sessions: new MemorySessionStore(),
    search: index,
    rules: loadRules(),
    benefits: loadTierBenefits(),
    phraser: new TemplatePhraser(),
    now,
  })
  const replies: string[] = []
  for (const [position, question] of questions.entries()) {
    const { reply } = await manager.chat(
      { channel: 'eval', chatId: `eval-${position}`, userId: `eval-${position}` },
      question.q,
    )
    replies.push(reply.text)
  }
  return replies
}

/** The answer composer before issue 10 (frozen under test/eval/baseline/), called the way the chat called it. */
export async function baselineReplies(index: PolicyIndex, questions: readonly LabelledQuestion[]): Promise<string[]> {
  const phraser = new TemplatePhraser()
  const replies: string[] = []
  for (const question of questions)
    replies.push((await baselineAnswer(index, phraser, question.q, detectAspect(question.q))).reply.text)
  return replies
}

/** ../shared/eval/policy-questions-dev.jsonl as labelled questions (source none = must decline). */
export const SHARED_DEV_SET = fileURLToPath(new URL('../../../shared/eval/policy-questions-dev.jsonl', import.meta.url))

export function loadSharedDevSet(path = SHARED_DEV_SET): LabelledQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as { id: string; q: string; source: string; facts: string[] })
    .map((entry) => ({ id: entry.id, q: entry.q, facts: entry.facts, decline: entry.source === 'none' }))
}

/** Shares for the targets: every key fact, answerable declined, unanswerable declined. */
export function answerShares(metrics: AnswerMetrics): {
  allFacts: number
  answerableDeclined: number
  unanswerableDeclined: number
} {
  return {
    allFacts: metrics.allFacts / Math.max(1, metrics.answerable),
    answerableDeclined: metrics.answerableDeclined / Math.max(1, metrics.answerable),
    unanswerableDeclined: metrics.unanswerable > 0 ? metrics.unanswerableDeclined / metrics.unanswerable : 1,
  }
}

/** The targets: every key fact in ≥ 0.90 of answerable, answerable declined ≤ 2 %, unanswerable declined ≥ 0.95. */
export function meetsAnswerTargets(metrics: AnswerMetrics): boolean {
  const shares = answerShares(metrics)
  return shares.allFacts >= 0.9 && shares.answerableDeclined <= 0.02 && shares.unanswerableDeclined >= 0.95
}
