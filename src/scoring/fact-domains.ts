import { z } from 'zod'
import { FactsSchema, type FactName } from '../facts/fact-schema.js'

/** The values a fact can take, read from the fact schema (the one source of truth for types and ranges). */
export type FactDomain =
  { kind: 'finite'; values: readonly unknown[] } | { kind: 'numeric'; min: number; max: number; integer: boolean }

function subsets<T>(values: readonly T[]): T[][] {
  return values.reduce<T[][]>((all, value) => [...all, ...all.map((subset) => [...subset, value])], [[]])
}

function domainOf(schema: z.ZodType): FactDomain {
  if (schema instanceof z.ZodOptional) return domainOf(schema.unwrap() as z.ZodType)
  if (schema instanceof z.ZodBoolean) return { kind: 'finite', values: [true, false] }
  if (schema instanceof z.ZodEnum) return { kind: 'finite', values: schema.options }
  if (schema instanceof z.ZodArray) {
    const element = domainOf(schema.element as z.ZodType)
    if (element.kind !== 'finite') throw new Error('an array fact needs a finite element type')
    return { kind: 'finite', values: subsets(element.values) }
  }
  if (schema instanceof z.ZodLiteral) return { kind: 'finite', values: [...schema.values] }
  if (schema instanceof z.ZodNull) return { kind: 'finite', values: [null] }
  if (schema instanceof z.ZodUnion) {
    const domains = (schema.options as z.ZodType[]).map(domainOf)
    if (domains.some((domain) => domain.kind !== 'finite')) throw new Error('a union fact needs finite options')
    return { kind: 'finite', values: domains.flatMap((domain) => (domain.kind === 'finite' ? [...domain.values] : [])) }
  }
  if (schema instanceof z.ZodNumber) {
    return {
      kind: 'numeric',
      min: schema.minValue ?? -Number.MAX_SAFE_INTEGER,
      max: schema.maxValue ?? Number.MAX_SAFE_INTEGER,
      integer: schema.isInt,
    }
  }
  throw new Error(`no domain for schema ${schema.constructor.name}`)
}

/** Every fact's domain. */
export const FACT_DOMAINS: Record<FactName, FactDomain> = Object.fromEntries(
  Object.entries(FactsSchema.shape).map(([name, schema]) => [name, domainOf(schema as z.ZodType)]),
) as Record<FactName, FactDomain>
