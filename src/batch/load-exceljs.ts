/** ExcelJS takes about 0.3 s to import: loaded on the first spreadsheet, not at start-up. */
export async function loadExcelJs() {
  return (await import('exceljs')).default
}
