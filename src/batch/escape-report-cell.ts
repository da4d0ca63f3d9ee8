/**
 * Spreadsheet cells that start with = + - @ tab or CR are run as formulas by Excel and WPS (CSV injection): they get
 * a leading apostrophe. Same rule as toCsvField in src/shared/csv.ts (wip/security).
 */
export function escapeCsvCell(value: string): string {
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value
}

/**
 * A Markdown table cell: `\` and `|` escaped, no raw HTML (`<` `>` as entities), line breaks as `<br>`. Same rule as
 * toMarkdownCell in src/shared/to-markdown-cell.ts (wip/security).
 */
export function escapeMarkdownCell(value: string): string {
  return value
    .replace(/\\/gu, '\\\\')
    .replace(/\|/gu, '\\|')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/\r\n|\r|\n/gu, '<br>')
}
