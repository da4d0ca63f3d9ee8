import type { OutboundReply, ReplyCard } from '../../dialogue/messages.js'
import { splitText } from '../split-text.js'

/** One message to send: Feishu's msg_type and its JSON content string. */
export interface FeishuOutgoing {
  msgType: 'text' | 'interactive'
  content: string
}

/** Feishu allows a card up to 30 KB; stay well under. */
export const MAX_CARD_BYTES = 28 * 1024
/** Long texts are split into messages of at most this many characters (readable on a phone). */
export const MAX_TEXT_CHARS = 4000

const TEMPLATES: Record<ReplyCard['tone'], string> = { green: 'green', red: 'red', orange: 'orange', blue: 'blue' }

function plain(content: string) {
  return { tag: 'div', text: { tag: 'plain_text', content } }
}

/** A card JSON 2.0 for a verdict or policy answer; policy text goes in plain_text so it is shown exactly. */
export function renderFeishuCard(card: ReplyCard): string {
  const elements: unknown[] = []
  for (const block of card.blocks) {
    if (block.heading)
      elements.push({ tag: 'div', text: { tag: 'plain_text', content: block.heading, text_size: 'heading' } })
    elements.push(plain(block.text))
  }
  if (card.footer)
    elements.push(
      { tag: 'hr' },
      { tag: 'div', text: { tag: 'plain_text', content: card.footer, text_size: 'notation' } },
    )
  return JSON.stringify({
    schema: '2.0',
    config: { wide_screen_mode: true },
    header: { title: { tag: 'plain_text', content: card.title }, template: TEMPLATES[card.tone] },
    body: { elements },
  })
}

/**
 * The messages for one reply: an interactive card when the reply has one and it fits, else the text split into
 * parts numbered (1/3)…, never cutting inside a number or a 《title》.
 */
export function renderFeishuReply(reply: OutboundReply): FeishuOutgoing[] {
  if (reply.card) {
    const content = renderFeishuCard(reply.card)
    if (Buffer.byteLength(content) <= MAX_CARD_BYTES) return [{ msgType: 'interactive', content }]
  }
  const parts = splitText(reply.text, MAX_TEXT_CHARS)
  return parts.map((part, index) => ({
    msgType: 'text',
    content: JSON.stringify({ text: parts.length > 1 ? `(${index + 1}/${parts.length}) ${part}` : part }),
  }))
}
