import type { Program } from '../dialogue/programs.js'
import { AMOUNT_TOPICS, type KeywordMeaning } from '../facts/fact-vocabulary.js'
import {
  alternation,
  ARABIC_NUMERAL_SOURCE,
  FIGURE_WORDS,
  readNormalizedQuantity,
  type Quantity,
  type QuantityBound,
} from '../facts/read-quantity.js'
import { markNotKnowing } from './mark-not-knowing.js'
import { currentLexicon } from './current-lexicon.js'
import type { Lexicon } from './load-lexicon.js'
import type { ChangeKind, CorrectionKind, IntentCue } from './lexicon-schema.js'

/** A year qualifier: 去年 (offset 0 = 上年度), 前年 (1), 大前年 (2), 今年 (-1), or an explicit 2024年. */
export type YearReference = { kind: 'offset'; offset: number } | { kind: 'calendar'; year: number }

/** One meaningful piece of a message, in reading order; `program` when the word names a program. */
export type MessageToken = { start: number; end: number; text: string; program?: Program; cue?: IntentCue } & (
  | { type: 'keyword'; meaning: KeywordMeaning }
  | { type: 'quantity'; quantity: Quantity }
  | { type: 'rank'; rank: number | null }
  | { type: 'year'; year: YearReference }
  /** 近两年, 近三年, 三年分别: a span of years. */
  | { type: 'window'; years: number }
  | { type: 'separator' }
  /** Affirmation (有/是/没问题/没错) and denial (没有/不是/不属于/木有). */
  | { type: 'yes'; fine?: true }
  | { type: 'no' }
  /** 不知道/不清楚/得问财务 (`skip` for 跳过/下一个). */
  | { type: 'unknown'; skip: boolean }
  /** 没有要改的/确认无误: the summary is right. */
  | { type: 'confirm' }
  /** 说错了/更正/应该是; `alsoNo` for 不对, which is a plain "no" when nothing else is said; `kind` for 多打了个0, 刚才那个. */
  | { type: 'correction'; alsoNo: boolean; kind: CorrectionKind; marksWrong?: true }
  | { type: 'question' }
  | { type: 'desire' }
  | { type: 'hypothetical' }
  | { type: 'respectively' }
  /** 都/全/其他: a bare answer covers every fact asked. */
  | { type: 'all' }
  /** 就是/好像/放心: words that hold a polar character without being polar. */
  | { type: 'filler' }
  /** 离/靠近: the place after it is not where the firm is. */
  | { type: 'near' }
  /** 做/从事/搞: a description of what the firm does follows. */
  | { type: 'cue' }
  /** 其中/里面: what follows is a part of what came before ("员工140，其中研发35"). */
  | { type: 'part' }
  /** 的事/这块/方面 after a fact word: the reply is about that whole matter ("融资的事得问老板"). */
  | { type: 'area' }
  | { type: 'place'; beijing: boolean }
  | { type: 'intent'; cue: IntentCue }
  | { type: 'program' }
  /** 没到/超过/至少 before a number: merged into the quantity as its bound; alone it says nothing. */
  | { type: 'bound'; op: QuantityBound; afterKeyword?: boolean }
  /** 比/相比: the year after it is what a comparison compares with ("去年比前年多四百万"). */
  | { type: 'than' }
  /** 多/涨了/少/降了/翻了一番: the number after it is a difference, not a value. */
  | { type: 'change'; change: ChangeKind }
  /** 大几/好几 before a magnitude ("大几千万", "好几个"): the figure it opens is no value and no usable bound. */
  | { type: 'vague' }
  /** 明天/晚点/过两天 and 给你/发你/告诉你: together in a clause a promise to answer later (unknown); alone nothing. */
  | { type: 'later' }
  | { type: 'deliver' }
  /** 统计/核算/出具 after 未/没/有待/还在 (暂未统计, 尚未出具, 有待核实): the figure is not there yet (unknown); alone nothing. */
  | { type: 'process' }
  | { type: 'pending' }
  /** Helpers of the not-knowing grammar (mark-not-knowing.ts), dropped once it has read them. */
  | { type: 'know' }
  | { type: 'grasp' }
  | { type: 'tell' }
  | { type: 'consult' }
  | { type: 'unable' }
  | { type: 'refuse' }
)

const CN_DIGITS = '零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖仨俩'
const MAGNITUDES = '十拾百佰千仟万萬亿億'
// An exponent ("1e308") is read too, so that an absurd amount is refused whole rather than cut into 1 and 308.
const ARABIC = ARABIC_NUMERAL_SOURCE
/** A year spoken digit by digit (二零二五年): it ends the figure before it (三千二百万二零二四年). */
const SPOKEN_YEAR = '[二两][零〇][零〇一二三四五六七八九]{2}\\s*年'
const NUMERAL_PART = `(?:(?!${SPOKEN_YEAR})(?!(?<=[${CN_DIGITS}${MAGNITUDES}])(?:\\d{2}|\\d{4})\\s*年)(?:${ARABIC}|(?!一点(?![${CN_DIGITS}\\d]))[${CN_DIGITS}${MAGNITUDES}几]|[kK][wW](?![A-Za-z])|点(?=[${CN_DIGITS}])|个(?=多?[亿億]|[wW万萬](?![A-Za-z\\p{Script=Han}]))|[多余来把](?=[${MAGNITUDES}个人名位项件年元块wW%号])|(?<=\\d)\\s(?=[千万萬亿億]|个亿)))`
/** A numeral may open with its magnitude after 上/过/破 ("上亿", "没过千万") or before 来/多 ("百来万", "千多人"). */
const NUMERAL = `(?:${ARABIC}|[${CN_DIGITS}十拾几]|[百千](?=[来多余把])|百十(?![${CN_DIGITS}])|(?<=[上过破])[百千万亿])${NUMERAL_PART}*`
/** "千万级", "百万级别": a magnitude named as a class is at least one of it. */
const MAGNITUDE_CLASS = String.raw`(?:[十百千]?万|个?亿)(?:级别|量级|级)`
const UNIT = String.raw`(?:万元|万块钱|万块|亿元|元|人民币|块钱|块|[wW](?![A-Za-z])|%|个百分点|个点|成[半一二三四五六七八九](?![十百千万亿个人名位项件年])|成(?![本果立功员熟都交长])|[mM](?![A-Za-z])|million|Million|个人|号人|人|名(?![称单义字额])|位(?!数)|项|件|个|篇|套|款|年半|年多|年|级|强)`
const QUANTITY = String.raw`${MAGNITUDE_CLASS}|(?:${alternation(FIGURE_WORDS.rangeBefore)}|百分之|千分之|[${CN_DIGITS}十]+分之|不到|不足|低于|少于|${alternation(FIGURE_WORDS.approximate)}|将近|接近|(?<![最附邻临])近|超过)?(?:[上过破](?=[百千万亿]))?(?:一半|半数|(?:(?:[¥￥]|RMB|人民币)\s*)?(?:[-+负](?=[\d${CN_DIGITS}十]))?${NUMERAL}(?:(?:\s*(?:万元|元|人|个|[wW](?![A-Za-z])))?\s*(?:[-~～到至]|[和与跟](?=[^，,。；;]{1,12}?(?:${alternation(FIGURE_WORDS.rangeAfter)})))\s*${NUMERAL})?(?:${UNIT}|(?<![万萬亿億])\s+${UNIT}(?!\s*[\d${CN_DIGITS}十]))?)(?:\s?(?:${alternation([...FIGURE_WORDS.approximateAfter, ...FIGURE_WORDS.inclusiveLowerAfter, ...FIGURE_WORDS.upperAfter])})|[都还]?(?:${alternation(FIGURE_WORDS.notReachedAfter)})|(?<![个项样家件位])(?:都没有|都没)|${alternation([...FIGURE_WORDS.aboveAfter, ...FIGURE_WORDS.rangeAfter])}|多|\+(?![\d]))?`
const HAN = /\p{Script=Han}/u
/** Words that may stand between a bound word and its number (至少有2000万). */
const COPULAS = new Set(['有', '是', '在'])
/** Text that may stand between a bound word and its number: spaces, particles and adverbs (超过了五千万, 最多也就一百万). */
const BOUND_GLUE = /^[\s了过也就才只得要]*个?$/
/** Text between a copula and its number ("至少有个两千万"). */
const COPULA_GLUE = /^\s*个?\s*$/
/** Particles that mark a topic when a figure follows (前年么两千八). */
const TOPIC_PARTICLES = new Set(['么', '呢', '嘛'])
/** Particles that close a statement after its figure ("还不到五百万呢"): no question. */
const FINAL_PARTICLES = new Set(['呢', '嘛'])
/** Digit characters in order of value (两 as a second 2), for years spoken digit by digit. */
const SPOKEN_DIGITS = '零一二三四五六七八九〇一两'
const SMALL_NUMBER = `(?:[2-5]|[两二三四五])`

