/** Minimal RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, a leading BOM. */
export function parseCsv(text: string): string[][] {
  const input = text.replace(/^\uFEFF/u, '')
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < input.length; index += 1) {
    const char = input[index]
    if (quoted) {
      if (char === '"' && input[index + 1] === '"') {
        field += '"'
        index += 1
      } else if (char === '"') {
        quoted = false
      } else {
        field += char
      }
      continue
    }
    if (char === '"' && field === '') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[index + 1] === '\n') index += 1
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/** A cell a spreadsheet would run as a formula (= + - @, or a tab/CR that hides one): OWASP's CSV injection list. */
const FORMULA_START = /^[=+\-@\t\r]/u

/**
 * One CSV field: quoted when it holds a separator, quote or line break; prefixed with ' when a spreadsheet would
 * read it as a formula ("=HYPERLINK(…)", "+86…", "@SUM(…)"), so a firm name can never run in Excel or WPS.
 */
export function toCsvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\n\r]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(toCsvField).join(',')).join('\r\n')}\r\n`
}
