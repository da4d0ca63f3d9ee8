import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { PROGRAMS } from './programs.js'

const ProgramBenefitsSchema = z
  .object({ apply: z.array(z.string()), benefits: z.array(z.string()), note: z.string() })
  .strict()

/** One thing a certified firm gets: an exact quote from a card, under a short topic, for the tiers it applies to. */
const BenefitItemSchema = z
  .object({
    card: z.string().min(1),
    topic: z.string().min(1).max(12),
    quote: z.string().min(4),
    programs: z.array(z.enum(PROGRAMS)).min(1),
  })
  .strict()

const WordListSchema = z.array(z.string().min(1)).min(1)

export const TierBenefitsSchema = z
  .object({
    schemaVersion: z.literal(2),
    description: z.string(),
    programs: z
      .object({
        innovative: ProgramBenefitsSchema,
        specialized: ProgramBenefitsSchema,
        'little-giant': ProgramBenefitsSchema,
      })
      .strict(),
    /** Articles on applying that hold for every tier (the 培育平台 and how applications are made), besides each tier's `apply`. */
    applyAll: z.array(z.string()).default([]),
    /** What a certified firm gets, grouped by kind (资金, 融资, 人才, 市场和服务), most important first. */
    benefitGroups: z
      .array(z.object({ label: z.string().min(1), items: z.array(BenefitItemSchema).min(1) }).strict())
      .min(1),
    /** Words of a question asking what a tier brings ("评上专精特新有啥好处"); see detect-tier-benefit-question.ts. */
    questionWords: z.object({ benefit: WordListSchema, earned: WordListSchema, filler: WordListSchema }).strict(),
  })
  .strict()
export type TierBenefits = z.infer<typeof TierBenefitsSchema>
export type BenefitItem = z.infer<typeof BenefitItemSchema>
export type TierQuestionWords = TierBenefits['questionWords']

export const DEFAULT_TIER_BENEFITS_PATH = fileURLToPath(new URL('../../knowledge/tier-benefits.json', import.meta.url))

/** knowledge/tier-benefits.json: how to apply for each tier and what it brings, as card ids and quotes. */
export function loadTierBenefits(path: string = DEFAULT_TIER_BENEFITS_PATH): TierBenefits {
  return TierBenefitsSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
}
