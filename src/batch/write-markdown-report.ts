import type { FirmReport } from './describe-firm.js'
import { escapeMarkdownCell } from './escape-report-cell.js'
import { REPORT_HEADER, REPORT_SOURCE, reportCells } from './report-table.js'
import type { ScreeningSummary } from './summarize-screening.js'

/** The report as Markdown: notes, counts per verdict, the firms closest to qualifying, then one row per firm. */
export function writeMarkdownReport(
  reports: readonly FirmReport[],
  summary: ScreeningSummary,
  notes: readonly string[],
): string {
  const row = (cells: readonly string[]) => `| ${cells.map(escapeMarkdownCell).join(' | ')} |`
  const lines = ['# 企业梯度培育初筛报告', '', ...notes.map((note) => `- ${escapeMarkdownCell(note)}`), '']
  lines.push(row(['层级', '符合', '有条件符合', '待定', '不符合']), row(['---', '---', '---', '---', '---']))
  for (const count of summary.counts)
    lines.push(
      row([
        count.programName,
        ...(['符合', '有条件符合', '待定', '不符合'] as const).map((verdict) => String(count.verdicts[verdict])),
      ]),
    )
  if (summary.closest.length > 0) {
    lines.push(
      '',
      '## 最接近达标的企业',
      '',
      row(['企业', '层级', '得分', '怎样达标']),
      row(['---', '---', '---', '---']),
    )
    for (const firm of summary.closest) lines.push(row([firm.name, firm.programName, firm.scoreText, firm.advice]))
  }
  lines.push('', '## 逐家结果', '', row([...REPORT_HEADER]), row(REPORT_HEADER.map(() => '---')))
  for (const report of reports) lines.push(row(reportCells(report)))
  lines.push('', REPORT_SOURCE, '')
  return lines.join('\n')
}
