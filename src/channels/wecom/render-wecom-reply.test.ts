import { describe, expect, it } from 'vitest'
import { MAX_MARKDOWN_BYTES, MAX_TEXT_BYTES, renderWecomReply } from './render-wecom-reply.js'

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')
/** A long Chinese policy text: 3 bytes a character, so 2048 bytes hold fewer than 700 characters. */
const LONG = Array.from(
  { length: 40 },
  (_, index) =>
    `第${index + 1}条：对符合条件的企业给予最高不超过5000万元的支持，《北京市关于促进中小企业发展的若干措施》〔2024〕18号。`,
).join('\n')

describe('renderWecomReply', () => {
  it('splits text at 2048 UTF-8 bytes, not characters, without losing or cutting anything', () => {
    expect(LONG.length).toBeLessThan(MAX_TEXT_BYTES * 2)
    expect(bytes(LONG)).toBeGreaterThan(MAX_TEXT_BYTES * 2)
    const parts = renderWecomReply({ text: LONG, citations: [] }, { markdown: true })
    expect(parts.length).toBeGreaterThanOrEqual(3)
    for (const part of parts) {
      expect(part.msgtype).toBe('text')
      expect(bytes(part.content)).toBeLessThanOrEqual(MAX_TEXT_BYTES)
    }
    const bodies = parts.map((part, index) => part.content.replace(`(${index + 1}/${parts.length}) `, ''))
    expect(bodies.join('\n').replace(/\s+/gu, '')).toBe(LONG.replace(/\s+/gu, ''))
    // Never inside a number, a 《title》 or a document number.
    for (const body of bodies) expect(body).toMatch(/^第\d+条/u)
  })

  it('keeps a short text in one message without a label', () => {
    expect(renderWecomReply({ text: '最高不超过5000万元。', citations: [] }, { markdown: true })).toEqual([
      { msgtype: 'text', content: '最高不超过5000万元。' },
    ])
  })

  it('renders a card as markdown split at 4096 bytes, or as text when markdown is off', () => {
    const card = {
      kind: 'policy' as const,
      title: '老旧厂房改造',
      tone: 'blue' as const,
      blocks: [{ heading: '支持标准', text: LONG }],
      footer: '依据：55590088',
    }
    const markdown = renderWecomReply({ text: LONG, citations: [], card }, { markdown: true })
    expect(markdown.length).toBeGreaterThanOrEqual(2)
    for (const part of markdown) {
      expect(part.msgtype).toBe('markdown')
      expect(bytes(part.content)).toBeLessThanOrEqual(MAX_MARKDOWN_BYTES)
    }
    expect(markdown[0]!.content).toContain('**<font color="comment">老旧厂房改造</font>**')
    expect(markdown.at(-1)!.content).toContain('依据：55590088')
    expect(
      renderWecomReply({ text: LONG, citations: [], card }, { markdown: false }).every(
        (part) => part.msgtype === 'text',
      ),
    ).toBe(true)
  })
})
