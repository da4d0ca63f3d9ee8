import { z } from 'zod'
import { FACT_LABELS } from './fact-labels.js'
import { FACT_OPTION_LABELS } from './fact-options.js'
import { FACT_NAMES, FactsSchema, type FactName } from './fact-schema.js'

/** One form field of the enterprise profile, derived from the fact schema (for the web console). */
export interface FactField {
  name: FactName
  label: string
  unit?: string
  type: 'boolean' | 'number' | 'integer' | 'enum' | 'multi'
  minimum?: number
  maximum?: number
  options?: Array<{ value: string | number | null; label: string }>
}

interface JsonSchemaNode {
  type?: string
  enum?: string[]
  minimum?: number
  maximum?: number
  items?: JsonSchemaNode
  anyOf?: Array<{ const?: number; type?: string }>
}

function optionsFor(name: FactName, values: Array<string | number | null>): FactField['options'] {
  const labels = FACT_OPTION_LABELS[name] ?? {}
  return values.map((value) => ({ value, label: labels[String(value)] ?? String(value) }))
}

/** Every fact as a form field: type, range, unit and Chinese labels. */
export function describeFactFields(): FactField[] {
  const schema = z.toJSONSchema(FactsSchema) as { properties: Record<string, JsonSchemaNode> }
  return FACT_NAMES.map((name) => {
    const node = schema.properties[name] ?? {}
    const { label, unit } = FACT_LABELS[name]
    const base = { name, label, ...(unit ? { unit } : {}) }
    if (node.type === 'boolean') return { ...base, type: 'boolean' as const }
    if (node.type === 'string' && node.enum)
      return { ...base, type: 'enum' as const, options: optionsFor(name, node.enum) }
    if (node.type === 'array' && node.items?.enum)
      return { ...base, type: 'multi' as const, options: optionsFor(name, node.items.enum) }
    if (node.anyOf) {
      const values = node.anyOf.map((option) => (option.type === 'null' ? null : (option.const ?? null)))
      return { ...base, type: 'enum' as const, options: optionsFor(name, values) }
    }
    const type = node.type === 'integer' ? ('integer' as const) : ('number' as const)
    return {
      ...base,
      type,
      minimum: node.minimum,
      maximum: node.maximum !== undefined && node.maximum < 1e15 ? node.maximum : undefined,
    }
  })
}
