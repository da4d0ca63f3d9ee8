import { describe, expect, it } from 'vitest'
import { tokenize, tokenizeQuery } from './tokenizer.js'

describe('tokenizer', () => {
  it('splits Han runs into bigrams and keeps Latin words and numbers', () => {
    expect(tokenize('算力券')).toEqual(['算力', '力券'])
    expect(tokenize('ＡＩ大模型 ３０％')).toEqual(['ai', '大模', '模型', '30'])
    expect(tokenize('京发改规〔2023〕12号')).toEqual(['京发', '发改', '改规', '2023', '12', '号'])
  })

  it('strips colloquial fillers from questions', () => {
    expect(tokenizeQuery('我们公司能不能申请算力券？')).toEqual(['算力', '力券'])
    expect(tokenizeQuery('老旧厂房改造能补多少钱')).toEqual(['老旧', '旧厂', '厂房', '房改', '改造'])
    expect(tokenizeQuery('智能制造有啥支持')).toEqual(['智能', '能制', '制造', '支持'])
  })
})

describe('tokenizer: document numbers and fillers', () => {
  it('keeps document numbers searchable in full-width and "12号文" forms', () => {
    expect(tokenize('京发改规〔2023〕12号')).toEqual(tokenize('京发改规[2023]12号'))
    expect(tokenizeQuery('12号文有啥要求')).toEqual(expect.arrayContaining(['12', '号文', '要求']))
  })

  it('never cuts a money word in half when stripping fillers', () => {
    expect(tokenizeQuery('书店房租能补贴吗')).toContain('补贴')
    expect(tokenizeQuery('老旧厂房改造能补多少钱')).not.toContain('补多')
  })
})
