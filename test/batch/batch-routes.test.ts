import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { MAX_SHEET_BYTES } from '../../src/batch/batch-limits.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import { createApp } from '../../src/server/app.js'

const app = createApp({ rules: loadRules(), console: false })
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/park-exports/${name}`, import.meta.url)))

function upload(bytes: Uint8Array<ArrayBuffer>, name: string, field = 'file'): Promise<Response> {
  const form = new FormData()
  form.append(field, new File([bytes], name))
  return Promise.resolve(app.request('/api/v1/batch', { method: 'POST', body: form }))
}

describe('POST /api/v1/batch', () => {
  it('screens an uploaded .xlsx and returns summary, columns, one row per firm and report links', async () => {
    const response = await upload(fixture('园区企业名单.xlsx'), '园区企业名单.xlsx')
    expect(response.status).toBe(200)
    const body = (await response.json()) as any
    expect(body.reportId).toMatch(/^[0-9a-f-]{36}$/u)
    expect(body.summary).toMatchObject({ firms: 7, format: 'xlsx', headerRow: 2, firmsWithErrors: 1 })
    expect(body.columns.unrecognised).toContainEqual({ column: 'D', header: '所在街道', reason: 'unknown' })
    expect(body.columns.recognised).toContainEqual({
      column: 'L',
      header: '营业收入（万元）',
      target: 'revenue',
      label: '上年度营业收入',
      unit: '万元',
    })
    expect(body.columns.recognised).toContainEqual({
      column: 'Y',
      header: '是否高新技术企业',
      target: 'honors',
      label: '高新技术企业',
      unit: null,
    })
    expect(body.rows).toHaveLength(7)
    expect(body.rows[0]).toMatchObject({
      name: '北京星河智能科技有限公司',
      size: '小型',
      verdicts: [{ program: 'innovative', verdict: '符合', total: 90, scoreText: '90分' }, {}, {}],
    })
    expect(body.rows[1].verdicts[0].conditional).toContain('若满足基本条件')

    const xlsx = await app.request(body.downloads.xlsx)
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
    expect(xlsx.headers.get('content-disposition')).toContain(encodeURIComponent('园区企业名单.report.xlsx'))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer)
    expect(workbook.getWorksheet('初筛结果')!.rowCount).toBe(8)
    const csv = await app.request(body.downloads.csv)
    expect(new Uint8Array(await csv.arrayBuffer()).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
    const markdown = await app.request(body.downloads.md)
    expect(await markdown.text()).toContain('# 企业梯度培育初筛报告')
  })

  it('answers bad uploads with a clear Chinese 4xx', async () => {
    const noFile = await upload(fixture('园区企业名单.xlsx'), 'x.xlsx', 'attachment')
    expect(noFile.status).toBe(400)
    expect(((await noFile.json()) as any).error.message).toContain('没有收到文件')
    const json = await app.request('/api/v1/batch', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    })
    expect(json.status).toBe(400)
    const xls = await upload(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), '名单.xls')
    expect(xls.status).toBe(415)
    const ambiguous = await upload(fixture('两列营业收入.csv'), '两列营业收入.csv')
    expect(ambiguous.status).toBe(422)
    expect(((await ambiguous.json()) as any).error).toMatchObject({ code: 'AMBIGUOUS_COLUMNS' })
    const huge = await upload(new Uint8Array(MAX_SHEET_BYTES + 1).fill(0x41), '大.csv')
    expect(huge.status).toBe(413)
    expect(((await huge.json()) as any).error.message).toContain('文件不能超过 5MB')
  })

  it('accepts a real upload over HTTP larger than the 256KB limit of other routes', async () => {
    const { serve } = await import('@hono/node-server')
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    try {
      const { port } = server.address() as AddressInfo
      const note = '备'.repeat(1000)
      const lines = [
        '企业名称,从业人员（人）,营业收入（万元）,备注',
        ...Array.from(
          { length: 200 },
          (_unused, index) => `北京企业${index}有限公司,${20 + index},${1000 + index},${note}`,
        ),
      ]
      const bytes = new TextEncoder().encode(lines.join('\n'))
      expect(bytes.length).toBeGreaterThan(512 * 1024)
      const form = new FormData()
      form.append('file', new File([bytes], '大名单.csv'))
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/batch`, { method: 'POST', body: form })
      expect(response.status).toBe(200)
      expect(((await response.json()) as any).rows).toHaveLength(200)
      const chat = await fetch(`http://127.0.0.1:${port}/api/v1/assess`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pad: 'x'.repeat(300 * 1024) }),
      })
      expect(chat.status).toBe(413)
    } finally {
      server.close()
    }
  })

  it('screens at most a set number of lists at once and asks the next uploader to retry', async () => {
    const { Hono } = await import('hono')
    const { createBatchRoutes } = await import('../../src/server/routes/batch-routes.js')
    const single = new Hono().route('/api/v1', createBatchRoutes({ rules: loadRules(), maxConcurrent: 1 }))
    const lines = [
      '企业名称,从业人员（人）,营业收入（万元）',
      ...Array.from({ length: 200 }, (_unused, index) => `北京企业${index}有限公司,${20 + index},${1000 + index}`),
    ]
    const send = () => {
      const form = new FormData()
      form.append('file', new File([lines.join('\n')], '名单.csv'))
      return Promise.resolve(single.request('/api/v1/batch', { method: 'POST', body: form }))
    }
    const responses = await Promise.all([send(), send()])
    expect(responses.map((response) => response.status).sort()).toEqual([200, 429])
    const busy = responses.find((response) => response.status === 429)!
    expect(((await busy.json()) as any).error.message).toContain('请稍后')
    expect((await send()).status).toBe(200)
  })

  it('refuses a list with too many firms', async () => {
    const lines = ['企业名称,从业人员', ...Array.from({ length: 1001 }, (_unused, index) => `企业${index},10`)]
    const response = await upload(new TextEncoder().encode(lines.join('\n')), '名单.csv')
    expect(response.status).toBe(413)
    expect(((await response.json()) as any).error.message).toContain('一次最多评估 1000 家企业')
  })

  it('answers 404 for an unknown report', async () => {
    const response = await app.request('/api/v1/batch/00000000-0000-0000-0000-000000000000/report.xlsx')
    expect(response.status).toBe(404)
    expect(((await response.json()) as any).error.code).toBe('REPORT_NOT_FOUND')
  })
})

