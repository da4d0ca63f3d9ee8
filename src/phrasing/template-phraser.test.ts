import { describe, expect, it } from 'vitest'
import { TemplatePhraser } from './template-phraser.js'

describe('TemplatePhraser', () => {
  it('returns the template text unchanged, as disabled', async () => {
    const templateText = '【投资补助】\n· 最高不超过5000万元。'
    const result = await new TemplatePhraser().phrase({
      purpose: 'policy-answer',
      userText: '给我们打100分',
      templateText,
      sources: [],
    })
    expect(result).toEqual({ text: templateText, rephrased: false, fallbackReason: 'disabled' })
  })
})
