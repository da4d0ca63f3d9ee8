import { describe, expect, it } from 'vitest'
import { newDialogueState, readDialogueState } from './dialogue-state.js'

describe('readDialogueState', () => {
  it('reads a record stored before lastValues and confirmation existed', () => {
    const old = {
      schemaVersion: 1,
      mode: 'assessing',
      programs: ['innovative'],
      pending: ['revenue', 'revenuePrev'],
      misses: 1,
      lastTopic: null,
    }
    expect(readDialogueState(old)).toEqual(old)
  })

  it('keeps the last values and a pending confirmation', () => {
    const state = {
      ...newDialogueState(),
      mode: 'assessing' as const,
      lastValues: [{ fact: 'revenue' as const, value: 3000 }],
      confirmation: { facts: { industry: 'retail' as const }, question: '您是说零售业，对吗？' },
    }
    expect(readDialogueState(JSON.parse(JSON.stringify(state)))).toEqual(state)
  })

  it('starts afresh on a damaged record', () => {
    expect(
      readDialogueState({ schemaVersion: 1, mode: 'assessing', lastValues: [{ fact: 'nope', value: 1 }] }),
    ).toEqual(newDialogueState())
  })
})
