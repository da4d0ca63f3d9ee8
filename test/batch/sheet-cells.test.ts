import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildHeaderIndex, matchHeaders } from '../../src/batch/match-headers.js'
import { normalizeHeader } from '../../src/batch/normalize-header.js'
import { cellWords, parseSheetCell } from '../../src/batch/parse-sheet-cell.js'
import { readSheetTable } from '../../src/batch/read-sheet-table.js'
import { screenSheet } from '../../src/batch/screen-sheet.js'
import { loadSheetHeaderLexicon } from '../../src/batch/sheet-header-lexicon.js'
import { normalizeHeader as normalize } from '../../src/batch/normalize-header.js'
import { FACT_NAMES } from '../../src/facts/fact-schema.js'
import { loadRules } from '../../src/scoring/load-rules.js'

const lexicon = loadSheetHeaderLexicon()
const words = cellWords(lexicon)
const index = buildHeaderIndex(lexicon)
const read = (
  fact: Parameters<typeof parseSheetCell>[0],
  cell: Parameters<typeof parseSheetCell>[1],
  unit: Parameters<typeof parseSheetCell>[2] = null,
) => parseSheetCell(fact, cell, unit, lexicon, words)

describe('header normalisation and matching', () => {
  it('strips units, 是否, full-width forms, years, marks and spaces', () => {
    expect(normalizeHeader('营业收入（万元）')).toEqual({ key: '营业收入', unit: '万元' })
    expect(normalizeHeader('＊资产负债率(%)')).toEqual({ key: '资产负债率', unit: '%' })
    expect(normalizeHeader('是否高新技术企业')).toEqual({ key: '高新技术企业', unit: null })
    expect(normalizeHeader(' 从业人员 （人） ')).toEqual({ key: '从业人员', unit: '人' })
    expect(normalizeHeader('2024年研发费用/元')).toEqual({ key: '研发费用', unit: '元' })
    expect(normalizeHeader('产品是否属于禁止、限制或淘汰类').key).toBe('产品属于禁止限制或淘汰类')
  })

  it('maps synonyms to facts and lists the rest, with a suggestion for a near miss', () => {
    const match = matchHeaders(
      ['企业名称', '营收（万元）', '职工人数', '研发支出(万元)', '负债率', '是否高新', '所在园区', '研发费'],
      index,
      lexicon,
    )
    expect(match.recognised.map((column) => (column.target.kind === 'name' ? 'name' : column.target.fact))).toEqual([
      'name',
      'revenue',
      'employees',
      'rdExpense',
      'debtRatio',
      'honors',
    ])
    expect(match.unrecognised.map((column) => column.header)).toEqual(['所在园区', '研发费'])
    expect(match.ambiguous).toEqual([])
  })

  it('has no synonym that means two things, and every fact has a header', () => {
    const seen = new Map<string, string>()
    const add = (header: string, target: string) => {
      const { key } = normalize(header)
      const before = seen.get(key)
      expect(before === undefined || before === target, `${header} → ${before} and ${target}`).toBe(true)
      seen.set(key, target)
    }
    for (const header of lexicon.nameColumn) add(header, 'name')
    for (const [fact, entry] of Object.entries(lexicon.facts)) for (const synonym of entry!.synonyms) add(synonym, fact)
    for (const flag of lexicon.flagColumns)
      for (const synonym of flag.synonyms) add(synonym, `${flag.fact}:${flag.value}`)
    for (const header of lexicon.ignoredColumns) add(header, 'ignored')
    expect(FACT_NAMES.filter((fact) => !lexicon.facts[fact])).toEqual([])
  })
})

