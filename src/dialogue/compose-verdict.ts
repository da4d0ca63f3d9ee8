import type { Citation, ReplyCard } from './messages.js'
import { FACT_LABELS } from '../facts/fact-labels.js'
import type { PolicyCard } from '../knowledge/card-schema.js'
import type { AssessmentResult } from '../scoring/assessment-result.js'
import type { TierBenefits } from './load-tier-benefits.js'
import type { PolicySearch } from './ports.js'
import { splitSentences } from './split-sentences.js'
import { SCREEN_CHARACTERS, summarizeVerdict, type VerdictOffers } from './summarize-verdict.js'
import {
  citeSources,
  failedGates,
  firstSentence,
  gateLine,
  headline,
  lossesOf,
  lossText,
  targetOf,
} from './verdict-parts.js'

export interface ComposedVerdict {
  /** The one-screen verdict: verdict with total or range, the two biggest gaps, the next step, the offers. */
  body: string
  /** The sources line, appended by code after phrasing. */
  footer: string
  /** The item-by-item account (what “详细” shows): dimensions, lost points, conditions, unknowns, how to apply, benefits. */
  detail: { text: string; card: ReplyCard }
  sources: string[]
  citations: Citation[]
  card: ReplyCard
}

const SIZE_NAMES: Record<string, string> = {
  micro: '微型企业',
  small: '小型企业',
  medium: '中型企业',
  large: '大型企业',
}

function dimensionLine(result: AssessmentResult): string | null {
  if (result.dimensions.length === 0) return null
  return result.dimensions.map((dimension) => `${dimension.name}${dimension.score}/${dimension.max}`).join(' · ')
}

function lostPoints(result: AssessmentResult): string | null {
  const losses = lossesOf(result).slice(0, 3)
  if (losses.length === 0) return null
  return `失分最多：${losses.map(lossText).join('；')}`
}

function conditionLines(result: AssessmentResult): string[] {
  const failed = result.conditions.filter(
    (condition) => condition.status === 'failed' && !condition.direct && condition.id !== 'score',
  )
  const passedDirect = result.conditions.filter((condition) => condition.direct && condition.status === 'passed')
  const lines: string[] = []
  // Only the parts that fail, with the firm's value and the one needed (not the whole three-part condition).
  if (failed.length > 0)
    lines.push(
      `未满足：${failed.map((condition) => (condition.unmet.length > 0 ? condition.unmet.map((part) => part.text).join('；') : condition.name)).join('；')}`,
    )
  if (passedDirect.length > 0)
    lines.push(`已满足直通条件：${passedDirect.map((condition) => condition.name).join('；')}`)
  if (result.program === 'little-giant') {
    const passed = result.conditions.filter(
      (condition) => condition.status === 'passed' && !condition.id.startsWith('gate-') && !condition.direct,
    )
    if (passed.length > 0) lines.push(`已满足：${passed.map((condition) => condition.name.split('：')[0]).join('、')}`)
  }
  return lines
}

function unknownLine(result: AssessmentResult): string | null {
  if (result.missing.length === 0) return null
  const names = result.missing.slice(0, 5).map((fact) => FACT_LABELS[fact].label)
  return `还不确定：${names.join('、')}${result.missing.length > 5 ? '等' : ''}——这些信息决定最终结论`
}

function amountSentence(card: PolicyCard | undefined): string | null {
  if (!card) return null
  return splitSentences(card.content).find((sentence) => /最高\d+万元|不超过\d+万元|\d+万元/u.test(sentence)) ?? null
}

/**
 * The verdict reply: on one screen the verdict with its total or score range, the two biggest gaps and the next
 * step (see summarizeVerdict); behind “详细” the full account — dimension subtotals, where points were lost,
 * what is unknown, the smallest changes that would qualify, how and when to apply and what the tier brings,
 * quoted from the cards and cited.
 */
