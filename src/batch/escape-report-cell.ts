/**
 * Spreadsheet cells that start with = + - @ tab or CR are run as formulas by Excel (CSV injection): they get a
 * leading apostrophe. Same rule as src/shared/csv.ts.
 */
export function escapeCsvCell(value: string): string {
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value
}

/** A Markdown table cell: pipes escaped, line breaks flattened. */
export function escapeMarkdownCell(value: string): string {
  return value.replace(/\\/gu, '\\\\').replace(/\|/gu, '\\|').replace(/\r?\n|\r/gu, ' ')
}