/** Patterns the tagger reads besides the lexicon words (numbers, years, separators): grammar, not vocabulary. */
const PATTERNS: Array<[string, string]> = [
  // "12月底", "3月份", "1-10月", "27号", "2025.1-12": dates and house numbers, no figures (read as nothing).
  [
    'date',
    String.raw`(?<![\d.])(?:19|20)\d{2}\s*[.\/]\s*\d{1,2}(?:\s*[.\/]\s*\d{1,2})?(?:\s*[-~～到至]\s*\d{1,2}(?:\s*[.\/]\s*\d{1,2})?)?(?![\d万萬亿億wW%])|(?<![\d.${CN_DIGITS}十])(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:\s*[-~～到至]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}))?\s*(?:月份?|月底|月初|月末|号(?!人)|日(?![均活常本]))`,
  ],
  // "23年九百万", "24年比25年少", "25年和24年都是": a two-digit year before a figure, a comparison or a list.
  [
    'year',
    String.raw`(?<![\d.])[12]\d\s*年(?=\s*(?:[\d一二两三四五六七八九十]|的(?:$|[，,。;；\s])|(?:那个|这个|那|这)?(?:营|收|主营|研发)|[比和跟与么呢都也]))|(?<=(?:比|和|跟|与|较|相比)\s*)[12]\d\s*年|(?:19|20)\d{2}\s*年度?|${SPOKEN_YEAR}度?|(?<![\d.])20[0-4]\d(?=\s+[\d.]+(?:\s|$))|(?<![A-Za-z])[Ff][Yy]\s*(?:20)?\d{2}(?!\d)|(?:20)?\d{2}\s*财年度?|大前年|前年|去年度?|上上一?个?年度?|再上一?个?年度?|再往前一年|上一?个?(?:会计|财务|财政)?年度|上一?年|今年|本年度?`,
  ],
  [
    'window',
    `(?:最近|近|过去|这|前)\\s*${SMALL_NUMBER}\\s*个?年(?:来|内|里|中|间|以来)?|${SMALL_NUMBER}\\s*个?年(?=来|内|里|以来|分别|依次|都|各|均|的?(?:营|收|主营|研发))`,
  ],
  ['rank', `(?:排名|排)?第\\s*(?:\\d+|[${CN_DIGITS}十]+)\\s*(?:名|位|完成单位|完成人|单位)?`],
  ['quantity', QUANTITY],
  // A space between two Chinese words separates clauses in chat ("员工一百四十 其中研发三十五"), also beside an emoji
  // ("想测 🏭 做阀门的").
  [
    'separator',
    String.raw`[，,;；。!！\n…]|(?<=[\p{Script=Han}\p{Extended_Pictographic}\u{FE0F}])\s+(?=[\p{Script=Han}\p{Extended_Pictographic}])|但是|但|不过|可是|而且|并且|另外|此外|同时|然后|还有`,
  ],
  // After 注册在/在/位于, any two characters before 省/市 name a place (注册在邯郸市); listed places are lexicon words and win.
  [
    'place',
    String.raw`(?<=(?:注册在|注册于|注册地是?|在|位于|落户|登记在)\s*)[\u4e00-\u9fff]{2}(?:省|市)(?!级|场|值|民|区|里|面|内|委|政|局)`,
  ],
]

interface TrieNode {
  children: Map<number, TrieNode>
  /** The word that ends here, if any; `latinEnd`: it ends in a Latin letter or digit and must not run into more of them. */
  word: string | null
  latinEnd: boolean
}

interface Tagger {
  root: TrieNode
  /** The patterns (numbers, years, separators …) as one sticky-free global expression, tried where no word starts. */
  patterns: RegExp
}

const taggers = new WeakMap<Lexicon, Tagger>()
const LATIN = /^[A-Za-z0-9]$/

function taggerFor(lexicon: Lexicon): Tagger {
  let tagger = taggers.get(lexicon)
  if (!tagger) {
    tagger = {
      root: wordTrie(lexicon),
      patterns: new RegExp(PATTERNS.map(([name, source]) => `(?<${name}>${source})`).join('|'), 'gu'),
    }
    taggers.set(lexicon, tagger)
  }
  return tagger
}

/** Every lexicon word in one prefix tree over code points, Latin letters case-folded (words differing only in case mean the same: a test checks it). */
function wordTrie(lexicon: Lexicon): TrieNode {
  const root: TrieNode = { children: new Map(), word: null, latinEnd: false }
  for (const word of lexicon.words.keys()) {
    let node = root
    const characters = Array.from(word)
    for (const character of characters) {
      const code = foldCase(character.codePointAt(0) as number)
      let child = node.children.get(code)
      if (!child) node.children.set(code, (child = { children: new Map(), word: null, latinEnd: false }))
      node = child
    }
    node.word = word
    node.latinEnd = LATIN.test(characters[characters.length - 1])
  }
  return root
}

/** Latin letters match whatever their case ("iso9001" is ISO9001, "Saas" is SaaS): A–Z read as a–z. */
const foldCase = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code)

const isLatin = (code: number | undefined): boolean =>
  code !== undefined && ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122))

/**
 * The longest lexicon word starting at `at`, or null, with the length it spans in the message: a phrase wins over the
 * characters inside it (没问题 over 没, 工业软件 over 工业). Latin words (ERP, CE, IT, y) must stand alone: "CE" is not
 * in "CEO". A space where Chinese meets a digit or a Latin letter inside a word is no break ("多打了个 0",
 * "ISO 9001", "创客中国 500强"), as phones and voice input put one there.
 */
function wordAt(root: TrieNode, text: string, at: number): { word: string; length: number } | null {
  const first = text.codePointAt(at) as number
  if (isLatin(first) && at > 0 && isLatin(text.charCodeAt(at - 1))) return null
  let node: TrieNode | undefined = root
  let found: { word: string; length: number } | null = null
  for (let index = at; index < text.length;) {
    let code = text.codePointAt(index) as number
    if (code === 32 && index > at && !node.children.has(32) && scriptsMeet(text, index)) {
      index += 1
      code = text.codePointAt(index) as number
    }
    node = node.children.get(foldCase(code))
    if (!node) break
    index += code > 0xffff ? 2 : 1
    if (node.word !== null && !(node.latinEnd && isLatin(text.codePointAt(index))))
      found = { word: node.word, length: index - at }
  }
  return found
}

