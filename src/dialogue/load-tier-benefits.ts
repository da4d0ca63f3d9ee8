import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const ProgramBenefitsSchema = z.object({ apply: z.array(z.string()), benefits: z.array(z.string()), note: z.string() }).strict()

export const TierBenefitsSchema = z
  .object({
    schemaVersion: z.literal(1),
    description: z.string(),
    programs: z.object({ innovative: ProgramBenefitsSchema, specialized: ProgramBenefitsSchema, 'little-giant': ProgramBenefitsSchema }).strict(),
  })
  .strict()
export type TierBenefits = z.infer<typeof TierBenefitsSchema>

export const DEFAULT_TIER_BENEFITS_PATH = fileURLToPath(new URL('../../knowledge/tier-benefits.json', import.meta.url))

/** knowledge/tier-benefits.json: how to apply for each tier and what it brings, as card ids. */
export function loadTierBenefits(path: string = DEFAULT_TIER_BENEFITS_PATH): TierBenefits {
  return TierBenefitsSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
}
