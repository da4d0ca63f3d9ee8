import type { FirmReport } from './describe-firm.js'
import { escapeCsvCell } from './escape-report-cell.js'
import { REPORT_HEADER, reportCells } from './report-table.js'

const quote = (value: string) => {
  const safe = escapeCsvCell(value)
  return /[",\n\r]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe
}

/**
 * The report as UTF-8 CSV with a BOM and CRLF (what Excel in China opens without garbling): the notes first, one
 * per line, an empty line, then the table.
 */
export function writeCsvReport(reports: readonly FirmReport[], notes: readonly string[]): Buffer {
  const lines = [...notes.map((note) => [note]), [], [...REPORT_HEADER], ...reports.map(reportCells)]
  return Buffer.from(`\uFEFF${lines.map((line) => line.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8')
}