/** Whether the space at `index` stands between a Chinese character and a digit or Latin letter. */
function scriptsMeet(text: string, index: number): boolean {
  const before = text.charAt(index - 1)
  const after = text.charAt(index + 1)
  return (HAN.test(before) && isLatin(after.charCodeAt(0))) || (isLatin(before.charCodeAt(0)) && HAN.test(after))
}

type TaggerMatch = { index: number; raw: string; groups: Record<string, string | undefined> }

/** Characters a numeral can start with. */
const NUMERAL_START = new RegExp(`[\\d${CN_DIGITS}十]`, 'u')

/** How far before a figure a negation and a verb of reaching may start (reply-words.json negatedReach). */
const REACH_SPAN = 8

/** Replaces the last two tokens, a word that bounds a figure and the figure, by one quantity token spanning both. */
function mergeBoundFigure(tokens: MessageToken[], text: string, quantity: Quantity): void {
  const start = tokens[tokens.length - 2]!.start
  const end = tokens[tokens.length - 1]!.end
  tokens.splice(tokens.length - 2, 2, { start, end, text: text.slice(start, end), type: 'quantity', quantity })
}

/** The quantity pattern matching right at `at`, if any. */
function quantityAt(patterns: RegExp, text: string, at: number): TaggerMatch | null {
  patterns.lastIndex = at
  const match = patterns.exec(text)
  if (match === null || match.index !== at || match.groups?.quantity === undefined) return null
  return { index: at, raw: match[0], groups: match.groups }
}

/**
 * The matches of a message in reading order: at every position the longest lexicon word, else the first pattern that
 * matches there (years, spans, ranks, quantities, separators, places), else the next position. One pass: the word
 * tree costs one step per character, the pattern expression is searched forward once per match.
 */
function* matchesOf(tagger: Tagger, text: string): Generator<TaggerMatch> {
  const { root, patterns } = tagger
  let pattern: RegExpExecArray | null = null
  let searchedFrom = -1
  for (let at = 0; at < text.length;) {
    const word = wordAt(root, text, at)
    // "一点五个亿": a figure longer than the word at its start (一点, a noise word) is read as the figure.
    const figure = word !== null && NUMERAL_START.test(text.charAt(at)) ? quantityAt(patterns, text, at) : null
    if (figure !== null && word !== null && figure.raw.length > word.length) {
      yield figure
      at += figure.raw.length
      searchedFrom = -1
      continue
    }
    if (word !== null) {
      // The message's own characters ("iso9001"), the lexicon's word to look up ("ISO9001").
      yield { index: at, raw: text.slice(at, at + word.length), groups: { word: word.word } }
      at += word.length
      continue
    }
    if (searchedFrom < 0 || (pattern !== null && pattern.index < at)) {
      patterns.lastIndex = at
      pattern = patterns.exec(text)
      searchedFrom = at
    }
    if (pattern === null) {
      // No pattern matches from here on: only words remain.
      at += 1
      continue
    }
    if (pattern.index === at) {
      const raw = pattern[0]
      yield { index: at, raw, groups: pattern.groups ?? {} }
      at += Math.max(raw.length, 1)
      searchedFrom = -1
      continue
    }
    at += 1
  }
}

/**
 * Whether the tokens before `at` end in a fact keyword right before it ("人数过三百": nothing between 人数 and 过), or
 * with only affirming or filler adverbs between ("营收妥妥过五千万", "人数已经过三百", "净利润勉强过百万").
 */
function followsKeyword(text: string, tokens: readonly MessageToken[], at: number): boolean {
  let next = tokens[at]
  for (let index = at - 1; index >= 0 && next !== undefined; index -= 1) {
    const token = tokens[index]!
    if (text.slice(token.end, next.start).trim() !== '') return false
    if (token.type === 'keyword') return true
    if (token.type !== 'yes' && token.type !== 'filler') return false
    next = token
  }
  return false
}

/**
 * The longest-match tagger: splits a normalised message into tokens, the lexicon words (knowledge/lexicon/*.json:
 * fact keywords, industries, polarity and acts, places, programs, intent cues; at every position the longest entry
 * wins) and the patterns of numbers, years, year spans, ranks and clause separators. Text between tokens is
 * ignored. One pass of one regular expression (linear in the message length).
 */
export function tagText(text: string, lexicon: Lexicon = currentLexicon()): MessageToken[] {
  // One reply is tagged by several readers in a turn (intent, reply, facts, programs): the last few are kept.
  // Tokens are never mutated after tagging; each caller gets its own array.
  const hit = RECENT.find((entry) => entry.text === text && entry.lexicon === lexicon)
  if (hit) return hit.tokens.slice()
  const tokens = tagUncached(text, lexicon)
  RECENT.unshift({ text, lexicon, tokens })
  if (RECENT.length > RECENT_LIMIT) RECENT.pop()
  return tokens.slice()
}

/** A magnitude said without a digit, right after a bound word: 千万, 百万, 亿 (with 元 when written), 百/千 (过百, 过千). */
const BARE_MAGNITUDE = /^(?:千万|百万|亿|個億|个亿)元?|^[百千](?![万萬亿億\d分来多余把十])/u

/** "没有一个", "没一项": one of something denied is none, not a bound. */
const ONE_OF = /^[一1][个项件样家位]?$/u

/** What a vague word (大几, 好几) opens: magnitudes and a unit ("大几千万元", "好几个", "大几百号人"). */
const VAGUE_MAGNITUDES = /^[十百千万萬亿億]*(?:万元|亿元|元|块|个亿|个|人|名|位|项|件|年)?/u

const RECENT: Array<{ text: string; lexicon: Lexicon; tokens: MessageToken[] }> = []
const RECENT_LIMIT = 8

