import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { z } from 'zod'
import {
  GateRulesSchema,
  ProgramRulesSchema,
  SizeRulesSchema,
  type GateRules,
  type ProgramRules,
  type SizeRules,
} from './rule-schema.js'
import type { ProgramId } from './assessment-result.js'
import { checkRuleReferences } from './check-rule-references.js'

export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url))

/** Every rule file, validated. */
export interface LoadedRules {
  size: SizeRules
  gates: GateRules
  programs: Record<ProgramId, ProgramRules>
}

export class RuleFileError extends Error {
  override name = 'RuleFileError'
  readonly code = 'RULE_FILE_INVALID'
}

function readRuleFile<Schema extends z.ZodTypeAny>(dir: string, file: string, schema: Schema): z.infer<Schema> {
  const path = `${dir}${file}`
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new RuleFileError(`${path}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new RuleFileError(`${path}: ${issue.path.join('.')}: ${issue.message}`)
  }
  return parsed.data
}

/**
 * Reads rules/ (relative to the repository, not the working directory), validates each file with its zod schema
 * and cross-checks the facts, derived values, refs and scores it names. Throws RuleFileError naming the file and field.
 */
export function loadRules(dir: string = DEFAULT_RULES_DIR): LoadedRules {
  const folder = dir.endsWith('/') ? dir : `${dir}/`
  const rules: LoadedRules = {
    size: readRuleFile(folder, 'sme-size.json', SizeRulesSchema),
    gates: readRuleFile(folder, 'gates.json', GateRulesSchema),
    programs: {
      innovative: readRuleFile(folder, 'innovative.json', ProgramRulesSchema),
      specialized: readRuleFile(folder, 'specialized.json', ProgramRulesSchema),
      'little-giant': readRuleFile(folder, 'little-giant.json', ProgramRulesSchema),
    },
  }
  for (const [id, program] of Object.entries(rules.programs)) {
    if (program.id !== id) throw new RuleFileError(`${id}.json declares id ${program.id}`)
    const dimensions = new Set(program.dimensions.map((dimension) => dimension.id))
    for (const indicator of program.indicators) {
      if (!dimensions.has(indicator.dimension))
        throw new RuleFileError(`${id}.json: indicator ${indicator.id} names unknown dimension ${indicator.dimension}`)
    }
    for (const dimension of program.dimensions) {
      const sum = program.indicators
        .filter((indicator) => indicator.dimension === dimension.id)
        .reduce((total, indicator) => total + indicator.max, 0)
      if (sum !== dimension.max)
        throw new RuleFileError(
          `${id}.json: dimension ${dimension.id} max ${dimension.max} but its indicators sum to ${sum}`,
        )
    }
    const problems = checkRuleReferences(program, rules.gates)
    if (problems.length > 0) throw new RuleFileError(`${folder}${id}.json:\n  ${problems.join('\n  ')}`)
  }
  return rules
}

let cached: LoadedRules | null = null

/** The rules in rules/, loaded once (for callers that do not inject their own). */
export function defaultRules(): LoadedRules {
  cached ??= loadRules()
  return cached
}
