import { describe, expect, it } from 'vitest'
import { parseCsv, toCsv, toCsvField } from './csv.js'
import { toMarkdownCell } from './to-markdown-cell.js'

describe('toCsvField', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+8613800000000', "'+8613800000000"],
    ['-1', "'-1"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ['北京甲科技有限公司', '北京甲科技有限公司'],
    ['a,b', '"a,b"'],
    ['3=3', '3=3'],
  ])('%j → %j', (value, expected) => {
    expect(toCsvField(value)).toBe(expected)
  })

  it('round-trips through the parser with only the prefix added', () => {
    expect(parseCsv(toCsv([['=1', 'x\ny', '"q"']]).replace(/^\uFEFF/u, ''))).toEqual([["'=1", 'x\ny', '"q"']])
  })
})

describe('toMarkdownCell', () => {
  it('escapes pipes, backslashes and HTML, and keeps the row on one line', () => {
    expect(toMarkdownCell('甲|乙\\丙\r\n丁\n<b>')).toBe('甲\\|乙\\\\丙<br>丁<br>&lt;b&gt;')
  })
})