function tagUncached(text: string, lexicon: Lexicon): MessageToken[] {
  const tagger = taggerFor(lexicon)
  const tokens: MessageToken[] = []
  // Characters already read as part of the previous token ("过亿": 亿 was taken with the bound word).
  let skipUntil = 0
  for (const match of matchesOf(tagger, text)) {
    if (match.index < skipUntil) continue
    const { groups, raw } = match
    const base = { start: match.index, end: match.index + raw.length, text: raw }
    if (groups.word !== undefined) {
      const word = lexicon.words.get(groups.word)
      if (word) {
        const extra = { ...(word.program ? { program: word.program } : {}), ...(word.cue ? { cue: word.cue } : {}) }
        // "少说也得有三千万", "起码要有两百人": a modal inside a bound phrase belongs to it.
        const previous = tokens[tokens.length - 1]
        if (
          word.tag.type === 'pending' &&
          previous?.type === 'bound' &&
          BOUND_GLUE.test(text.slice(previous.end, base.start))
        )
          continue
        tokens.push({ ...base, ...word.tag, ...extra } as MessageToken)
        if (word.tag.type === 'intent') tokens[tokens.length - 1].cue = word.tag.cue
        // A question mark also ends its clause ("员工是150？不是，是130").
        if (raw === '?' || raw === '？') tokens.push({ ...base, type: 'separator' })
        // "还没过千万", "营收过亿": a bound word before a bare magnitude means one of it (千万 alone is "by all means").
        // "大几千万": the magnitudes after a vague word are read with it, as no figure.
        const swallowed = word.tag.type === 'vague' ? VAGUE_MAGNITUDES.exec(text.slice(base.end)) : null
        if (swallowed) skipUntil = base.end + swallowed[0].length
        const bare = word.tag.type === 'bound' ? BARE_MAGNITUDE.exec(text.slice(base.end)) : null
        const quantity = bare ? readNormalizedQuantity(`1${bare[0]}`) : null
        if (bare && quantity) {
          tokens.push({ start: base.end, end: base.end + bare[0].length, text: bare[0], type: 'quantity', quantity })
          skipUntil = base.end + bare[0].length
        }
      }
    } else if (groups.year !== undefined) tokens.push({ ...base, type: 'year', year: readYear(raw) })
    else if (groups.window !== undefined) tokens.push({ ...base, type: 'window', years: readWindow(raw) })
    else if (groups.quantity !== undefined) {
      const quantity = readNormalizedQuantity(raw)
      // A lone Chinese digit inside a word (一共, 三方) is no number.
      const inWord =
        quantity?.chineseOnly && quantity.unit === null && raw.length === 1 && HAN.test(text.charAt(base.end))
      if (quantity && !inWord) tokens.push({ ...base, type: 'quantity', quantity })
    } else if (groups.rank !== undefined) {
      const numeral = /第\s*(\S+?)\s*(?:名|位|完成单位|完成人|单位)?$/.exec(raw)?.[1] ?? ''
      const quantity = readNormalizedQuantity(numeral)
      // "第十二个年头", "第八年": the Nth year of doing something is N years.
      const years = /^\s*(?:个年头|个年|年头|年)/u.exec(text.slice(base.end))
      if (years && quantity && !quantity.vague && raw.endsWith(numeral)) {
        const end = base.end + years[0].length
        tokens.push({
          ...base,
          end,
          text: text.slice(base.start, end),
          type: 'quantity',
          quantity: { ...quantity, unit: 'year' },
        })
        skipUntil = end
        continue
      }
      tokens.push({
        ...base,
        type: 'rank',
        rank: quantity && !quantity.vague && Number.isInteger(quantity.value) ? quantity.value : null,
      })
    } else if (groups.place !== undefined) tokens.push({ ...base, type: 'place', beijing: false })
    const last = tokens[tokens.length - 1]
    // "至少有2000万", "不到是五百万": a copula between the bound word and its number.
    const copula = tokens[tokens.length - 2]
    const linked =
      last?.type === 'quantity' &&
      copula?.type === 'yes' &&
      COPULAS.has(copula.text) &&
      tokens[tokens.length - 3]?.type === 'bound' &&
      COPULA_GLUE.test(text.slice(copula.end, last.start))
    if (linked) tokens.splice(tokens.length - 2, 1)
    const before = tokens[tokens.length - 2]
    // "员工没有150，只有120", "营收没有一千万": a 没有 right before a figure says the value is below it ("没有一个" is none).
    const negatedFigure =
      last?.type === 'quantity' &&
      before?.type === 'no' &&
      lexicon.negatedFigures.has(before.text) &&
      before.end === last.start &&
      last.quantity.bound === null &&
      !ONE_OF.test(last.text)
    if (negatedFigure) {
      mergeBoundFigure(tokens, text, { ...last.quantity, bound: 'lt', upperBound: true })
      continue
    }
    // "营收没上两千", "研发人员不上二十", "还没摸到两千万", "没超两打": a negation and a verb of reaching or passing,
    // whatever the tokens inside the words were read as.
    if (last?.type === 'quantity' && last.quantity.bound === null && lexicon.negatedReach.ops.size > 0) {
      const from = Math.max(0, last.start - REACH_SPAN)
      const gap = text.slice(from, last.start).trimEnd()
      const length = lexicon.negatedReach.lengths.find((size) => lexicon.negatedReach.ops.has(gap.slice(-size)))
      const reach =
        length === undefined
          ? undefined
          : { word: gap.slice(-length), op: lexicon.negatedReach.ops.get(gap.slice(-length))! }
      const start = from + gap.length - (reach?.word.length ?? 0)
      const inside = tokens.slice(0, -1).filter((token) => token.end > start)
      if (reach && inside.every((token) => token.start >= start)) {
        const quantity: Quantity = { ...last.quantity, bound: reach.op, upperBound: true }
        tokens.splice(tokens.length - 1 - inside.length, inside.length + 1, {
          ...last,
          start,
          text: text.slice(start, last.end),
          quantity,
        })
        continue
      }
    }
    // "离一个亿还远着呢", "靠近一千万": a figure the firm is near has not been reached, as with 接近.
    if (
      last?.type === 'quantity' &&
      before?.type === 'near' &&
      last.quantity.bound === null &&
      BOUND_GLUE.test(text.slice(before.end, last.start))
    ) {
      mergeBoundFigure(tokens, text, { ...last.quantity, bound: 'lt', upperBound: true })
      continue
    }
    // "没到一千万", "超过2000万": the bound word makes the number a bound.
    if (
      last?.type === 'quantity' &&
      before?.type === 'bound' &&
      (!before.afterKeyword || followsKeyword(text, tokens, tokens.length - 2)) &&
      BOUND_GLUE.test(text.slice(before.end, linked ? copula.start : last.start))
    ) {
      const quantity: Quantity = {
        ...last.quantity,
        bound: before.op,
        upperBound: before.op === 'lt' || before.op === 'le',
      }
      mergeBoundFigure(tokens, text, quantity)
    } else if (groups.separator !== undefined) tokens.push({ ...base, type: 'separator' })
  }
  markNotKnowing(text, tokens, lexicon.notKnowing)
  markClosingQuestion(text, tokens)
  // A bound word that needs a keyword before it and found none is no word here ("进过500强").
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    const token = tokens[index]
    if (token.type === 'bound' && token.afterKeyword) tokens.splice(index, 1)
  }
  markBarePersonWord(text, tokens)
  joinKeywordsToSpacedFigures(tokens)
  markAcknowledgement(tokens, lexicon.acknowledgements)
  markSignOff(tokens)
  separateRequests(tokens, lexicon)
  separateHeadings(text, tokens)
  joinPolarHeadings(tokens)
  separateSpokenClauses(text, tokens)
  markAlternativeQuestions(text, tokens)
  markNotQuestions(text, tokens)
  markDigitCounts(text, tokens, lexicon.negatedReach)
  markTopicMarkers(tokens)
  markSoftenersAndIndefinites(text, tokens, lexicon.indefinites)
  markStatementParticles(text, tokens)
  markAchievedTitles(text, tokens, lexicon.achieved)
  markUnknownAreas(tokens, lexicon.notUnderstood)
  markDeferrals(text, tokens)
  markDescriptions(text, tokens)
  // 不过 before a number is a bound ("营收不过三千万"); anywhere else it is "but" and separates clauses.
  tokens.forEach((token, index) => {
    if (token.type === 'bound' && token.text === '不过') tokens[index] = { ...token, type: 'separator' } as MessageToken
  })
  return tokens
}

/** Words of a request about a program: 想/申请 (desire), 能评/测一测 (intent), 吗/想问下 (question). */
const isRequestWord = (token: MessageToken, lexicon: Lexicon): boolean =>
  token.type === 'desire' ||
  token.type === 'intent' ||
  token.type === 'question' ||
  token.cue === 'assess' ||
  // "帮我评估一下专精特新": what may stand between an assess verb and the program.
  lexicon.assessVerbBetween.has(token.text)

/**
 * "测一测专精特新我们是朝阳的软件公司", "公司注册在河北想问下小巨人有戏吗": in a message without punctuation (voice
 * input) a request about a program is a clause of its own: a separator goes before the request words that lead to the
 * program name and after those that close it (有戏吗, 能评不), when there are any.
 */
