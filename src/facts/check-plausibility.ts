import { formatNumber } from './describe-fact.js'
import { FACT_LABELS } from './fact-labels.js'
import { FactsSchema, type FactName, type Facts } from './fact-schema.js'

/** A value that cannot be right, with the Chinese sentence that asks for it again. */
export interface Implausible {
  fact: FactName
  reason: string
}

/** Part ≤ whole pairs: the part is rejected when both are new. */
const PART_OF: Array<[part: FactName, whole: FactName]> = [
  ['mainRevenue', 'revenue'],
  ['mainRevenuePrev', 'revenuePrev'],
  ['rdStaff', 'employees'],
  ['ipClass1SelfDeveloped', 'ipClass1'],
  ['equityFinancing2y', 'equityFinancing3y'],
]

/** No SME reports 1000亿元 or more: such an amount was typed in the wrong unit. */
const MAX_PLAUSIBLE_WAN = 10_000_000
const MONEY_FACTS = new Set<FactName>(
  (Object.keys(FACT_LABELS) as FactName[]).filter((name) => FACT_LABELS[name].unit === '万元'),
)
const ASK_AGAIN = '请再确认一下？'

function shown(name: FactName, value: unknown): string {
  // "1e308万元" is no number to show back.
  if (typeof value === 'number' && !(Math.abs(value) < 1e15)) return '数值过大'
  return typeof value === 'number' ? `${formatNumber(value)}${FACT_LABELS[name].unit ?? ''}` : String(value)
}

/** Why a value is outside the schema range of its fact, in Chinese. */
function rangeReason(name: FactName, value: unknown): string {
  const { label, unit } = FACT_LABELS[name]
  if (typeof value === 'number') {
    if (unit === '%' && value > 100) return `${label}不能超过100%，${ASK_AGAIN}`
    if (value < 0) return `${label}不能是负数，${ASK_AGAIN}`
    if (!Number.isInteger(value) && (unit === '人' || unit === '项' || unit === '级' || unit === '名'))
      return `${label}应是整数，${ASK_AGAIN}`
  }
  return `${label}（${shown(name, value)}）超出合理范围，${ASK_AGAIN}`
}

/**
 * Checks new fact values against the schema ranges, against the known facts and against each other
 * (ratio ≤ 100%, counts ≥ 0, 主营业务收入 ≤ 营业收入, 研发人员 ≤ 从业人员, 自主研发Ⅰ类 ≤ Ⅰ类, 近2年融资 ≤ 近3年融资,
 * amounts below 1000亿元). Returns the values that pass and the rejected ones with a re-ask; a rejected value
 * never replaces a known one.
 */
export function checkPlausibility(candidates: Facts, known: Facts): { accepted: Facts; rejected: Implausible[] } {
  const accepted: Record<string, unknown> = {}
  const rejected: Implausible[] = []
  for (const [name, value] of Object.entries(candidates) as Array<[FactName, unknown]>) {
    const parsed = FactsSchema.shape[name].safeParse(value)
    if (!parsed.success) rejected.push({ fact: name, reason: rangeReason(name, value) })
    else if (MONEY_FACTS.has(name) && typeof value === 'number' && Math.abs(value) >= MAX_PLAUSIBLE_WAN) {
      rejected.push({
        fact: name,
        reason: `${FACT_LABELS[name].label}（${shown(name, value)}）似乎太大了，单位是万元，${ASK_AGAIN}`,
      })
    } else accepted[name] = parsed.data
  }
  for (const [part, whole] of PART_OF) {
    const partIsNew = part in accepted
    const wholeIsNew = whole in accepted
    if (!partIsNew && !wholeIsNew) continue
    const partValue = (partIsNew ? accepted[part] : known[part]) as number | undefined
    const wholeValue = (wholeIsNew ? accepted[whole] : known[whole]) as number | undefined
    if (partValue === undefined || wholeValue === undefined || partValue <= wholeValue) continue
    const partText = `${FACT_LABELS[part].label}（${shown(part, partValue)}）`
    const wholeText = `${FACT_LABELS[whole].label}（${shown(whole, wholeValue)}）`
    if (partIsNew) {
      delete accepted[part]
      rejected.push({ fact: part, reason: `${partText}不能大于${wholeText}，${ASK_AGAIN}` })
    } else {
      delete accepted[whole]
      rejected.push({ fact: whole, reason: `${wholeText}不能小于${partText}，${ASK_AGAIN}` })
    }
  }
  return { accepted: accepted as Facts, rejected }
}
