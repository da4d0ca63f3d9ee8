import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadRules } from '../scoring/load-rules.js'
import { parseCsv } from '../shared/csv.js'
import { screenEnterprises, screeningCsv, screeningMarkdown } from './screen-enterprises.js'

const sample = readFileSync(fileURLToPath(new URL('../../test/fixtures/enterprises.sample.csv', import.meta.url)), 'utf8')
const rows = screenEnterprises(sample, loadRules())

describe('batch screening', () => {
  it('assesses every good row with Chinese headers and values', () => {
    expect(rows).toHaveLength(6)
    const first = rows[0]
    expect(first.name).toBe('北京甲科技有限公司')
    expect(first.results![0].eligible).toBe(true)
    expect(first.results![0].size).toBe('small')
  })

  it('stops a firm registered outside Beijing at the gate', () => {
    expect(rows[2].results!.every((result) => result.eligible === false)).toBe(true)
  })

  it('reports a bad row with its line number and reason instead of skipping it', () => {
    const bad = rows.filter((row) => row.error)
    expect(bad.map((row) => row.line)).toEqual([5, 6])
    expect(bad[0].error).toContain('资产负债率')
    expect(bad[1].error).toContain('所属行业')
  })

  it('writes a CSV and a Markdown report with every firm', () => {
    const csv = parseCsv(screeningCsv(rows).replace(/^\uFEFF/u, ''))
    expect(csv[0]).toContain('创新型')
    expect(csv).toHaveLength(7)
    expect(csv[4][10]).toContain('资产负债率：不能大于100')
    const markdown = screeningMarkdown(rows)
    expect(markdown).toContain('共 6 家，成功评估 4 家，数据有误 2 家')
    expect(markdown).toContain('北京甲科技有限公司')
  })

  it('neutralises formula-looking firm names in the CSV and escapes Markdown cells', () => {
    const header = sample.split(/\r?\n/u)[0]!
    const good = sample.split(/\r?\n/u)[1]!.split(',').slice(1).join(',')
    const names = ['=HYPERLINK("http://evil.example","点我")', '+86 10 1234', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', '甲|乙公司', '丙\n丁公司', '<img src=x>']
    const input = [header, ...names.map((name) => `"${name.replace(/"/gu, '""')}",${good}`), `"坏|行\n=1",是,是,否,否,否,采矿业,80`].join('\r\n')
    const screened = screenEnterprises(input, loadRules())
    const cells = parseCsv(screeningCsv(screened).replace(/^\uFEFF/u, '')).slice(1).map((row) => row[1]!)
    // Names are trimmed on input; what remains is prefixed when a spreadsheet would run it.
    expect(cells.slice(0, names.length)).toEqual(names.map((name) => name.trim()).map((name) => (/^[=+\-@]/u.test(name) ? `'${name}` : name)))
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/u)

    const markdown = screeningMarkdown(screened)
    const table = markdown.split('\n').filter((line) => /^\| \d+ \|/u.test(line))
    expect(table).toHaveLength(names.length + 1)
    for (const line of table) expect(line.replace(/\\\|/gu, '').split('|')).toHaveLength(10)
    expect(markdown).toContain('甲\\|乙公司')
    expect(markdown).toContain('丙<br>丁公司')
    expect(markdown).toContain('坏\\|行<br>=1')
    expect(markdown).not.toContain('<img')
  })
})
