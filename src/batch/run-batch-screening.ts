import type { LoadedRules } from '../scoring/load-rules.js'
import { MAX_SHEET_BYTES } from './batch-limits.js'
import { describeFirm, type FirmReport } from './describe-firm.js'
import { readSheetTable } from './read-sheet-table.js'
import { reportNotes } from './report-table.js'
import { screenSheet, yieldToEventLoop, type SheetScreening } from './screen-sheet.js'
import { SheetReadError } from './sheet-read-error.js'
import { summarizeScreening, type ScreeningSummary } from './summarize-screening.js'
import { writeCsvReport } from './write-csv-report.js'
import { writeMarkdownReport } from './write-markdown-report.js'
import { writeXlsxReport } from './write-xlsx-report.js'

export interface BatchScreening {
  fileName: string
  screening: SheetScreening
  reports: FirmReport[]
  summary: ScreeningSummary
  /** The report's opening lines: file, encoding, unrecognised and unused columns, cell problems. */
  notes: string[]
}

export interface BatchReportFiles {
  xlsx: Buffer
  csv: Buffer
  md: string
}

/**
 * Reads a firm list (.xlsx or .csv bytes) and assesses every firm; throws SheetReadError with a Chinese message.
 * `onFirmsCounted` is told how many firms there are before the assessment starts (for a progress line).
 */
export async function runBatchScreening(
  bytes: Uint8Array,
  fileName: string,
  rules: LoadedRules,
  options: { onFirmsCounted?: (firms: number) => Promise<void> } = {},
): Promise<BatchScreening> {
  if (bytes.length > MAX_SHEET_BYTES)
    throw new SheetReadError(
      `文件不能超过 ${MAX_SHEET_BYTES / 1024 / 1024}MB（收到 ${(bytes.length / 1024 / 1024).toFixed(1)}MB），请分成几个文件`,
      'FILE_TOO_LARGE',
    )
  const table = await readSheetTable(bytes, fileName)
  const screening = await screenSheet(table, rules, { onFirmsCounted: options.onFirmsCounted })
  const reports: FirmReport[] = []
  for (const [position, firm] of screening.firms.entries()) {
    if (position > 0 && position % 10 === 0) await yieldToEventLoop()
    reports.push(describeFirm(firm, rules))
  }
  const summary = summarizeScreening(screening, reports)
  return {
    fileName,
    screening,
    reports,
    summary,
    notes: reportNotes(summary, screening.columns, fileName, screening.columnNotes),
  }
}

/** The three report files of a screening. */
export async function writeBatchReports(batch: BatchScreening): Promise<BatchReportFiles> {
  return {
    xlsx: await writeXlsxReport(batch.reports, batch.summary, batch.notes),
    csv: writeCsvReport(batch.reports, batch.notes),
    md: writeMarkdownReport(batch.reports, batch.summary, batch.notes),
  }
}