describe('cell values', () => {
  it('reads numbers with units, thousands separators and the header unit', () => {
    expect(read('revenue', '3,200')).toEqual({ ok: true, value: 3200 })
    expect(read('revenue', '3200万元')).toEqual({ ok: true, value: 3200 })
    expect(read('revenue', '0.32亿')).toEqual({ ok: true, value: 3200 })
    expect(read('revenue', '32,000,000', '元')).toEqual({ ok: true, value: 3200 })
    expect(read('revenue', 1.2, '亿元')).toEqual({ ok: true, value: 12000 })
    expect(read('netProfit', '-50')).toEqual({ ok: true, value: -50 })
    expect(read('debtRatio', '48%')).toEqual({ ok: true, value: 48 })
    expect(read('employees', '150人')).toEqual({ ok: true, value: 150 })
  })

  it('reads yes/no words and options, and treats 不详 and blanks as unknown', () => {
    for (const yes of ['是', '有', '√', 'Y', 'yes', '１'])
      expect(read('qualityCert', yes)).toEqual({ ok: true, value: true })
    for (const no of ['否', '无', '×', 'N', 'no']) expect(read('qualityCert', no)).toEqual({ ok: true, value: false })
    expect(read('industry', '软件')).toEqual({ ok: true, value: 'software' })
    expect(read('industry', '工业')).toEqual({ ok: true, value: 'industry' })
    expect(read('honors', '高新技术企业、知识产权示范企业')).toEqual({ ok: true, value: ['highTech', 'ipDemo'] })
    expect(read('honors', '无')).toEqual({ ok: true, value: [] })
    expect(read('makerChinaTop', '500强')).toEqual({ ok: true, value: 500 })
    expect(read('revenue', '不详')).toEqual({ ok: true, value: undefined })
    expect(read('revenue', '  ')).toEqual({ ok: true, value: undefined })
  })

  it('reports what it cannot read, naming the fact and the value', () => {
    expect(read('revenue', '见附件')).toEqual({
      ok: false,
      message: '上年度营业收入：应为数字（万元）（收到：见附件）',
    })
    expect(read('qualityCert', '可能')).toEqual({
      ok: false,
      message: '通过质量管理体系认证：应填“是”或“否”（收到：可能）',
    })
    expect(read('industry', '航天')).toMatchObject({
      ok: false,
      message: expect.stringContaining('所属行业：无法识别“航天”'),
    })
    expect(read('debtRatio', '150%')).toEqual({ ok: false, message: '资产负债率：不能大于100（收到：150%）' })
    expect(read('employees', '12.5')).toMatchObject({ ok: false, message: expect.stringContaining('应为整数') })
  })

  it('reads a percent column of fractions (0.48) as percentages, and says so', async () => {
    const csv = '企业名称,资产负债率,市场占有率(%)\n甲公司,0.48,12\n乙公司,0.6,0.5\n'
    const screening = await screenSheet(await readSheetTable(Buffer.from(csv), 'x.csv'), loadRules())
    expect(screening.firms.map((firm) => firm.facts.debtRatio)).toEqual([48, 60])
    expect(screening.firms.map((firm) => firm.facts.marketShare)).toEqual([12, 0.5])
    expect(screening.columnNotes).toEqual(['B列“资产负债率”的数都在0–1之间，按小数读取（0.48 即 48%）。'])
    const implausible = await screenSheet(
      await readSheetTable(Buffer.from('企业名称,营业收入,主营业务收入,从业人员\n甲公司,3000,3500,50\n'), 'z.csv'),
      loadRules(),
    )
    expect(implausible.firms[0].facts).toEqual({ revenue: 3000, employees: 50 })
    expect(implausible.firms[0].errors).toEqual([
      {
        row: 2,
        column: 'C',
        header: '主营业务收入',
        message: '上年度主营业务收入（3500万元）不能大于上年度营业收入（3000万元），请核对',
      },
    ])
    const nameless = await screenSheet(
      await readSheetTable(Buffer.from('营业收入,从业人员\n3000,50\n'), 'y.csv'),
      loadRules(),
    )
    expect(nameless.firms[0].name).toBe('第2行')
    expect(nameless.columnNotes).toEqual(['没有找到“企业名称”列，企业按行号称呼。'])
  })
})

describe('report cell escaping', () => {
  it('neutralises formula-looking CSV cells and Markdown table breakers', async () => {
    const { escapeCsvCell, escapeMarkdownCell } = await import('../../src/batch/escape-report-cell.js')
    expect(['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx', '北京'].map(escapeCsvCell)).toEqual([
      "'=1+1",
      "'+86",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      '北京',
    ])
    expect(escapeMarkdownCell('a|b\nc<script>')).toBe('a\\|b<br>c&lt;script&gt;')
  })
})

describe('zip bombs', () => {
  it('refuses an .xlsx whose entries declare more than 200MB unpacked, before unpacking', async () => {
    const { runBatchScreening } = await import('../../src/batch/run-batch-screening.js')
    const { declaredUnpackedBytes } = await import('../../src/batch/read-xlsx-table.js')
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt32LE(0x7fffffff, 24)
    const bomb = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), central, central])
    expect(declaredUnpackedBytes(bomb)).toBe(2 * 0x7fffffff)
    await expect(runBatchScreening(bomb, 'bomb.xlsx', loadRules())).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' })
    const real = readFileSync(fileURLToPath(new URL('../fixtures/park-exports/园区企业名单.xlsx', import.meta.url)))
    expect(declaredUnpackedBytes(real)).toBeGreaterThan(real.length)
  })
})
