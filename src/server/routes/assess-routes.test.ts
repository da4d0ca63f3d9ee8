import { describe, expect, it } from 'vitest'
import { loadRules } from '../../scoring/load-rules.js'
import { createAssessRoutes } from './assess-routes.js'

const app = createAssessRoutes({ rules: loadRules() })
const post = (body: unknown) =>
  app.request('/assess', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('POST /assess', () => {
  it('returns the explained verdict with every documented field', async () => {
    const response = await post({
      program: 'innovative',
      facts: {
        registeredInBeijing: true,
        honors: ['highTech'],
        industry: 'software',
        employees: 80,
        revenue: 3000,
        creditBlacklisted: false,
        restrictedProducts: false,
        majorIncident3y: false,
        independentLegalPerson: true,
      },
    })
    expect(response.status).toBe(200)
    const body = await response.json()
    for (const key of [
      'program',
      'eligible',
      'total',
      'dimensions',
      'items',
      'conditions',
      'missing',
      'advice',
      'prerequisite',
      'size',
    ])
      expect(body).toHaveProperty(key)
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
  ])('rejects %j with a reason for %s', async (body, field) => {
    const response = await post(body)
    expect(response.status).toBe(400)
    const error = (await response.json()).error
    expect(error.code).toBe('INVALID_FACTS')
    expect(error.fields[field]).toBeTruthy()
  })

  it.each([[{ program: 'giant', facts: {} }], [{ facts: {} }], [{ program: 3, facts: {} }]])(
    'gives an invalid program %j its own code and lists the programs',
    async (body) => {
      const response = await post(body)
      expect(response.status).toBe(400)
      const error = (await response.json()).error
      expect(error.code).toBe('INVALID_PROGRAM')
      for (const program of ['innovative', 'specialized', 'little-giant'])
        expect(error.fields.program).toContain(program)
    },
  )

  it('names a missing facts object in Chinese', async () => {
    const error = (await (await post({ program: 'innovative' })).json()).error
    expect(error.code).toBe('INVALID_FACTS')
    expect(error.fields.facts).toMatch(/^缺少 facts（/u)
  })

  it('lists the allowed values of an unknown enum value', async () => {
    const error = (
      await (await post({ program: 'innovative', facts: { industry: 'mining', honors: ['nobel'] } })).json()
    ).error
    expect(error.fields['facts.industry']).toMatch(
      /^所属行业：不是可识别的取值（可选：agriculture（农、林、牧、渔业）、industry（工业）/u,
    )
    expect(error.fields['facts.industry']).toContain('software（软件和信息技术服务业）')
    expect(error.fields['facts.honors.0']).toContain('highTech')
  })

  it('accepts sciAwardRank 0 with sciAwardLevel none as no award', async () => {
    const response = await post({ program: 'specialized', facts: { sciAwardLevel: 'none', sciAwardRank: 0 } })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.missing).not.toContain('sciAwardRank')
    expect(body.missing).not.toContain('sciAwardLevel')
  })

  it('still rejects rank 0 next to a real award', async () => {
    const error = (
      await (await post({ program: 'specialized', facts: { sciAwardLevel: 'national', sciAwardRank: 0 } })).json()
    ).error
    expect(error.code).toBe('INVALID_FACTS')
    expect(error.fields['facts.sciAwardRank']).toContain('科技奖励排名')
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
