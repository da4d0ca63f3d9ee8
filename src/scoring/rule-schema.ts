import { z } from 'zod'

/**
 * The shape of rules/*.json. Rules are data: a revision of a standard is an edit to rules/, not to code.
 * Facts and derived quantities are code (src/scoring/derived-values.ts); operators are a closed set.
 */
export const RULES_SCHEMA_VERSION = 1

const Operand = z.union([z.number(), z.string(), z.boolean(), z.null()])

export const OPERATORS = ['gte', 'gt', 'lte', 'lt', 'eq', 'neq', 'in', 'includes'] as const

export type Condition =
  | { all: Condition[]; text?: string }
  | { any: Condition[]; text?: string }
  | { not: Condition; text?: string }
  | {
      value: string
      op: (typeof OPERATORS)[number]
      operand: z.infer<typeof Operand> | Array<z.infer<typeof Operand>>
      text?: string
    }
  | { ref: string; text?: string }
  | { score: string; op: 'gte' | 'gt'; operand: number; text?: string }
  | { size: 'notLarge'; text?: string }

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ConditionSchema).min(1), text: z.string().optional() }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1), text: z.string().optional() }).strict(),
    z.object({ not: ConditionSchema, text: z.string().optional() }).strict(),
    z
      .object({
        value: z.string(),
        op: z.enum(OPERATORS),
        operand: z.union([Operand, z.array(Operand)]),
        text: z.string().optional(),
      })
      .strict(),
    z.object({ ref: z.string(), text: z.string().optional() }).strict(),
    z
      .object({ score: z.string(), op: z.enum(['gte', 'gt']), operand: z.number(), text: z.string().optional() })
      .strict(),
    z.object({ size: z.literal('notLarge'), text: z.string().optional() }).strict(),
  ]),
)

/** A score band: inclusive bounds; a value on an edge belongs to both bands and takes the higher score (附件4（十三）). */
const BandSchema = z
  .object({ label: z.string(), min: z.number().optional(), max: z.number().optional(), score: z.number().min(0) })
  .strict()

const CaseSchema = z.object({ label: z.string(), when: ConditionSchema, score: z.number().min(0) }).strict()

/** The fields every scoring item has, whatever its type. */
const ITEM_FIELDS = {
  id: z.string(),
  number: z.number().int(),
  name: z.string(),
  dimension: z.string(),
  max: z.number(),
}

export const IndicatorSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('bands'),
      ...ITEM_FIELDS,
      value: z.string(),
      unit: z.string(),
      text: z.string(),
      bands: z.array(BandSchema).min(2),
    })
    .strict(),
  z
    .object({
      type: z.literal('cases'),
      ...ITEM_FIELDS,
      text: z.string(),
      cases: z.array(CaseSchema).min(1),
    })
    .strict(),
  z
    .object({
      type: z.literal('additive'),
      ...ITEM_FIELDS,
      text: z.string(),
      items: z.array(CaseSchema).min(1),
    })
    .strict(),
  z
    .object({
      type: z.literal('steps'),
      ...ITEM_FIELDS,
      value: z.string(),
      unit: z.string(),
      text: z.string(),
      per: z.number().positive(),
      points: z.number().positive(),
    })
    .strict(),
])
export type Indicator = z.infer<typeof IndicatorSchema>

export const NamedConditionSchema = z
  .object({ id: z.string(), name: z.string(), text: z.string(), when: ConditionSchema, direct: z.boolean().optional() })
  .strict()
export type NamedCondition = z.infer<typeof NamedConditionSchema>

export const ProgramRulesSchema = z
  .object({
    schemaVersion: z.literal(RULES_SCHEMA_VERSION),
    id: z.enum(['innovative', 'specialized', 'little-giant']),
    name: z.string(),
    version: z.string(),
    source: z.object({ document: z.string(), part: z.string(), cardIds: z.array(z.string()) }).strict(),
    interpretations: z.array(z.string()),
    /** The program whose valid title this one needs, and the fact that says the firm holds it. */
    prerequisite: z
      .object({ program: z.enum(['innovative', 'specialized']), fact: z.string(), text: z.string() })
      .strict()
      .nullable(),
    dimensions: z.array(z.object({ id: z.string(), name: z.string(), max: z.number() }).strict()),
    indicators: z.array(IndicatorSchema),
    /** Named conditions, reported one by one (gates, 认定条件, direct conditions, 小巨人 dimensions). */
    conditions: z.array(NamedConditionSchema),
    /** The verdict: a condition over named conditions (`ref`) and scores. */
    eligibility: ConditionSchema,
  })
  .strict()
export type ProgramRules = z.infer<typeof ProgramRulesSchema>

const SizeTest = z
  .object({
    all: z.array(
      z
        .object({
          value: z.enum(['employees', 'revenue', 'totalAssets']),
          op: z.enum(['gte', 'lte']),
          operand: z.number(),
        })
        .strict(),
    ),
  })
  .strict()
const SizeAnyTest = z
  .object({
    any: z.array(
      z
        .object({
          value: z.enum(['employees', 'revenue', 'totalAssets']),
          op: z.enum(['gte', 'lte']),
          operand: z.number(),
        })
        .strict(),
    ),
  })
  .strict()

export const SizeRulesSchema = z
  .object({
    schemaVersion: z.literal(RULES_SCHEMA_VERSION),
    id: z.literal('sme-size'),
    name: z.string(),
    source: z.string(),
    interpretations: z.array(z.string()),
    industries: z.record(
      z.string(),
      z.object({ name: z.string(), text: z.string(), sme: SizeAnyTest, medium: SizeTest, small: SizeTest }).strict(),
    ),
  })
  .strict()
export type SizeRules = z.infer<typeof SizeRulesSchema>

export const GateRulesSchema = z
  .object({
    schemaVersion: z.literal(RULES_SCHEMA_VERSION),
    id: z.literal('gates'),
    name: z.string(),
    source: z.string(),
    text: z.string(),
    conditions: z.array(NamedConditionSchema),
  })
  .strict()
export type GateRules = z.infer<typeof GateRulesSchema>
