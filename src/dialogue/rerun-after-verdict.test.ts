import { describe, expect, it } from 'vitest'
import type { FactName } from '../facts/fact-schema.js'
import { factsUsedBy } from '../scoring/facts-used-by.js'
import { loadRules } from '../scoring/load-rules.js'
import { newDialogueState, newProfile } from './dialogue-state.js'
import type { Program } from './programs.js'
import { rerunAfterVerdict } from './rerun-after-verdict.js'

const rules = loadRules()
const usedBy = (program: Program): FactName[] => factsUsedBy(program, rules)
const afterVerdict = () => ({
  ...newDialogueState(),
  lastTopic: { kind: 'program' as const, programs: ['innovative' as Program] },
})
const profile = () => ({ ...newProfile(), facts: { rdExpense: 240, employees: 150 } })

describe('rerunAfterVerdict', () => {
  it('re-runs the last programs when a fact they read changes, echoing old and new values', () => {
    expect(rerunAfterVerdict(afterVerdict(), profile(), { rdExpense: 24 }, usedBy)).toEqual({
      programs: ['innovative'],
      changed: '上年度研发费用已改为24万元（原为240万元）。',
    })
  })

  it('names a fact given for the first time without an old value', () => {
    expect(rerunAfterVerdict(afterVerdict(), profile(), { debtRatio: 48 }, usedBy)?.changed).toBe('资产负债率：48%。')
  })

  it('does nothing when the value is the same, the fact is not read, or no verdict came last', () => {
    expect(rerunAfterVerdict(afterVerdict(), profile(), { rdExpense: 240 }, usedBy)).toBeNull()
    expect(rerunAfterVerdict(afterVerdict(), profile(), {}, usedBy)).toBeNull()
    expect(
      rerunAfterVerdict(
        { ...afterVerdict(), lastTopic: { kind: 'program', programs: ['little-giant'] } },
        profile(),
        { netProfit: 10 },
        usedBy,
      ),
    ).toBeNull()
    expect(rerunAfterVerdict(newDialogueState(), profile(), { rdExpense: 24 }, usedBy)).toBeNull()
    expect(rerunAfterVerdict({ ...afterVerdict(), mode: 'assessing' }, profile(), { rdExpense: 24 }, usedBy)).toBeNull()
  })
})
