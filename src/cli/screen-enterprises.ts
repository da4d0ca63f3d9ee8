import { FACT_LABELS } from '../facts/fact-labels.js'
import { FACT_OPTION_LABELS } from '../facts/fact-options.js'
import { FACT_NAMES, FactsSchema, type FactName, type Facts } from '../facts/fact-schema.js'
import { describeFactIssue } from '../facts/describe-fact-issue.js'
import { assessAll } from '../scoring/assess.js'
import type { AssessmentResult } from '../scoring/assessment-result.js'
import type { LoadedRules } from '../scoring/load-rules.js'
import { parseCsv, toCsv } from '../shared/csv.js'
import { toMarkdownCell } from '../shared/to-markdown-cell.js'

/**
 * Batch screening for park staff: one row per firm (columns = fact names, or their Chinese labels), three
 * verdicts per firm. A bad row is reported with its line number and reason, never skipped silently.
 */
export interface ScreeningRow {
  line: number
  name: string
  results?: AssessmentResult[]
  error?: string
}

const HEADER_ALIASES: Record<string, FactName | 'name'> = { 企业名称: 'name', 名称: 'name', 企业: 'name', name: 'name' }
for (const fact of FACT_NAMES) {
  HEADER_ALIASES[fact] = fact
  HEADER_ALIASES[FACT_LABELS[fact].label] = fact
}
Object.assign(HEADER_ALIASES, {
  行业: 'industry', 从业人员: 'employees', 员工人数: 'employees', 营业收入: 'revenue', 上年营业收入: 'revenue', 前年营业收入: 'revenuePrev',
  主营业务收入: 'mainRevenue', 研发费用: 'rdExpense', 前年研发费用: 'rdExpensePrev', 净利润: 'netProfit', 研发人员: 'rdStaff', 资产负债率: 'debtRatio',
})

const BOOLEAN_TEXT: Record<string, boolean> = { 是: true, 有: true, true: true, yes: true, 1: true, 否: false, 无: false, 没有: false, false: false, no: false, 0: false }

function parseCell(fact: FactName, raw: string): unknown {
  const text = raw.trim()
  const field = FactsSchema.shape[fact]
  const options = FACT_OPTION_LABELS[fact]
  const fromLabel = (value: string) => {
    const entry = options ? Object.entries(options).find(([key, label]) => key === value || label === value) : undefined
    if (!entry) return value
    return fact === 'makerChinaTop' ? (entry[0] === 'null' ? null : Number(entry[0])) : entry[0]
  }
  if (['techConversion', 'honors'].includes(fact)) return text.split(/[;；、|]/u).map((part) => part.trim()).filter(Boolean).map(fromLabel)
  if (options) return fromLabel(text)
  const probe = field.safeParse(true)
  if (probe.success) {
    if (!(text.toLowerCase() in BOOLEAN_TEXT)) return text
    return BOOLEAN_TEXT[text.toLowerCase()]
  }
  const number = Number(text.replace(/[,，%％]/gu, ''))
  return Number.isFinite(number) ? number : text
}

/** Screens every row; the results keep the input order. */
export function screenEnterprises(csv: string, rules: LoadedRules): ScreeningRow[] {
  const rows = parseCsv(csv).filter((row) => row.some((cell) => cell.trim() !== ''))
  const [header, ...body] = rows
  if (!header) return []
  const columns = header.map((name) => HEADER_ALIASES[name.trim()] ?? null)
  const unknownColumns = header.filter((_name, index) => columns[index] === null)
  return body.map((row, index) => {
    const line = index + 2
    const record: Record<string, unknown> = {}
    let name = `第${line}行`
    row.forEach((cell, column) => {
      const target = columns[column]
      if (!target || cell.trim() === '') return
      if (target === 'name') name = cell.trim()
      else record[target] = parseCell(target, cell)
    })
    if (unknownColumns.length > 0 && index === 0 && unknownColumns.length === header.length) return { line, name, error: '表头无法识别' }
    const parsed = FactsSchema.safeParse(record)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const fact = issue.path[0] as FactName
      return { line, name, error: describeFactIssue(issue, fact, record[fact as string]) }
    }
    return { line, name, results: assessAll(parsed.data as Facts, rules) }
  })
}

