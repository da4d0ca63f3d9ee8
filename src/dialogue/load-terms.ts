import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const TermSchema = z
  .object({
    /** The term as the standard names it. */
    term: z.string().min(1),
    /** The card holding the standard's sentence that defines or governs the term. */
    cardId: z.string().min(1),
    /** That sentence, quoted exactly from the card. */
    quote: z.string().min(1),
    /** Plain words added where the standard itself gives no definition (shown apart from the quote). */
    note: z.string().min(1).optional(),
    /** How owners name the term; with any question cue they are enough. */
    aliases: z.array(z.string().min(1)),
    /** Everyday words that name the term only in a question about meaning ("营收" in "营收包括什么"). */
    looseAliases: z.array(z.string().min(1)).optional(),
  })
  .strict()

export const TermFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    description: z.string().optional(),
    /** Rewritten before matching, longest first: full-width and Chinese class numerals ("一类知识产权" → "I类知识产权"). */
    spellings: z.record(z.string().min(1), z.string()),
    cues: z
      .object({
        /** Words that make a text a question ("吗", "什么", "算不算"). */
        question: z.array(z.string().min(1)).min(1),
        /** Words that ask what something means or covers ("指", "包括", "算"); loose aliases need one. */
        meaning: z.array(z.string().min(1)).min(1),
        /** Last characters that make a question ("能参评不", "算合格机构投资者不"). */
        endings: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    terms: z.array(TermSchema).min(1),
  })
  .strict()

export type TermFile = z.infer<typeof TermFileSchema>
export type TermEntry = TermFile['terms'][number]

export const DEFAULT_TERMS_PATH = fileURLToPath(new URL('../../knowledge/lexicon/terms.json', import.meta.url))

/** Reads knowledge/lexicon/terms.json (validated). */
export function loadTerms(path: string = DEFAULT_TERMS_PATH): TermFile {
  const parsed = TermFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success)
    throw new Error(
      `${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    )
  return parsed.data
}
