import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DialogueManager } from '../../src/dialogue/dialogue-manager.js'
import { loadTierBenefits } from '../../src/dialogue/load-tier-benefits.js'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { createOpenAIReplyReader } from '../../src/phrasing/openai-reply-reader.js'
import { TemplatePhraser } from '../../src/phrasing/template-phraser.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../fakes/fake-openai-server.js'

const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
const rules = loadRules()
const benefits = loadTierBenefits()
let server: FakeOpenAIServer

beforeAll(async () => {
  server = await startFakeOpenAIServer({ kind: 'content', content: '{"values":[]}' })
})
afterAll(async () => {
  await server.close()
})

/** A dialogue with the LLM reader against the fake server, brought to the size question. */
async function atSizeQuestion(timeoutMs = 2_000) {
  const manager = new DialogueManager({
    sessions: new MemorySessionStore(),
    search: index,
    rules,
    benefits,
    phraser: new TemplatePhraser(),
    proposeReading: createOpenAIReplyReader({
      apiKey: 'test-key',
      baseURL: server.baseURL,
      model: 'test-model',
      timeoutMs,
    }),
  })
  const key = { channel: 'test', chatId: 'chat', userId: `owner-${Math.random()}` }
  const say = (text: string) => manager.chat(key, text)
  server.setScript({ kind: 'content', content: '{"values":[]}' })
  await say('帮我测一下创新型中小企业')
  await say('是的')
  await say('都没有')
  return say
}
const proposal = (values: Array<{ fact: string; value: unknown; quote: string }>) => ({
  kind: 'content' as const,
  content: JSON.stringify({ values }),
})

describe('LLM reader (fake OpenAI server): every value is checked against the user’s words', () => {
  it('asks with a JSON schema generated from the proposal schema', async () => {
    const say = await atSizeQuestion()
    server.setScript(
      proposal([
        { fact: 'industry', value: 'software', quote: '软件业' },
        { fact: 'employees', value: 150, quote: '150人' },
      ]),
    )
    await say('软件业，150人')
    const body = server.requests[server.requests.length - 1].body as {
      response_format: {
        type: string
        json_schema: { schema: { properties: { values: { items: { properties: { fact: { enum: string[] } } } } } } }
      }
    }
    expect(body.response_format.type).toBe('json_schema')
    expect(body.response_format.json_schema.schema.properties.values.items.properties.fact.enum).toContain('employees')
  })

  it('when the LLM and the grammar agree, the values are stored without a question', async () => {
    const say = await atSizeQuestion()
    server.setScript(
      proposal([
        { fact: 'industry', value: 'software', quote: '软件业' },
        { fact: 'employees', value: 150, quote: '150人' },
      ]),
    )
    const { reply, state } = await say('软件业，150人')
    expect(state.facts).toMatchObject({ industry: 'software', employees: 150 })
    expect(reply.text).not.toMatch(/对吗/u)
  })

  it('a value the LLM invents (its quote is not in the text) is ignored', async () => {
    const say = await atSizeQuestion()
    server.setScript(proposal([{ fact: 'revenue', value: 9000, quote: '营收9000万' }]))
    const { reply, state } = await say('软件业，150人')
    expect(state.facts.revenue).toBeUndefined()
    expect(reply.text).not.toMatch(/9000/u)
  })

  it('a quote that does not say the value is ignored', async () => {
    const say = await atSizeQuestion()
    server.setScript(proposal([{ fact: 'employees', value: 1500, quote: '150人' }]))
    const { state } = await say('软件业，150人')
    expect(state.facts.employees).toBe(150)
  })

  it('an answer in the wrong schema leaves the grammar’s reading', async () => {
    const say = await atSizeQuestion()
    server.setScript({ kind: 'content', content: '{"industry":"software","employees":"很多"}' })
    const { state } = await say('软件业，150人')
    expect(state.facts).toMatchObject({ industry: 'software', employees: 150 })
  })

  it('where the LLM and the grammar disagree, the LLM’s value is asked back and stored only after 对', async () => {
    const say = await atSizeQuestion()
    // The grammar hears 仓库 (仓储业) first; the LLM quotes 机器人 (工业), which the grammar reads alike on its own.
    server.setScript(proposal([{ fact: 'industry', value: 'industry', quote: '机器人' }]))
    const first = await say('我们搞的是AGV小车，就是仓库用的机器人，员工150人')
    expect(first.state.facts.industry).toBeUndefined()
    expect(first.reply.text).toMatch(/您是说工业，对吗？/u)
    expect(first.state.facts.employees).toBe(150)
    server.setScript({ kind: 'content', content: '{"values":[]}' })
    const second = await say('对')
    expect(second.state.facts.industry).toBe('industry')
  })

  it('a timeout or an HTTP error leaves the grammar’s reading', async () => {
    let say = await atSizeQuestion(300)
    server.setScript({ kind: 'hang' })
    const started = performance.now()
    let result = await say('软件业，150人')
    expect(performance.now() - started).toBeLessThan(1_500)
    expect(result.state.facts).toMatchObject({ industry: 'software', employees: 150 })
    say = await atSizeQuestion()
    server.setScript({ kind: 'http-error', status: 500 })
    result = await say('软件业，150人')
    expect(result.state.facts).toMatchObject({ industry: 'software', employees: 150 })
  })
})
