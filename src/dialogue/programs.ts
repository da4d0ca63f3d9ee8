/** The three Beijing tiers, in tier order (each needs the one before it). */
export const PROGRAMS = ['innovative', 'specialized', 'little-giant'] as const
export type Program = (typeof PROGRAMS)[number]

export const PROGRAM_NAMES: Record<Program, string> = {
  innovative: '创新型中小企业',
  specialized: '专精特新中小企业',
  'little-giant': '专精特新“小巨人”企业',
}

/** Short names users type, longest first so that "专精特新小巨人" wins over "专精特新". */
const PROGRAM_ALIASES: Array<[RegExp, Program]> = [
  [/小巨人|巨人/, 'little-giant'],
  [/专精特新|专精|专特新|精特新/, 'specialized'],
  [/创新型|创新性中小|创新中小|创新企业/, 'innovative'],
]

/** Finds the program a message names, or null. "专精特新小巨人" → little-giant. */
export function findProgram(text: string): Program | null {
  for (const [pattern, program] of PROGRAM_ALIASES) if (pattern.test(text)) return program
  return null
}

/** The message with every program name removed ("评上专精特新小巨人有啥好处" → "评上有啥好处"). */
export function removeProgramNames(text: string): string {
  let rest = text
  for (const [pattern] of PROGRAM_ALIASES) rest = rest.replace(new RegExp(pattern.source, 'gu'), '')
  return rest
}
