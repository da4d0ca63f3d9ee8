import type { Citation } from './messages.js'
import type { TermExplanation } from './explain-term.js'
import type { PolicySearch } from './ports.js'

/**
 * The reply to "X是什么意思": the standard's sentence quoted with where it stands, then the plain-words note
 * when there is one. Short: the assessment question follows it.
 */
export function composeTermAnswer(
  explanation: TermExplanation,
  search: PolicySearch,
): { text: string; citations: Citation[] } {
  const citations: Citation[] = []
  const lines: string[] = []
  for (const [index, term] of [explanation, ...(explanation.also ? [explanation.also] : [])].entries()) {
    const card = search.get(term.cardId)
    const where = card ? `（${card.title}）` : ''
    // The same sentence twice (主营业务收入 and 营业收入 share one) is quoted once.
    const quoted = index > 0 && term.quote === explanation.quote
    lines.push(
      `${index > 0 ? '另外，' : ''}关于“${term.term}”${quoted ? '' : `，标准原文${where}：`}`,
      ...(quoted ? [] : [term.quote]),
    )
    if (term.note) lines.push(`说明：${term.note}`)
    if (card && !citations.some((citation) => citation.id === card.id))
      citations.push({ id: card.id, title: card.title })
  }
  return { text: lines.join('\n'), citations }
}
