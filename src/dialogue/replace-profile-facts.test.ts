import { describe, expect, it } from 'vitest'
import { newDialogueState, newProfile } from './dialogue-state.js'
import { replaceProfileFacts } from './replace-profile-facts.js'

describe('replaceProfileFacts', () => {
  it('a figure the form gives replaces the bound said for it; other bounds stay', () => {
    const profile = { ...newProfile(), bounds: { revenue: { lt: 1000 }, employees: { gt: 2000 } } }
    const next = replaceProfileFacts(newDialogueState(), profile, { revenue: 800 }).profile
    expect(next.facts).toEqual({ revenue: 800 })
    expect(next.bounds).toEqual({ employees: { gt: 2000 } })
    const none = replaceProfileFacts(newDialogueState(), next, { revenue: 800, employees: 150 }).profile
    expect(none.bounds).toBeUndefined()
  })
})
