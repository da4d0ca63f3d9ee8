import type { Fill, Row, Worksheet } from 'exceljs'
import { loadExcelJs } from './load-exceljs.js'
import type { FirmReport, VerdictText } from './describe-firm.js'
import { REPORT_HEADER, REPORT_SOURCE, reportCells } from './report-table.js'
import type { ScreeningSummary } from './summarize-screening.js'

/** Fill colour per verdict (light, readable when printed). */
export const VERDICT_FILLS: Record<VerdictText, string> = {
  符合: 'FFC6EFCE',
  有条件符合: 'FFDDEBF7',
  待定: 'FFFFEB9C',
  不符合: 'FFFFC7CE',
}
const VERDICT_COLUMNS = [4, 6, 8]
const WIDTHS = [6, 28, 6, 10, 10, 10, 12, 10, 36, 40, 44, 40]

const fill = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } })

/** Every value is written as a text cell (ExcelJS writes strings as shared strings, never formulas). */
function addTextRow(sheet: Worksheet, cells: readonly string[]): Row {
  return sheet.addRow(cells.map((cell) => String(cell)))
}

/**
 * The .xlsx report: sheet 汇总 (notes including unrecognised columns, counts per verdict, the firms closest to
 * qualifying) and sheet 初筛结果 (one row per firm, frozen header, auto-filter, a fill colour per verdict).
 */
export async function writeXlsxReport(
  reports: readonly FirmReport[],
  summary: ScreeningSummary,
  notes: readonly string[],
): Promise<Buffer> {
  const ExcelJS = await loadExcelJs()
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'beijing-policy-advisor'
  const overview = workbook.addWorksheet('汇总')
  overview.columns = [{ width: 30 }, { width: 24 }, { width: 12 }, { width: 60 }, { width: 10 }]
  addTextRow(overview, ['企业梯度培育初筛报告']).font = { bold: true, size: 14 }
  for (const note of notes) addTextRow(overview, [note])
  overview.addRow([])
  addTextRow(overview, ['层级', '符合', '有条件符合', '待定', '不符合']).font = { bold: true }
  for (const count of summary.counts)
    overview.addRow([
      count.programName,
      count.verdicts.符合,
      count.verdicts.有条件符合,
      count.verdicts.待定,
      count.verdicts.不符合,
    ])
  if (summary.closest.length > 0) {
    overview.addRow([])
    addTextRow(overview, ['最接近达标的企业', '层级', '得分', '怎样达标']).font = { bold: true }
    for (const firm of summary.closest) addTextRow(overview, [firm.name, firm.programName, firm.scoreText, firm.advice])
  }
  overview.addRow([])
  addTextRow(overview, [REPORT_SOURCE])

  const sheet = workbook.addWorksheet('初筛结果', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] })
  sheet.columns = WIDTHS.map((width) => ({ width }))
  const header = addTextRow(sheet, [...REPORT_HEADER])
  header.font = { bold: true }
  header.eachCell((cell) => (cell.fill = fill('FFD9D9D9')))
  for (const report of reports) {
    const row = addTextRow(sheet, reportCells(report))
    row.alignment = { vertical: 'top', wrapText: true }
    report.verdicts.forEach(
      (verdict, index) => (row.getCell(VERDICT_COLUMNS[index]).fill = fill(VERDICT_FILLS[verdict.verdict])),
    )
    if (report.errors.length > 0) row.getCell(REPORT_HEADER.length).font = { color: { argb: 'FFC00000' } }
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, reports.length + 1), column: REPORT_HEADER.length },
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
