import { describe, expect, it } from 'vitest'
import { dropMentions } from './drop-mentions.js'

describe('dropMentions', () => {
  it.each([
    ['@政策助手 想评小巨人', '想评小巨人'],
    ['@小助手\u2005员工一百二', '员工一百二'],
    ['营收3200万 @财务老王', '营收3200万'],
    ['邮箱a@b.com 想测专精特新', '邮箱a@b.com 想测专精特新'],
  ])('%s → %s', (text, expected) => {
    expect(dropMentions(text)).toBe(expected)
  })
})
