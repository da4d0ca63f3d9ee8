import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { runBatchScreening, writeBatchReports, type BatchScreening } from '../../src/batch/run-batch-screening.js'
import { SheetReadError } from '../../src/batch/sheet-read-error.js'
import { VERDICT_FILLS } from '../../src/batch/write-xlsx-report.js'
import { assessAll } from '../../src/scoring/assess.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import { PARK_FIRMS } from '../fixtures/park-exports/park-firms.js'

const rules = loadRules()
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/park-exports/${name}`, import.meta.url)))
const FILES = [
  { file: '园区企业名单.xlsx', format: 'xlsx', encoding: null, headerRow: 2 },
  { file: '园区企业名单-utf8bom.csv', format: 'csv', encoding: 'UTF-8（带BOM）', headerRow: 1 },
  { file: '园区企业名单-gbk.csv', format: 'csv', encoding: 'GB18030（GBK）', headerRow: 1 },
] as const

const screenings = new Map<string, BatchScreening>()
for (const { file } of FILES) screenings.set(file, await runBatchScreening(fixture(file), file, rules))

describe.each(FILES)('park export $file', ({ file, format, encoding, headerRow }) => {
  const batch = screenings.get(file)!

  it('detects the format, the encoding and the header row below the title', () => {
    expect(batch.summary.format).toBe(format)
    expect(batch.summary.encoding).toBe(encoding)
    expect(batch.summary.headerRow).toBe(headerRow)
    expect(batch.notes[0]).toContain(encoding ?? 'Excel')
  })

  it('reads every firm, skipping only the blank row, with the facts the park meant (units, %, separators, 是/否/√/×/Y/N, 元)', () => {
    expect(batch.screening.firms.map((firm) => firm.name)).toEqual(PARK_FIRMS.map((firm) => firm.name))
    batch.screening.firms.forEach((firm, index) => expect(firm.facts).toEqual(PARK_FIRMS[index].facts))
  })

  it('scores every firm as the engine does on the same facts: the 90-point firm scores 90', () => {
    const direct = assessAll(PARK_FIRMS[0].facts, rules)
    expect(direct[0].total).toBe(90)
    batch.screening.firms.forEach((firm, index) => {
      const expected = assessAll(PARK_FIRMS[index].facts, rules)
      expect(firm.results.map((result) => [result.eligible, result.total, result.totalMax])).toEqual(
        expected.map((result) => [result.eligible, result.total, result.totalMax]),
      )
    })
    expect(batch.reports[0].verdicts[0]).toMatchObject({ verdict: '符合', scoreText: '90分' })
  })

  it('lists every column not used, by letter, at the top of the report', () => {
    const unknown = batch.screening.columns.unrecognised
      .filter((column) => column.reason === 'unknown')
      .map((column) => `${column.letter}:${column.header}`)
    expect(unknown).toEqual(['D:所在街道', 'AA:研法人员（人）'])
    const unused = batch.screening.columns.unrecognised
      .filter((column) => column.reason === 'unused')
      .map((column) => column.header)
    expect(unused).toEqual(['序号', '统一社会信用代码', '联系人', '备注'])
    expect(batch.notes).toContain(
      '没有“有效期内的荣誉资质”列：Y列“是否高新技术企业”填“否”的企业按没有这类资质评定；如有其他资质，请加“有效期内的荣誉资质”列。',
    )
    expect(batch.notes[1]).toBe(
      '未识别的列（未参与评定，请核对列名）：D列“所在街道”、AA列“研法人员（人）”（是否“研发人员”？）',
    )
  })

  it('reports each typo with its row and column and still assesses the firm', () => {
    const firm = batch.reports[5]
    expect(firm.name).toBe('北京青禾生物医药有限公司')
    expect(firm.errors).toEqual([
      'L列：上年度营业收入：应为数字（万元）（收到：25OO）',
      'S列：资产负债率：应为数字（%）（收到：百分之）',
    ])
    expect(firm.row).toBe(headerRow + 7)
    expect(batch.summary.firmsWithErrors).toBe(1)
  })

  it('gives a conditional verdict when only the basic conditions are unknown', () => {
    const firm = batch.reports[1]
    expect(firm.verdicts[0]).toMatchObject({
      eligible: null,
      verdict: '有条件符合',
      conditional: '若满足基本条件（北京注册、独立法人、无失信、非禁限类产品、近三年无重大事故）则符合',
    })
    // A firm with other unknown facts gets no such promise.
    expect(batch.reports[6].verdicts.every((verdict) => verdict.conditional === null)).toBe(true)
  })
})

describe('report files', () => {
  it('writes an .xlsx report: summary sheet first, frozen header, auto-filter, verdict fills, names as text never formulas', async () => {
    const batch = screenings.get('园区企业名单.xlsx')!
    const files = await writeBatchReports(batch)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(files.xlsx as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '初筛结果'])
    const overview = workbook.getWorksheet('汇总')!
    expect(String(overview.getCell('A3').value)).toContain('未识别的列')
    const countsRow = overview
      .getRows(1, overview.rowCount)!
      .find((row) => row.getCell(1).value === '北京市创新型中小企业')!
    expect([2, 3, 4, 5].map((column) => countsRow.getCell(column).value)).toEqual([3, 1, 2, 1])
    const sheet = workbook.getWorksheet('初筛结果')!
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBeTruthy()
    expect(sheet.getCell('B2').value).toBe('北京星河智能科技有限公司')
    expect((sheet.getCell('D2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(VERDICT_FILLS.符合)
    expect((sheet.getCell('D3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(VERDICT_FILLS.有条件符合)
    const formulaName = sheet.getCell('B6')
    expect(formulaName.type).toBe(ExcelJS.ValueType.String)
    expect(formulaName.value).toBe(PARK_FIRMS[4].name)
    expect(formulaName.formula).toBeUndefined()
  })

  it('writes a UTF-8-with-BOM CSV that neutralises formula-looking cells, and a Markdown report with escaped cells', async () => {
    const files = await writeBatchReports(screenings.get('园区企业名单-gbk.csv')!)
    expect([...files.csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = files.csv.toString('utf8')
    expect(text).toContain(`"'=HYPERLINK(""http://127.0.0.1/"",""北京绿洲环保科技有限公司"")"`)
    expect(text).toContain('编码 GB18030（GBK）')
    expect(files.md).toContain('| 北京市创新型中小企业 | 3 | 1 | 2 | 1 |')
    expect(files.md).toContain('=HYPERLINK("http://127.0.0.1/","北京绿洲环保科技有限公司")')
    expect(files.md).not.toMatch(/\n\| [^\n]*[^\\]\|[^ \n]/u)
  })
})

describe('sheets that cannot be read', () => {
  it('refuses two columns for one fact, naming both', async () => {
    const error = await runBatchScreening(fixture('两列营业收入.csv'), '两列营业收入.csv', rules).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(SheetReadError)
    expect((error as SheetReadError).code).toBe('AMBIGUOUS_COLUMNS')
    expect((error as SheetReadError).message).toContain(
      '上年度营业收入：B列“营业收入（万元）”、C列“上年度营业收入(万元)”',
    )
  })

  it('refuses an old .xls, a broken .xlsx and a sheet without a header, each with a clear message', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
    await expect(runBatchScreening(xls, '名单.xls', rules)).rejects.toThrow('另存为 .xlsx 或 .csv')
    await expect(runBatchScreening(Buffer.from('PK\u0003\u0004garbage'), '名单.xlsx', rules)).rejects.toThrow(
      '无法读取这个 Excel 文件',
    )
    await expect(runBatchScreening(Buffer.from('甲,乙,丙\n1,2,3\n'), '名单.csv', rules)).rejects.toThrow('没有找到表头')
  })
})