function separateRequests(tokens: MessageToken[], lexicon: Lexicon): void {
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    if (tokens[index]!.program === undefined) continue
    let end = index + 1
    while (
      end < tokens.length &&
      (isRequestWord(tokens[end]!, lexicon) ||
        // "有戏没", "能评不": a 没/不 closing the request asks.
        (tokens[end]!.type === 'no' && isRequestWord(tokens[end - 1]!, lexicon) && /^[没不]$/u.test(tokens[end]!.text)))
    )
      end += 1
    let start = index
    while (start > 0 && isRequestWord(tokens[start - 1]!, lexicon)) start -= 1
    if (start === index && end === index + 1) continue
    const separator = (at: number): MessageToken => ({
      start: tokens[at]!.start,
      end: tokens[at]!.start,
      text: '',
      type: 'separator',
    })
    if (end < tokens.length && tokens[end]!.type !== 'separator') tokens.splice(end, 0, separator(end))
    if (start > 0 && tokens[start - 1]!.type !== 'separator') tokens.splice(start, 0, separator(start))
  }
}

/**
 * "营业收入 三千二百 研发费用 二百四十": a space between a fact word (or a year) and its Chinese figure joins them, as
 * it does before Arabic digits ("营业收入 3200"), also across a filler ("营业收入 就是3200"); after the figure it still
 * separates ("员工一百四十 其中研发三十五").
 */
function joinKeywordsToSpacedFigures(tokens: MessageToken[]): void {
  for (let index = tokens.length - 2; index > 0; index -= 1) {
    const token = tokens[index]!
    if (token.type !== 'separator' || token.text.trim() !== '') continue
    const before = tokens[index - 1]!
    // "营业收入 就是3200": a filler after the space still leads to the figure.
    let next = index + 1
    while (next < tokens.length - 1 && tokens[next]!.type === 'filler' && tokens[next]!.end === tokens[next + 1]!.start)
      next += 1
    const after = tokens[next]!
    const fact = (before.type === 'keyword' && before.meaning.type === 'amount') || before.type === 'year'
    const adjacent = before.end === token.start && token.end === tokens[index + 1]!.start
    // "去年 前年分别是3000万和2600万": a space between two years lists them.
    const years = before.type === 'year' && after.type === 'year'
    if (adjacent && ((fact && after.type === 'quantity') || years)) tokens.splice(index, 1)
  }
}

/** Tokens that begin a statement of their own after a 不清楚. */
const STATES = new Set<MessageToken['type']>(['cue', 'keyword', 'year', 'place'])

/** A word that names a fact (not noise, not a sink), or a year: what a new statement opens with. */
const opensStatement = (token: MessageToken | undefined): boolean =>
  token?.type === 'year' ||
  (token?.type === 'keyword' && token.meaning.type !== 'noise' && token.meaning.type !== 'sink')

const isPolar = (token: MessageToken | undefined): boolean => token?.type === 'yes' || token?.type === 'no'

/** What a colon may follow as the key of a key-value line ("营收：3300", "所属行业：…", "去年的：营收2980"). */
const KEY_TYPES = new Set<MessageToken['type']>(['keyword', 'year', 'window', 'cue', 'place', 'quantity'])

/**
 * "致政策咨询：我公司注册地…", "来电人问：…": a colon after a heading that names no fact (an address, who asks)
 * ends that heading; after a fact word or a year it joins the key to its value and stays.
 */
function separateHeadings(text: string, tokens: MessageToken[]): void {
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    const token = tokens[index]!
    const gap = text.slice(token.end, tokens[index + 1]?.start ?? text.length)
    const colon = gap.search(/[:：]/u)
    if (colon < 0 || KEY_TYPES.has(token.type) || token.type === 'separator') continue
    // "营收是：3300": a filler between the key and its colon.
    let key = index
    while (key > 0 && tokens[key]!.type === 'filler') key -= 1
    if (KEY_TYPES.has(tokens[key]!.type)) continue
    const at = token.end + colon
    tokens.splice(index + 1, 0, { start: at, end: at + 1, text: text.charAt(at), type: 'separator' })
  }
}

/**
 * Voice input has no punctuation ("去年3200万前年的记不得了", "失信没有限制类不太清楚事故没有"): a statement ends
 * with its figure, its polarity or its 不清楚, and the next fact word or year opens another clause. A figure ends a
 * statement only after its keyword ("有12个发明专利" is one); a polarity only right after its keyword, and one that
 * has a polarity before it ("没有失信也没违法") leaves the next polarity to the next fact.
 */
function separateSpokenClauses(text: string, tokens: MessageToken[]): void {
  let clauseStart = 0
  for (let index = 1; index < tokens.length; index += 1) {
    const token = tokens[index]!
    if (token.type === 'separator') {
      clauseStart = index + 1
      continue
    }
    const previous = tokens[index - 1]!
    // "人数不太清楚我们是做软件的": after a 不清楚 any statement opens another clause; "不对员工150是去年的": so it does
    // after a correction word that opens the message's clause.
    const afterUnknown =
      previous.type === 'unknown' &&
      (STATES.has(token.type) ||
        // "不清楚我们是做软件的", not "不清楚是多少": a 是/没 before what the firm does or has.
        (isPolar(token) && (tokens[index + 1]?.type === 'cue' || opensStatement(tokens[index + 1]))))
    const afterVerdict =
      previous.type === 'correction' &&
      (previous.alsoNo || previous.marksWrong === true) &&
      index - 1 === clauseStart &&
      (opensStatement(token) || token.type === 'cue')
    // "省科技进步二等奖排第三创客中国没参加": a rank ends its statement; a polarity after it opens the next.
    const afterRank =
      previous.type === 'rank' && (opensStatement(token) || (isPolar(token) && opensStatement(tokens[index + 1])))
    if (afterUnknown || afterVerdict || afterRank) {
      tokens.splice(index, 0, { start: token.start, end: token.start, text: '', type: 'separator' })
      clauseStart = index + 1
      index += 1
      continue
    }
    if (!opensStatement(token)) continue
    const spoken = (at: number): MessageToken => ({
      start: tokens[at]!.start,
      end: tokens[at]!.start,
      text: '',
      type: 'separator',
    })
    let at = -1
    const before = tokens.slice(clauseStart, index - 1)
    const factWord = tokens[index - 2]
    if (previous.type === 'quantity') {
      // "营收3200万研发240万", "前年2800研发去年240": the figure had its keyword or year.
      if (before.some((candidate) => candidate.type === 'keyword' || candidate.type === 'year')) at = index
    } else if (
      previous.type === 'unknown' ||
      (previous.type === 'question' && factWord?.type === 'unknown' && index - 2 >= clauseStart)
    ) {
      at = index
    } else if (
      isPolar(previous) &&
      previous.text !== '是' &&
      token.type === 'keyword' &&
      index - 2 >= clauseStart &&
      factWord?.type === 'keyword' &&
      opensStatement(factWord)
    ) {
      // "失信没有限制类不清楚": the polarity closes the fact before, when the next fact has one of its own after it;
      // "有9001没有质量奖": the fact before had its own; "独立法人没有失信也没违法", "独立法人没有失信记录": the
      // polarity opens the next fact (也 before the next polarity, or none after the next fact).
      const ownPolarity = tokens.slice(clauseStart, index - 2).some(isPolar)
      let closing: MessageToken | undefined
      for (const later of tokens.slice(index + 1)) {
        if (later.type === 'separator' || opensStatement(later)) break
        if (isPolar(later) || later.type === 'unknown') {
          closing = later
          break
        }
      }
      const parallel = closing === undefined || text.slice(token.end, closing.start).includes('也')
      at = ownPolarity || parallel ? index - 1 : index
    }
    if (at < 0) continue
    tokens.splice(at, 0, spoken(at))
    clauseStart = at + 1
    index = at + 1
  }
}

