import { describe, expect, it } from 'vitest'
import { readAddressing, removeQuote } from './read-addressing.js'

const options = { selfNames: ['政策助手', '小政助手'], triggerWords: ['政策助手', '小政'], mentionsSelf: false }

describe('readAddressing', () => {
  it('strips "@name" followed by U+2005, a space, or the end of the text', () => {
    expect(readAddressing('@政策助手\u2005专精特新怎么申请', options)).toEqual({
      addressedBy: 'mention',
      text: '专精特新怎么申请',
    })
    expect(readAddressing('@政策助手 专精特新怎么申请', options)).toEqual({
      addressedBy: 'mention',
      text: '专精特新怎么申请',
    })
    expect(readAddressing('专精特新怎么申请@政策助手', options)).toEqual({
      addressedBy: 'mention',
      text: '专精特新怎么申请',
    })
    expect(readAddressing('请问 @政策助手\u2005 研发费用', options)).toEqual({
      addressedBy: 'mention',
      text: '请问 研发费用',
    })
    expect(readAddressing('＠政策助手 全角at', options)).toEqual({ addressedBy: 'mention', text: '全角at' })
  })

  it('keeps mentions of other people and does not match a longer name', () => {
    expect(readAddressing('@张三\u2005@政策助手\u2005你看下', options)).toEqual({
      addressedBy: 'mention',
      text: '@张三 你看下',
    })
    expect(readAddressing('@政策助手们 你好', options).addressedBy).toBeNull()
  })

  it('trusts the puppet mention list even when the name in the text is unknown (group alias)', () => {
    expect(readAddressing('@小助理\u2005你好', { ...options, mentionsSelf: true })).toEqual({
      addressedBy: 'mention',
      text: '@小助理\u2005你好',
    })
  })

  it('accepts trigger words at the start only; short ones need a separator', () => {
    expect(readAddressing('政策助手专精特新怎么申请', options)).toEqual({
      addressedBy: 'trigger',
      text: '专精特新怎么申请',
    })
    expect(readAddressing('小政，研发费用怎么算', options)).toEqual({ addressedBy: 'trigger', text: '研发费用怎么算' })
    expect(readAddressing('小政 研发费用怎么算', options)).toEqual({ addressedBy: 'trigger', text: '研发费用怎么算' })
    expect(readAddressing('小政', options)).toEqual({ addressedBy: 'trigger', text: '' })
    expect(readAddressing('小政策很多', options).addressedBy).toBeNull()
    expect(readAddressing('问一下政策助手', options).addressedBy).toBeNull()
  })

  it('treats a quote of the bot as addressing it and drops the quoted text', () => {
    const quoted = '「政策助手：请问贵公司上年度营业收入是多少？」\n- - - - - - - - - - - - - - -\n5000万'
    expect(readAddressing(quoted, options)).toEqual({ addressedBy: 'quote', text: '5000万' })
    const quotedOther = '「张三：我们营收5000万」\n- - - - - - - - - - - - - - -\n厉害'
    expect(readAddressing(quotedOther, options)).toEqual({ addressedBy: null, text: '厉害' })
  })
})

describe('removeQuote', () => {
  it('handles the quote before or after the new text, and plain text', () => {
    expect(removeQuote('新内容\n- - - - - - - - - - - - - - -\n「张三：原话」')).toEqual({
      quotedSpeaker: '张三',
      text: '新内容',
    })
    expect(removeQuote('  没有引用  ')).toEqual({ text: '没有引用' })
  })
})
