import { describe, expect, it } from 'vitest'
import { readMovedValue } from './read-moved-value.js'
import { tagText } from './tag-text.js'

const moved = (text: string, known: Record<string, unknown>) => readMovedValue(tagText(text), known)

describe('readMovedValue', () => {
  it('moves a value the owner says is another fact’s, and takes the new figure of the fact denied', () => {
    expect(moved('150不是员工数 是研发人员数 员工其实有四百二', { employees: 150 })).toEqual({
      facts: { rdStaff: 150, employees: 420 },
      cleared: [],
    })
  })

  it('clears the fact denied when no new figure is said for it', () => {
    expect(moved('我说的是研发人员30 不是员工30', { employees: 30 })).toEqual({
      facts: { rdStaff: 30 },
      cleared: ['employees'],
    })
  })

  it('says nothing when the figure is no known value or nothing is affirmed', () => {
    expect(moved('150不是员工数 是研发人员数', { employees: 160 })).toBeNull()
    expect(moved('员工不是150', { employees: 150 })).toBeNull()
  })
})
