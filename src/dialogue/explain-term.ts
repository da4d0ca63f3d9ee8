import { takeBuildSeed } from '../shared/build-seeds.js'
import { loadTerms, type TermEntry, type TermFile } from './load-terms.js'

/** What a term means, from the standard: the sentence quoted exactly and the card it comes from. */
export interface TermExplanation {
  term: string
  quote: string
  cardId: string
  /** Plain words added where the standard gives no definition of its own. */
  note?: string
  /** A second term the question names ("发明专利是不是高价值" names I类 and I类高价值): its text as well. */
  also?: Omit<TermExplanation, 'also'>
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
    let result = text
      .normalize('NFKC')
      .replace(/\s+/gu, '')
      .replace(/[a-z]/gu, (letter) => letter.toUpperCase())
    for (const [from, to] of rules) result = result.split(from.normalize('NFKC').toUpperCase()).join(to.toUpperCase())
    return result
  }
}

/**
 * Builds the explainer over a term file: the text is normalised, every alias found (leftmost-longest, no
 * overlaps), loose aliases kept only when the text asks about meaning ("算", "指", "包括"…), and the longest alias
 * named decides the term (the earliest on a tie: "实用新型算一类还是二类" asks about 实用新型). Text with no
 * question cue ("我们有5项I类知识产权", "研发费用算下来240万") is an answer, not a question: null.
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
  const endings = file.cues.endings.map(normalize)

  return (raw) => {
    const text = normalize(raw)
    const bare = text.replace(/[?。.!！~～…]+$/u, '')
    if (!questionCues.some((cue) => text.includes(cue)) && !endings.some((ending) => bare.endsWith(ending))) return null
    const asksMeaning = meaningCues.some((cue) => text.includes(cue))
    const found: Alias[] = []
    for (let start = 0; start < text.length;) {
      const alias = byFirst.get(text[start]!)?.find((candidate) => text.startsWith(candidate.text, start))
      if (!alias) {
        start += 1
        continue
      }
      start += alias.text.length
      if (!alias.loose || asksMeaning) found.push(alias)
    }
    // Longest first; the sort is stable, so the earliest wins a tie.
    const [first, ...rest] = [...found].sort((left, right) => right.text.length - left.text.length)
    if (!first) return null
    const second = rest.find((alias) => alias.entry.term !== first.entry.term)
    return { ...explanationOf(first.entry), ...(second ? { also: explanationOf(second.entry) } : {}) }
  }
}

function explanationOf(entry: TermEntry): Omit<TermExplanation, 'also'> {
  return { term: entry.term, quote: entry.quote, cardId: entry.cardId, ...(entry.note ? { note: entry.note } : {}) }
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
  defaultExplainer ??= createTermExplainer(takeBuildSeed<TermFile>('terms') ?? loadTerms())
  return defaultExplainer(text)
}
