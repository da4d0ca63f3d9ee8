/** Largest spreadsheet accepted (CLI, HTTP upload, Feishu file). */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024
/** Most firms in one sheet (the engine takes 1–30 ms per firm: 1000 firms stay under half a minute). */
export const MAX_SHEET_FIRMS = 1000
/** Header row is looked for in the first rows (a title row often sits above it). */
export const HEADER_SEARCH_ROWS = 10
