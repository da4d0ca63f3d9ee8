/**
 * Spreadsheet cells that start with = + - @ tab or CR are run as formulas by Excel and WPS (CSV injection): they get
 * a leading apostrophe.
 */
export function escapeCsvCell(value: string): string {
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value
}

/**
 * A Markdown table cell: `\` and `|` escaped, no raw HTML (`<` `>` as entities), line breaks as `<br>`.
 */
export function escapeMarkdownCell(value: string): string {
  return value
    .replace(/\\/gu, '\\\\')
    .replace(/\|/gu, '\\|')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/\r\n|\r|\n/gu, '<br>')
}
