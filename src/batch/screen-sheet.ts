import type { Facts, FactName } from '../facts/fact-schema.js'
import { assessAll } from '../scoring/assess.js'
import type { AssessmentResult } from '../scoring/assessment-result.js'
import type { LoadedRules } from '../scoring/load-rules.js'
import { HEADER_SEARCH_ROWS, MAX_SHEET_FIRMS } from './batch-limits.js'
import { buildHeaderIndex, matchHeaders, type HeaderMatch } from './match-headers.js'
import { cellWords, isBareNumber, parseSheetCell, parseYesNo, type SheetCell } from './parse-sheet-cell.js'
import { FACT_LABELS } from '../facts/fact-labels.js'
import { checkPlausibility } from '../facts/check-plausibility.js'
import type { SheetTable } from './read-sheet-table.js'
import { SheetReadError } from './sheet-read-error.js'
import { loadSheetHeaderLexicon, type SheetHeaderLexicon } from './sheet-header-lexicon.js'

export interface CellError {
  /** Excel row number (1-based, as Excel shows it). */
  row: number
  /** Column letter. */
  column: string
  header: string
  message: string
}

export interface ScreenedFirm {
  row: number
  name: string
  facts: Facts
  /** Cells that could not be read; their facts stay unknown and the firm is still assessed. */
  errors: CellError[]
  results: AssessmentResult[]
}

export interface SheetScreening {
  format: SheetTable['format']
  encoding: string | null
  sheetName: string | null
  /** Excel row number of the header row. */
  headerRow: number
  columns: HeaderMatch
  /** How columns were read where it was not obvious ("资产负债率按小数读取：0.48 即 48%"). */
  columnNotes: string[]
  firms: ScreenedFirm[]
}

const YIELD_EVERY_FIRMS = 10
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

const cellText = (cell: SheetCell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim())

/** The header row: of the first rows, the one with the most recognised columns. */
function findHeaderRow(
  rows: readonly SheetCell[][],
  lexicon: SheetHeaderLexicon,
): { index: number; match: HeaderMatch } | null {
  const index = buildHeaderIndex(lexicon)
  let best: { index: number; match: HeaderMatch } | null = null
  for (let row = 0; row < Math.min(rows.length, HEADER_SEARCH_ROWS); row += 1) {
    const match = matchHeaders((rows[row] ?? []).map(cellText), index, lexicon)
    if (match.recognised.length > (best?.match.recognised.length ?? 0)) best = { index: row, match }
  }
  return best && best.match.recognised.some((column) => column.target.kind !== 'name') ? best : null
}

/**
 * Reads every firm of a sheet and assesses it with the engine. Fails (SheetReadError) when there is no header row,
 * two columns name one fact, or there are too many firms; every other problem is reported per cell.
 */
