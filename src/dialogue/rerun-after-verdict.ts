import { describeBoundValue } from '../facts/describe-bound.js'
import { describeFactValue } from '../facts/describe-fact.js'
import { FACT_LABELS } from '../facts/fact-labels.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import type { DialogueState, Profile } from './dialogue-state.js'
import type { Program } from './programs.js'

export interface VerdictRerun {
  /** The programs of the last verdict, to assess again. */
  programs: Program[]
  /** What changed, for the echo: "上年度研发费用已改为240万元（原为24万元）。". */
  changed: string
}

/**
 * After a verdict (the dialogue idle, its last topic the assessed programs), facts that change what those
 * programs read re-run the verdict: returns the programs and the echo of the changes, or null when nothing
 * the last verdict read has changed (then the caller records the facts as usual).
 */
export function rerunAfterVerdict(
  state: DialogueState,
  profile: Profile,
  facts: Facts,
  usedBy: (program: Program) => readonly FactName[],
): VerdictRerun | null {
  if (state.mode !== 'idle' || state.lastTopic?.kind !== 'program' || state.lastTopic.programs.length === 0) return null
  const { programs } = state.lastTopic
  const used = new Set(programs.flatMap((program) => usedBy(program)))
  const changed = (Object.keys(facts) as FactName[]).filter(
    (fact) => used.has(fact) && JSON.stringify(facts[fact]) !== JSON.stringify(profile.facts[fact]),
  )
  if (changed.length === 0) return null
  const parts = changed.map((fact) => {
    const label = FACT_LABELS[fact].label
    const value = describeFactValue(fact, facts[fact])
    const bound = profile.bounds?.[fact]
    if (profile.facts[fact] === undefined)
      return bound ? `${label}已改为${value}（原为${describeBoundValue(fact, bound)}）` : `${label}：${value}`
    return `${label}已改为${value}（原为${describeFactValue(fact, profile.facts[fact])}）`
  })
  return { programs: [...programs], changed: `${parts.join('；')}。` }
}
