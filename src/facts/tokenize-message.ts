import { FACT_VOCABULARY, type KeywordMeaning } from './fact-vocabulary.js'
import { ARABIC_NUMERAL_SOURCE, readNormalizedQuantity, type Quantity } from './read-quantity.js'

/** A year qualifier: 去年 (offset 0 = 上年度), 前年 (1), 大前年 (2), 今年 (-1), or an explicit 2024年. */
export type YearReference = { kind: 'offset'; offset: number } | { kind: 'calendar'; year: number }

/** One meaningful piece of a message, in reading order. */
export type MessageToken = { start: number; end: number; text: string } & (
  | { type: 'keyword'; meaning: KeywordMeaning }
  | { type: 'quantity'; quantity: Quantity }
  | { type: 'rank'; rank: number | null }
  | { type: 'year'; year: YearReference }
  /** 近两年, 近三年, 三年分别: a span of years. */
  | { type: 'window'; years: number }
  | { type: 'separator' }
  | { type: 'yes' }
  | { type: 'no' }
  | { type: 'unknown' }
  /** 说错了/更正/应该是; `alsoNo` for 不对, which is a plain "no" when nothing else is said. */
  | { type: 'correction'; alsoNo: boolean }
  | { type: 'question' }
  | { type: 'desire' }
  | { type: 'hypothetical' }
  | { type: 'respectively' }
  /** 都/全/其他: a bare answer covers every fact asked. */
  | { type: 'all' }
)

const CN_DIGITS = '零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖'
const MAGNITUDES = '十拾百佰千仟万萬亿億'
const ARABIC = ARABIC_NUMERAL_SOURCE
const NUMERAL_PART = `(?:${ARABIC}|[${CN_DIGITS}${MAGNITUDES}几]|点(?=[${CN_DIGITS}])|个(?=[亿億])|[多余来](?=[${MAGNITUDES}个人名位项件年元块wW%]))`
const NUMERAL = `(?:${ARABIC}|[${CN_DIGITS}十拾几])${NUMERAL_PART}*`
const UNIT = String.raw`(?:万元|万块钱|万块|亿元|元|块钱|块|[wW](?![A-Za-z])|%|个百分点|个点|成(?![本果立功员熟都交长])|个人|人|名(?![称单义字额])|位|项|件|个|篇|套|款|年半|年多|年|级|强)`
const QUANTITY = String.raw`(?:百分之|千分之|不到|不足|低于|少于|大约|大概|约|差不多|将近|接近|超过)?(?:[-+负](?=[\d${CN_DIGITS}十]))?${NUMERAL}(?:\s*[-~～到至]\s*${NUMERAL})?\s*${UNIT}?(?:左右|上下|出头|以上|以下|以内|多)?`
const HAN = /\p{Script=Han}/u
const SMALL_NUMBER = `(?:[2-5]|[两二三四五])`

const TOKEN_PATTERNS: Array<[string, string]> = [
  ['keyword', keywordAlternation()],
  ['year', String.raw`(?:19|20)\d{2}\s*年度?|大前年|前年|去年度?|上一?个?年度|上一?年|今年|本年度?`],
  ['window', `(?:最近|近|过去|这|前)\\s*${SMALL_NUMBER}\\s*个?年(?:来|内|里|中|间|以来)?|${SMALL_NUMBER}\\s*个?年(?=来|内|里|以来|分别|依次|的?(?:营|收|主营|研发))`],
  ['unknown', '不知道|不清楚|不太清楚|不大清楚|不太确定|不确定|说不准|说不好|不好说|没统计过|没统计|没有统计|没算过|没算|没有算过|记不清|记不得|不记得|忘了|忘记了|没数|不了解|待确认|要查一下|查一下|问问财务|问下财务|得问财务|不方便透露|不便透露|保密'],
  ['correction', '说错了|说错|搞错了|弄错了|写错了|打错了|输错了|更正一下|更正|纠正一下|纠正|改一下|改成|改为|修改为|修改一下|应该是|应为|重新说|订正|不对|错了'],
  ['question', '有没有|是不是|是否|能不能|能否|可不可以|可以吗|吗|么|呢|[?？]|多少|怎么|如何|什么'],
  ['hypothetical', '如果|假如|假设|要是|假若|若是'],
  ['desire', '想要|想|打算|准备|计划|正在申请|申请|申报|争取|希望|评上|能评|评审|目标'],
  ['no', '从来没有|从没有|从未|还没有|还没|暂时没有|暂时没|暂无|尚无|尚未|没有|没|不存在|不涉及|不属于|不是|不在|不具备|不具有|并非|未|无(?![人线机锡])|否'],
  ['yes', '有的|有|是的|是|对的|对|嗯|属于|通过了|通过|获得过|获得|拥有|取得|具备|具有|已经|已|获评|获批|入选|认定为'],
  ['respectively', '分别是|分别为|分别|依次是|依次为|依次|各是|各为'],
  ['all', '都|全部|全都|均|其他|其余|剩下的|剩下|一个都'],
  ['rank', `(?:排名|排)?第\\s*(?:\\d+|[${CN_DIGITS}十]+)\\s*(?:名|位|完成单位|完成人|单位)?`],
  ['quantity', QUANTITY],
  ['separator', String.raw`[，,;；。!！\n]|但是|但|不过|可是|而且|并且|另外|此外|同时|然后|还有`],
]

