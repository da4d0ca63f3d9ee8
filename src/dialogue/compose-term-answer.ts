import type { Citation } from '../channels/channel.js'
import type { TermExplanation } from './explain-term.js'
import type { PolicySearch } from './ports.js'

/**
 * The reply to "X是什么意思": the standard's sentence quoted with where it stands, then the plain-words note
 * when there is one. Short: the assessment question follows it.
 */
export function composeTermAnswer(explanation: TermExplanation, search: PolicySearch): { text: string; citations: Citation[] } {
  const card = search.get(explanation.cardId)
  const where = card ? `（${card.title}）` : ''
  const lines = [`关于“${explanation.term}”，标准原文${where}：`, explanation.quote]
  if (explanation.note) lines.push(`说明：${explanation.note}`)
  return { text: lines.join('\n'), citations: card ? [{ id: card.id, title: card.title }] : [] }
}
