/** The three Beijing tiers, in tier order (each needs the one before it). */
export const PROGRAMS = ['innovative', 'specialized', 'little-giant'] as const
export type Program = (typeof PROGRAMS)[number]

export const PROGRAM_NAMES: Record<Program, string> = {
  innovative: '创新型中小企业',
  specialized: '专精特新中小企业',
  'little-giant': '专精特新“小巨人”企业',
}
