import { describe, expect, it } from 'vitest'
import { createPhraser } from './create-phraser.js'
import { TemplatePhraser } from './template-phraser.js'

describe('createPhraser', () => {
  it('uses the template phraser without an API key', async () => {
    expect(await createPhraser({ model: 'gpt-4o-mini', timeoutMs: 8000 })).toBeInstanceOf(TemplatePhraser)
    expect(await createPhraser({ apiKey: '', model: 'gpt-4o-mini', timeoutMs: 8000 })).toBeInstanceOf(TemplatePhraser)
  })

  it('uses the OpenAI-compatible phraser with an API key', async () => {
    const phraser = await createPhraser({
      apiKey: 'sk-test',
      baseURL: 'http://127.0.0.1:9/v1',
      model: 'qwen-plus',
      timeoutMs: 8000,
    })
    expect(phraser).not.toBeInstanceOf(TemplatePhraser)
    expect(typeof phraser.rewriteQuery).toBe('function')
  })
})