export async function screenSheet(
  table: SheetTable,
  rules: LoadedRules,
  options: { lexicon?: SheetHeaderLexicon; onFirmsCounted?: (firms: number) => Promise<void> } = {},
): Promise<SheetScreening> {
  const lexicon = options.lexicon ?? loadSheetHeaderLexicon()
  const header = findHeaderRow(table.rows, lexicon)
  if (!header)
    throw new SheetReadError(
      '没有找到表头：前几行中应有一行列名，如“企业名称、营业收入（万元）、从业人员（人）”。可先下载模板对照填写',
      'EMPTY_SHEET',
    )
  const { match } = header
  if (match.ambiguous.length > 0) {
    const list = match.ambiguous.map(
      (entry) => `${entry.target}：${entry.columns.map((column) => `${column.letter}列“${column.header}”`).join('、')}`,
    )
    throw new SheetReadError(
      `有多列对应同一项，无法判断用哪一列，请删除或改名其中一列：${list.join('；')}`,
      'AMBIGUOUS_COLUMNS',
    )
  }
  const words = cellWords(lexicon)
  const body = table.rows
    .slice(header.index + 1)
    .map((cells, offset) => ({ cells, row: header.index + offset + 2 }))
    .filter(({ cells }) => cells.some((cell) => cellText(cell) !== ''))
  if (body.length > MAX_SHEET_FIRMS)
    throw new SheetReadError(
      `一次最多评估 ${MAX_SHEET_FIRMS} 家企业，这个文件有 ${body.length} 行，请分成几个文件`,
      'TOO_MANY_ROWS',
    )
  // A percent column whose bare numbers all lie in 0–1 (some strictly between) writes fractions: 0.48 means 48%.
  const fractionColumns = new Set<number>()
  const columnNotes: string[] = []
  for (const column of match.recognised) {
    if (column.target.kind !== 'fact' || FACT_LABELS[column.target.fact].unit !== '%') continue
    const bare = body
      .map(({ cells }) => cells[column.index] ?? null)
      .filter((cell) => cell !== null && isBareNumber(cell))
      .map((cell) => Number(String(cell).trim()))
    if (
      bare.length > 0 &&
      bare.every((value) => value >= 0 && value <= 1) &&
      bare.some((value) => value > 0 && value < 1)
    ) {
      fractionColumns.add(column.index)
      columnNotes.push(`${column.letter}列“${column.header}”的数都在0–1之间，按小数读取（0.48 即 48%）。`)
    }
  }
  if (!match.recognised.some((column) => column.target.kind === 'name'))
    columnNotes.push('没有找到“企业名称”列，企业按行号称呼。')
  // A yes/no column for one value of a list fact stands for the whole list when the list has no column of its own.
  for (const flag of match.recognised) {
    if (flag.target.kind !== 'flag') continue
    const listFact = flag.target.fact
    if (match.recognised.some((column) => column.target.kind === 'fact' && column.target.fact === listFact)) continue
    columnNotes.push(
      `没有“${FACT_LABELS[listFact].label}”列：${flag.letter}列“${flag.header}”填“否”的企业按没有这类资质评定；如有其他资质，请加“${FACT_LABELS[listFact].label}”列。`,
    )
    break
  }
  await options.onFirmsCounted?.(body.length)
  const firms: ScreenedFirm[] = []
  for (const [position, { cells, row }] of body.entries()) {
    // The engine takes up to tens of ms per firm: let other requests run between firms.
    if (position > 0 && position % YIELD_EVERY_FIRMS === 0) await yieldToEventLoop()
    const record: Record<string, unknown> = {}
    const flags = new Map<FactName, Set<string>>()
    const errors: CellError[] = []
    let name = ''
    for (const column of match.recognised) {
      const cell = cells[column.index] ?? null
      const target = column.target
      if (target.kind === 'name') {
        name = cellText(cell)
        continue
      }
      const fact = target.fact
      if (target.kind === 'flag') {
        const flag = parseYesNo(cell, words)
        if (flag === null)
          errors.push({
            row,
            column: column.letter,
            header: column.header,
            message: `${column.header}：应填“是”或“否”（收到：${cellText(cell)}）`,
          })
        if (flag === null || flag === undefined) continue
        const values = flags.get(fact) ?? new Set<string>()
        if (flag) values.add(target.value)
        flags.set(fact, values)
        continue
      }
      const reading = parseSheetCell(fact, cell, column.unit, lexicon, words, fractionColumns.has(column.index))
      if (!reading.ok) errors.push({ row, column: column.letter, header: column.header, message: reading.message })
      else if (reading.value !== undefined) record[fact] = reading.value
    }
    // "是否高新技术企业" columns join the list fact they belong to; a list column's own values are kept too.
    for (const [fact, values] of flags)
      record[fact] = [...new Set([...((record[fact] as string[] | undefined) ?? []), ...values])]
    // The chat's plausibility rules (主营业务收入 ≤ 营业收入, 研发人员 ≤ 从业人员, amounts below 1000亿元…): a value
    // that cannot be right is reported on its cell and left unknown, as the chat would ask for it again.
    const { accepted, rejected } = checkPlausibility(record as Facts, {})
    for (const problem of rejected) {
      const column = match.recognised.find(
        (candidate) => candidate.target.kind !== 'name' && candidate.target.fact === problem.fact,
      )
      errors.push({
        row,
        column: column?.letter ?? '',
        header: column?.header ?? '',
        message: problem.reason.replace(/，?请再确认一下？$/u, '，请核对'),
      })
    }
    const facts = accepted
    firms.push({ row, name: name || `第${row}行`, facts, errors, results: assessAll(facts, rules) })
  }
  return {
    format: table.format,
    encoding: table.encoding,
    sheetName: table.sheetName,
    headerRow: header.index + 1,
    columns: match,
    columnNotes,
    firms,
  }
}
