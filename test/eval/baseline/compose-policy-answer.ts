/** Frozen copy of the answer composer before issue 10, the baseline `npm run eval` reports beside the current one. Do not edit. */
import type { PolicyCard } from '../../../src/knowledge/card-schema.js'
import type { Aspect } from '../../../src/dialogue/detect-intent.js'
import { splitSentences } from '../../../src/dialogue/split-sentences.js'

const AMOUNT = /(\d[\d,.]*\s*(万元|亿元|元|%|％|倍|年|个月)|最高|不超过|不低于|给予|比例|补助|补贴|奖励|贴息)/
const PROCESS = /(申报|申请|提交|办理|登录|受理|审核|公示|评审|网上|平台|窗口)/
const MONEY = /\d[\d,.]*\s*(万元|亿元|元)/
const TIMING = /(\d{4}年|\d+月|每年|截止|期限|之前|以前|工作日|季度|月度|长期|常年)/
const CONTACT = /(电话|联系|\d{3,4}-?\d{7,8}|\d{8})/

/** The longest a composed answer body may be before the source line (phone screen). */
const MAX_BODY_CHARS = 300
const MAX_CONTACT_CHARS = 160

export interface ComposedAnswer {
  /** The title line and the quoted sentences (what a phraser may re-word). */
  body: string
  /** The source line, appended by code after any phrasing. */
  footer: string
  /** The card texts the answer quotes, for the grounding check. */
  sources: string[]
}

function overlap(sentence: string, queryTerms: readonly string[]): number {
  let score = 0
  for (const term of queryTerms) if (term.length > 0 && sentence.includes(term)) score += term.length
  return score
}

function pickSentences(
  text: string | null,
  queryTerms: readonly string[],
  prefer: RegExp | null,
  limit: number,
): string[] {
  if (!text) return []
  const sentences = splitSentences(text)
  const scored = sentences.map((sentence, position) => ({
    sentence,
    position,
    score: overlap(sentence, queryTerms) + (prefer && prefer.test(sentence) ? 6 : 0),
  }))
  const chosen = scored
    .filter((entry) => entry.score > 0)
    .sort((left, right) => right.score - left.score || left.position - right.position)
    .slice(0, limit)
    .sort((left, right) => left.position - right.position)
  return chosen.map((entry) => entry.sentence)
}

function clip(sentences: string[], budget: number): string[] {
  const kept: string[] = []
  let used = 0
  for (const sentence of sentences) {
    if (used + sentence.length > budget && kept.length > 0) break
    kept.push(sentence)
    used += sentence.length
  }
  return kept
}

/** Shortens a long 联络方式 at an entry boundary, never inside a phone number. */
export function shortContact(contact: string | null): string | null {
  if (!contact) return null
  const flat = contact.replace(/\s*\n\s*/g, '；')
  if (flat.length <= MAX_CONTACT_CHARS) return flat
  const entries = flat.split(/[；;]/)
  let text = ''
  for (const entry of entries) {
    if (text.length + entry.length + 1 > MAX_CONTACT_CHARS && text !== '') break
    text = text === '' ? entry : `${text}；${entry}`
  }
  return `${text}等`
}

/** "依据：《依据文件》（发文机构，发文字号）· 咨询：联络方式" */
export function sourceLine(card: PolicyCard): string {
  const agencyParts = [card.issuer, card.docNumber].filter((part): part is string => Boolean(part))
  const basis = `依据：《${card.documentTitle}》（${agencyParts.join('，')}）`
  const contact = shortContact(card.contact)
  return contact ? `${basis} · 咨询：${contact}` : basis
}

/**
 * Composes an extractive answer from a card: the sentences that answer the question (amount, condition,
 * process step, deadline, contact) first, quoted exactly, then the source line.
 */
export function composePolicyAnswer(card: PolicyCard, queryTerms: readonly string[], aspect: Aspect): ComposedAnswer {
  const body = [card.content]
  let lines: string[]
  switch (aspect) {
    case 'process':
      lines = card.process ? splitSentences(card.process) : pickSentences(card.content, queryTerms, PROCESS, 3)
      break
    case 'requirements':
      lines = card.requirements
        ? splitSentences(card.requirements)
        : pickSentences(card.content, queryTerms, /(应当|需|须|要求|条件|符合)/, 3)
      break
    case 'timing':
      lines = [
        ...pickSentences(card.timing, queryTerms, TIMING, 2),
        ...pickSentences(card.process, queryTerms, TIMING, 2),
      ]
      if (lines.length === 0) lines = pickSentences(card.content, queryTerms, TIMING, 2)
      break
    case 'contact':
      lines = card.contact ? [] : pickSentences(card.content, queryTerms, CONTACT, 2)
      break
    case 'amount':
      lines = pickSentences(card.content, queryTerms, AMOUNT, 3)
      break
    default:
      lines = pickSentences(card.content, queryTerms, AMOUNT, 3)
      if (lines.length === 0) lines = splitSentences(card.content).slice(0, 2)
  }
  // A sentence that only repeats the heading ("13.支持加氢站建设运营。") says nothing new.
  const bare = (text: string) => text.replace(/[。；：\s]/gu, '')
  lines = lines.filter((line) => !card.title.replace(/\s/gu, '').includes(bare(line)))
  if (lines.length === 0) lines = splitSentences(card.content).slice(0, 2)
  // The most important number first: sentences that state an amount lead.
  if (aspect === 'amount' || aspect === 'general')
    lines = [...lines.filter((line) => MONEY.test(line)), ...lines.filter((line) => !MONEY.test(line))]
  const kept = clip(lines, MAX_BODY_CHARS)
  const header = `【${card.title}】`
  const text = [header, ...kept.map((line) => `· ${line}`)].join('\n')
  if (card.requirements) body.push(card.requirements)
  if (card.process) body.push(card.process)
  if (card.timing) body.push(card.timing)
  return {
    body: text,
    footer: sourceLine(card),
    sources: [...body, card.title, card.documentTitle, card.issuer, card.docNumber ?? '', card.contact ?? ''],
  }
}
