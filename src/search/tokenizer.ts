/**
 * Chinese-aware tokenizer shared by the index and the queries: NFKC (full-width → half-width), lowercase Latin,
 * Han runs as overlapping character bigrams (a lone character stays a unigram), Latin/digit runs as words.
 * Measured equal to jieba on this corpus, with no dictionary to maintain and no out-of-vocabulary coinages
 * (../shared/reference/chinese-search.md; `npm run eval` prints both).
 */
const RUN = /[\p{Script=Han}]+|[a-z0-9]+(?:\.[0-9]+)?/gu

/**
 * Colloquial fillers removed from questions before tokenising; the longest match wins. Only question words,
 * particles and politeness: never topical words, and no single character that also occurs inside policy terms
 * (地 in 地区, 补 in 补贴). Money words (补贴/奖励/资金) are not here: BM25 already weighs them down.
 */
export const QUERY_STOP_PHRASES = [
  // asking and politeness
  '请问一下',
  '请问',
  '你好',
  '您好',
  '麻烦问下',
  '麻烦',
  '想问一下',
  '想问下',
  '想问',
  '问一下',
  '问下',
  '咨询一下',
  '咨询',
  '了解一下',
  '了解下',
  '了解',
  '打听一下',
  // who is asking
  '我们公司',
  '我们',
  '我司',
  '本公司',
  '公司',
  '企业',
  '咱们',
  '你们',
  '我想',
  '想要',
  '我要',
  '需要',
  // yes/no and modal questions
  '能不能',
  '有没有',
  '是不是',
  '可不可以',
  '给不给',
  '行不行',
  '算不算',
  '要不要',
  '会不会',
  '能否',
  '是否',
  '可否',
  '可以',
  '是真的吗',
  '真的吗',
  // wh-questions
  '怎么样',
  '怎么办',
  '怎么弄',
  '怎么',
  '如何',
  '怎样',
  '咋办',
  '咋弄',
  '咋',
  '什么样',
  '什么',
  '啥',
  '哪些',
  '哪个',
  '哪里',
  '哪儿',
  '去哪',
  // amounts asked about
  '能补多少钱',
  '能给多少钱',
  '能拿多少钱',
  '能补多少',
  '能给多少',
  '能拿多少',
  '补多少钱',
  '给多少钱',
  '有钱补',
  '能补吗',
  '能给吗',
  '多少钱',
  '是多少',
  '补多少',
  '给多少',
  '多少',
  // particles and fillers
  '一下',
  '一点',
  '现在',
  '目前',
  '有啥',
  '有什么',
  '才能',
  '吗',
  '么',
  '呢',
  '吧',
  '啊',
  '呀',
  '嘛',
  '哦',
  '了',
  '的',
  // words every card shares
  '政府',
  '政策',
  '北京市',
  '北京',
  '申请',
]

const STOP_PATTERN = new RegExp(QUERY_STOP_PHRASES.sort((left, right) => right.length - left.length).join('|'), 'gu')

/** NFKC + lowercase: ＡＩ → ai, ３０％ → 30%. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** Tokens of a text for the index. */
export function tokenize(text: string): string[] {
  const tokens: string[] = []
  for (const match of normalizeForSearch(text).matchAll(RUN)) {
    const run = match[0]
    if (/^[a-z0-9]/u.test(run)) {
      tokens.push(run)
      continue
    }
    if (run.length === 1) {
      tokens.push(run)
      continue
    }
    for (let index = 0; index + 1 < run.length; index += 1) tokens.push(run.slice(index, index + 2))
  }
  return tokens
}

/** The question without colloquial fillers, with separators where they stood. */
export function stripStopPhrases(question: string): string {
  return normalizeForSearch(question).replace(STOP_PATTERN, ' ')
}

/** Distinct tokens of a question, fillers removed. */
export function tokenizeQuery(question: string): string[] {
  return [...new Set(tokenize(stripStopPhrases(question)))]
}
