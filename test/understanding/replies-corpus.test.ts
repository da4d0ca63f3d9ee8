import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { FACT_NAMES, FactsSchema } from '../../src/facts/fact-schema.js'
import { PROGRAMS } from '../../src/dialogue/programs.js'
import { QUESTION_GROUPS } from '../../src/dialogue/question-groups.js'

/** Checks the labelled reply corpus (test/understanding/replies.jsonl): shape, names, values and split. */

const CATEGORIES = [
  'confirm',
  'summary-deny',
  'yesno',
  'industry',
  'employees',
  'amount',
  'multi',
  'unknown',
  'bound',
  'correct',
  'opening',
  'question',
  'skip',
] as const
const ACTS = ['answer', 'confirm', 'deny', 'unknown', 'correct', 'ask', 'start', 'skip', 'other'] as const
const STEPS = [...QUESTION_GROUPS.map((group) => group.id), 'summary', 'opening', 'verdict']
const MIN_PER_CATEGORY: Record<string, number> = { skip: 20 }

const factName = z.string().refine((name) => (FACT_NAMES as string[]).includes(name), { message: 'unknown fact name' })

const LineSchema = z
  .object({
    id: z.string().regex(/^[a-z-]+-\d{3,5}$/),
    split: z.enum(['tune', 'heldout']),
    category: z.enum(CATEGORIES),
    context: z
      .object({
        step: z.string().refine((step) => STEPS.includes(step), { message: 'unknown step' }),
        program: z.enum(PROGRAMS).nullable(),
        pending: z.array(factName),
        known: FactsSchema,
      })
      .strict(),
    text: z.string().min(1),
    expect: z
      .object({
        act: z.enum(ACTS),
        facts: FactsSchema,
        unset: z.array(factName),
        unknown: z.array(factName),
        program: z.enum(PROGRAMS).optional(),
        disqualified: z.literal(true).optional(),
        bound: z
          .object({ fact: factName, op: z.enum(['lt', 'le', 'gt', 'ge', 'approx']), value: z.number().finite() })
          .strict()
          .optional(),
      })
      .strict(),
    note: z.string().optional(),
  })
  .strict()

type Line = z.infer<typeof LineSchema>

/** The stated split rule: heldout when the first 8 hex digits of sha256('split-1336:' + id), mod 100, are below 40. */
function splitOf(id: string): 'tune' | 'heldout' {
  const head = Number.parseInt(createHash('sha256').update(`split-1336:${id}`).digest('hex').slice(0, 8), 16)
  return head % 100 < 40 ? 'heldout' : 'tune'
}

const raw = readFileSync(new URL('./replies.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')

describe('labelled reply corpus', () => {
  const lines: Line[] = []
  const problems: string[] = []
  raw.forEach((text, index) => {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      problems.push(`line ${index + 1}: not JSON`)
      return
    }
    const parsed = LineSchema.safeParse(json)
    if (!parsed.success)
      problems.push(
        `line ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      )
    else lines.push(parsed.data)
  })

  it('every line is a valid record with valid fact names and values', () => {
    expect(problems).toEqual([])
  })

  it('ids are unique and carry their category', () => {
    const ids = lines.map((line) => line.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const line of lines) expect(line.id.startsWith(`${line.category}-`), line.id).toBe(true)
  })

  it('expectations are consistent', () => {
    const wrong: string[] = []
    for (const { id, context, expect: e } of lines) {
      const set = Object.keys(e.facts)
      if (e.unset.some((name) => set.includes(name))) wrong.push(`${id}: a fact both set and unset`)
      if (e.unknown.some((name) => set.includes(name))) wrong.push(`${id}: a fact both set and unknown`)
      if (e.bound && set.includes(e.bound.fact)) wrong.push(`${id}: bounded fact also set`)
      if (e.program && context.step !== 'opening') wrong.push(`${id}: program outside an opening`)
      if (e.act === 'correct' && Object.keys(context.known).length === 0)
        wrong.push(`${id}: correction without earlier values`)
      if (context.step === 'opening' && (context.program !== null || context.pending.length > 0))
        wrong.push(`${id}: opening with context`)
    }
    expect(wrong).toEqual([])
  })

  it('has ≥ 450 lines and the minimum per category', () => {
    expect(lines.length).toBeGreaterThanOrEqual(450)
    for (const category of CATEGORIES) {
      const count = lines.filter((line) => line.category === category).length
      expect(count, category).toBeGreaterThanOrEqual(MIN_PER_CATEGORY[category] ?? 30)
    }
  })

  it('follows the split rule, with ≥ 30% heldout in every category', () => {
    for (const line of lines) expect(line.split, line.id).toBe(splitOf(line.id))
    for (const category of CATEGORIES) {
      const rows = lines.filter((line) => line.category === category)
      const heldout = rows.filter((line) => line.split === 'heldout').length
      expect(heldout / rows.length, category).toBeGreaterThanOrEqual(0.3)
    }
  })

  it('covers every question group and every act', () => {
    const steps = new Set(lines.map((line) => line.context.step))
    for (const group of QUESTION_GROUPS) expect(steps.has(group.id), group.id).toBe(true)
    const acts = new Set(lines.map((line) => line.expect.act))
    for (const act of ACTS) expect(acts.has(act), act).toBe(true)
  })
})
