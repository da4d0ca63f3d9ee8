import { loadTerms, type TermEntry, type TermFile } from './load-terms.js'

/** What a term means, from the standard: the sentence quoted exactly and the card it comes from. */
export interface TermExplanation {
  term: string
  quote: string
  cardId: string
  /** Plain words added where the standard gives no definition of its own. */
  note?: string
}

interface Alias {
  text: string
  entry: TermEntry
  loose: boolean
}

/** "Ｉ类 知识产权？" → "I类知识产权?": one spelling per character class, spaces dropped, ASCII upper-cased. */
function normalizer(spellings: TermFile['spellings']): (text: string) => string {
  const rules = Object.entries(spellings).sort(([left], [right]) => right.length - left.length)
  return (text) => {
    let result = text.normalize('NFKC').replace(/\s+/gu, '').replace(/[a-z]/gu, (letter) => letter.toUpperCase())
    for (const [from, to] of rules) result = result.split(from.normalize('NFKC').toUpperCase()).join(to.toUpperCase())
    return result
  }
}

/**
 * Builds the explainer over a term file: the text is normalised, every alias found (leftmost-longest, no
 * overlaps), loose aliases kept only when the text asks about meaning, and the longest alias named decides the
 * term (the earliest on a tie: "实用新型算一类还是二类" asks about 实用新型). Text with no question cue
 * ("我们有5项I类知识产权") is an answer, not a question: null.
 */
export function createTermExplainer(file: TermFile): (text: string) => TermExplanation | null {
  const normalize = normalizer(file.spellings)
  const aliases: Alias[] = []
  for (const entry of file.terms) {
    for (const text of [entry.term, ...entry.aliases]) aliases.push({ text: normalize(text), entry, loose: false })
    for (const text of entry.looseAliases ?? []) aliases.push({ text: normalize(text), entry, loose: true })
  }
  aliases.sort((left, right) => right.text.length - left.text.length)
  // Aliases by their first character, longest first: each position of the text tries only those.
  const byFirst = new Map<string, Alias[]>()
  for (const alias of aliases) {
    const first = alias.text[0]!
    byFirst.set(first, [...(byFirst.get(first) ?? []), alias])
  }
  const questionCues = file.cues.question.map(normalize)
  const meaningCues = file.cues.meaning.map(normalize)

  return (raw) => {
    const text = normalize(raw)
    const asksMeaning = meaningCues.some((cue) => text.includes(cue))
    if (!asksMeaning && !questionCues.some((cue) => text.includes(cue))) return null
    let best: { alias: Alias; start: number } | null = null
    const taken = new Array<boolean>(text.length).fill(false)
    for (let start = 0; start < text.length; start += 1) {
      if (taken[start]) continue
      const alias = byFirst.get(text[start]!)?.find((candidate) => text.startsWith(candidate.text, start))
      if (!alias) continue
      for (let index = start; index < start + alias.text.length; index += 1) taken[index] = true
      if (alias.loose && !asksMeaning) continue
      if (!best || alias.text.length > best.alias.text.length) best = { alias, start }
    }
    if (!best) return null
    const { entry } = best.alias
    return { term: entry.term, quote: entry.quote, cardId: entry.cardId, ...(entry.note ? { note: entry.note } : {}) }
  }
}

let defaultExplainer: ((text: string) => TermExplanation | null) | null = null

/** Re-reads knowledge/lexicon/terms.json (admin reload); a file that does not validate throws and keeps the old one. */
export function reloadTerms(path?: string): number {
  const file = loadTerms(path)
  defaultExplainer = createTermExplainer(file)
  return file.terms.length
}

/**
 * What a term in a mid-assessment question means ("独立法人是啥意思，分公司算吗？"), from
 * knowledge/lexicon/terms.json; null when the text names no defined term or asks nothing.
 */
export function explainTerm(text: string): TermExplanation | null {
  defaultExplainer ??= createTermExplainer(loadTerms())
  return defaultExplainer(text)
}
