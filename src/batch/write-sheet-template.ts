import type { DataValidation } from 'exceljs'
import { loadExcelJs } from './load-exceljs.js'
import { describeFactFields, type FactField } from '../facts/describe-fact-fields.js'
import { describeFactValue } from '../facts/describe-fact.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import { QUESTION_GROUPS } from '../dialogue/question-groups.js'
import { columnLetter } from './match-headers.js'

/** The facts in the order the advisor asks them (src/dialogue/question-groups.ts), each once. */
export function templateFacts(): FactName[] {
  return [...new Set(QUESTION_GROUPS.flatMap((group) => group.facts))]
}

/** The example row of the template: a small software firm that fills every column. */
export const TEMPLATE_EXAMPLE: { name: string; facts: Facts } = {
  name: '北京示例科技有限公司（示例行，请删除）',
  facts: {
    registeredInBeijing: true,
    independentLegalPerson: true,
    creditBlacklisted: false,
    restrictedProducts: false,
    majorIncident3y: false,
    industry: 'software',
    employees: 80,
    totalAssets: 6000,
    revenue: 3200,
    revenuePrev: 2800,
    mainRevenuePrev2: 2200,
    mainRevenuePrev: 2500,
    mainRevenue: 3000,
    rdExpense: 320,
    rdExpensePrev: 280,
    rdStaff: 20,
    netProfit: 300,
    debtRatio: 45,
    ipClass1: 6,
    ipClass1SelfDeveloped: 5,
    ipHighValue: 2,
    ipClass2: 10,
    honors: ['highTech'],
    rdInstitution: 'municipal',
    sciAwardLevel: 'none',
    makerChinaTop: null,
    contest: 'none',
    equityFinancing2y: 0,
    equityFinancing3y: 0,
    listing: 'none',
    nicheYears: 6,
    marketShare: 12,
    strategicEmerging: true,
    leadProductField: 'none',
    keyField: false,
    qualityCert: true,
    qualityAward: false,
    ownBrand: true,
    standardSetting: false,
    digitalLevel: 2,
    coreBusinessInfoSystem: true,
    techConversion: [],
    innovativeSmeValid: false,
    specializedSmeValid: false,
  },
}

/** The header of a fact's column: its label and unit ("上年度营业收入（万元）"). */
export function templateHeader(field: Pick<FactField, 'label' | 'unit'>): string {
  return field.unit ? `${field.label}（${field.unit}）` : field.label
}

function exampleCell(field: FactField, value: unknown): string | number {
  if (value === undefined) return ''
  if (typeof value === 'number' && field.type !== 'enum') return value
  return describeFactValue(field.name, value)
}

function ruleText(field: FactField): string {
  const options = (field.options ?? []).map((option) => option.label).join('、')
  switch (field.type) {
    case 'boolean':
      return '从下拉列表选“是”或“否”（也认：有/无、√/×、Y/N）；不清楚就留空'
    case 'enum':
      return `从下拉列表选一项：${options}；不清楚就留空`
    case 'multi':
      return `可填多项，用顿号分隔：${options}；都没有填“无”；不清楚就留空`
    default: {
      const range =
        field.minimum !== undefined && field.maximum !== undefined ? `，${field.minimum}–${field.maximum}` : ''
      return `${field.type === 'integer' ? '整数' : '数字'}${field.unit ? `，单位${field.unit}` : ''}${range}；可写 3200、3,200 或 3200万；不清楚就留空`
    }
  }
}

const listFormula = (labels: readonly string[]) => `"${labels.join(',')}"`

/**
 * The firm-list template: sheet 企业名单 (企业名称 and one column per fact in asking order, units in the headers,
 * drop-down lists for options, an example row), sheet 填写说明 (each column with its rule).
 */
export async function writeSheetTemplate(): Promise<Buffer> {
  const fields = new Map(describeFactFields().map((field) => [field.name, field]))
  const facts = templateFacts().filter((fact) => fields.has(fact))
  const ExcelJS = await loadExcelJs()
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'beijing-policy-advisor'
  const sheet = workbook.addWorksheet('企业名单', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] })
  const headers = ['企业名称', ...facts.map((fact) => templateHeader(fields.get(fact)!))]
  sheet.columns = headers.map((header) => ({ width: Math.min(30, Math.max(10, header.length * 1.6)) }))
  const headerRow = sheet.addRow(headers)
  headerRow.font = { bold: true }
  headerRow.alignment = { wrapText: true, vertical: 'middle' }
  headerRow.height = 48
  sheet.addRow([
    TEMPLATE_EXAMPLE.name,
    ...facts.map((fact) => exampleCell(fields.get(fact)!, TEMPLATE_EXAMPLE.facts[fact])),
  ])
  const lastRow = 1000
  facts.forEach((fact, index) => {
    const field = fields.get(fact)!
    const letter = columnLetter(index + 1)
    const validation: DataValidation | null =
      field.type === 'boolean'
        ? { type: 'list', allowBlank: true, formulae: [listFormula(['是', '否'])] }
        : field.type === 'enum'
          ? {
              type: 'list',
              allowBlank: true,
              formulae: [listFormula((field.options ?? []).map((option) => option.label))],
            }
          : field.type === 'number' || field.type === 'integer'
            ? {
                type: field.type === 'integer' ? 'whole' : 'decimal',
                operator: 'between',
                allowBlank: true,
                formulae: [field.minimum ?? -1e9, field.maximum ?? 1e9],
              }
            : null
    if (!validation) return
    validation.showErrorMessage = true
    validation.errorTitle = field.label
    validation.error = ruleText(field)
    for (let row = 2; row <= lastRow; row += 1) sheet.getCell(`${letter}${row}`).dataValidation = validation
  })
  const help = workbook.addWorksheet('填写说明')
  help.columns = [{ width: 6 }, { width: 36 }, { width: 70 }, { width: 24 }]
  help.addRow(['列', '列名', '填写规则', '示例']).font = { bold: true }
  help.addRow([
    'A',
    '企业名称',
    '必填，每行一家企业；表头请保留在第1行，列的顺序可以调整，多余的列会在报告开头列出',
    TEMPLATE_EXAMPLE.name,
  ])
  facts.forEach((fact, index) => {
    const field = fields.get(fact)!
    help.addRow([
      columnLetter(index + 1),
      templateHeader(field),
      ruleText(field),
      String(exampleCell(field, TEMPLATE_EXAMPLE.facts[fact])),
    ])
  })
  help.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