/** "子公司算独立法人不", "我们符合条件不": a 不 closing the message asks, as 吗 does. */
const CLOSING_QUESTION = /(?<=[\p{Script=Han}A-Za-z0-9])不[?？。!！\s]*$/u

function markClosingQuestion(text: string, tokens: MessageToken[]): void {
  const closing = CLOSING_QUESTION.exec(text)
  if (!closing || tokens.some((token) => token.start <= closing.index && token.end > closing.index)) return
  const at = tokens.findIndex((token) => token.start > closing.index)
  const question: MessageToken = { start: closing.index, end: closing.index + 1, text: '不', type: 'question' }
  tokens.splice(at < 0 ? tokens.length : at, 0, question)
}

/** An affirmation written as a sign, not a word (👌, 👍, ✅). */
const SIGN = /^[^\p{L}\p{N}]+$/u

/**
 * "一共五十三个员工👌", "人数不对👌": an affirming sign closing a message that says something else signs it off; it
 * affirms nothing. Alone ("👌") or after other affirmations ("好的👍") it still affirms.
 */
function markSignOff(tokens: MessageToken[]): void {
  const last = tokens.length - 1
  const sign = tokens[last]
  if (sign?.type !== 'yes' || !SIGN.test(sign.text)) return
  const said = tokens.slice(0, last).filter((token) => token.type !== 'separator' && token.type !== 'filler')
  if (said.length > 0 && !said.every((token) => token.type === 'yes' || token.type === 'confirm'))
    tokens[last] = { ...sign, type: 'filler' } as MessageToken
}

/** "嗯 没有", "嗯，营收写错了": an acknowledgement that opens a message before more words answers nothing itself. */
function markAcknowledgement(tokens: MessageToken[], acknowledgements: ReadonlySet<string>): void {
  const first = tokens[0]
  if (first?.type !== 'yes' || !acknowledgements.has(first.text)) return
  // "嗯嗯呢": a particle closing the acknowledgement is no further word.
  const closing = (token: MessageToken, index: number) =>
    index === tokens.length - 1 && token.type === 'question' && FINAL_PARTICLES.has(token.text)
  if (tokens.some((token, index) => index > 0 && token.type !== 'separator' && !closing(token, index)))
    tokens[0] = { ...first, type: 'filler' } as MessageToken
}

/**
 * "营收是含税还是不含税": 还是 between two parts of a clause asks which; at the start of a clause ("还是知识产权示范企业")
 * it means "also" and stays a filler.
 */
function markAlternativeQuestions(text: string, tokens: MessageToken[]): void {
  tokens.forEach((token, index) => {
    if (token.type !== 'filler' || token.text !== '还是') return
    let start = 0
    for (let before = index - 1; before >= 0; before -= 1)
      if (tokens[before].type === 'separator') {
        start = tokens[before].end
        break
      }
    let end = text.length
    for (let after = index + 1; after < tokens.length; after += 1)
      if (tokens[after].type === 'separator') {
        end = tokens[after].start
        break
      }
    if (text.slice(start, token.start).trim() !== '' && text.slice(token.end, end).trim() !== '')
      tokens[index] = { ...token, type: 'question' } as MessageToken
  })
}

/** "八位数", "四位数", "个位数": a figure said by how many digits it has. */
const DIGIT_COUNT = /(个|[两二三四五六七八九十]|[2-9])位数/gu
const DIGITS: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

/**
 * "营收八位数", "员工四位数", "软著个位数": a figure said by its number of digits is a bound: N digits is at least
 * 10^(N-1) and below 10^N, 个位数 below 10. Six digits or more count yuan (no SME has 100,000 staff); fewer are
 * taken in the unit of the fact asked for.
 */
function markDigitCounts(text: string, tokens: MessageToken[], reach: Lexicon['negatedReach']): void {
  const negatedSpans: Array<[number, number]> = []
  insertUncovered(tokens, text.matchAll(DIGIT_COUNT), (match, start, end) => {
    const word = match[1]!
    const digits = word === '个' ? 1 : (DIGITS[word] ?? Number(word))
    // "人没上三位数", "员工没到三位数": not reaching N digits is below the smallest N-digit number; "没超过三位数" is
    // below the smallest of N + 1 digits.
    const gap = text.slice(Math.max(0, start - REACH_SPAN), start).trimEnd()
    const length = word === '个' ? undefined : reach.lengths.find((size) => reach.ops.has(gap.slice(-size)))
    const boundWord = tokens.findLast((token) => token.end <= start)
    const bounded =
      word !== '个' &&
      length === undefined &&
      boundWord?.type === 'bound' &&
      (boundWord.op === 'lt' || boundWord.op === 'le') &&
      text.slice(boundWord.end, start).trim() === ''
        ? boundWord
        : null
    if (length !== undefined || bounded) {
      const wordLength = length ?? bounded!.end - bounded!.start
      const from = Math.max(0, start - REACH_SPAN) + gap.length - wordLength
      const op = bounded ? (bounded.type === 'bound' ? bounded.op : 'lt') : reach.ops.get(gap.slice(-wordLength))!
      negatedSpans.push([from, start])
      const below: Quantity = {
        value: 10 ** (op === 'lt' ? digits - 1 : digits),
        unit: digits >= 6 ? 'yuan' : null,
        approximate: false,
        upperBound: true,
        bound: 'lt',
        vague: false,
        chineseOnly: false,
        outOfRange: false,
      }
      return { start: from, end, text: text.slice(from, end), type: 'quantity', quantity: below }
    }
    const quantity: Quantity = {
      value: word === '个' ? 10 : 10 ** (digits - 1),
      unit: digits >= 6 ? 'yuan' : null,
      approximate: false,
      upperBound: word === '个',
      bound: word === '个' ? 'lt' : 'ge',
      vague: false,
      chineseOnly: false,
      outOfRange: false,
      ...(word === '个' ? {} : { ceiling: 10 ** digits }),
    }
    return { start, end, text: match[0], type: 'quantity', quantity }
  })
  // The negation and the verb are the bound's words now.
  if (negatedSpans.length > 0)
    replaceAll(
      tokens,
      tokens.filter(
        (token) =>
          token.type === 'quantity' || !negatedSpans.some(([from, to]) => token.start >= from && token.end <= to),
      ),
    )
}

/** Replaces the array's items in place (no spread: a long message has many tokens). */
function replaceAll(tokens: MessageToken[], items: readonly MessageToken[]): void {
  tokens.length = 0
  for (const item of items) tokens.push(item)
}

/**
 * Adds a token for every match no token holds a character of, in one pass over the sorted tokens (a message may be
 * long: no per-match scan or splice).
 */
function insertUncovered(
  tokens: MessageToken[],
  matches: Iterable<RegExpMatchArray>,
  tokenOf: (match: RegExpMatchArray, start: number, end: number) => MessageToken | null,
): void {
  const merged: MessageToken[] = []
  let next = 0
  for (const match of matches) {
    const start = match.index!
    const end = start + match[0].length
    while (next < tokens.length && tokens[next]!.end <= start) merged.push(tokens[next++]!)
    if (next < tokens.length && tokens[next]!.start < end) continue
    const token = tokenOf(match, start, end)
    if (token) merged.push(token)
  }
  while (next < tokens.length) merged.push(tokens[next++]!)
  if (merged.length !== tokens.length) replaceAll(tokens, merged)
}

/**
 * "有：9001、自主商标。没有：质量奖、标准": a yes or no alone before a colon heads the list after it, so the colon
 * does not part them.
 */
