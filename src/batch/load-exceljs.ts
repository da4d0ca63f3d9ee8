import { createRequire } from 'node:module'

/**
 * ExcelJS takes about 0.3 s to load: required on the first spreadsheet, not at start-up. Required, not imported:
 * the package is CommonJS, and the server bundle (dist/server.cjs) is compiled as a script, which has no dynamic
 * import of packages (scripts/build.mjs refuses one).
 */
export async function loadExcelJs(): Promise<typeof import('exceljs')> {
  return createRequire(import.meta.url)('exceljs') as typeof import('exceljs')
}
