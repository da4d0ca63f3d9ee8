import type { PolicyCard } from '../card-schema.js'

/**
 * Review rules applied after parsing, so that source defects are handled deliberately:
 * - a card that repeats an earlier card word for word (after width and whitespace normalisation) gets
 *   `duplicateOf` and the flag 'duplicate'; it stays in the file for review but is not indexed;
 * - a card whose title shares almost nothing with its own text gets the flag 'title-mismatch'; search then
 *   gives its title no more weight than its body, so the wrong title cannot pull the card up.
 *
 * In seed 003 this finds guide-071, a word-for-word repeat of guide-067 (中关村“小升规”培育; only a full-width
 * number and a colon's width differ), and guide-126, titled 北京市促进商贸物流发展资金支持 but carrying the general
 * 商业流通发展资金 terms with no word about logistics (guide-141 is the real 商贸物流 card).
 */
const GENERIC_TITLE_WORDS =
  /北京市|中关村国家自主创新示范区|中关村|关于|支持|促进|发展|开展|项目|资金|实施|办法|管理|通知|工作|措施|企业|的|和|及|推动|加快|申报|指南/gu

/** Below this share of title bigrams found in the card's text, the title is flagged (measured: the lowest card
 * scores 0.00, the next 0.13). */
export const TITLE_MATCH_THRESHOLD = 0.1

function comparable(card: PolicyCard): string {
  return [card.title, card.audience, card.content, card.requirements, card.process, card.timing, card.contact]
    .join('|')
    .normalize('NFKC')
    .replace(/\s+/gu, '')
}

function titleBigrams(title: string): Set<string> {
  const words = title.replace(GENERIC_TITLE_WORDS, ' ').replace(/[^\p{Script=Han}A-Za-z0-9]+/gu, ' ')
  const bigrams = new Set<string>()
  for (const run of words.split(' ')) {
    if (run.length === 1) bigrams.add(run)
    for (let index = 0; index + 1 < run.length; index += 1) bigrams.add(run.slice(index, index + 2))
  }
  return bigrams
}

/** Share of the title's topical bigrams that occur in the card's own text (1 when the title has none). */
export function titleMatch(card: PolicyCard): number {
  const bigrams = titleBigrams(card.title)
  if (bigrams.size === 0) return 1
  const body = [card.content, card.requirements, card.process].join('')
  let found = 0
  for (const bigram of bigrams) if (body.includes(bigram)) found += 1
  return found / bigrams.size
}

/** Applies the review rules; cards keep their order. */
export function reviewCards(cards: PolicyCard[]): PolicyCard[] {
  const firstByText = new Map<string, string>()
  return cards.map((card) => {
    const flags = [...card.flags]
    let duplicateOf: string | null = null
    const key = comparable(card)
    const original = firstByText.get(key)
    if (original) {
      duplicateOf = original
      flags.push('duplicate')
    } else {
      firstByText.set(key, card.id)
    }
    if (card.kind === 'guide' && titleMatch(card) < TITLE_MATCH_THRESHOLD) flags.push('title-mismatch')
    return { ...card, flags, duplicateOf }
  })
}