function joinPolarHeadings(tokens: MessageToken[]): void {
  for (let index = tokens.length - 2; index >= 0; index -= 1) {
    const token = tokens[index]!
    const colon = tokens[index + 1]!
    const before = tokens[index - 1]
    if (
      (token.type === 'yes' || token.type === 'no') &&
      colon.type === 'separator' &&
      /^[：:]$/u.test(colon.text) &&
      (before === undefined || before.type === 'separator')
    )
      tokens.splice(index + 1, 1)
  }
}

/** What may stand between a lone 人 and its figure ("人倒是知道 二十二个", "人的话 三十"). */
const PERSON_GAP = /^[\s，,：:]*(?:倒是知道|倒是|知道|的话|嘛|呢|这块|这边|是|有|就|一共|总共|大概)*[\s，,：:]*$/u

/**
 * "人18个", "研发费 180 万 人 二十二", "营收2980 研发260 人112": a lone 人 right before a figure labels it a headcount: the
 * R&D staff after an R&D word, else the employees.
 */
function markBarePersonWord(text: string, tokens: MessageToken[]): void {
  const merged: MessageToken[] = []
  let next = 0
  let lastKeyword: MessageToken | undefined
  const take = () => {
    const token = tokens[next++]!
    if (token.type === 'keyword') lastKeyword = token
    merged.push(token)
  }
  for (let at = text.indexOf('人'); at >= 0; at = text.indexOf('人', at + 1)) {
    while (next < tokens.length && tokens[next]!.end <= at) take()
    if (next < tokens.length && tokens[next]!.start <= at) continue
    // A space between 人 and its figure is read as a separator token: the figure is the next other token.
    let figureAt = next
    while (figureAt < tokens.length && tokens[figureAt]!.type === 'separator' && /^\s+$/u.test(tokens[figureAt]!.text))
      figureAt += 1
    const figure = tokens[figureAt]
    // "人倒是知道 二十二个": a few words may stand between 人 and its figure.
    if (figure?.type !== 'quantity' || !PERSON_GAP.test(text.slice(at + 1, figure.start))) continue
    const { unit } = figure.quantity
    if (unit !== null && unit !== 'person' && unit !== 'item') continue
    const research =
      lastKeyword?.type === 'keyword' &&
      lastKeyword.meaning.type === 'amount' &&
      lastKeyword.meaning.topic.id === 'rdExpense'
    const topic = research ? AMOUNT_TOPICS.rdStaff : AMOUNT_TOPICS.employees
    merged.push({ start: at, end: at + 1, text: '人', type: 'keyword', meaning: { type: 'amount', topic } })
  }
  while (next < tokens.length) take()
  if (merged.length !== tokens.length) replaceAll(tokens, merged)
}

/** A verb, 不 and the same verb (免不免, 报不报, 给不给): a question whether it is so. */
const A_NOT_A = /(\p{Script=Han})不\1/gu

/**
 * "车辆购置税免不免", "这个报不报": an A-not-A form the lexicon does not list (要不要, 是不是 are ask words) asks,
 * wherever no other token holds its characters.
 */
function markNotQuestions(text: string, tokens: MessageToken[]): void {
  insertUncovered(tokens, text.matchAll(A_NOT_A), (match, start, end) => ({
    start,
    end,
    text: match[0],
    type: 'question',
  }))
}

/**
 * "去年的话是230万": 的话 in a clause that gives a number marks its topic ("as for last year"); only in a clause
 * without one is it a supposition ("亏损的话能不能评").
 */
function markTopicMarkers(tokens: MessageToken[]): void {
  // "创新型那事是原来的总经理经手的": 是 right after a matter named introduces what is said of it, it affirms nothing.
  tokens.forEach((token, index) => {
    if (token.type === 'yes' && token.text === '是' && tokens[index - 1]?.type === 'area')
      tokens[index] = { ...token, type: 'filler' } as MessageToken
  })
  let start = 0
  for (let index = 0; index <= tokens.length; index += 1) {
    if (index < tokens.length && tokens[index].type !== 'separator') continue
    const clause = tokens.slice(start, index)
    if (clause.some((token) => token.type === 'quantity')) {
      clause.forEach((token, offset) => {
        const topic =
          (token.type === 'hypothetical' && token.text === '的话') ||
          // "前年么两千八", "去年呢三千二": a particle after a year or keyword marks a topic, not a question.
          (token.type === 'question' &&
            TOPIC_PARTICLES.has(token.text) &&
            (clause[offset - 1]?.type === 'year' || clause[offset - 1]?.type === 'keyword') &&
            clause.slice(offset + 1).some((next) => next.type === 'quantity'))
        const final =
          token.type === 'question' &&
          FINAL_PARTICLES.has(token.text) &&
          offset === clause.length - 1 &&
          clause[offset - 1]?.type === 'quantity'
        if (topic || final) tokens[start + offset] = { ...token, type: 'filler' } as MessageToken
      })
    }
    start = index + 1
  }
}

/**
 * "好的呢", "可以的呢": 呢 right after an affirmation softens it and asks nothing. "没参加过什么比赛", "没啥问题": after
 * a negation in its clause, an indefinite (reply-words.json `indefinites`: 什么/啥) means "any" and asks nothing
 * either; so does one that a 都/也 and a negation follow in its clause ("啥荣誉都没有", "什么奖也没拿过").
 */
function markSoftenersAndIndefinites(text: string, tokens: MessageToken[], indefinites: ReadonlySet<string>): void {
  let negated = false
  tokens.forEach((token, index) => {
    if (token.type === 'separator') negated = false
    if (token.type === 'no') negated = true
    if (token.type !== 'question') return
    const before = tokens[index - 1]
    const softens =
      token.text === '呢' &&
      (before?.type === 'yes' || before?.type === 'confirm') &&
      text.slice(before.end, token.start).trim() === ''
    if (softens || (indefinites.has(token.text) && (negated || deniedAfter(text, tokens, index))))
      tokens[index] = { ...token, type: 'filler' } as MessageToken
  })
}

/** Tokens that state something: a clause holding one is a statement, not a bare topic. */
const STATING = new Set<MessageToken['type']>([
  'yes',
  'no',
  'quantity',
  'rank',
  'unknown',
  'confirm',
  'correction',
  'bound',
  'place',
  'vague',
  'change',
])
const states = (token: MessageToken): boolean =>
  STATING.has(token.type) ||
  (token.type === 'keyword' &&
    (token.meaning.type === 'choice' ||
      token.meaning.type === 'fixed' ||
      (token.meaning.type === 'flag' && token.meaning.value !== undefined)))

/**
 * "没有呢", "不对呢", "注册在天津呢", "外包为主呢": 呢 closing a clause that states something (a stating token, two fact
 * words, or more than two characters no word covers: "ERP用的用友呢") is a final particle and asks nothing; only after a bare topic ("研发费用呢",
 * "那小巨人呢") does it ask "what about".
 */
/**
 * "去年已经评上创新型中小企业了", "2023年获评专精特新", "评上的是创新型": an assess word that tells a result, after a
 * perfective word or a year or before 了/的 (without a question after), says the title is held: an affirmation.
 */
