import { FACT_LABELS } from '../facts/fact-labels.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import { assess } from '../scoring/assess.js'
import type { AssessmentResult, ProgramId } from '../scoring/assessment-result.js'
import type { LoadedRules } from '../scoring/load-rules.js'
import type { ScreenedFirm } from './screen-sheet.js'
import { loadSheetHeaderLexicon, type SheetHeaderLexicon } from './sheet-header-lexicon.js'

export type VerdictText = '符合' | '不符合' | '待定' | '有条件符合'

export interface FirmVerdict {
  program: ProgramId
  programName: string
  eligible: boolean | null
  verdict: VerdictText
  /** Points certainly reached, and reachable when facts are unknown; null for 小巨人. */
  total: number | null
  totalMax: number | null
  /** "85分", "60–85分", or "" for 小巨人. */
  scoreText: string
  /** When only basic conditions (第三条) are unknown and meeting them qualifies: "若满足基本条件（北京注册、独立法人）则符合". */
  conditional: string | null
}

export interface FirmReport {
  row: number
  name: string
  size: string
  verdicts: FirmVerdict[]
  /** Unknown facts that can change a verdict, most decisive first. */
  missing: string[]
  topAdvice: string
  /** Per-cell problems: "D列：营业收入：应为数字（收到：三千）". */
  errors: string[]
}

const SIZE_NAMES: Record<string, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' }

/** The facts that make a basic condition hold, read from rules/gates.json ("registeredInBeijing eq true"). */
function gateValues(rules: LoadedRules): Map<FactName, boolean> {
  const values = new Map<FactName, boolean>()
  for (const condition of rules.gates.conditions) {
    const when = condition.when as { value?: string; op?: string; operand?: unknown }
    if (when.op === 'eq' && typeof when.operand === 'boolean' && typeof when.value === 'string')
      values.set(when.value as FactName, when.operand)
  }
  return values
}

function conditionalVerdict(
  result: AssessmentResult,
  facts: Facts,
  rules: LoadedRules,
  lexicon: SheetHeaderLexicon,
): string | null {
  if (result.eligible !== null) return null
  const gates = gateValues(rules)
  const unknownGates = [...gates.keys()].filter((fact) => facts[fact] === undefined)
  if (unknownGates.length === 0) return null
  const assumed: Facts = { ...facts }
  for (const fact of unknownGates) (assumed as Record<string, unknown>)[fact] = gates.get(fact)
  if (assess(result.program, assumed, rules).eligible !== true) return null
  const names = unknownGates.map((fact) => lexicon.facts[fact]?.short ?? FACT_LABELS[fact].label)
  return `若满足基本条件（${names.join('、')}）则符合`
}

function scoreText(result: AssessmentResult): string {
  if (result.total === null) return ''
  if (result.totalMax === null || result.totalMax === result.total) return `${result.total}分`
  return `${result.total}–${result.totalMax}分`
}

/** The first thing to do: the cheapest path of the lowest tier not yet reached, else its first advice, else what to fill in. */
function topAdvice(results: readonly AssessmentResult[]): string {
  const pending = results.find((result) => result.eligible !== true)
  if (!pending) return ''
  if (pending.cheapestPath?.text) return pending.cheapestPath.text
  if (pending.advice[0]?.text) return pending.advice[0].text
  return pending.missing.length > 0
    ? `补充信息：${pending.missing
        .slice(0, 3)
        .map((fact) => FACT_LABELS[fact].label)
        .join('、')}`
    : ''
}

/** One report row per firm, every figure from the engine's results. */
export function describeFirm(firm: ScreenedFirm, rules: LoadedRules, lexicon = loadSheetHeaderLexicon()): FirmReport {
  const verdicts = firm.results.map((result): FirmVerdict => {
    const conditional = conditionalVerdict(result, firm.facts, rules, lexicon)
    const verdict: VerdictText =
      result.eligible === true ? '符合' : result.eligible === false ? '不符合' : conditional ? '有条件符合' : '待定'
    return {
      program: result.program,
      programName: result.programName,
      eligible: result.eligible,
      verdict,
      total: result.total,
      totalMax: result.totalMax,
      scoreText: scoreText(result),
      conditional,
    }
  })
  const missing = [...new Set(firm.results.flatMap((result) => result.missing))].map((fact) => FACT_LABELS[fact].label)
  const size = firm.results[0]?.size
  return {
    row: firm.row,
    name: firm.name,
    size: size ? SIZE_NAMES[size] : '未知',
    verdicts,
    missing,
    topAdvice: topAdvice(firm.results),
    errors: firm.errors.map((error) => `${error.column}列：${error.message}`),
  }
}
