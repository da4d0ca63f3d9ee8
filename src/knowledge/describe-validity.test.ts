import { describe, expect, it } from 'vitest'
import { askAgency, beijingDate, describeValidity } from './describe-validity.js'
import { cardsById, loadCards } from './load-cards.js'

const byId = cardsById(loadCards())
const card = (id: string) => {
  const found = byId.get(id)
  if (!found) throw new Error(`no card ${id}`)
  return found
}
/** A Beijing calendar day at noon, so the test does not depend on the machine's time zone. */
const on = (day: string) => new Date(`${day}T12:00:00+08:00`)

describe('describeValidity', () => {
  it('says an ended policy has ended, with the agency and phone to ask about a new round', () => {
    expect(describeValidity(card('guide-028'), on('2026-12-01'))).toEqual({
      status: 'ended',
      text: '该政策执行期至2025年12月31日，已到期；以下为原政策内容，新一轮政策请咨询北京市经济和信息化局（55521000）。',
    })
    expect(describeValidity(card('guide-133'), on('2026-01-01')).status).toBe('ended')
  })

  it('counts the last day as in force, by the Beijing calendar', () => {
    expect(describeValidity(card('guide-028'), on('2025-12-31'))).toEqual({
      status: 'current',
      text: '该政策有效期至2025年12月31日。',
    })
    // 2025-12-31T20:00Z is already 1 January in Beijing.
    expect(describeValidity(card('guide-028'), new Date('2025-12-31T20:00:00Z')).status).toBe('ended')
    expect(beijingDate(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31')
  })

  it('states an end given only to the year as the year', () => {
    expect(describeValidity(card('guide-027'), on('2024-05-01')).text).toBe('该政策有效期至2025年。')
    expect(describeValidity(card('guide-027'), on('2026-12-01')).text).toMatch(/^该政策执行期至2025年，已到期；/u)
  })

  it('is current without a sentence when only a start is stated, and unknown when nothing is', () => {
    expect(describeValidity(card('guide-001'), on('2026-12-01'))).toEqual({ status: 'current', text: null })
    expect(describeValidity(card('tier-rules-a12'), on('2026-12-01'))).toEqual({ status: 'unknown', text: null })
  })

  it('says a policy has not started yet, quoting its start', () => {
    expect(describeValidity(card('changping-a02'), on('2025-12-01'))).toEqual({
      status: 'not-yet',
      text: '该政策尚未开始执行（原文：自发布之日起施行，有效期三年）。',
    })
    expect(describeValidity(card('changping-a02'), on('2026-12-01'))).toEqual({
      status: 'current',
      text: '该政策有效期至2028年12月14日（原文：自发布之日起施行，有效期三年）。',
    })
  })

  it('quotes the source phrase beside an end date computed from it, never beside one the source states', () => {
    expect(describeValidity(card('gazette-software-a09'), on('2026-12-01')).text).toMatch(
      /^该政策执行期至2025年7月25日（原文：本若干政策措施自发布之日起实施,有效期3年），已到期；/u,
    )
    expect(describeValidity(card('guide-028'), on('2026-12-01')).text).not.toContain('原文')
  })

  it('names the agency from the contact, or the issuer with the contact phone', () => {
    expect(askAgency({ contact: '北京市经济和信息化局：55521000；政策咨询：15611351687', issuer: 'x' })).toBe(
      '北京市经济和信息化局（55521000）',
    )
    expect(askAgency({ contact: '联系人：陈光明；联系电话：55578429', issuer: '北京市经济和信息化局' })).toBe(
      '北京市经济和信息化局（55578429）',
    )
    expect(askAgency({ contact: null, issuer: '北京市经济和信息化局' })).toBe('北京市经济和信息化局')
  })
})
