import type { SheetCell } from './parse-sheet-cell.js'
import { readXlsxTable } from './read-xlsx-table.js'
import { SheetReadError } from './sheet-read-error.js'

export interface SheetTable {
  format: 'xlsx' | 'csv'
  /** CSV only: the detected encoding, named in the report. */
  encoding: string | null
  sheetName: string | null
  rows: SheetCell[][]
}

/** Reads an .xlsx or .csv file by its content (a zip is an .xlsx whatever its name); an old .xls is refused clearly. */
export async function readSheetTable(bytes: Uint8Array, fileName: string): Promise<SheetTable> {
  if (bytes.length === 0) throw new SheetReadError('文件是空的', 'EMPTY_SHEET')
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
  if (isOle || /\.xls$/iu.test(fileName))
    throw new SheetReadError('不支持旧版 .xls 文件，请在 Excel 里另存为 .xlsx 或 .csv 后再上传', 'UNSUPPORTED_FORMAT')
  if (isZip) {
    const { rows, sheetName } = await readXlsxTable(bytes)
    return { format: 'xlsx', encoding: null, sheetName, rows }
  }
  if (/\.xlsx$/iu.test(fileName))
    throw new SheetReadError('这个 .xlsx 文件已损坏或不是 Excel 文件，请用 Excel 重新保存后再试', 'UNREADABLE_FILE')
  if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe))
    throw new SheetReadError('无法识别的文件格式：请上传 .xlsx 或 .csv', 'UNSUPPORTED_FORMAT')
  // Loaded on the first CSV: its encoding detection and parser are not needed (nor paid for) at start-up.
  const { readCsvTable } = await import('./read-csv-table.js')
  const { rows, encoding } = readCsvTable(bytes)
  return { format: 'csv', encoding, sheetName: null, rows }
}
