import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { takeBuildSeed } from '../shared/build-seeds.js'

export const TraditionalCharsSchema = z
  .object({
    schemaVersion: z.literal(1),
    description: z.string().optional(),
    entries: z.array(z.object({ simplified: z.string().length(1), traditional: z.string().min(1) }).strict()),
  })
  .strict()

export type TraditionalChars = z.infer<typeof TraditionalCharsSchema>

export const DEFAULT_TRADITIONAL_CHARS_PATH = fileURLToPath(
  new URL('../../knowledge/traditional-chars.json', import.meta.url),
)

/** Reads knowledge/traditional-chars.json (validated; a traditional character listed twice is an error). */
export function loadTraditionalChars(path: string = DEFAULT_TRADITIONAL_CHARS_PATH): TraditionalChars {
  const parsed = TraditionalCharsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success)
    throw new Error(
      `${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    )
  const seen = new Set<string>()
  for (const { simplified, traditional } of parsed.data.entries)
    for (const char of traditional) {
      if (seen.has(char) || char === simplified) throw new Error(`${path}: ${char} listed twice or as itself`)
      seen.add(char)
    }
  return parsed.data
}

/** Traditional character → simplified, from the entries. */
export function simplifiedTable(file: TraditionalChars): Map<string, string> {
  const table = new Map<string, string>()
  for (const { simplified, traditional } of file.entries) for (const char of traditional) table.set(char, simplified)
  return table
}

let defaultTable: Map<string, string> | null = null
const table = () =>
  (defaultTable ??= simplifiedTable(takeBuildSeed<TraditionalChars>('traditionalChars') ?? loadTraditionalChars()))

/**
 * The message with every traditional character read as its simplified form (線上演藝 → 线上演艺), so an owner typing
 * on a Hong Kong or Taiwan keyboard is understood like any other. Text without one comes back unchanged.
 */
export function toSimplified(text: string, chars: ReadonlyMap<string, string> = table()): string {
  let out = ''
  let changed = false
  for (const char of text) {
    const simplified = chars.get(char)
    if (simplified !== undefined) changed = true
    out += simplified ?? char
  }
  return changed ? out : text
}
