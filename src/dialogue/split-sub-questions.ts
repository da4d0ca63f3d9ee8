import { normalizeForSearch } from '../search/tokenizer.js'
import { oncePerObject } from '../shared/once-per-object.js'
import { loadAnswerAspects, type AnswerAspect, type AnswerAspects } from './load-answer-aspects.js'

/** A phone question asks a handful of things; a pasted wall of text is answered for its first few. */
const MAX_PARTS = 6
const MAX_PART_CHARS = 200

export interface SubQuestion {
  /** The part's own words ("在孵企业要多少家"). */
  text: string
  aspect: AnswerAspect
  /** The pieces of the question that ask nothing (the subject and circumstances the part is about). */
  context: string
  /** The question's other parts. */
  others: string
}

/** The subject words (answer-aspects.json subjectWords) normalised, longest first: built once per loaded file. */
const subjectWordsOf = oncePerObject((aspects: AnswerAspects) =>
  (aspects.subjectWords ?? []).map(normalizeForSearch).sort((left, right) => right.length - left.length),
)

function withoutSubjectWords(text: string, aspects: AnswerAspects): string {
  let rest = text
  for (const word of subjectWordsOf(aspects)) if (rest.includes(word)) rest = rest.split(word).join(' ')
  return rest
}

/** An aspect's cues and those of its narrower questions ("谁来申报" asks a condition). */
const cuesOf = oncePerObject((entry: AnswerAspects['aspects'][number]) => [
  ...entry.cues,
  ...(entry.narrowings ?? []).flatMap((narrowing) => narrowing.cues),
])

/**
 * Every aspect with its cues, in the aspects file's order: each aspect's own cues and those of its narrower questions
 * ("谁来申报" asks a condition), then the still-open cues ("今年还能申请吗" asks the timing part).
 */
const cueTableOf = oncePerObject((aspects: AnswerAspects) => [
  ...aspects.aspects.map((entry) => ({ aspect: entry.aspect as AnswerAspect, cues: cuesOf(entry) })),
  ...(aspects.stillOpen ? [{ aspect: 'timing' as AnswerAspect, cues: aspects.stillOpen.cues }] : []),
])

/** The aspect of the longest cue the piece holds (ties: the order of the cue table). */
function aspectOf(piece: string, aspects: AnswerAspects): AnswerAspect | null {
  const text = withoutSubjectWords(piece, aspects)
  let best: AnswerAspect | null = null
  let length = 0
  for (const { aspect, cues } of cueTableOf(aspects)) {
    for (const cue of cues) {
      if (cue.length > length && text.includes(cue)) {
        best = aspect
        length = cue.length
      }
    }
  }
  return best
}

/** Whether the question asks if the policy can still be used ("今年还能申请吗", "停了吗"). */
export function asksStillOpen(question: string, aspects: AnswerAspects = loadAnswerAspects()): boolean {
  const text = normalizeForSearch(question)
  return (aspects.stillOpen?.cues ?? []).some((cue) => text.includes(cue))
}

/** Every cue of every aspect, longest first (built once per loaded file). */
const allCuesOf = oncePerObject((aspects: AnswerAspects) =>
  [...new Set(aspects.aspects.flatMap((entry) => cuesOf(entry)))].sort((left, right) => right.length - left.length),
)

/** The file's patterns, compiled once per loaded file (a question is split several times per turn). */
const patternsOf = oncePerObject((aspects: AnswerAspects) => ({
  split: new RegExp(aspects.splitPattern, 'u'),
  followUp: new RegExp(aspects.followUpPattern, 'u'),
  yesNo: new RegExp(aspects.yesNoPattern, 'u'),
  wh: aspects.whPattern ? new RegExp(aspects.whPattern, 'u') : null,
  reported: aspects.reportedPattern ? new RegExp(aspects.reportedPattern, 'u') : null,
}))