/** The first thing to do: the cheapest path of the lowest tier not yet reached, else its first advice item. */
function topAdvice(results: readonly AssessmentResult[]): string {
  const pending = results.find((result) => result.eligible !== true)
  if (!pending) return ''
  return pending.cheapestPath?.text || pending.advice[0]?.text || (pending.missing.length > 0 ? `补充信息：${pending.missing.slice(0, 3).map((fact) => FACT_LABELS[fact].label).join('、')}` : '')
}

const SIZE_NAMES: Record<string, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' }
const verdictText = (result: AssessmentResult) => (result.eligible === true ? '符合' : result.eligible === false ? '不符合' : '待定')

export function screeningCsv(rows: readonly ScreeningRow[]): string {
  const header = ['行号', '企业', '规模', '创新型', '创新型得分', '专精特新', '专精特新得分', '小巨人', '待补充信息', '首要建议', '错误']
  const lines = rows.map((row) => {
    if (!row.results) return [String(row.line), row.name, '', '', '', '', '', '', '', '', row.error ?? '']
    const [innovative, specialized, giant] = row.results
    const missing = [...new Set(row.results.flatMap((result) => result.missing))].map((fact) => FACT_LABELS[fact].label)
    const advice = topAdvice(row.results)
    return [String(row.line), row.name, SIZE_NAMES[innovative.size ?? ''] ?? '未知', verdictText(innovative), String(innovative.total ?? ''), verdictText(specialized), String(specialized.total ?? ''), verdictText(giant), missing.slice(0, 6).join('、'), advice, '']
  })
  return toCsv([header, ...lines])
}

export function screeningMarkdown(rows: readonly ScreeningRow[]): string {
  const ok = rows.filter((row) => row.results)
  const count = (index: number, value: boolean | null) => ok.filter((row) => row.results![index].eligible === value).length
  const lines = [
    '# 企业梯度培育初筛报告',
    '',
    `共 ${rows.length} 家，成功评估 ${ok.length} 家，数据有误 ${rows.length - ok.length} 家。`,
    '',
    `| 层级 | 符合 | 不符合 | 待定 |`,
    `| --- | --- | --- | --- |`,
    `| 创新型中小企业 | ${count(0, true)} | ${count(0, false)} | ${count(0, null)} |`,
    `| 专精特新中小企业 | ${count(1, true)} | ${count(1, false)} | ${count(1, null)} |`,
    `| 专精特新“小巨人” | ${count(2, true)} | ${count(2, false)} | ${count(2, null)} |`,
    '',
    '| 行号 | 企业 | 规模 | 创新型 | 专精特新 | 小巨人 | 待补充 | 首要建议 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ]
  for (const row of rows) {
    if (!row.results) {
      lines.push(`| ${row.line} | ${toMarkdownCell(row.name)} | — | — | — | — | — | 数据有误：${toMarkdownCell(row.error ?? '')} |`)
      continue
    }
    const [innovative, specialized, giant] = row.results
    const missing = [...new Set(row.results.flatMap((result) => result.missing))].map((fact) => FACT_LABELS[fact].label)
    const advice = topAdvice(row.results)
    const cell = toMarkdownCell
    lines.push(`| ${row.line} | ${cell(row.name)} | ${SIZE_NAMES[innovative.size ?? ''] ?? '未知'} | ${verdictText(innovative)}${innovative.total !== null ? ` ${innovative.total}分` : ''} | ${verdictText(specialized)}${specialized.total !== null ? ` ${specialized.total}分` : ''} | ${verdictText(giant)} | ${cell(missing.slice(0, 4).join('、'))} | ${cell(advice)} |`)
  }
  lines.push('', '依据：《北京市优质中小企业梯度培育管理实施细则（2025年修订版）》附件1–4；《中小企业划型标准规定》。初筛结果仅供参考，以培育平台审核为准。', '')
  return lines.join('\n')
}
