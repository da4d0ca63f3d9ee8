import { createRequire } from 'node:module'
import type { Tokenizer } from '../../src/search/policy-index.js'
import { normalizeForSearch, stripStopPhrases } from '../../src/search/tokenizer.js'

/**
 * @node-rs/jieba (devDependency, measurement only): cutForSearch without HMM, as the reference measurements
 * recommend. Punctuation and whitespace are dropped.
 */
export function createJiebaTokenizer(): Tokenizer {
  const require = createRequire(import.meta.url)
  const { Jieba } = require('@node-rs/jieba') as {
    Jieba: { withDict(dict: Buffer): { cutForSearch(text: string, hmm?: boolean): string[] } }
  }
  const { dict } = require('@node-rs/jieba/dict') as { dict: Buffer }
  const jieba = Jieba.withDict(dict)
  const cut = (text: string) =>
    jieba.cutForSearch(normalizeForSearch(text), false).filter((word) => /[\p{Script=Han}a-z0-9]/u.test(word))
  return { index: cut, query: (question) => [...new Set(cut(stripStopPhrases(question)))] }
}