/** The part breaks' words normalised, longest first (built once per loaded file). */
const breakWordsOf = oncePerObject((aspects: AnswerAspects) => {
  const longestFirst = (words: readonly string[]) =>
    words.map(normalizeForSearch).sort((left, right) => right.length - left.length)
  return {
    connectors: longestFirst(aspects.partBreaks?.connectors ?? []),
    ends: longestFirst(aspects.partBreaks?.ends ?? []),
  }
})

/** How many Han characters the text keeps besides asking words (the subject a part is about). */
function contentLength(text: string, aspects: AnswerAspects): number {
  let rest = withoutSubjectWords(text, aspects)
  for (const cue of allCuesOf(aspects)) if (rest.includes(cue)) rest = rest.split(cue).join(' ')
  return (rest.match(/\p{Script=Han}/gu) ?? []).length
}

/**
 * A piece typed or spoken without punctuation that asks two things ("重大项目奖多少一般项目奖多少", "光伏要铺多大面积
 * 然后节能率要到多少"), cut where the first question ends (answer-aspects.json partBreaks).
 */
function breakPiece(piece: string, aspects: AnswerAspects): string[] {
  const breaks = aspects.partBreaks
  if (!breaks) return [piece]
  const words = breakWordsOf(aspects)
  const substantial = (text: string) => contentLength(text, aspects) >= breaks.minContent
  for (let index = 1; index < piece.length - 1; index += 1) {
    const connector = words.connectors.find((word) => piece.startsWith(word, index))
    if (connector) {
      const left = piece.slice(0, index)
      const right = piece.slice(index + connector.length)
      if (substantial(left) && substantial(right) && aspectOf(right, aspects) !== null)
        return [left, ...breakPiece(right, aspects)]
    }
    const end = words.ends.find((word) => piece.startsWith(word, index))
    if (!end || breaks.notAfter.includes(piece[index - 1])) continue
    const cut = index + end.length
    const left = piece.slice(0, cut)
    const right = piece.slice(cut)
    if (right.length > 0 && substantial(left) && substantial(right) && aspectOf(right, aspects) !== null)
      return [left, ...breakPiece(right, aspects)]
  }
  return [piece]
}

/**
 * Splits a question into the parts it asks, each with the aspect it asks for (amount/ratio/cap, condition,
 * count, timing/validity, process, contact). Pieces that ask nothing ("在东城开跨境电商体验店") are context for
 * every part; a question with no asking piece is one 'general' part.
 */
export function splitSubQuestions(question: string, aspects: AnswerAspects = loadAnswerAspects()): SubQuestion[] {
  const patterns = patternsOf(aspects)
  const normalized = normalizeForSearch(question)
  const pieces = normalized
    .split(patterns.split)
    .filter((piece) => piece.length > 0)
    .flatMap((piece) => breakPiece(piece, aspects))
  const parts: Array<{ text: string; aspect: AnswerAspect }> = []
  const { followUp, yesNo, wh, reported } = patterns
  const contextPieces: string[] = []
  for (const [index, piece] of pieces.entries()) {
    const previous = parts[parts.length - 1]
    if (reported && index < pieces.length - 1 && reported.test(piece)) {
      contextPieces.push(piece)
      continue
    }
    const aspect =
      aspectOf(piece, aspects) ??
      (previous && followUp.test(piece)
        ? previous.aspect
        : yesNo.test(piece)
          ? 'fact'
          : wh?.test(piece)
            ? 'general'
            : null)
    if (aspect === null) {
      contextPieces.push(piece)
      continue
    }
    parts.push({ text: piece, aspect })
  }
  const context = contextPieces.join(' ')
  if (parts.length === 0)
    return [{ text: normalized.slice(0, MAX_PART_CHARS), aspect: 'general', context: '', others: '' }]
  return parts.slice(0, MAX_PARTS).map((part) => ({
    ...part,
    context,
    others: parts
      .filter((other) => other !== part)
      .map((other) => other.text)
      .join(' '),
  }))
}
