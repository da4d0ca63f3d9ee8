import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { FACT_NAMES, type FactName } from '../facts/fact-schema.js'

const FactNameSchema = z.enum(FACT_NAMES as [FactName, ...FactName[]])

export const SheetHeaderLexiconSchema = z
  .object({
    schemaVersion: z.literal(1),
    description: z.string().optional(),
    nameColumn: z.array(z.string().min(1)).min(1),
    ignoredColumns: z.array(z.string().min(1)),
    facts: z.partialRecord(
      FactNameSchema,
      z.object({ synonyms: z.array(z.string().min(1)), short: z.string().min(1).optional() }).strict(),
    ),
    flagColumns: z.array(
      z
        .object({ fact: FactNameSchema, value: z.string().min(1), synonyms: z.array(z.string().min(1)).min(1) })
        .strict(),
    ),
    optionSynonyms: z.partialRecord(FactNameSchema, z.record(z.string(), z.array(z.string().min(1)))),
    yes: z.array(z.string().min(1)),
    no: z.array(z.string().min(1)),
    blank: z.array(z.string().min(1)),
  })
  .strict()

export type SheetHeaderLexicon = z.infer<typeof SheetHeaderLexiconSchema>

export const SHEET_HEADER_LEXICON_PATH = fileURLToPath(
  new URL('../../knowledge/lexicon/sheet-headers.json', import.meta.url),
)

let cached: SheetHeaderLexicon | undefined

/** Reads and validates knowledge/lexicon/sheet-headers.json (once); throws naming the file and field. */
export function loadSheetHeaderLexicon(path = SHEET_HEADER_LEXICON_PATH): SheetHeaderLexicon {
  if (path === SHEET_HEADER_LEXICON_PATH && cached) return cached
  const parsed = SheetHeaderLexiconSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${path}: ${issue.path.join('.')}: ${issue.message}`)
  }
  if (path === SHEET_HEADER_LEXICON_PATH) cached = parsed.data
  return parsed.data
}
