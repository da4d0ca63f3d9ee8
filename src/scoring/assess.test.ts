import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Facts } from '../facts/fact-schema.js'
import { assess, assessAll, openAlternatives } from './assess.js'
import { factsUsedBy } from './facts-used-by.js'
import { DEFAULT_RULES_DIR, loadRules, RuleFileError } from './load-rules.js'

const rules = loadRules()
const GATES: Facts = {
  registeredInBeijing: true,
  independentLegalPerson: true,
  creditBlacklisted: false,
  restrictedProducts: false,
  majorIncident3y: false,
  industry: 'software',
  employees: 60,
}

describe('debt-ratio band edges, read from the rule data, take the higher score (附件4（十三）)', () => {
  for (const program of ['innovative', 'specialized'] as const) {
    for (const indicator of rules.programs[program].indicators) {
      if (indicator.type !== 'bands' || indicator.value !== 'debtRatio') continue
      for (const band of indicator.bands) {
        for (const edge of [band.min, band.max]) {
          if (edge === undefined) continue
          it(`${program} ${indicator.id} at ${edge}${indicator.unit}`, () => {
            const containing = indicator.bands.filter(
              (candidate) => (candidate.min ?? -Infinity) <= edge && edge <= (candidate.max ?? Infinity),
            )
            const expected = Math.max(...containing.map((candidate) => candidate.score))
            const item = assess(program, { ...GATES, debtRatio: edge }, rules).items.find(
              (entry) => entry.id === indicator.id,
            )!
            expect(item.score).toBe(expected)
          })
        }
      }
    }
  }
})

describe('advice', () => {
  const firm: Facts = {
    ...GATES,
    revenue: 3200,
    rdExpense: 80,
    mainRevenuePrev: 1130,
    mainRevenue: 1209.1,
    debtRatio: 48,
    strategicEmerging: true,
    ipClass1: 1,
    ipClass1SelfDeveloped: 0,
    ipHighValue: 0,
    ipClass2: 3,
    sciAwardLevel: 'none',
    honors: [],
    rdInstitution: 'none',
    equityFinancing3y: 0,
  }

  it('names the next band and the fact value that reaches it', () => {
    const result = assess('innovative', firm, rules)
    const rd = result.advice.find((entry) => entry.id === 'rd-ratio')!
    expect(rd.target).toEqual({ fact: 'rdExpense', value: 96 })
    expect(rd.pointsGained).toBe(5)
    expect(rd.text).toContain('3%')
  })

  it('finds the cheapest set of changes that makes the firm eligible, and verifies it', () => {
    const result = assess('innovative', firm, rules)
    expect(result.eligible).toBe(false)
    const path = result.cheapestPath!
    expect(path.changes.length).toBeGreaterThan(0)
    expect(path.changes.length).toBeLessThanOrEqual(3)
    const improved: Facts = { ...firm }
    for (const change of path.changes)
      if (change.target) (improved as Record<string, unknown>)[change.target.fact] = change.target.value
    if (path.changes.every((change) => change.target)) expect(assess('innovative', improved, rules).eligible).toBe(true)
    expect(path.text).toContain('直通条件')
  })

  it('lists the 认定条件 that block a firm regardless of points', () => {
    const result = assess('specialized', { ...firm, nicheYears: 1 }, rules)
    expect(result.eligible).toBe(false)
    // Only the failing part, with the firm's value and the one needed.
    expect(result.cheapestPath!.text).toContain('必须满足：从事特定细分市场年限：1年，需≥2年')
  })
})

describe('assessAll and factsUsedBy', () => {
  it('assesses the three tiers in order', () => {
    expect(assessAll(GATES, rules).map((result) => result.program)).toEqual([
      'innovative',
      'specialized',
      'little-giant',
    ])
  })

  it('lists the facts each program reads, gates first', () => {
    const innovative = factsUsedBy('innovative', rules)
    expect(innovative.slice(0, 5)).toEqual([
      'registeredInBeijing',
      'independentLegalPerson',
      'creditBlacklisted',
      'restrictedProducts',
      'majorIncident3y',
    ])
    expect(innovative).toContain('rdExpense')
    expect(innovative).not.toContain('marketShare')
    expect(factsUsedBy('little-giant', rules)).toContain('marketShare')
  })
})

describe('loadRules', () => {
  it('names the file and field of a broken rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'))
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true })
    const file = join(dir, 'innovative.json')
    const broken = JSON.parse(readFileSync(file, 'utf8'))
    broken.indicators[0].max = 'twenty'
    writeFileSync(file, JSON.stringify(broken))
    expect(() => loadRules(dir)).toThrow(RuleFileError)
    expect(() => loadRules(dir)).toThrow(/innovative\.json: indicators\.0/)
  })

  it('rejects a dimension whose indicators do not add up', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'))
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true })
    const file = join(dir, 'specialized.json')
    const broken = JSON.parse(readFileSync(file, 'utf8'))
    broken.dimensions[0].max = 30
    writeFileSync(file, JSON.stringify(broken))
    expect(() => loadRules(dir)).toThrow(/dimension specialization max 30/)
  })
})

describe('openAlternatives: an either/or condition a given fact fails one way of', () => {
  it('营收800万 fails 1000万元以上 and leaves 近2年股权融资2000万元以上 open for 专精特新', () => {
    const open = openAlternatives('specialized', { revenue: 800 }, ['revenue'], rules)
    expect(open.map((entry) => entry.id)).toEqual(['revenue-1000'])
    expect(open[0].text).toContain('近2年新增股权融资总额（合格机构投资者的实缴额）达到2000万元以上')
    expect(open[0].failedBy).toEqual(['revenue'])
  })

  it('says nothing when the way is met, when the other way is decided too, or for a fact not given', () => {
    expect(openAlternatives('specialized', { revenue: 3200 }, ['revenue'], rules)).toEqual([])
    expect(openAlternatives('specialized', { revenue: 800, equityFinancing2y: 0 }, ['revenue'], rules)).toEqual([])
    expect(openAlternatives('specialized', { revenue: 800 }, ['employees'], rules)).toEqual([])
  })
})
