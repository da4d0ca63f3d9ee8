import { describeFact } from './describe-fact.js'
import { FACT_NAMES, type FactName, type Facts } from './fact-schema.js'

/**
 * The known facts as lines, one per fact, in schema order (gates, size, finance, IP, …) — for "我的信息" and
 * the confirmation before a verdict. `names` limits the summary to those facts; unknown facts are left out.
 * Returns "" when nothing is known.
 */
export function summarizeFacts(facts: Facts, names?: readonly FactName[]): string {
  const wanted = names ? new Set(names) : null
  return FACT_NAMES.filter((name) => facts[name] !== undefined && (wanted === null || wanted.has(name)))
    .map((name) => describeFact(name, facts[name]))
    .join('\n')
}