export function composeVerdict(
  results: readonly AssessmentResult[],
  search: PolicySearch,
  benefits: TierBenefits,
  offers: VerdictOffers = {},
): ComposedVerdict {
  const blocks: ReplyCard['blocks'] = []
  const bodyLines: string[] = []
  const sources: string[] = []
  const citations = new Map<string, Citation>()
  const cite = (card: PolicyCard | undefined) => {
    if (card) citations.set(card.id, { id: card.id, title: card.title })
  }
  const size = results[0]?.size
  if (size) bodyLines.push(`企业规模：${SIZE_NAMES[size]}`)

  for (const result of results) {
    const gates = failedGates(result)
    const lines =
      gates.length > 0
        ? [gateLine(result)!]
        : [dimensionLine(result), lostPoints(result), ...conditionLines(result), unknownLine(result)].filter(
            (line): line is string => Boolean(line),
          )
    if (gates.length === 0 && result.eligible !== true && result.cheapestPath?.changes.length)
      lines.push(result.cheapestPath.text)
    else if (gates.length === 0 && result.eligible === false && /直通/u.test(result.cheapestPath?.text ?? ''))
      lines.push(result.cheapestPath!.text.replace(/^必须满足：[^。]*。/u, ''))
    if (result.prerequisite && result.prerequisite.held !== true)
      lines.push(
        `注意：申报前须持有有效期内的${result.prerequisite.name}称号${result.prerequisite.held === false ? '（您目前还没有）' : ''}`,
      )
    bodyLines.push(headline(result), ...lines)
    blocks.push({ heading: headline(result), text: lines.join('\n') || '—' })
    sources.push(
      JSON.stringify(result),
      ...result.items.map((item) => `${item.actual ?? ''}${item.text}`),
      ...result.conditions.map((condition) => condition.text),
    )
    for (const id of result.sourceCardIds.slice(0, 1)) cite(search.get(id))
  }

  const footerLines: string[] = []
  const target = targetOf(results)
  if (target && failedGates(target).length === 0) {
    const plan = benefits.programs[target.program]
    const apply = plan.apply.map((id) => search.get(id))
    const steps = apply.map(firstSentence).filter((sentence): sentence is string => Boolean(sentence))
    if (steps.length > 0) footerLines.push(`怎么申报：${steps[0]}`)
    const update = apply.find((card) => card?.id === 'tier-rules-a13')
    if (update) footerLines.push(`注意：${firstSentence(update)}`)
    apply.forEach(cite)
    if (target.eligible === true) {
      const perks = plan.benefits.map((id) => search.get(id))
      const amounts = perks
        .map(amountSentence)
        .filter((sentence): sentence is string => Boolean(sentence))
        .slice(0, 2)
      footerLines.push(plan.note, ...amounts.map((sentence) => `· ${sentence}`))
      perks.forEach(cite)
    }
    sources.push(
      ...apply.map((card) => card?.content ?? ''),
      ...plan.benefits.map((id) => search.get(id)?.content ?? ''),
      plan.note,
    )
  }
  footerLines.push(`依据：${citeSources(results)}。结果供参考，以培育平台审核为准。`)

  const detailBody = bodyLines.join('\n')
  const detailFooter = footerLines.join('\n')
  const tone: ReplyCard['tone'] = results.some((result) => result.eligible === true)
    ? 'green'
    : results.every((result) => result.eligible === false)
      ? 'red'
      : 'orange'
  const title = results.length === 1 ? `${results[0].programName}测评结果` : '梯度培育测评结果'
  const footer = `依据：${citeSources(results)}。结果供参考，以培育平台审核为准。`
  const summary = summarizeVerdict(results, search, benefits, offers, SCREEN_CHARACTERS - footer.length - 1)
  const body = summary.lines.join('\n')
  return {
    body,
    footer,
    detail: {
      text: `${detailBody}\n${detailFooter}`,
      card: { kind: 'verdict', title: `${title}（详细）`, tone, blocks, footer: detailFooter },
    },
    sources: [...sources, detailBody, body],
    citations: [...citations.values()],
    card: { kind: 'verdict', title, tone, blocks: summary.blocks, footer: [...summary.tail, footer].join('\n') },
  }
}
