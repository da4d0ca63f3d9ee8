import type { ProgramId } from '../scoring/assessment-result.js'
import type { FirmReport, VerdictText } from './describe-firm.js'
import type { SheetScreening } from './screen-sheet.js'

export interface ScreeningSummary {
  firms: number
  /** Firms with at least one unreadable cell. */
  firmsWithErrors: number
  format: 'xlsx' | 'csv'
  encoding: string | null
  headerRow: number
  /** Per program: how many firms got each verdict. */
  counts: { program: ProgramId; programName: string; verdicts: Record<VerdictText, number> }[]
  /** Firms not yet qualifying for a program, fewest changes (or only basic conditions) first. */
  closest: { name: string; row: number; programName: string; scoreText: string; advice: string }[]
}

const VERDICTS: VerdictText[] = ['符合', '有条件符合', '待定', '不符合']

/** Counts per verdict and the firms closest to qualifying (up to ten). */
export function summarizeScreening(screening: SheetScreening, reports: readonly FirmReport[]): ScreeningSummary {
  const counts = (reports[0]?.verdicts ?? []).map((first, index) => {
    const verdicts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<VerdictText, number>
    for (const report of reports) verdicts[report.verdicts[index].verdict] += 1
    return { program: first.program, programName: first.programName, verdicts }
  })
  const candidates: (ScreeningSummary['closest'][number] & { rank: number })[] = []
  screening.firms.forEach((firm, index) => {
    const report = reports[index]
    // The lowest tier the firm does not reach yet is the one to work on.
    const position = report.verdicts.findIndex((verdict) => verdict.eligible !== true)
    if (position < 0) return
    const verdict = report.verdicts[position]
    const result = firm.results[position]
    if (verdict.conditional) {
      candidates.push({
        name: report.name,
        row: report.row,
        programName: verdict.programName,
        scoreText: verdict.scoreText,
        advice: verdict.conditional,
        rank: 0,
      })
      return
    }
    const changes = result.cheapestPath?.changes ?? []
    if (result.eligible !== false || !report.topAdvice) return
    const points = changes.reduce((sum, change) => sum + (change.pointsGained ?? 0), 0)
    // Fewest changes first; a firm that must meet a condition (no scored path) comes after, higher scores first.
    const rank = changes.length > 0 ? changes.length * 1000 + points : 100_000 - (result.total ?? 0)
    candidates.push({
      name: report.name,
      row: report.row,
      programName: verdict.programName,
      scoreText: verdict.scoreText,
      advice: report.topAdvice,
      rank,
    })
  })
  candidates.sort((left, right) => left.rank - right.rank || left.row - right.row)
  return {
    firms: reports.length,
    firmsWithErrors: reports.filter((report) => report.errors.length > 0).length,
    format: screening.format,
    encoding: screening.encoding,
    headerRow: screening.headerRow,
    counts,
    closest: candidates.slice(0, 10).map(({ rank: _rank, ...rest }) => rest),
  }
}
