import { describeBoundValue } from '../facts/describe-bound.js'
import type { FactBounds } from '../facts/fact-bounds.js'
import { FACT_LABELS } from '../facts/fact-labels.js'
import type { FactName } from '../facts/fact-schema.js'
import type { AssessmentResult } from '../scoring/assessment-result.js'

/**
 * What a bound the owner gave settles, for the reply: the conditions and score items it decided ("按您说的上年度营业收入
 * 不到1000万元，已可判断：“…1000万元以上…”不满足（需≥1000万元）"), or that the figure is still needed because a
 * threshold lies inside the bound. `before` and `after` are the same programs assessed without and with the bound.
 */
export function describeBoundDecision(
  facts: readonly FactName[],
  bounds: FactBounds,
  before: readonly AssessmentResult[],
  after: readonly AssessmentResult[],
): string[] {
  const given = facts.filter((fact) => bounds[fact] !== undefined)
  if (given.length === 0) return []
  const saidOf = (fact: FactName) => `${FACT_LABELS[fact].label}${describeBoundValue(fact, bounds[fact]!)}`
  const said = given.map(saidOf).join('、')
  const reads = (names: readonly FactName[]) => names.some((name) => given.includes(name))
  const parts: string[] = []
  const seen = new Set<string>()
  after.forEach((result, index) => {
    const earlier = before[index]
    for (const condition of result.conditions) {
      if (seen.has(condition.id) || !reads(condition.facts) || condition.status === 'unknown') continue
      if (earlier?.conditions.find((other) => other.id === condition.id)?.status === condition.status) continue
      seen.add(condition.id)
      const needed = condition.unmet.find((part) => given.includes(part.subject as FactName))?.needed
      parts.push(
        condition.status === 'passed'
          ? `“${condition.name}”已满足`
          : `“${condition.name}”不满足${needed ? `（需${needed}）` : ''}`,
      )
    }
    for (const item of result.items) {
      const was = earlier?.items.find((other) => other.id === item.id)
      if (item.score === null || !was || was.score !== null || !reads(was.needs)) continue
      if (seen.has(`item:${item.id}`)) continue
      seen.add(`item:${item.id}`)
      parts.push(`“${item.name}”得${item.score}分`)
    }
  })
  const lines: string[] = []
  if (parts.length > 0) lines.push(`按您说的${said}，已可判断：${parts.join('；')}。`)
  const needed = given.filter((fact) =>
    after.some((result) => result.eligible === null && result.missing.includes(fact)),
  )
  for (const fact of needed) lines.push(`${saidOf(fact)}还不够判断，需要一个具体数（大概也行）。`)
  if (parts.length === 0 && needed.length === 0) lines.push(`已记下${said}，不用再报具体数。`)
  return lines
}
