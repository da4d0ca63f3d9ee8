import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

export const SynonymFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    description: z.string().optional(),
    entries: z.array(
      z
        .object({
          from: z.array(z.string().min(1)).min(1),
          to: z.array(z.string().min(1)).min(1),
          /** `from` are mistyped forms of `to` (创新劵, 专精特心): the target words count in full, not as a synonym. */
          typo: z.boolean().optional(),
        })
        .strict(),
    ),
    /** Program names and coinages that score extra when a question names them verbatim. */
    phrases: z.array(z.string().min(2)),
  })
  .strict()

export type SynonymMap = z.infer<typeof SynonymFileSchema>

export const DEFAULT_SYNONYMS_PATH = fileURLToPath(new URL('../../knowledge/synonyms.json', import.meta.url))

/** Reads knowledge/synonyms.json (validated). */
export function loadSynonyms(path: string = DEFAULT_SYNONYMS_PATH): SynonymMap {
  const parsed = SynonymFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success)
    throw new Error(
      `${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    )
  return parsed.data
}
