import { describe, expect, it } from 'vitest'
import { DialogueManager } from '../../dialogue/dialogue-manager.js'
import { loadTierBenefits } from '../../dialogue/load-tier-benefits.js'
import { loadCards } from '../../knowledge/load-cards.js'
import { TemplatePhraser } from '../../phrasing/template-phraser.js'
import { loadRules } from '../../scoring/load-rules.js'
import { loadSynonyms } from '../../search/load-synonyms.js'
import { createPolicyIndex } from '../../search/policy-index.js'
import { MemoryRateLimiter } from '../../store/memory-rate-limiter.js'
import { MemorySessionStore } from '../../store/memory-session-store.js'
import { createApp } from '../app.js'
import { PROFILE_RATE_LIMIT } from './profile-routes.js'

const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
const rules = loadRules()

function setUp() {
  const sessions = new MemorySessionStore()
  const manager = new DialogueManager({
    sessions,
    search: index,
    rules,
    benefits: loadTierBenefits(),
    phraser: new TemplatePhraser(),
  })
  const app = createApp({ index, rules, chat: manager, profiles: manager, rateLimiter: new MemoryRateLimiter() })
  const send = (method: string, path: string, body: unknown) =>
    app.request(`/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  return { sessions, send }
}

/** What an agent types into the form for a caller: gates, size and the innovative tier's figures. */
const FORM_FACTS = {
  registeredInBeijing: true,
  independentLegalPerson: true,
  creditBlacklisted: false,
  restrictedProducts: false,
  majorIncident3y: false,
  industry: 'software',
  employees: 80,
}

describe('PUT /profile: the form and the chat share one profile', () => {
  it('a chat turn after the form goes on from the form facts instead of the first question', async () => {
    const { send } = setUp()
    const fresh = await (
      await send('POST', '/chat', { userId: 'caller-0', channel: 'web', text: '我们能评哪个？' })
    ).json()
    expect(fresh.reply).toContain('是否在北京市注册登记')

    const saved = await send('PUT', '/profile', { userId: 'caller-1', channel: 'web', facts: FORM_FACTS })
    expect(saved.status).toBe(200)
    expect((await saved.json()).state.facts).toEqual(FORM_FACTS)
    const chat = await (
      await send('POST', '/chat', { userId: 'caller-1', channel: 'web', text: '我们能评哪个？' })
    ).json()
    expect(chat.reply).not.toContain('是否在北京市注册登记')
    expect(chat.reply).not.toContain('所属行业')
    expect(chat.reply).toMatch(/营业收入（万元）是多少/)
    expect(chat.state.facts).toMatchObject(FORM_FACTS)
  })

  it('the chat sees a fact the form cleared as unknown again, and the form sees what the chat recorded', async () => {
    const { send } = setUp()
    await send('PUT', '/profile', { userId: 'caller-2', channel: 'web', facts: { employees: 80, totalAssets: 3000 } })
    await send('PUT', '/profile', { userId: 'caller-2', channel: 'web', facts: { employees: 90 } })
    const chat = await (
      await send('POST', '/chat', { userId: 'caller-2', channel: 'web', text: '我们有发明专利3项' })
    ).json()
    expect(chat.state.facts.employees).toBe(90)
    expect(chat.state.facts.totalAssets).toBeUndefined()
    expect(Object.keys(chat.state.facts).length).toBeGreaterThan(1)
  })

  it('keeps sessions apart by channel and user, and rejects bad facts field by field', async () => {
    const { send } = setUp()
    await send('PUT', '/profile', { userId: 'caller-3', channel: 'web', facts: FORM_FACTS })
    const other = await (
      await send('POST', '/chat', { userId: 'caller-3', channel: 'api', text: '我们能评哪个？' })
    ).json()
    expect(other.reply).toContain('是否在北京市注册登记')

    const bad = await send('PUT', '/profile', {
      userId: 'caller-3',
      channel: 'web',
      facts: { employees: -5, color: 'red' },
    })
    expect(bad.status).toBe(400)
    const body = await bad.json()
    expect(body.error.code).toBe('INVALID_FACTS')
    expect(Object.keys(body.error.fields)).toEqual(expect.arrayContaining(['facts.employees', 'facts.color']))
    const missingUser = await send('PUT', '/profile', { facts: {} })
    expect(missingUser.status).toBe(400)
  })

  it('GET on the profile route answers 405 with the method to use', async () => {
    const { send } = setUp()
    const response = await send('GET', '/profile', undefined)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('PUT')
  })

  it('limits saves per user with 429, other users unaffected', async () => {
    const { send } = setUp()
    for (let count = 0; count < PROFILE_RATE_LIMIT.limit; count += 1) {
      expect(
        (await send('PUT', '/profile', { userId: 'busy', channel: 'web', facts: { employees: count + 1 } })).status,
      ).toBe(200)
    }
    const refused = await send('PUT', '/profile', { userId: 'busy', channel: 'web', facts: { employees: 1 } })
    expect(refused.status).toBe(429)
    expect((await refused.json()).error.code).toBe('RATE_LIMITED')
    expect((await send('PUT', '/profile', { userId: 'calm', channel: 'web', facts: {} })).status).toBe(200)
  })
})
