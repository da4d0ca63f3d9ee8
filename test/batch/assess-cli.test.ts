import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'assess-cli-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function assess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/assess-batch.ts'), ...args],
      { cwd: ROOT, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
      },
    )
  })
}

const fixture = (name: string) => {
  const target = join(work, name)
  copyFileSync(join(ROOT, 'test/fixtures/park-exports', name), target)
  return target
}

describe('npm run assess', () => {
  it('turns an .xlsx list into an .xlsx and a Markdown report, listing unrecognised columns on stderr', async () => {
    const input = fixture('园区企业名单.xlsx')
    const result = await assess(input)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('评估 7 家企业')
    expect(result.stderr).toContain('未识别的列（未参与评定，请核对列名）：D列“所在街道”')
    expect(result.stderr).toContain('第9行（北京青禾生物医药有限公司）L列：上年度营业收入：应为数字')
    expect(existsSync(join(work, '园区企业名单.report.xlsx'))).toBe(true)
    expect(readFileSync(join(work, '园区企业名单.report.md'), 'utf8')).toContain(
      '| 3 | 北京星河智能科技有限公司 | 小型 | 符合 | 90分 |',
    )
  }, 60_000)

  it('turns a GBK .csv into a UTF-8-with-BOM .csv report, and fails clearly on an ambiguous sheet', async () => {
    expect((await assess(fixture('园区企业名单-gbk.csv'))).code).toBe(0)
    expect([...readFileSync(join(work, '园区企业名单-gbk.report.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const ambiguous = await assess(fixture('两列营业收入.csv'))
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toContain('有多列对应同一项')
  }, 60_000)

  it('writes the template', async () => {
    const target = join(work, '企业名单模板.xlsx')
    const result = await assess('--template', target)
    expect(result.code).toBe(0)
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK')
  }, 60_000)
})