describe('GET /api/v1/batch/template.xlsx', () => {
  it('serves the template: facts in asking order with units, drop-downs, an example row that reads back, a rules sheet', async () => {
    const response = await app.request('/api/v1/batch/template.xlsx')
    expect(response.status).toBe(200)
    const bytes = new Uint8Array(await response.arrayBuffer())
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('企业名单')!
    const headers = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(headers.slice(0, 4)).toEqual([
      '企业名称',
      '在北京市注册登记',
      '具有独立法人资格',
      '列入经营异常名录或严重失信主体名单',
    ])
    expect(headers).toContain('上年度营业收入（万元）')
    expect(headers.indexOf('所属行业')).toBeLessThan(headers.indexOf('上年度营业收入（万元）'))
    expect(sheet.getCell('B3').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] })
    const industryLetter = sheet
      .getRow(1)
      .getCell(headers.indexOf('所属行业') + 1)
      .address.replace(/\d+/u, '')
    expect(sheet.getCell(`${industryLetter}5`).dataValidation.formulae[0]).toContain('软件和信息技术服务业')
    const help = workbook.getWorksheet('填写说明')!
    expect(help.rowCount).toBe(headers.length + 1)
    expect(String(help.getCell('C3').value)).toContain('是')

    // The example row, uploaded back, is read without a single problem.
    const form = new FormData()
    form.append('file', new File([bytes], '企业名单模板.xlsx'))
    const screened = (await (await app.request('/api/v1/batch', { method: 'POST', body: form })).json()) as any
    expect(screened.columns.unrecognised).toEqual([])
    expect(screened.rows).toHaveLength(1)
    expect(screened.rows[0].errors).toEqual([])
    expect(screened.rows[0].verdicts[0].verdict).toBe('符合')
  })
})
