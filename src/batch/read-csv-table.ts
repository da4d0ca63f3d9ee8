import chardet from 'chardet'
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import { SheetReadError } from './sheet-read-error.js'

export interface DecodedText {
  text: string
  /** The encoding as the report names it: "UTF-8（带BOM）", "UTF-8", "GB18030（GBK）", "UTF-16LE". */
  encoding: string
}

/**
 * Decodes a CSV file: a BOM decides; else strict UTF-8 when the bytes are valid UTF-8; else the detector's guess
 * among the Chinese encodings (GBK is read as its superset GB18030; Big5 when the detector is sure).
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'UTF-8（带BOM）' }
  if (buffer[0] === 0xff && buffer[1] === 0xfe)
    return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' }
  if (buffer[0] === 0xfe && buffer[1] === 0xff)
    return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'UTF-8' }
  } catch {
    // not UTF-8: fall through to detection
  }
  const guesses = chardet.analyse(buffer)
  const big5 = guesses.find((guess) => guess.name === 'Big5')
  const gb = guesses.find((guess) => guess.name === 'GB18030')
  if (big5 && big5.confidence >= 50 && (!gb || big5.confidence > gb.confidence))
    return { text: iconv.decode(buffer, 'big5'), encoding: 'Big5' }
  return { text: iconv.decode(buffer, 'gb18030'), encoding: 'GB18030（GBK）' }
}

/** The delimiter of the first line: a tab when it has more tabs than commas (Excel's "Unicode text"), else a comma. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/u))
  const tabs = firstLine.split('\t').length
  const commas = firstLine.split(',').length
  const semicolons = firstLine.split(';').length
  if (tabs > commas && tabs >= semicolons) return '\t'
  if (semicolons > commas) return ';'
  return ','
}

/** A CSV (or tab-separated) file's rows, cells as text; the row index is the Excel row number minus one. */
export function readCsvTable(bytes: Uint8Array): { rows: string[][]; encoding: string } {
  const { text, encoding } = decodeCsvBytes(bytes)
  try {
    const rows = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][]
    return { rows, encoding }
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw new SheetReadError(
      `CSV 文件格式有误${line ? `（第${line}行附近）` : ''}：${error instanceof Error ? error.message : String(error)}`,
      'UNREADABLE_FILE',
    )
  }
}
