import type { Program } from '../dialogue/programs.js'
import { normalizeReply } from './normalize-reply.js'
import { tagText, type MessageToken } from './tag-text.js'

/** The programs a message names, in the order named (programs.json: 专精特新小巨人 → little-giant). */
export function programsNamed(tokens: readonly MessageToken[]): Program[] {
  const named: Program[] = []
  for (const token of tokens) if (token.program && !named.includes(token.program)) named.push(token.program)
  return named
}

/** The program a message names, or null; the highest tier when it names several ("专精特新小巨人" → little-giant). */
export function findProgram(text: string): Program | null {
  const named = programsNamed(tagText(normalizeReply(text)))
  for (const program of ['little-giant', 'specialized', 'innovative'] as const)
    if (named.includes(program)) return program
  return null
}

/** The message (normalised) with every program name removed ("评上专精特新小巨人有啥好处" → "评上有啥好处"). */
export function removeProgramNames(text: string): string {
  return markProgramNames(text, '')
}

/** The message (normalised) with every program name replaced by `mark` ("专精特新贷怎么申请" → "|贷怎么申请"). */
export function markProgramNames(text: string, mark = '|'): string {
  const normalized = normalizeReply(text)
  let rest = ''
  let at = 0
  for (const token of tagText(normalized)) {
    if (!token.program) continue
    rest += normalized.slice(at, token.start) + mark
    at = token.end
  }
  return rest + normalized.slice(at)
}
