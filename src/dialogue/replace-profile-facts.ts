import type { FactName, Facts } from '../facts/fact-schema.js'
import type { DialogueState, Profile } from './dialogue-state.js'

/**
 * The profile after the agent's form replaced its facts: the form shows every fact, so what it leaves out is
 * unknown again. Facts it now knows leave the 不清楚 list and the pending question, so a chat turn after the form
 * goes on from the form's facts instead of asking them again.
 */
export function replaceProfileFacts(
  state: DialogueState,
  profile: Profile,
  facts: Facts,
): { state: DialogueState; profile: Profile } {
  const known = (fact: FactName) => facts[fact] !== undefined
  const next: Profile = {
    ...profile,
    facts: structuredClone(facts),
    unknown: profile.unknown.filter((fact) => !known(fact)),
  }
  // A figure the form gives replaces what was said about it ("营收没到一千万").
  const bounds = Object.fromEntries(Object.entries(profile.bounds ?? {}).filter(([fact]) => !known(fact as FactName)))
  if (Object.keys(bounds).length > 0) next.bounds = bounds
  else delete next.bounds
  return { state: { ...state, pending: state.pending.filter((fact) => !known(fact)) }, profile: next }
}
