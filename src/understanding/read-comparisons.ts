import type { AmountTopic } from '../facts/fact-vocabulary.js'
import type { ChangeKind } from './lexicon-schema.js'
import type { MessageToken, YearReference } from './tag-text.js'

type Token = MessageToken

/** Text that may stand between a change word and its difference: 多了四百万, 涨了个四百, 少了大概三百万. */
const CHANGE_GLUE = /^[\s了个约大概差不多]*$/
/** Text between the year compared with and its share: 的, 大概, 差不多 ("是去年的八成"). */
const RATIO_GLUE = /^[\s的约大概差不多]+$/

/** One comparison of a clause: the figure of `subject` is that of `reference` changed by `difference`. */
export interface Comparison {
  /** The amount compared (the clause's keyword), or null: the topic talked about before. */
  topic: AmountTopic | null
  /** The year whose figure is described; null: the year of the last figure given. */
  subject: YearReference | null
  /** The year compared with; null: the year of the last figure given, else the year before the subject. */
  reference: YearReference | null
  /** `ratio`: the subject's figure is that share of the reference's ("前年是去年的八成"). */
  change: ChangeKind | 'ratio'
  /**
   * The difference (多四百万; a rough one, 多四百来万, gives no figure; in percent or 成, 涨了一成, a share of the
   * reference), absent for 翻了一番; the share for a ratio.
   */
  difference: (Token & { type: 'quantity' }) | null
  /** Token indexes the comparison uses up: its difference is no value of any fact. */
  used: number[]
  raw: string
}

/**
 * The comparisons in one clause: "去年比前年多四百万", "前年比去年少400万", "比前年涨了四百" (the subject is the year
 * just talked about), "去年增长了400万", "去年240万，前年少40万" (no 比: compared with the year of the figure just
 * given, else the year before), "去年翻了一番", "前年是去年的八成" (a share). A one-character change word (多, 少, 高,
 * 低) is a comparison only after 比 and a year or right after the year it describes, since it is common in other
 * words; a difference in percent ("同比增长14%", "涨了一成") is a share of the reference.
 */
export function findComparisons(tokens: readonly Token[], text: string): Comparison[] {
  const comparisons: Comparison[] = []
  tokens.forEach((token, index) => {
    // "前年是去年的八成": a year, 是, the year compared with, 的 and a share.
    const share = tokens[index + 1]
    if (
      token.type === 'year' &&
      tokens[index - 1]?.type === 'yes' &&
      tokens[index - 2]?.type === 'year' &&
      share?.type === 'quantity' &&
      share.quantity.unit === 'percent' &&
      RATIO_GLUE.test(text.slice(token.end, share.start))
    ) {
      const subject = tokens[index - 2] as Token & { type: 'year' }
      comparisons.push({
        topic: null,
        subject: subject.year,
        reference: token.year,
        change: 'ratio',
        difference: share,
        used: [index + 1],
        raw: text.slice(subject.start, share.end),
      })
      return
    }
    if (token.type !== 'change') return
    let cursor = index - 1
    while (cursor >= 0 && tokens[cursor].type === 'keyword') cursor -= 1
    const referenceToken = tokens[cursor]
    const than = referenceToken?.type === 'year' && tokens[cursor - 1]?.type === 'than' ? cursor - 1 : -1
    // 多/少/高/低 alone are comparisons only after 比 and a year, or right after the year described ("前年少40万").
    if (than < 0 && Array.from(token.text).length === 1 && tokens[index - 1]?.type !== 'year') return
    const next = tokens[index + 1]
    const difference = next?.type === 'quantity' && CHANGE_GLUE.test(text.slice(token.end, next.start)) ? next : null
    if (token.change !== 'double' && difference === null) return
    const subjectBefore = than >= 0 ? than : index
    let subject: YearReference | null = null
    for (let before = subjectBefore - 1; before >= 0; before -= 1) {
      const candidate = tokens[before]
      if (candidate.type === 'year') {
        subject = candidate.year
        break
      }
      if (candidate.type === 'quantity' || candidate.type === 'change') break
    }
    let topic: AmountTopic | null = null
    for (let before = index - 1; before >= 0; before -= 1) {
      const candidate = tokens[before]
      if (candidate.type === 'keyword' && candidate.meaning.type === 'amount') {
        topic = candidate.meaning.topic
        break
      }
    }
    const first = than >= 0 ? than : index
    comparisons.push({
      topic,
      subject,
      reference: than >= 0 && referenceToken.type === 'year' ? referenceToken.year : null,
      change: token.change,
      difference,
      used: difference ? [index + 1] : [],
      raw: text.slice(tokens[first].start, (difference ?? token).end),
    })
  })
  return comparisons
}
