import type { FirmReport } from './describe-firm.js'
import type { HeaderMatch } from './match-headers.js'
import type { ScreeningSummary } from './summarize-screening.js'

/** The columns of the per-firm report, shared by the .xlsx, .csv and .md writers. */
export const REPORT_HEADER = [
  '行号',
  '企业',
  '规模',
  '创新型',
  '创新型得分',
  '专精特新',
  '专精特新得分',
  '小巨人',
  '有条件结论',
  '待补充信息',
  '首要建议',
  '数据问题',
] as const

const MISSING_SHOWN = 8

export function missingText(missing: readonly string[]): string {
  if (missing.length <= MISSING_SHOWN) return missing.join('、')
  return `${missing.slice(0, MISSING_SHOWN).join('、')}等${missing.length}项`
}

/** One firm as report cells (strings), in REPORT_HEADER order. */
export function reportCells(report: FirmReport): string[] {
  const [innovative, specialized, giant] = report.verdicts
  const conditional = report.verdicts
    .filter((verdict) => verdict.conditional)
    .map((verdict) => `${verdict.programName}：${verdict.conditional}`)
  return [
    String(report.row),
    report.name,
    report.size,
    innovative.verdict,
    innovative.scoreText,
    specialized.verdict,
    specialized.scoreText,
    giant.verdict,
    conditional.join('；'),
    missingText(report.missing),
    report.topAdvice,
    report.errors.join('；'),
  ]
}

/** The notes every report starts with: the file read, encoding, header row, and every column not used. */
export function reportNotes(
  summary: ScreeningSummary,
  columns: HeaderMatch,
  fileName: string,
  columnNotes: readonly string[] = [],
): string[] {
  const notes = [
    `文件：${fileName}（${summary.format === 'xlsx' ? 'Excel' : `CSV，编码 ${summary.encoding ?? '未知'}`}），表头在第${summary.headerRow}行，共 ${summary.firms} 家企业。`,
  ]
  const unknown = columns.unrecognised.filter((column) => column.reason === 'unknown')
  const unused = columns.unrecognised.filter((column) => column.reason === 'unused')
  if (unknown.length > 0)
    notes.push(
      `未识别的列（未参与评定，请核对列名）：${unknown.map((column) => `${column.letter}列“${column.header}”${column.suggestion ? `（是否“${column.suggestion}”？）` : ''}`).join('、')}`,
    )
  notes.push(...columnNotes)
  if (unused.length > 0)
    notes.push(`不参与评定的列：${unused.map((column) => `${column.letter}列“${column.header}”`).join('、')}`)
  if (summary.firmsWithErrors > 0)
    notes.push(`有 ${summary.firmsWithErrors} 家企业的部分单元格无法识别，见“数据问题”列；这些单元格按“未知”处理。`)
  return notes
}

export const REPORT_SOURCE =
  '依据：《北京市优质中小企业梯度培育管理实施细则（2025年修订版）》附件1–4；《中小企业划型标准规定》。初筛结果仅供参考，以培育平台审核为准。'
