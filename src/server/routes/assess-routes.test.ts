import { describe, expect, it } from 'vitest'
import { loadRules } from '../../scoring/load-rules.js'
import { createAssessRoutes } from './assess-routes.js'

const app = createAssessRoutes({ rules: loadRules() })
const post = (body: unknown) =>
  app.request('/assess', { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) })

describe('POST /assess', () => {
  it('returns the explained verdict with every documented field', async () => {
    const response = await post({ program: 'innovative', facts: { registeredInBeijing: true, honors: ['highTech'], industry: 'software', employees: 80, revenue: 3000, creditBlacklisted: false, restrictedProducts: false, majorIncident3y: false, independentLegalPerson: true } })
    expect(response.status).toBe(200)
    const body = await response.json()
    for (const key of ['program', 'eligible', 'total', 'dimensions', 'items', 'conditions', 'missing', 'advice', 'prerequisite', 'size']) expect(body).toHaveProperty(key)
    expect(body.eligible).toBe(true)
    expect(body.size).toBe('small')
    expect(body.conditions.find((condition: { id: string }) => condition.id === 'direct-honor').status).toBe('passed')
  })

  it('gives little-giant no total', async () => {
    const body = await (await post({ program: 'little-giant', facts: {} })).json()
    expect(body.total).toBeNull()
    expect(body.eligible).toBeNull()
    expect(body.missing.length).toBeGreaterThan(0)
  })

  it.each([
    [{ program: 'innovative', facts: { employees: -3 } }, 'facts.employees'],
    [{ program: 'innovative', facts: { debtRatio: 130 } }, 'facts.debtRatio'],
    [{ program: 'innovative', facts: { industry: 'mining' } }, 'facts.industry'],
    [{ program: 'innovative', facts: { revenue: '3200' } }, 'facts.revenue'],
    [{ program: 'innovative', facts: { ipClass1: 2.5 } }, 'facts.ipClass1'],
    [{ program: 'innovative', facts: { favouriteColour: 'red' } }, 'facts.favouriteColour'],
    [{ program: 'giant', facts: {} }, 'program'],
    [{ facts: {} }, 'program'],
  ])('rejects %j with a reason for %s', async (body, field) => {
    const response = await post(body)
    expect(response.status).toBe(400)
    const error = (await response.json()).error
    expect(error.code).toBe('INVALID_FACTS')
    expect(error.fields[field]).toBeTruthy()
  })

  it('names every bad field at once', async () => {
    const error = (await (await post({ program: 'specialized', facts: { debtRatio: 101, rdStaff: -1 } })).json()).error
    expect(Object.keys(error.fields).sort()).toEqual(['facts.debtRatio', 'facts.rdStaff'])
    expect(error.fields['facts.debtRatio']).toContain('资产负债率')
  })

  it('rejects malformed JSON', async () => {
    expect((await post('{"program":')).status).toBe(400)
  })
})
