import type { PolicyCard } from './card-schema.js'

export type ValidityStatus = 'current' | 'ended' | 'not-yet' | 'unknown'

export interface ValidityDescription {
  status: ValidityStatus
  /** The sentence an answer states, or null when there is nothing to say (no period, or no end date). */
  text: string | null
}

type ValidityFields = Pick<
  PolicyCard,
  'validFrom' | 'validUntil' | 'validUntilPrecision' | 'validityBasis' | 'contact' | 'issuer'
>

/** Beijing is UTC+8 all year: policy dates are Beijing calendar days. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

/** The Beijing calendar day of an instant, as ISO YYYY-MM-DD. */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}

/** "2025-12-31" → "2025年12月31日"; to the month or year when that is all the source states. */
export function formatPolicyDate(iso: string, precision: PolicyCard['validUntilPrecision']): string {
  const [year, month, day] = iso.split('-').map(Number)
  if (precision === 'year') return `${year}年`
  if (precision === 'month') return `${year}年${month}月`
  return `${year}年${month}月${day}日`
}

const PHONE = /\d{3,4}-\d{7,8}|(?<!\d)1\d{10}(?!\d)|(?<!\d)\d{8}(?!\d)/u

/**
 * Who to ask about a new round: the card's first 联络方式 entry ("北京市经济和信息化局：55521000" →
 * "北京市经济和信息化局（55521000）"), else the issuer with the first phone the contact gives, else the issuer.
 */
export function askAgency(card: Pick<PolicyCard, 'contact' | 'issuer'>): string {
  const entries = (card.contact ?? '')
    .split(/[；;\n]/u)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  const first = entries[0]
  if (first) {
    const named = /^([^:：]{2,40}?)[:：]\s*(.+)$/u.exec(first)
    const phone = PHONE.exec(first)?.[0]
    if (named && phone && !/^(联系人|联系电话|电话|咨询电话|政策咨询|流程咨询)$/u.test(named[1]))
      return `${named[1]}（${phone}）`
  }
  const phone = PHONE.exec(card.contact ?? '')?.[0]
  return phone ? `${card.issuer}（${phone}）` : card.issuer
}

/** The longest source phrase quoted beside a computed end date. */
const MAX_BASIS_CHARS = 32

/**
 * The source phrase beside an end date the build computed rather than read ("自发布之日起施行，有效期三年" gives
 * 2028-12-14): "（原文：…）", so the owner sees what the date rests on. Empty when the phrase states the end year itself.
 */
function basisOf(card: ValidityFields): string {
  const basis = card.validityBasis?.trim()
  if (!basis || card.validUntil === null || basis.length > MAX_BASIS_CHARS) return ''
  if (basis.includes(card.validUntil.slice(0, 4)) || !/有效期|失效|施行|实施/u.test(basis)) return ''
  return `（原文：${basis}）`
}

/**
 * Whether a card's policy is in force on `today` (a Beijing calendar day), and the sentence an answer states:
 * - ended: "该政策执行期至2025年12月31日，已到期；以下为原政策内容，新一轮政策请咨询…。"
 * - current with an end date: "该政策有效期至2027年12月31日。"; current with only a start: no sentence;
 * - not-yet: quotes the stated start;
 * - unknown (the source states no period): no sentence.
 * Pure: the caller passes today's date from its injected clock.
 */
export function describeValidity(card: ValidityFields, today: Date): ValidityDescription {
  const day = beijingDate(today)
  if (card.validUntil !== null && day > card.validUntil) {
    const until = formatPolicyDate(card.validUntil, card.validUntilPrecision)
    return {
      status: 'ended',
      text: `该政策执行期至${until}${basisOf(card)}，已到期；以下为原政策内容，新一轮政策请咨询${askAgency(card)}。`,
    }
  }
  if (card.validFrom !== null && day < card.validFrom) {
    return { status: 'not-yet', text: `该政策尚未开始执行（原文：${card.validityBasis ?? ''}）。` }
  }
  if (card.validUntil !== null)
    return {
      status: 'current',
      text: `该政策有效期至${formatPolicyDate(card.validUntil, card.validUntilPrecision)}${basisOf(card)}。`,
    }
  if (card.validFrom !== null) return { status: 'current', text: null }
  return { status: 'unknown', text: null }
}
