/**
 * Text safe inside a Markdown table cell: a `|` cannot end the cell, a line break cannot end the row, and no raw
 * HTML is rendered (`\\`, `|`, `<`, `>` escaped; CR/LF become `<br>`).
 */
export function toMarkdownCell(text: string): string {
  return text
    .replace(/\\/gu, '\\\\')
    .replace(/\|/gu, '\\|')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/\r\n|\r|\n/gu, '<br>')
}
