import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { failedGate } from '../../../src/dialogue/advance-assessment.js'
import type { FactName, Facts } from '../../../src/facts/fact-schema.js'
import { intervalOf, mergeBound, type BoundOp, type FactBounds } from '../../../src/facts/fact-bounds.js'
import { isSme } from '../../../src/scoring/classify-size.js'
import { loadRules } from '../../../src/scoring/load-rules.js'

/** One labelled reply of test/understanding/replies.jsonl (format: test/understanding/README.md). */
export interface CorpusLine {
  id: string
  split: 'tune' | 'heldout'
  category: string
  context: { step: string; program: string | null; pending: FactName[]; known: Facts }
  text: string
  expect: {
    act: string
    facts?: Facts
    unset?: FactName[]
    unknown?: FactName[]
    program?: string
    disqualified?: boolean
    bound?: { fact: FactName; op: 'lt' | 'le' | 'gt' | 'ge' | 'approx'; value: number }
  }
  note?: string
}

/** What a reader made of a line, in the corpus's terms. */
export interface Outcome {
  act: string
  facts: Facts
  unknown: FactName[]
  /** Absent when the reader cannot report bounds (the old extractor): then only "not stored" is checked. */
  bounds?: Array<{ fact: FactName; op: string; value: number }>
  program?: string | null
}

export type Reader = (line: CorpusLine) => Outcome

export const CORPUS_PATH = fileURLToPath(new URL('../../understanding/replies.jsonl', import.meta.url))

export function loadCorpus(path: string = CORPUS_PATH): CorpusLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusLine)
}

const rules = loadRules()
const same = (left: unknown, right: unknown): boolean =>
  JSON.stringify(normalize(left)) === JSON.stringify(normalize(right))
const normalize = (value: unknown): unknown => (Array.isArray(value) ? [...value].map(String).sort() : value)
const family = (op: string): string =>
  op === 'lt' || op === 'le' ? 'upper' : op === 'gt' || op === 'ge' ? 'lower' : op

/**
 * Whether the facts known after the reply disqualify the firm (a 第三条 gate fails, or it is large by the size
 * standard, also when only bounds show it: 员工八百多 营收十五个亿).
 */
export function disqualifies(
  facts: Facts,
  bounds: ReadonlyArray<{ fact: FactName; op: string; value: number }> = [],
): boolean {
  const intervals: FactBounds = {}
  for (const { fact, op, value } of bounds)
    if (op === 'lt' || op === 'le' || op === 'gt' || op === 'ge')
      intervals[fact] = mergeBound(intervals[fact], intervalOf(op as BoundOp, value))
  return failedGate(facts) !== null || isSme(facts, rules.size, intervals).sme === false
}

/** The problems of one outcome against its line's labels (empty: correct). */
export function judge(line: CorpusLine, outcome: Outcome): string[] {
  const problems: string[] = []
  const { expect, context } = line
  if (outcome.act !== expect.act) problems.push(`act ${outcome.act}, expected ${expect.act}`)
  for (const [fact, value] of Object.entries(expect.facts ?? {}) as Array<[FactName, unknown]>) {
    if (!same(outcome.facts[fact], value))
      problems.push(`${fact} ${JSON.stringify(outcome.facts[fact])}, expected ${JSON.stringify(value)}`)
  }
  for (const fact of expect.unset ?? []) {
    const value = outcome.facts[fact]
    if (value !== undefined && !same(value, context.known[fact]))
      problems.push(`${fact} set to ${JSON.stringify(value)}, expected unset`)
  }
  for (const fact of expect.unknown ?? []) if (!outcome.unknown.includes(fact)) problems.push(`${fact} not unknown`)
  if (expect.bound) {
    const { fact, op, value } = expect.bound
    if (outcome.facts[fact] !== undefined && !same(outcome.facts[fact], context.known[fact]))
      problems.push(`${fact} stored ${JSON.stringify(outcome.facts[fact])}, expected a bound`)
    if (
      outcome.bounds &&
      !outcome.bounds.some((bound) => bound.fact === fact && family(bound.op) === family(op) && bound.value === value)
    ) {
      problems.push(`no bound ${fact} ${op} ${value} (read ${JSON.stringify(outcome.bounds)})`)
    }
  }
  if (expect.program !== undefined && outcome.program !== expect.program)
    problems.push(`program ${outcome.program}, expected ${expect.program}`)
  const disqualified = disqualifies({ ...context.known, ...outcome.facts }, outcome.bounds)
  if ((expect.disqualified ?? false) !== disqualified && line.context.step === 'opening')
    problems.push(`disqualified ${disqualified}, expected ${expect.disqualified ?? false}`)
  return problems
}

export interface Tally {
  pass: number
  total: number
}

/** Accuracy per split and category of a reader over the corpus, with the failures. */
export function evaluate(
  lines: readonly CorpusLine[],
  reader: Reader,
): {
  bySplit: Record<string, Tally>
  byCategory: Record<string, Record<string, Tally>>
  failures: Array<{ line: CorpusLine; problems: string[] }>
} {
  const bySplit: Record<string, Tally> = {}
  const byCategory: Record<string, Record<string, Tally>> = {}
  const failures: Array<{ line: CorpusLine; problems: string[] }> = []
  for (const line of lines) {
    let problems: string[]
    try {
      problems = judge(line, reader(line))
    } catch (error) {
      problems = [`threw ${error instanceof Error ? error.message : String(error)}`]
    }
    const ok = problems.length === 0
    for (const tally of [
      (bySplit[line.split] ??= { pass: 0, total: 0 }),
      ((byCategory[line.category] ??= {})[line.split] ??= { pass: 0, total: 0 }),
    ]) {
      tally.total += 1
      if (ok) tally.pass += 1
    }
    if (!ok) failures.push({ line, problems })
  }
  return { bySplit, byCategory, failures }
}
