import type { OutboundReply, ReplyCard } from '../../dialogue/messages.js'
import { splitText } from '../split-text.js'
import type { WecomOutgoing } from './wecom-api.js'

/** WeCom's limits on message/send content, in UTF-8 bytes (not characters). */
export const MAX_TEXT_BYTES = 2048
export const MAX_MARKDOWN_BYTES = 4096
/** Room for a "(10/10) " label in front of a part. */
const LABEL_BYTES = 8

/** WeCom markdown knows three font colours. */
const COLOURS: Record<ReplyCard['tone'], string> = { green: 'info', red: 'warning', orange: 'warning', blue: 'comment' }

/** A card as WeCom markdown: coloured bold title, bold headings, the policy text unchanged. */
export function renderWecomMarkdown(card: ReplyCard): string {
  const lines = [`**<font color="${COLOURS[card.tone]}">${card.title}</font>**`]
  for (const block of card.blocks) {
    lines.push('')
    if (block.heading) lines.push(`**${block.heading}**`)
    lines.push(block.text)
  }
  if (card.footer) lines.push('', `<font color="comment">${card.footer}</font>`)
  return lines.join('\n')
}

function numbered(parts: string[], msgtype: WecomOutgoing['msgtype']): WecomOutgoing[] {
  return parts.map((part, index) => ({
    msgtype,
    content: parts.length > 1 ? `(${index + 1}/${parts.length}) ${part}` : part,
  }))
}

/**
 * The messages for one reply: a card as markdown (≤ 4096 bytes a message), else the text (≤ 2048 bytes a
 * message), split on sentence and line boundaries and numbered (1/3)… when longer. `markdown: false` sends text
 * only (the WeChat plug-in of WeCom does not show markdown).
 */
export function renderWecomReply(reply: OutboundReply, options: { markdown: boolean }): WecomOutgoing[] {
  if (reply.card && options.markdown)
    return numbered(
      splitText(renderWecomMarkdown(reply.card), MAX_MARKDOWN_BYTES - LABEL_BYTES, { measure: 'utf8' }),
      'markdown',
    )
  return numbered(splitText(reply.text, MAX_TEXT_BYTES - LABEL_BYTES, { measure: 'utf8' }), 'text')
}