function markAchievedTitles(text: string, tokens: MessageToken[], achieved: Lexicon['achieved']): void {
  if (achieved.words.size === 0) return
  tokens.forEach((token, index) => {
    if (token.cue !== 'assess' || !achieved.words.has(token.text)) return
    const before = text.slice(Math.max(0, token.start - 4), token.start).replace(/\s+$/u, '')
    const previous = tokens.slice(0, index).findLast((other) => other.text.trim() !== '')
    const after = text.slice(token.end, token.end + 4)
    const told =
      achieved.before.some((word) => before.endsWith(word)) ||
      (previous?.type === 'year' && previous.end >= token.start - 1) ||
      (/^[了的]/u.test(after) && !/^[了的][没吗么不嘛]/u.test(after))
    if (told) tokens[index] = { start: token.start, end: token.end, text: token.text, type: 'yes' }
  })
}

function markStatementParticles(text: string, tokens: MessageToken[]): void {
  let start = 0
  for (let index = 0; index <= tokens.length; index += 1) {
    if (index < tokens.length && tokens[index].type !== 'separator') continue
    let last = index - 1
    while (last >= start && tokens[last].type === 'filler') last -= 1
    const particle = tokens[last]
    if (particle?.type === 'question' && particle.text === '呢') {
      const before = tokens.slice(start, last)
      const from = start > 0 ? tokens[start - 1]!.end : 0
      let untagged = 0
      for (let at = from; at < particle.start; at += 1)
        if (HAN.test(text[at]!) && !before.some((token) => token.start <= at && at < token.end)) untagged += 1
      if (
        (before.some(states) || untagged > 2 || before.filter((token) => token.type === 'keyword').length > 1) &&
        !before.some((token) => token.type === 'question' || token.type === 'hypothetical')
      )
        tokens[last] = { ...particle, type: 'filler' } as MessageToken
    }
    start = index + 1
  }
}

/**
 * "知识产权的事我不太懂", "财务方面看不懂": not understanding a matter named with an area word is not knowing it; a
 * clause that also asks ("这块不明白什么意思") still asks.
 */
function markUnknownAreas(tokens: MessageToken[], notUnderstood: ReadonlySet<string>): void {
  let start = 0
  for (let index = 0; index <= tokens.length; index += 1) {
    if (index < tokens.length && tokens[index]!.type !== 'separator') continue
    const clause = tokens.slice(start, index)
    const area = clause.findIndex((token) => token.type === 'area')
    const questions = clause.filter((token) => token.type === 'question')
    const word = clause.findIndex(
      (token, at) => at > area && token.type === 'question' && notUnderstood.has(token.text),
    )
    if (area >= 0 && word >= 0 && questions.length === 1)
      tokens[start + word] = { ...clause[word]!, type: 'unknown', skip: false } as MessageToken
    start = index + 1
  }
}

/** What may stand between 未/有待 and the work it says is not done ("没单独统计", "无公开统计"): a word or two. */
const NOT_DONE_GAP = /^\s*\p{Script=Han}{0,2}$/u
const isNoise = (token: MessageToken): boolean => token.type === 'keyword' && token.meaning.type === 'noise'
const DEFERRAL_WORDS = new Set<MessageToken['type']>(['later', 'deliver', 'process', 'pending'])

/**
 * The figure is not there yet, an unknown: work said not done or still going on (reply-words.json `process` after a
 * `deny` or `pending` word: 暂未统计, 尚未出具, 有待核实, 还在核对), or a time to come (`later`) or such work followed
 * in its clause by a delivery (`deliver`: 明天给你, 过两天发你, 核对后提供). Each of these words alone says nothing and
 * is dropped ("给你说下", "明天开会", "统计局").
 */
function markDeferrals(text: string, tokens: MessageToken[]): void {
  let later: MessageToken | null = null
  const unknown = (from: MessageToken, to: MessageToken): MessageToken => ({
    start: from.start,
    end: to.end,
    text: text.slice(from.start, to.end),
    type: 'unknown',
    skip: false,
  })
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!
    // "无公开统计": a noise word may stand in the gap.
    let at = index - 1
    while (at >= 0 && isNoise(tokens[at]!)) at -= 1
    const before = tokens[at]
    if (token.type === 'separator') later = null
    else if (token.type === 'later') later ??= token
    else if (
      token.type === 'process' &&
      (before?.type === 'no' || before?.type === 'pending') &&
      NOT_DONE_GAP.test(text.slice(before.end, token.start))
    ) {
      tokens.splice(at, index - at + 1, unknown(before, token))
      index = at
    } else if (token.type === 'process') later ??= token
    else if (token.type === 'deliver' && later !== null) {
      // The words in between stay: "明天把研发费用发你" is about 研发费用, as "研发费用不清楚" is.
      tokens[index] = { ...unknown(later, token), start: token.start }
      later = null
    }
  }
  for (let index = tokens.length - 1; index >= 0; index -= 1)
    if (DEFERRAL_WORDS.has(tokens[index]!.type)) tokens.splice(index, 1)
}

/**
 * "没品牌，都是贴牌", "都是代工": 都是 before words no lexicon knows (two characters or more, not a particle: 都是吧),
 * closing the clause, describes what the firm does; it answers no question with "yes".
 */
function markDescriptions(text: string, tokens: MessageToken[]): void {
  tokens.forEach((token, index) => {
    if (token.type !== 'yes' || !COPULAS.has(token.text) || tokens[index - 1]?.type !== 'all') return
    const next = tokens[index + 1]
    if (next !== undefined && next.type !== 'separator') return
    const rest = text.slice(token.end, next?.start ?? text.length)
    const words = [...rest].filter((char) => HAN.test(char)).length
    if (words >= 2 && text.slice(tokens[index - 1]!.end, token.start).trim() === '')
      tokens[index] = { ...token, type: 'filler' } as MessageToken
  })
}

/** "啥荣誉都没有": later in the clause, 都/也 and then a negation. */
function deniedAfter(text: string, tokens: readonly MessageToken[], index: number): boolean {
  let even = false
  for (let after = index + 1; after < tokens.length; after += 1) {
    const token = tokens[after]!
    if (token.type === 'separator') return false
    if (token.type === 'all' || text.slice(tokens[after - 1]!.end, token.start).includes('也')) even = true
    if (token.type === 'no') return even
  }
  return false
}

function readYear(text: string): YearReference {
  // 二零二五年 (spoken, as voice input writes it) is 2025年.
  const raw = text.replace(/^[二两零〇一三四五六七八九]{4}/, (digits) =>
    [...digits].map((digit) => SPOKEN_DIGITS.indexOf(digit) % 10).join(''),
  )
  // FY2025, FY25 (fiscal year), 25财年.
  const fiscal = /^[Ff][Yy]\s*(\d{2,4})/.exec(raw)
  if (fiscal) return { kind: 'calendar', year: (fiscal[1]!.length === 2 ? 2000 : 0) + Number(fiscal[1]) }
  const calendar = /^(\d{4})/.exec(raw)
  if (calendar) return { kind: 'calendar', year: Number(calendar[1]) }
  const short = /^(\d{2})\s*财?年/.exec(raw)
  if (short) return { kind: 'calendar', year: 2000 + Number(short[1]) }
  if (raw.startsWith('大前年')) return { kind: 'offset', offset: 2 }
  // 上上年度, 再上一年 (the year before 上年度), 再往前一年.
  if (raw.startsWith('上上') || raw.startsWith('再')) return { kind: 'offset', offset: 1 }
  if (raw.startsWith('前年')) return { kind: 'offset', offset: 1 }
  if (raw.startsWith('今年') || raw.startsWith('本年')) return { kind: 'offset', offset: -1 }
  return { kind: 'offset', offset: 0 }
}

function readWindow(raw: string): number {
  const digit = /[2-5两二三四五]/.exec(raw)?.[0] ?? '3'
  return ({ 两: 2, 二: 2, 三: 3, 四: 4, 五: 5 } as Record<string, number>)[digit] ?? Number(digit)
}
