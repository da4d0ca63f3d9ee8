import type { Facts, FactName } from '../facts/fact-schema.js'
import { assessAll } from '../scoring/assess.js'
import type { AssessmentResult } from '../scoring/assessment-result.js'
import type { LoadedRules } from '../scoring/load-rules.js'
import { HEADER_SEARCH_ROWS, MAX_SHEET_FIRMS } from './batch-limits.js'
import { buildHeaderIndex, matchHeaders, type HeaderMatch } from './match-headers.js'
import { cellWords, parseSheetCell, type SheetCell } from './parse-sheet-cell.js'
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
  firms: ScreenedFirm[]
}

const cellText = (cell: SheetCell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim())

/** The header row: of the first rows, the one with the most recognised columns. */
function findHeaderRow(rows: readonly SheetCell[][], lexicon: SheetHeaderLexicon): { index: number; match: HeaderMatch } | null {
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
export function screenSheet(table: SheetTable, rules: LoadedRules, lexicon = loadSheetHeaderLexicon()): SheetScreening {
  const header = findHeaderRow(table.rows, lexicon)
  if (!header) throw new SheetReadError('没有找到表头：前几行中应有一行列名，如“企业名称、营业收入（万元）、从业人员（人）”。可先下载模板对照填写', 'EMPTY_SHEET')
  const { match } = header
  if (match.ambiguous.length > 0) {
    const list = match.ambiguous.map((entry) => `${entry.target}：${entry.columns.map((column) => `${column.letter}列“${column.header}”`).join('、')}`)
    throw new SheetReadError(`有多列对应同一项，无法判断用哪一列，请删除或改名其中一列：${list.join('；')}`, 'AMBIGUOUS_COLUMNS')
  }
  const words = cellWords(lexicon)
  const body = table.rows.slice(header.index + 1).map((cells, offset) => ({ cells, row: header.index + offset + 2 })).filter(({ cells }) => cells.some((cell) => cellText(cell) !== ''))
  if (body.length > MAX_SHEET_FIRMS) throw new SheetReadError(`一次最多评估 ${MAX_SHEET_FIRMS} 家企业，这个文件有 ${body.length} 行，请分成几个文件`, 'TOO_MANY_ROWS')
  const firms = body.map(({ cells, row }): ScreenedFirm => {
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
      const reading = target.kind === 'flag' ? parseSheetCell('strategicEmerging', cell, null, lexicon, words) : parseSheetCell(fact, cell, column.unit, lexicon, words)
      if (!reading.ok) {
        const message = target.kind === 'flag' ? `${column.header}：应填“是”或“否”（收到：${cellText(cell)}）` : reading.message
        errors.push({ row, column: column.letter, header: column.header, message })
        continue
      }
      if (reading.value === undefined) continue
      if (target.kind === 'flag') {
        const values = flags.get(fact) ?? new Set<string>()
        if (reading.value === true) values.add(target.value)
        flags.set(fact, values)
      } else record[fact] = reading.value
    }
    // "是否高新技术企业" columns join the list fact they belong to; a list column's own values are kept too.
    for (const [fact, values] of flags) record[fact] = [...new Set([...((record[fact] as string[] | undefined) ?? []), ...values])]
    const facts = record as Facts
    return { row, name: name || `第${row}行`, facts, errors, results: assessAll(facts, rules) }
  })
  return { format: table.format, encoding: table.encoding, sheetName: table.sheetName, headerRow: header.index + 1, columns: match, firms }
}
