import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

export const VerdictWordsSchema = z
  .object({
    schemaVersion: z.literal(1),
    description: z.string().optional(),
    fillers: z.array(z.string().min(1)),
    detail: z.array(z.string().min(1)).min(1),
    exactScore: z.array(z.string().min(1)).min(1),
    maxLength: z.number().int().min(2).max(40),
  })
  .strict()
export type VerdictWords = z.infer<typeof VerdictWordsSchema>

export const DEFAULT_VERDICT_WORDS_PATH = fileURLToPath(
  new URL('../../knowledge/lexicon/verdict-words.json', import.meta.url),
)

export function loadVerdictWords(path: string = DEFAULT_VERDICT_WORDS_PATH): VerdictWords {
  return VerdictWordsSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
}

export type VerdictRequest = 'detail' | 'exact-score'

/** Builds the reader: "详细说说吧" → detail, "帮我算准分数" → exact-score, anything longer or else → null. */
export function createVerdictRequestReader(words: VerdictWords): (text: string) => VerdictRequest | null {
  const fillers = [...words.fillers].sort((left, right) => right.length - left.length)
  const byLength = (list: string[]) => [...list].sort((left, right) => right.length - left.length)
  const exact = byLength(words.exactScore)
  const detail = byLength(words.detail)
  return (raw) => {
    const text = raw.normalize('NFKC').replace(/[\s，。！？!?,.、~～…]/gu, '')
    if (text.length === 0 || text.length > words.maxLength) return null
    const matches = (phrase: string) => {
      if (!text.includes(phrase)) return false
      let rest = text.replace(phrase, '')
      for (const filler of fillers) rest = rest.split(filler).join('')
      return rest.length === 0
    }
    // The exact-score phrases first: "具体多少分" is not a request for the details.
    if (exact.some(matches)) return 'exact-score'
    if (detail.some(matches)) return 'detail'
    return null
  }
}

let reader: ((text: string) => VerdictRequest | null) | null = null

/** Re-reads knowledge/lexicon/verdict-words.json (admin reload); a file that does not validate throws and keeps the old one. */
export function reloadVerdictWords(path?: string): void {
  reader = createVerdictRequestReader(loadVerdictWords(path))
}

/** What a reply right after a verdict asks for, from knowledge/lexicon/verdict-words.json. */
export function readVerdictRequest(text: string): VerdictRequest | null {
  reader ??= createVerdictRequestReader(loadVerdictWords())
  return reader(text)
}
