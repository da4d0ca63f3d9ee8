import { readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { runBatchScreening, writeBatchReports } from '../batch/run-batch-screening.js'
import { SheetReadError } from '../batch/sheet-read-error.js'
import { writeSheetTemplate } from '../batch/write-sheet-template.js'
import { loadRules } from '../scoring/load-rules.js'

/**
 * `npm run assess -- 名单.xlsx` → 名单.report.xlsx + 名单.report.md; `npm run assess -- 名单.csv` → 名单.report.csv
 * (UTF-8 with BOM) + 名单.report.md; `npm run assess -- --template 企业名单模板.xlsx` writes the template.
 * Notes (encoding, unrecognised columns, cell problems) go to stderr; an unreadable sheet exits with 1.
 */
const USAGE = '用法：npm run assess -- 名单.xlsx（或 .csv）\n      npm run assess -- --template 企业名单模板.xlsx'
const args = process.argv.slice(2)

async function main(): Promise<number> {
  if (args[0] === '--template') {
    const target = args[1] ?? '企业名单模板.xlsx'
    writeFileSync(target, await writeSheetTemplate())
    console.log(`模板已写入 ${target}`)
    return 0
  }
  const [input] = args
  if (!input || input.startsWith('--')) {
    console.error(USAGE)
    return 2
  }
  let bytes: Buffer
  try {
    bytes = readFileSync(input)
  } catch (error) {
    console.error(`无法读取 ${input}：${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  let batch
  try {
    batch = await runBatchScreening(bytes, basename(input), loadRules())
  } catch (error) {
    if (error instanceof SheetReadError) {
      console.error(`${input}：${error.message}`)
      return 1
    }
    throw error
  }
  const files = await writeBatchReports(batch)
  const base = input.replace(/\.(xlsx|csv|txt)$/iu, '')
  const table = batch.summary.format === 'xlsx' ? `${base}.report.xlsx` : `${base}.report.csv`
  writeFileSync(table, batch.summary.format === 'xlsx' ? files.xlsx : files.csv)
  writeFileSync(`${base}.report.md`, files.md)
  for (const note of batch.notes) console.error(note)
  for (const report of batch.reports)
    for (const error of report.errors) console.error(`第${report.row}行（${report.name}）${error}`)
  const counts = batch.summary.counts
    .map(
      (count) =>
        `${count.programName} 符合${count.verdicts.符合}${count.verdicts.有条件符合 ? `、有条件符合${count.verdicts.有条件符合}` : ''}`,
    )
    .join('；')
  console.log(`评估 ${batch.reports.length} 家企业 → ${table}, ${base}.report.md`)
  console.log(counts)
  return 0
}

process.exitCode = await main()
