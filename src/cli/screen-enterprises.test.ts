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
})
