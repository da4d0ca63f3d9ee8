import { describe, expect, it } from 'vitest'
import { MAX_CARD_BYTES, MAX_TEXT_CHARS, renderFeishuReply } from './render-feishu-reply.js'

describe('renderFeishuReply', () => {
  it('renders a card (schema 2.0) with the tone as header template', () => {
    const [message] = renderFeishuReply({
      text: 't',
      citations: [],
      card: {
        kind: 'verdict',
        title: '测评结果',
        tone: 'green',
        blocks: [{ heading: '【创新型】✅ 符合', text: '总分95分' }],
        footer: '依据：…',
      },
    })
    const card = JSON.parse(message.content)
    expect(message.msgType).toBe('interactive')
    expect(card).toMatchObject({ schema: '2.0', header: { template: 'green', title: { content: '测评结果' } } })
    expect(JSON.stringify(card.body)).toContain('总分95分')
  })

  it('splits long text under the limit and numbers the parts', () => {
    const text = Array.from({ length: 300 }, (_, index) => `第${index}条：最高不超过5000万元。`).join('')
    const parts = renderFeishuReply({ text, citations: [] })
    expect(parts.length).toBeGreaterThan(1)
    for (const [index, part] of parts.entries()) {
      const body = JSON.parse(part.content).text as string
      expect(body.startsWith(`(${index + 1}/${parts.length}) `)).toBe(true)
      expect(body.length).toBeLessThanOrEqual(MAX_TEXT_CHARS + 10)
      expect(body).not.toMatch(/5000万$|^\(\d+\/\d+\) 元/u)
    }
  })

  it('falls back to text when a card would be too large', () => {
    const huge = 'x'.repeat(MAX_CARD_BYTES)
    const parts = renderFeishuReply({
      text: '短文本',
      citations: [],
      card: { kind: 'policy', title: 't', tone: 'blue', blocks: [{ text: huge }] },
    })
    expect(parts.every((part) => part.msgType === 'text')).toBe(true)
  })
})
