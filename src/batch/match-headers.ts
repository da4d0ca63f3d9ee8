import { FACT_LABELS } from '../facts/fact-labels.js'
import { FACT_OPTION_LABELS } from '../facts/fact-options.js'
import { FACT_NAMES, type FactName } from '../facts/fact-schema.js'
import { normalizeHeader, type HeaderUnit } from './normalize-header.js'
import type { SheetHeaderLexicon } from './sheet-header-lexicon.js'

/** What a column holds: the firm's name, a fact, one value of a list fact ("是否高新" → honors ∋ highTech), or nothing used. */
export type ColumnTarget =
  | { kind: 'name' }
  | { kind: 'fact'; fact: FactName }
  | { kind: 'flag'; fact: FactName; value: string }
  | { kind: 'ignored' }

export interface RecognisedColumn {
  index: number
  /** Column letter as Excel shows it (A, B, …, AA). */
  letter: string
  header: string
  target: Exclude<ColumnTarget, { kind: 'ignored' }>
  unit: HeaderUnit | null
}

export interface UnrecognisedColumn {
  index: number
  letter: string
  header: string
  /** Why it is not used: not a known header, or a known column the rules do not read (序号, 备注…). */
  reason: 'unknown' | 'unused'
  /** For an unknown header one character away from a known one (a typo): what it probably means. */
  suggestion?: string
}

export interface HeaderMatch {
  recognised: RecognisedColumn[]
  unrecognised: UnrecognisedColumn[]
  /** Facts named by two or more columns: the sheet cannot be read until one is removed. */
  ambiguous: { target: string; columns: { letter: string; header: string }[] }[]
}

export function columnLetter(index: number): string {
  let letters = ''
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters
  return letters
}

/** Every header form the lexicon and fact labels know, normalised, mapped to its target. */
export function buildHeaderIndex(lexicon: SheetHeaderLexicon): Map<string, ColumnTarget> {
  const index = new Map<string, ColumnTarget>()
  const add = (header: string, target: ColumnTarget) => {
    const { key } = normalizeHeader(header)
    if (key && !index.has(key)) index.set(key, target)
  }
  for (const header of lexicon.nameColumn) add(header, { kind: 'name' })
  for (const fact of FACT_NAMES) {
    add(fact, { kind: 'fact', fact })
    add(FACT_LABELS[fact].label, { kind: 'fact', fact })
    for (const synonym of lexicon.facts[fact]?.synonyms ?? []) add(synonym, { kind: 'fact', fact })
  }
  for (const flag of lexicon.flagColumns)
    for (const synonym of flag.synonyms) add(synonym, { kind: 'flag', fact: flag.fact, value: flag.value })
  for (const header of lexicon.ignoredColumns) add(header, { kind: 'ignored' })
  return index
}

const targetKey = (target: ColumnTarget) =>
  target.kind === 'fact' ? target.fact : target.kind === 'flag' ? `${target.fact}:${target.value}` : target.kind

/** The Chinese name of a column's target, for messages. */
export function describeTarget(target: ColumnTarget, lexicon: SheetHeaderLexicon): string {
  if (target.kind === 'name') return '企业名称'
  if (target.kind === 'fact') return FACT_LABELS[target.fact].label
  if (target.kind === 'flag')
    return (
      FACT_OPTION_LABELS[target.fact]?.[target.value] ??
      lexicon.flagColumns.find((flag) => flag.fact === target.fact && flag.value === target.value)?.synonyms[0] ??
      target.value
    )
  return '不使用'
}

/** Levenshtein distance, stopping early above `limit`. */
function distance(left: string, right: string, limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1
  let previous = Array.from({ length: right.length + 1 }, (_unused, index) => index)
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row]
    for (let column = 1; column <= right.length; column += 1) {
      current[column] = Math.min(
        previous[column] + 1,
        current[column - 1] + 1,
        previous[column - 1] + (left[row - 1] === right[column - 1] ? 0 : 1),
      )
    }
    if (Math.min(...current) > limit) return limit + 1
    previous = current
  }
  return previous[right.length]
}

/** The known header one edit away from an unknown one, when there is exactly one such target. */
function suggest(key: string, index: Map<string, ColumnTarget>, lexicon: SheetHeaderLexicon): string | undefined {
  if (key.length < 3) return undefined
  const targets = new Set<string>()
  let found: ColumnTarget | undefined
  for (const [known, target] of index) {
    if (target.kind === 'ignored' || distance(key, known, 1) > 1) continue
    targets.add(targetKey(target))
    found = target
  }
  return targets.size === 1 && found ? describeTarget(found, lexicon) : undefined
}

/** Matches a header row against the lexicon. Empty headers over empty columns are skipped by the caller. */
export function matchHeaders(
  headers: readonly string[],
  index: Map<string, ColumnTarget>,
  lexicon: SheetHeaderLexicon,
): HeaderMatch {
  const recognised: RecognisedColumn[] = []
  const unrecognised: UnrecognisedColumn[] = []
  headers.forEach((header, column) => {
    if (header.trim() === '') return
    const { key, unit } = normalizeHeader(header)
    const target = index.get(key)
    const letter = columnLetter(column)
    if (!target) {
      const suggestion = suggest(key, index, lexicon)
      unrecognised.push({ index: column, letter, header, reason: 'unknown', ...(suggestion ? { suggestion } : {}) })
    } else if (target.kind === 'ignored') unrecognised.push({ index: column, letter, header, reason: 'unused' })
    else recognised.push({ index: column, letter, header, target, unit })
  })
  const byTarget = new Map<string, RecognisedColumn[]>()
  for (const column of recognised)
    byTarget.set(targetKey(column.target), [...(byTarget.get(targetKey(column.target)) ?? []), column])
  const ambiguous = [...byTarget.values()]
    .filter((columns) => columns.length > 1)
    .map((columns) => ({
      target: describeTarget(columns[0].target, lexicon),
      columns: columns.map(({ letter, header }) => ({ letter, header })),
    }))
  return { recognised, unrecognised, ambiguous }
}
