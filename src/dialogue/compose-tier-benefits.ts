import type { Citation, ReplyCard } from './messages.js'
import type { PolicyCard } from '../knowledge/card-schema.js'
import { describeValidity } from '../knowledge/describe-validity.js'
import type { BenefitItem, TierBenefits } from './load-tier-benefits.js'
import { MAX_BODY_CHARS } from './compose-policy-answer.js'
import { PROGRAM_NAMES, type Program } from './programs.js'

export interface ComposedTierBenefits {
  /** The grouped list (what the firm gets, each item with its agency). */
  body: string
  /** The source line(s), appended after the body. */
  footer: string
  /** Cards quoted, in the order quoted (for citations and the grounding check). */
  cards: PolicyCard[]
  citations: Citation[]
  /** The same list as a rich card (one block per group) for channels that render cards. */
  card: ReplyCard
}

/** Items shown per group at least; more while the list stays within {@link MAX_BODY_CHARS}; the rest are in the cited cards. */
export const ITEMS_PER_GROUP = 2

/** A parenthesised list of agencies: "（市经济和信息化局）", "(市知识产权局)"; never a standard number. */
const AGENCY = /[（(]([^（）()\d]*?(?:局|委|会|办|区|院|行|所|公司|集团|中心|部|政府)[^（）()\d]*?)[)）]/u

/**
 * The agency responsible for a quoted measure: the first agency list after the quote in the card's text (the
 * measures name it at the end of each sentence or paragraph), shortened to its first agency; else the issuer.
 */
export function agencyOf(card: PolicyCard, quote: string): string {
  const at = card.content.indexOf(quote)
  const after = at >= 0 ? card.content.slice(at + quote.length) : ''
  const match = AGENCY.exec(after)
  if (!match) return card.issuer
  const agencies = match[1]
    .split(/[，,、；;]/u)
    .map((agency) => agency.trim())
    .filter((agency) => agency !== '')
  // "市科委、中关村管委会" is one agency with two names; any longer list is shown by its lead agency.
  if (agencies.length === 2 && /中关村管委会/u.test(agencies[1])) return `${agencies[0]}、${agencies[1]}`
  return agencies.length > 1 ? `${agencies[0]}等` : (agencies[0] ?? card.issuer)
}

/** "4.支持企业…" → "4": the measure number of a numbered heading, else null. */
function measureNumber(card: PolicyCard): string | null {
  return /^(\d{1,2})[.．]/u.exec(card.heading ?? '')?.[1] ?? null
}

function sourceLines(cards: readonly PolicyCard[]): string {
  const byDocument = new Map<string, PolicyCard[]>()
  for (const card of cards) byDocument.set(card.documentTitle, [...(byDocument.get(card.documentTitle) ?? []), card])
  return [...byDocument.entries()]
    .map(([title, documentCards]) => {
      const numbers = [
        ...new Set(documentCards.map(measureNumber).filter((number): number is string => number !== null)),
      ].sort((left, right) => Number(left) - Number(right))
      const part =
        numbers.length > 0
          ? `措施${numbers.join('、')}`
          : documentCards
              .map((card) => card.heading)
              .filter(Boolean)
              .join('、')
      return `依据：《${title}》${part}（${documentCards[0].issuer}）`
    })
    .join('\n')
}

/**
 * What a firm gets once certified for a tier, from the tier-benefit data: grouped (资金, 融资, 人才, 市场和服务),
 * each item an exact quote from its card with the responsible agency, at most {@link ITEMS_PER_GROUP} per group.
 * Items whose policy has ended (by `today`) are left out and counted. `program` null means "评上了" without a
 * name: the 专精特新 list. For 创新型 the answer says what the tier is for and where the measures apply.
 */
