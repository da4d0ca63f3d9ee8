import { describe, expect, it } from 'vitest'
import { describeFactFields } from './describe-fact-fields.js'
import { FACT_NAMES } from './fact-schema.js'

describe('describeFactFields', () => {
  const fields = describeFactFields()

  it('describes every fact once, with a Chinese label', () => {
    expect(fields.map((field) => field.name)).toEqual(FACT_NAMES)
    for (const field of fields) expect(field.label).toMatch(/[\u4e00-\u9fff]/)
  })

  it('derives types, ranges and option labels from the schema', () => {
    const byName = new Map(fields.map((field) => [field.name, field]))
    expect(byName.get('registeredInBeijing')?.type).toBe('boolean')
    expect(byName.get('debtRatio')).toMatchObject({ type: 'number', minimum: 0, maximum: 100, unit: '%' })
    expect(byName.get('employees')).toMatchObject({ type: 'integer', minimum: 0 })
    expect(byName.get('industry')?.options).toContainEqual({ value: 'software', label: '软件和信息技术服务业' })
    expect(byName.get('honors')).toMatchObject({ type: 'multi' })
    expect(byName.get('makerChinaTop')?.options?.map((option) => option.value)).toEqual([50, 500, null])
  })
})
