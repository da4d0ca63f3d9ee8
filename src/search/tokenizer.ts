/**
 * Chinese-aware tokenizer shared by the index and the queries: NFKC (full-width → half-width), lowercase Latin,
 * Han runs as overlapping character bigrams (a lone character stays a unigram), Latin/digit runs as words.
 * Measured equal to jieba on this corpus, with no dictionary to maintain and no out-of-vocabulary coinages
 * (../shared/reference/chinese-search.md; `npm run eval` prints both).
 */
const RUN = /[\p{Script=Han}]+|[a-z0-9]+(?:\.[0-9]+)?/gu

/** Colloquial fillers removed from questions before tokenising (longest first). */
export const QUERY_STOP_PHRASES = [
  '能不能', '有没有', '是不是', '可不可以', '怎么样', '怎么办', '请问一下', '请问', '多少钱', '是多少', '什么样', '哪些', '哪个', '哪里',
  '怎么', '如何', '怎样', '什么', '可以', '能否', '是否', '我们', '我司', '公司', '企业', '咱们', '你们', '一下', '现在', '目前',
  '需要', '想要', '能补', '能给', '能拿', '补多少', '给多少', '有啥', '有什么', '吗', '呢', '吧', '啊', '呀', '了', '的', '啥', '咋',
  '政府', '政策', '北京市', '北京', '申请', '多少',
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