export function composeTierBenefits(
  program: Program | null,
  benefits: TierBenefits,
  lookup: (id: string) => PolicyCard | undefined,
  today: Date,
): ComposedTierBenefits {
  const tier: Program = program ?? 'specialized'
  if (tier === 'innovative') return composeInnovative(benefits, lookup)
  const used: PolicyCard[] = []
  const title = `评上${PROGRAM_NAMES[tier]}能享受的支持`
  const lines = [`【${title}】`]
  const blocks: ReplyCard['blocks'] = []
  let ended = 0
  // Each group's current items: the first ITEMS_PER_GROUP of every group, then one more per group in turn while the list stays a phone screen long.
  const eligible = benefits.benefitGroups.map((group) => {
    const items: Array<{ line: string; card: PolicyCard }> = []
    for (const item of group.items.filter((entry: BenefitItem) => entry.programs.includes(tier))) {
      const card = lookup(item.card)
      if (!card || !card.content.includes(item.quote)) continue
      if (describeValidity(card, today).status === 'ended') {
        ended += 1
        continue
      }
      items.push({ line: `· ${item.topic}：${item.quote}（${agencyOf(card, item.quote)}）`, card })
    }
    return { label: group.label, items }
  })
  const counts = eligible.map((group) => Math.min(ITEMS_PER_GROUP, group.items.length))
  const length = () =>
    lines[0].length +
    eligible.reduce(
      (sum, group, index) =>
        sum +
        (counts[index] > 0 ? group.label.length + 2 : 0) +
        group.items.slice(0, counts[index]).reduce((total, item) => total + item.line.length + 1, 0),
      0,
    )
  for (let grown = true; grown;) {
    grown = false
    for (const [index, group] of eligible.entries()) {
      if (counts[index] === 0 || counts[index] >= group.items.length) continue
      counts[index] += 1
      if (length() > MAX_BODY_CHARS) counts[index] -= 1
      else grown = true
    }
  }
  for (const [index, group] of eligible.entries()) {
    const shown = group.items.slice(0, counts[index])
    if (shown.length === 0) continue
    for (const item of shown) if (!used.includes(item.card)) used.push(item.card)
    lines.push(`${group.label}：`, ...shown.map((item) => item.line))
    blocks.push({ heading: group.label, text: shown.map((item) => item.line).join('\n') })
  }
  if (ended > 0) {
    lines.push(`另有${ended}项相关政策已到期，未列出。`)
    blocks.push({ text: lines[lines.length - 1] })
  }
  const footer = sourceLines(used)
  return {
    body: lines.join('\n'),
    footer,
    cards: used,
    citations: citationsOf(used),
    card: { kind: 'policy', title, tone: 'blue', blocks, footer },
  }
}

function composeInnovative(
  benefits: TierBenefits,
  lookup: (id: string) => PolicyCard | undefined,
): ComposedTierBenefits {
  const plan = benefits.programs.innovative
  // The note cites 第十条 (applying for 专精特新 needs a published 创新型 listing): the first 专精特新 apply card.
  const rule = lookup(benefits.programs.specialized.apply[0] ?? '')
  const measure = benefits.benefitGroups
    .flatMap((group) => group.items)
    .map((item) => lookup(item.card))
    .find((card) => card?.audience)
  const scope = measure ? `《${measure.documentTitle}》的支持对象是${measure.audience}，不含创新型中小企业。` : ''
  const body = [
    `【${PROGRAM_NAMES.innovative}】`,
    `${scope}${plan.note}`,
    '评上专精特新后的支持，可问“评上专精特新有啥好处”。',
  ].join('\n')
  const cards = [rule, measure].filter((card): card is PolicyCard => card !== undefined)
  const footer = cards
    .map(
      (card) => `依据：《${card.documentTitle}》${card.id === rule?.id ? (card.heading ?? '') : ''}（${card.issuer}）`,
    )
    .join('\n')
  const card: ReplyCard = {
    kind: 'policy',
    title: PROGRAM_NAMES.innovative,
    tone: 'blue',
    blocks: [{ text: body.split('\n').slice(1).join('\n') }],
    footer,
  }
  return { body, footer, cards, citations: citationsOf(cards), card }
}

function citationsOf(cards: readonly PolicyCard[]): Citation[] {
  return cards.map((card) => ({ id: card.id, title: card.title }))
}
