import type { Cell } from 'exceljs'
import { loadExcelJs } from './load-exceljs.js'
import type { SheetCell } from './parse-sheet-cell.js'
import { SheetReadError } from './sheet-read-error.js'

function cellValue(cell: Cell): SheetCell {
  const value = cell.value
  if (value === null || value === undefined) return null
  if (typeof value === 'number') {
    // A percent-formatted cell holds 0.48 for 48%.
    if (/%/u.test(cell.numFmt ?? '')) return `${Math.round(value * 1e8) / 1e6}%`
    return value
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result
      if (result === undefined || result === null) return null
      if (typeof result === 'object' && result !== null && 'error' in result)
        return String((result as { error: string }).error)
      if (result instanceof Date) return result.toISOString().slice(0, 10)
      return typeof result === 'number' && /%/u.test(cell.numFmt ?? '')
        ? `${Math.round(result * 1e8) / 1e6}%`
        : (result as SheetCell)
    }
    if ('text' in value) return String((value as { text: unknown }).text)
    if ('error' in value) return String((value as { error: string }).error)
  }
  return String(value)
}

/** An .xlsx unpacks to at most this much (a 5MB upload that unpacks to gigabytes is a zip bomb). */
export const MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024

/** Sum of the uncompressed sizes the zip's central directory declares (entries of 0x02014b50, size at +24). */
export function declaredUnpackedBytes(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let total = 0
  for (let offset = 0; offset + 46 <= bytes.length; offset += 1) {
    if (view.getUint32(offset, true) !== 0x02014b50) continue
    total += view.getUint32(offset + 24, true)
    offset +=
      45 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
  }
  return total
}

/**
 * The first worksheet with data of an .xlsx file, as rows of cell values (formulas give their cached result,
 * percent formats give "48%"). The row index is the Excel row number minus one.
 */
export async function readXlsxTable(bytes: Uint8Array): Promise<{ rows: SheetCell[][]; sheetName: string }> {
  if (declaredUnpackedBytes(bytes) > MAX_XLSX_UNPACKED_BYTES)
    throw new SheetReadError('这个 Excel 文件解压后过大，请删去多余的工作表或另存为 .csv 后再试', 'FILE_TOO_LARGE')
  const ExcelJS = await loadExcelJs()
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer)
  } catch (error) {
    throw new SheetReadError(
      `无法读取这个 Excel 文件（${error instanceof Error ? error.message : String(error)}），请用 Excel 另存为 .xlsx 后再试`,
      'UNREADABLE_FILE',
    )
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0)
  if (!sheet) throw new SheetReadError('Excel 文件里没有数据', 'EMPTY_SHEET')
  const rows: SheetCell[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: SheetCell[] = []
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cells[columnNumber - 1] = cellValue(cell)
    })
    rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? null)
  })
  return { rows: Array.from(rows, (row) => row ?? []), sheetName: sheet.name }
}
