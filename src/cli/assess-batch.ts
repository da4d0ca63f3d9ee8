import { readFileSync, writeFileSync } from 'node:fs'
import { loadRules } from '../scoring/load-rules.js'
import { screenEnterprises, screeningCsv, screeningMarkdown } from './screen-enterprises.js'

/** `npm run assess -- enterprises.csv`: writes enterprises.report.csv and enterprises.report.md beside the input. */
const [input] = process.argv.slice(2)
if (!input) {
  console.error('用法：npm run assess -- enterprises.csv')
  process.exit(2)
}
let text: string
try {
  text = readFileSync(input, 'utf8')
} catch (error) {
  console.error(`无法读取 ${input}：${error instanceof Error ? error.message : String(error)}`)
  process.exit(2)
}
const rows = screenEnterprises(text, loadRules())
const base = input.replace(/\.csv$/iu, '')
writeFileSync(`${base}.report.csv`, screeningCsv(rows))
writeFileSync(`${base}.report.md`, screeningMarkdown(rows))
const bad = rows.filter((row) => row.error)
console.log(`评估 ${rows.length} 家企业 → ${base}.report.csv, ${base}.report.md`)
for (const row of bad) console.log(`第${row.line}行（${row.name}）数据有误：${row.error}`)