const MASTER = new RegExp(TOKEN_PATTERNS.map(([name, source]) => `(?<${name}>${source})`).join('|'), 'g')

function keywordAlternation(): string {
  const words = [...FACT_VOCABULARY.keys()].sort((left, right) => right.length - left.length)
  return words
    .map((word) => {
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      // Latin keywords (ERP, CE, IT) must stand alone: "CE" is not in "CEO".
      const before = /^[A-Za-z0-9]/.test(word) ? '(?<![A-Za-z0-9])' : ''
      const after = /[A-Za-z0-9]$/.test(word) ? '(?![A-Za-z0-9])' : ''
      return `${before}${escaped}${after}`
    })
    .join('|')
}

/**
 * Splits a normalised message into tokens: keywords (fact-vocabulary.ts), quantities, year qualifiers,
 * yes/no/unknown words, correction and question markers and clause separators. Text between tokens is
 * ignored. Runs in one pass of one regular expression (linear in the message length).
 */
export function tokenizeMessage(text: string): MessageToken[] {
  const tokens: MessageToken[] = []
  MASTER.lastIndex = 0
  for (let match = MASTER.exec(text); match !== null; match = MASTER.exec(text)) {
    const groups = match.groups ?? {}
    const raw = match[0]
    const base = { start: match.index, end: match.index + raw.length, text: raw }
    if (groups.keyword !== undefined) {
      const meaning = FACT_VOCABULARY.get(raw)
      if (meaning) tokens.push({ ...base, type: 'keyword', meaning })
    } else if (groups.year !== undefined) tokens.push({ ...base, type: 'year', year: readYear(raw) })
    else if (groups.window !== undefined) tokens.push({ ...base, type: 'window', years: readWindow(raw) })
    else if (groups.quantity !== undefined) {
      const quantity = readNormalizedQuantity(raw)
      // A lone Chinese digit inside a word (一共, 三方) is no number.
      const inWord = quantity?.chineseOnly && quantity.unit === null && raw.length === 1 && HAN.test(text.charAt(base.end))
      if (quantity && !inWord) tokens.push({ ...base, type: 'quantity', quantity })
    } else if (groups.rank !== undefined) {
      const numeral = /第\s*(\S+?)\s*(?:名|位|完成单位|完成人|单位)?$/.exec(raw)?.[1] ?? ''
      const quantity = readNormalizedQuantity(numeral)
      tokens.push({ ...base, type: 'rank', rank: quantity && !quantity.vague && !quantity.outOfRange && Number.isInteger(quantity.value) ? quantity.value : null })
    } else if (groups.correction !== undefined) tokens.push({ ...base, type: 'correction', alsoNo: raw === '不对' || raw === '错了' })
    else {
      const type = (['unknown', 'question', 'hypothetical', 'desire', 'no', 'yes', 'respectively', 'all', 'separator'] as const).find(
        (name) => groups[name] !== undefined,
      )
      if (type) tokens.push({ ...base, type })
    }
    if (raw.length === 0) MASTER.lastIndex += 1
  }
  return tokens
}

function readYear(raw: string): YearReference {
  const calendar = /^(\d{4})/.exec(raw)
  if (calendar) return { kind: 'calendar', year: Number(calendar[1]) }
  if (raw.startsWith('大前年')) return { kind: 'offset', offset: 2 }
  if (raw.startsWith('前年')) return { kind: 'offset', offset: 1 }
  if (raw.startsWith('今年') || raw.startsWith('本年')) return { kind: 'offset', offset: -1 }
  return { kind: 'offset', offset: 0 }
}

function readWindow(raw: string): number {
  const digit = /[2-5两二三四五]/.exec(raw)?.[0] ?? '3'
  return ({ 两: 2, 二: 2, 三: 3, 四: 4, 五: 5 } as Record<string, number>)[digit] ?? Number(digit)
}
