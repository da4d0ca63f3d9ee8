import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

export const ANSWER_QUESTION_KINDS = [
  'amount',
  'condition',
  'count',
  'timing',
  'validity',
  'process',
  'contact',
  'benefits',
  'two-part',
  'negative',
] as const

const answerQuestionSchema = z
  .object({
    id: z.string().regex(/^a\d{3,4}$/),
    split: z.enum(['tune', 'heldout']),
    q: z.string().min(2),
    source: z.enum(['000', '001', '002', '003', '004', 'none']),
    expect_card: z.string(),
    also_ok: z.array(z.string()),
    facts: z.array(z.string().min(1).max(20)),
    kind: z.enum(ANSWER_QUESTION_KINDS),
    decline: z.boolean(),
    note: z.string().optional(),
  })
  .strict()

export type AnswerQuestion = z.infer<typeof answerQuestionSchema>

export const ANSWER_QUESTIONS_PATH = fileURLToPath(new URL('./answer-questions.jsonl', import.meta.url))

/** Reads the labelled end-to-end answer set (one JSON object a line); throws on a malformed line. */
export function loadAnswerQuestions(path: string = ANSWER_QUESTIONS_PATH): AnswerQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      const parsed = answerQuestionSchema.safeParse(JSON.parse(line))
      if (!parsed.success) throw new Error(`answer-questions.jsonl line ${number}: ${parsed.error.message}`)
      return parsed.data
    })
}
