import { readNormalizedQuantity } from '../facts/read-quantity.js'
import type { MessageToken } from './tag-text.js'

type Token = MessageToken

/** How far back a question can reach from 上年度 (大前年 and the year before), and 今年 ahead of it. */
const YEARS_BEFORE = 3
const YEARS_AFTER = 1
const BARE_FOUR_DIGITS = /^\d{4}$/
/** "3200万(25)", "3200万（25年）": a year of two digits, in parentheses after a figure. */
const SHORT_YEAR = /^(\d{2})\s*(?:年度?)?$/
/** Between a year and its figure in a pasted cell: spaces, tabs, a colon. */
const YEAR_TO_FIGURE = /^[\s:：]*$/
const OPENING_PARENTHESIS = /^\s*[（(]\s*$/
const CLOSING_PARENTHESIS = /^\s*[)）]/

/**
 * Bare four-digit numbers in pasted rows and voice input ("2025 3200 2024 2800", "2025：2000万", "3200(2025)",
 * "2023 2024 2025" above "1500 1800 2100"): a year or an amount? The question decides: it can only mean 上年度,
 * the years before it back to 大前年's predecessor, and 今年 (`lastFiscalYear` − 3 … + 1). A bare number in that
 * window is a year when a figure follows it (after a space, a tab or a colon), when it stands in parentheses right
 * after a figure, or when it heads a row of consecutive years that rows of as many figures follow (each row then
 * reads year by year). Any other bare number is an amount: "2000 3000" while 上年度 is 2025 is two figures, and so
 * is "2040" in "2025 2040". Without `lastFiscalYear` the tagger's reading stands.
 */
export function readBareYears(tokens: readonly Token[], text: string, lastFiscalYear?: number): Token[] {
  if (
    lastFiscalYear === undefined ||
    !tokens.some((token) => token.type === 'year' || isBareNumber(token) || isShortYear(token))
  )
    return [...tokens]
  const plausible = (token: Token): boolean =>
    isBareNumber(token) && inWindow(Number(token.text.trim()), lastFiscalYear)
  const result: Token[] = []
  // A header cell: a bare year of the window, or one written as a year ("2024年").
  const heads = (token: Token): boolean =>
    plausible(token) || (token.type === 'year' && token.year.kind === 'calendar' && /^\d{4}\s*年度?$/.test(token.text))
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]
    const header = heads(token) ? headerRun(tokens, index, text, heads) : []
    if (header.length >= 2) {
      const consumed = pairRows(tokens, index + header.length, header, result)
      if (consumed > 0) {
        index += header.length + consumed - 1
        continue
      }
    }
    const next = tokens[index + 1]
    const previous = tokens[index - 1]
    const inParenthesesAfterFigure =
      previous?.type === 'quantity' &&
      previous.quantity.unit !== 'year' &&
      OPENING_PARENTHESIS.test(text.slice(previous.end, token.start)) &&
      CLOSING_PARENTHESIS.test(text.slice(token.end))
    const shortYear = isShortYear(token) ? 2000 + Number(SHORT_YEAR.exec(token.text.trim())![1]) : null
    if (shortYear !== null && inParenthesesAfterFigure && inWindow(shortYear, lastFiscalYear)) {
      result.push({
        start: token.start,
        end: token.end,
        text: token.text,
        type: 'year',
        year: { kind: 'calendar', year: shortYear },
      })
      continue
    }
    if (!isBareNumber(token)) {
      result.push(token)
      continue
    }
    // The next number is a figure when it is one already, or a bare number outside the window (2040 after 2025).
    const figureNext = next !== undefined && (next.type === 'quantity' || isBareNumber(next)) && !plausible(next)
    const beforeFigure = figureNext && YEAR_TO_FIGURE.test(text.slice(token.end, next.start))
    result.push(plausible(token) && (beforeFigure || inParenthesesAfterFigure) ? asYear(token) : asAmount(token))
  }
  return result
}

function inWindow(year: number, lastFiscalYear: number): boolean {
  return year >= lastFiscalYear - YEARS_BEFORE && year <= lastFiscalYear + YEARS_AFTER
}

/** A two-digit number, bare or with 年 ("25", "25年"), that may be a year. */
function isShortYear(token: Token): boolean {
  return (
    token.type === 'quantity' &&
    (token.quantity.unit === null || token.quantity.unit === 'year') &&
    SHORT_YEAR.test(token.text.trim())
  )
}

function isBareNumber(token: Token): boolean {
  if (!BARE_FOUR_DIGITS.test(token.text.trim())) return false
  return token.type === 'year' || (token.type === 'quantity' && token.quantity.unit === null)
}

/** Consecutive years (2023 2024 2025) side by side from `start`, separated by spaces only. */
function headerRun(
  tokens: readonly Token[],
  start: number,
  text: string,
  plausible: (token: Token) => boolean,
): Token[] {
  const run: Token[] = []
  for (let index = start; index < tokens.length && plausible(tokens[index]); index += 1) {
    const last = run[run.length - 1]
    if (last) {
      if (text.slice(last.end, tokens[index].start).trim() !== '') break
      if (Math.abs(Number.parseInt(tokens[index].text, 10) - Number.parseInt(last.text, 10)) !== 1) break
    }
    run.push(tokens[index])
  }
  return run
}

/**
 * Rows after a header of years ("营收 2800 3200"): each row of as many figures is rewritten year by year
 * ("营收 2024 2800，2025 3200"). Returns how many tokens were read (0: no row follows, the header is no header).
 */
function pairRows(tokens: readonly Token[], from: number, header: Token[], result: Token[]): number {
  let index = from
  let rows = 0
  const written: Token[] = []
  for (;;) {
    let cursor = index
    while (tokens[cursor]?.type === 'separator') cursor += 1
    const words: Token[] = []
    while (tokens[cursor]?.type === 'keyword' || tokens[cursor]?.type === 'filler') words.push(tokens[cursor++])
    const figures = tokens.slice(cursor, cursor + header.length)
    const fits =
      figures.length === header.length &&
      figures.every((figure) => figure.type === 'quantity') &&
      (cursor + header.length >= tokens.length || tokens[cursor + header.length].type === 'separator')
    if (!fits) break
    header.forEach((year, column) => {
      const separator = column > 0 ? figures[column - 1] : (words[0] ?? figures[0])
      if (column > 0 || rows > 0)
        written.push({ start: separator.end, end: separator.end, text: '', type: 'separator' })
      if (column === 0) written.push(...words)
      written.push(asYear(year), figures[column])
    })
    rows += 1
    index = cursor + header.length
  }
  if (rows === 0) return 0
  result.push(...written)
  return index - from
}

function asYear(token: Token): Token {
  if (token.type === 'year') return token
  return {
    start: token.start,
    end: token.end,
    text: token.text,
    type: 'year',
    year: { kind: 'calendar', year: Number(token.text) },
  }
}

function asAmount(token: Token): Token {
  if (token.type === 'quantity') return token
  const quantity = readNormalizedQuantity(token.text.trim())
  return quantity ? { start: token.start, end: token.end, text: token.text, type: 'quantity', quantity } : token
}
