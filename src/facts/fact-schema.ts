import { z } from 'zod'

/**
 * The enterprise facts the assessment rules read. Units: money in 万元 (10,000 CNY), ratios in percent.
 * Every fact is optional: an absent fact is unknown, never "no".
 */
export const INDUSTRIES = [
  'agriculture',
  'industry',
  'construction',
  'wholesale',
  'retail',
  'transport',
  'warehousing',
  'postal',
  'accommodation',
  'catering',
  'telecom',
  'software',
  'realEstate',
  'propertyManagement',
  'leasingBusiness',
  'other',
] as const

const money = z.number().finite().min(0).max(1e9)
const signedMoney = z.number().finite().min(-1e9).max(1e9)
const count = z.number().int().min(0).max(1e7)
const percent = z.number().finite().min(0).max(100)

export const FactsSchema = z
  .object({
    // gates (第三条)
    registeredInBeijing: z.boolean(),
    independentLegalPerson: z.boolean(),
    creditBlacklisted: z.boolean(),
    restrictedProducts: z.boolean(),
    majorIncident3y: z.boolean(),
    // size
    industry: z.enum(INDUSTRIES),
    employees: count,
    totalAssets: money,
    // finance
    revenue: money,
    revenuePrev: money,
    mainRevenue: money,
    mainRevenuePrev: money,
    mainRevenuePrev2: money,
    rdExpense: money,
    rdExpensePrev: money,
    netProfit: signedMoney,
    debtRatio: percent,
    rdStaff: count,
    equityFinancing2y: money,
    equityFinancing3y: money,
    // intellectual property
    ipHighValue: count,
    ipClass1SelfDeveloped: count,
    ipClass1: count,
    ipClass2: count,
    // specialisation and innovation
    strategicEmerging: z.boolean(),
    nicheYears: z.number().finite().min(0).max(200),
    leadProductField: z.enum(['gapFilling', 'sixBasics', 'none']),
    digitalLevel: z.number().int().min(1).max(4),
    qualityAward: z.boolean(),
    qualityCert: z.boolean(),
    ownBrand: z.boolean(),
    standardSetting: z.boolean(),
    techConversion: z.array(
      z.enum(['firstSetCertified', 'firstSetPolicy', 'foreignCert', 'drugTrial', 'deviceApproval']),
    ),
    listing: z.enum(['listed', 'ipoAccepted', 'neeq', 'sponsorSigned', 'specializedBoard', 'none']),
    contest: z.enum(['award', 'final', 'participated', 'none']),
    rdInstitution: z.enum(['national', 'provincial', 'municipal', 'below', 'none']),
    sciAwardLevel: z.enum(['national', 'provincial', 'none']),
    sciAwardRank: z.number().int().min(1).max(1000),
    honors: z.array(z.enum(['highTech', 'techInnovationDemo', 'ipAdvantage', 'ipDemo'])),
    makerChinaTop: z.union([z.literal(50), z.literal(500), z.null()]),
    coreBusinessInfoSystem: z.boolean(),
    marketShare: percent,
    keyField: z.boolean(),
    innovativeSmeValid: z.boolean(),
    specializedSmeValid: z.boolean(),
  })
  .partial()
  .strict()

export type Facts = z.infer<typeof FactsSchema>
export type FactName = keyof Facts
export const FACT_NAMES = Object.keys(FactsSchema.shape) as FactName[]

/** The yes/no facts (read off the schema, so a new boolean fact needs no second list). */
export const BOOLEAN_FACT_NAMES = FACT_NAMES.filter((name) => FactsSchema.shape[name].unwrap() instanceof z.ZodBoolean)
