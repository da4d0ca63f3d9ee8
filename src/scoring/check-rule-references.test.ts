import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES_DIR, loadRules, RuleFileError } from './load-rules.js'

/** Copies rules/, lets `edit` break one file, and returns the load error. */
function loadBroken(file: string, edit: (rules: Record<string, any>) => void): Error {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'))
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true })
  const path = join(dir, file)
  const rules = JSON.parse(readFileSync(path, 'utf8'))
  edit(rules)
  writeFileSync(path, JSON.stringify(rules))
  try {
    loadRules(dir)
  } catch (error) {
    expect(error).toBeInstanceOf(RuleFileError)
    return error as Error
  }
  throw new Error('the broken rules loaded')
}

describe('rules/ is cross-checked against the facts and derived values it names', () => {
  it('rejects an enum value no firm can have (a typo would leave a case forever unmet)', () => {
    const error = loadBroken('specialized.json', (rules) => {
      rules.indicators.find((indicator: { id: string }) => indicator.id === 'listing').cases[1].when.operand =
        'ipoAcepted'
    })
    expect(error.message).toMatch(/specialized\.json/)
    expect(error.message).toMatch(/listing can never be "ipoAcepted"/)
  })

  it('rejects an unknown fact, ref and score', () => {
    const error = loadBroken('innovative.json', (rules) => {
      rules.conditions[1].when.value = 'sciAward'
      rules.eligibility.all[0].ref = 'gate-bejing'
      rules.conditions[0].when.all[1].score = 'innovate'
    })
    expect(error.message).toContain('"sciAward" is neither a fact nor a derived value')
    expect(error.message).toContain('unknown condition ref "gate-bejing"')
    expect(error.message).toContain('unknown score "innovate"')
  })

  it('rejects an indicator whose best band does not reach its maximum', () => {
    const error = loadBroken('innovative.json', (rules) => {
      rules.indicators[1].bands[0].score = 18
    })
    expect(error.message).toContain('best band scores 18, max is 20')
  })

  it('loads the shipped rules', () => {
    expect(() => loadRules()).not.toThrow()
  })
})
