import { normalizeMessage } from './normalize-message.js'
import { parseNormalizedNumber } from './parse-chinese-number.js'

/** A number that is only a bound or a rough size: 不到/没到 (lt), 以下/不超过 (le), 超过/多 (gt), 以上/至少 (ge), 三十来个/一个亿左右 (approx). */
export type QuantityBound = 'lt' | 'le' | 'gt' | 'ge' | 'approx'

/** What a number in a message measures, read from its unit word. */
export type QuantityUnit = 'yuan' | 'percent' | 'person' | 'item' | 'year' | 'level' | 'top'

/** A number as written in a message: "约3000多万元", "30来人", "两年半", "百分之六", "5个点". */
export interface Quantity {
  /** The value in its own unit: yuan for money ("3200万" → 32000000), percent for ratios, else the count. */
  value: number
  /** Null for a bare number ("3200"): it takes the unit of the fact asked for. */
  unit: QuantityUnit | null
  /** 约/大概/多/余/来/左右/以上: close enough, taken as written. */
  approximate: boolean
  /** 不到/不足/低于/以下: only an upper bound. */
  upperBound: boolean
  /** Not a value but a bound or a rough size ("五百多万", "超过2000万", "三十来个人"): the figure is asked for. */
  bound: QuantityBound | null
  /** 十几/几百/二三十/20-30: no single value. */
  vague: boolean
  /** A range ("三千万到四千万", "50-100人", "四五千万") in the quantity's own unit: its ends, for the bounds it states. */
  range?: { low: number; high: number }
  /** Written with Chinese numerals only ("三", "一百五"): such a bare number is easily a word, not an answer. */
  chineseOnly: boolean
  /**
   * Absurd as written ("1e308万元", 20 digits, 一万亿亿): beyond MAX_QUANTITY_VALUE in its own unit, or more digits
   * than a number keeps exactly. Never stored, never rounded or cut short: it is asked again.
   */
  outOfRange: boolean
  /**
   * 多/余 after the last digit ("五百多万", "一千多人", "十几个"): only the digits after it are unknown, so the value
   * is also below the next step of that digit (600万, 2000人, 20个).
   */
  ceiling?: number
}

/** Beyond this, in the quantity's own unit (yuan, persons, percent…), no figure in a chat about an SME is meant. */
export const MAX_QUANTITY_VALUE = 1e15
/** A double keeps 15 significant decimal digits exactly; a longer numeral would be silently rounded. */
const MAX_SIGNIFICANT_DIGITS = 15

/**
 * Arabic numerals as messages write them: "3200", "1,200", "3.5", and scientific "1e308" / "1.5E3", which must be
 * read whole (reading "1e308万元" as 308万元 would store a figure nobody wrote). The tokenizer matches with it.
 */
export const ARABIC_NUMERAL_SOURCE = String.raw`(?:(?<!\d,)\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?`

/** "1e308", "-1.5E3", optionally followed by a magnitude character ("1e5万"). */
const SCIENTIFIC = /^([-+]?\d+(?:\.\d+)?[eE][-+]?\d+)([万萬亿億wW])?$/
const SCIENTIFIC_MAGNITUDES: Record<string, number> = { 万: 1e4, 萬: 1e4, w: 1e4, W: 1e4, 亿: 1e8, 億: 1e8 }

/** Digits a numeral states, leading zeros not counted ("0.0032" → 2, "1,234.50" → 6). */
function significantDigits(numeral: string): number {
  const mantissa = numeral.split(/[eE]/)[0] ?? ''
  return mantissa.replace(/[^\d]/g, '').replace(/^0+/, '').length
}

function isOutOfRange(value: number, numeral: string): boolean {
  return (
    !Number.isFinite(value) ||
    Math.abs(value) > MAX_QUANTITY_VALUE ||
    significantDigits(numeral) > MAX_SIGNIFICANT_DIGITS
  )
}

function readScientific(source: string): number | null {
  const match = SCIENTIFIC.exec(source)
  if (!match) return null
  return Number(match[1]) * (match[2] ? SCIENTIFIC_MAGNITUDES[match[2]]! : 1)
}

/** The common case, read without the general machinery: "3200万", "48%", "150人", "3.5". */
const SIMPLE = /^(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(万元|万|亿元|亿|元|%|人|个|项|年)?$/
const SIMPLE_UNITS: Record<string, [QuantityUnit | null, number]> = {
  '': [null, 1],
  万元: ['yuan', 10_000],
  万: ['yuan', 10_000],
  亿元: ['yuan', 100_000_000],
  亿: ['yuan', 100_000_000],
  元: ['yuan', 1],
  '%': ['percent', 1],
  人: ['person', 1],
  个: ['item', 1],
  项: ['item', 1],
  年: ['year', 1],
}

const UNIT_SUFFIXES: Array<[RegExp, QuantityUnit, number]> = [
  [/(?:万元|万块钱|万块)$/, 'yuan', 10_000],
  [/(?:亿元|个亿)$/, 'yuan', 100_000_000],
  [/(?:元|块钱|块|人民币)$/, 'yuan', 1],
  [/(?:%|个百分点|个点)$/, 'percent', 1],
  [/成[半一二三四五六七八九]?$/, 'percent', 10],
  // 32M, 3.2 million: millions of yuan.
  [/(?:[mM]|[mM]illion)$/, 'yuan', 1_000_000],
  [/(?:个人|号人|人|名|位)$/, 'person', 1],
  [/(?:项|件|个|篇|套|款|份)$/, 'item', 1],
  [/年半$/, 'year', 1],
  [/(?:年多|年左右|年以上|年|载)$/, 'year', 1],
  [/级$/, 'level', 1],
  [/强$/, 'top', 1],
]
/**
 * The words a figure may carry, shared with the tagger (src/understanding/tag-text.ts builds its quantity pattern from
 * them), so that every figure the tagger takes is one this reader can read.
 */
export const FIGURE_WORDS = {
  /** Before a figure: about it ("大约三千万", "差不离五百万"). */
  approximate: ['大约', '大概', '约莫', '约', '差不多', '差不离', '大差不差'],
  /** Before a figure: just under it (将近/接近 a number is an upper bound, "将近五千万" < 5000万). */
  rough: ['将近', '接近', '近'],
  /** After a figure: about it; 出头/挂零 are the value, the others only when the number is not round. */
  approximateAfter: ['出头', '挂零', '左右', '上下', '前后', '的样子', '附近', '左近', '上下浮动'],
  /** After a figure: at least it (ge). */
  inclusiveLowerAfter: [
    '以上',
    '往上',
    '朝上',
    '打底',
    '起步',
    '只多不少',
    '只会多不会少',
    '只长不短',
    '只高不低',
    '是跑不了的',
    '跑不了',
    '跑不掉',
  ],
  /** After a figure: below or at most it. */
  upperAfter: ['以下', '往下', '以内', '之内', '封顶', '到顶', '只少不多', '只短不长'],
  /** After a figure: more than it (gt): "三千万打不住", "三千万还不止", "五十开外". */
  aboveAfter: [
    '开外',
    '多点',
    '多一点',
    '打不住',
    '还不止',
    '都不止',
    '不止',
    '有余',
    '还多',
    '往外',
    '富余一点',
    '富余点',
    '富余',
  ],
  /** Around a range: "介于两千到三千万", "两千万和三千万之间" (和/与 join the two ends only before 之间). */
  rangeBefore: ['介于'],
  rangeAfter: ['之间'],
  /** After a figure, optionally after 都/还: not reached ("还不到五百万"). */
  notReachedAfter: ['不到', '不足', '不够', '不满', '没到', '没有到', '没达到'],
} as const

/** An alternation of words, longest first (so 约莫 wins over 约). */
export function alternation(words: readonly string[]): string {
  return [...words].sort((left, right) => right.length - left.length).join('|')
}

const APPROXIMATE_PREFIX = new RegExp(
  `^(?:${alternation([...FIGURE_WORDS.approximate, ...FIGURE_WORDS.rough, '有', '是', '为', '共', '总共', '一共', '合计'])})`,
)
const ROUGH_PREFIX = new RegExp(`^(?:${alternation(FIGURE_WORDS.rough)})$`)
/** ¥3200万, RMB 32,000,000, 人民币3200万: the currency before the figure makes it money. */
const CURRENCY_PREFIX = /^(?:[¥￥]|RMB|人民币)/
const UPPER_BOUND_PREFIX = /^(?:不到|不足|低于|少于|小于)/
const LOWER_BOUND_PREFIX = /^(?:超过|逾|多于|高于|大于|[过破](?=[百千万亿]))/
/** 上亿, 上千万: reaching the figure. */
const REACHING_PREFIX = /^上(?=[百千万亿])/
const APPROXIMATE_SUFFIX = new RegExp(`(?:${alternation(FIGURE_WORDS.approximateAfter)})$`)
/** 左右/上下/前后/的样子 are a value only when the number is not round ("一个亿左右" is a bound). */
const ROUGH_SUFFIX = new RegExp(
  `(?:${alternation(FIGURE_WORDS.approximateAfter.filter((word) => word !== '出头' && word !== '挂零'))})$`,
)
/** 多点/开外 are above the figure (gt). */
const LOWER_BOUND_SUFFIX = new RegExp(
  `(?:${alternation([...FIGURE_WORDS.inclusiveLowerAfter, ...FIGURE_WORDS.aboveAfter])}|\\+)$`,
)
const INCLUSIVE_LOWER_SUFFIX = new RegExp(`^(?:${alternation(FIGURE_WORDS.inclusiveLowerAfter)})$`)
/** "千万级", "百万级别": at least one of the magnitude. */
const MAGNITUDE_CLASS = /^([十百千]?万|个?亿)(?:级别|量级|级)$/
/** "三分之一", "四分之一": a fraction, in percent. */
const FRACTION = /^([一二两三四五六七八九十\d]+)分之/
const UPPER_BOUND_SUFFIX = new RegExp(
  `(?:${alternation(FIGURE_WORDS.upperAfter)}|[都还]?(?:${alternation(FIGURE_WORDS.notReachedAfter)})|都没有|都没)$`,
)
const APPROXIMATE_INNER = /[多余来把](?=[十百千万亿个人名位项件年元块wW%号]|$)/
const APPROXIMATE_INNER_ALL = new RegExp(APPROXIMATE_INNER.source, 'g')
const RANGE_AROUND = new RegExp(
  `^(?:${alternation(FIGURE_WORDS.rangeBefore)})?(.+?)[和与跟](.+?)(?:${alternation(FIGURE_WORDS.rangeAfter)})$`,
)
const RANGE_WORDS = new RegExp(
  `^(?:${alternation(FIGURE_WORDS.rangeBefore)})|(?:${alternation(FIGURE_WORDS.rangeAfter)})$`,
  'g',
)
const RANGE = /\d\s*[-~～到至]\s*\d|[一二两三四五六七八九][一二两三四五六七八九](?=[十百千万亿])|几/

/**
 * Reads one quantity expression (a numeral with its approximation words and unit). Money keeps yuan
 * ("3200万" → 32000000 yuan); a bare number has a null unit. Returns null when the text is not a quantity.
 */
export function readQuantity(text: string): Quantity | null {
  return readNormalizedQuantity(normalizeMessage(text))
}

/** `readQuantity` for text already normalised by `normalizeMessage` (the tokenizer's hot path). */
export function readNormalizedQuantity(text: string): Quantity | null {
  const simple = SIMPLE.exec(text)
  if (simple) {
    const [unit, scale] = SIMPLE_UNITS[simple[2] ?? ''] ?? [null, 1]
    const exact = Number(simple[1]) * scale
    const outOfRange = isOutOfRange(exact, simple[1]!)
    return {
      value: outOfRange ? exact : Number(exact.toPrecision(12)),
      unit,
      approximate: false,
      upperBound: false,
      bound: null,
      vague: false,
      chineseOnly: false,
      outOfRange,
    }
  }
  // "一个多亿": 多 before the 个亿 unit.
  let source = text
    .trim()
    .replace(/\s+/g, '')
    .replace(/个([多余])([亿億])/, '$1个$2')
    // "介于两千到三千万", "两千万和三千万之间": a range said with the words around it.
    .replace(RANGE_AROUND, '$1到$2')
    .replace(RANGE_WORDS, '')
    // "150个w", "二十个万": 个 before 万 is said as before 亿.
    .replace(/个(?=[wW万萬]$)/, '')
    // 3.2kw: kw is 千万 in chat.
    .replace(/[kK][wW]$/, '千万')
    // "四成多", "40%多": 多/余 after a ratio's unit belongs to the numeral ("四多成").
    .replace(/^(.+?)(成|%|个百分点|个点)([多余])$/, '$1$3$2')
  let currency = false
  let approximate = false
  let upperBound = false
  let vague = false
  let bound: QuantityBound | null = null
  let rough = false
  let more = false
  // "百十号人", "百十来万": 百十 is about a hundred.
  if (/^百十(?![一二三四五六七八九])/.test(source)) {
    source = `一百${source.slice(2)}`
    approximate = true
    rough = true
  }
  for (let changed = true; changed;) {
    changed = false
    const upper = UPPER_BOUND_PREFIX.exec(source) ?? UPPER_BOUND_SUFFIX.exec(source)
    if (upper) {
      upperBound = true
      // "不到一千万", "一千万不到/还没到/都没有": below it; "一千万以下/以内": at most.
      bound = upper.index === 0 || !/^(?:以下|往下|以内|之内)$/.test(upper[0]) ? 'lt' : 'le'
      source = upper.index === 0 ? source.slice(upper[0].length) : source.slice(0, upper.index)
      changed = true
      continue
    }
    const reaching = REACHING_PREFIX.exec(source)
    if (reaching) {
      bound = 'ge'
      source = source.slice(reaching[0].length)
      changed = true
      continue
    }
    const lower = LOWER_BOUND_PREFIX.exec(source) ?? LOWER_BOUND_SUFFIX.exec(source)
    if (lower && lower[0].length < source.length) {
      bound = INCLUSIVE_LOWER_SUFFIX.test(lower[0]) ? 'ge' : 'gt'
      source = lower.index === 0 ? source.slice(lower[0].length) : source.slice(0, lower.index)
      changed = true
      continue
    }
    const approx = APPROXIMATE_PREFIX.exec(source) ?? APPROXIMATE_SUFFIX.exec(source)
    if (approx && approx[0].length < source.length) {
      approximate = true
      if (ROUGH_PREFIX.test(approx[0])) {
        upperBound = true
        bound ??= 'lt'
      } else if (ROUGH_SUFFIX.test(approx[0])) rough = true
      source = approx.index === 0 ? source.slice(approx[0].length) : source.slice(0, approx.index)
      changed = true
      continue
    }
    const currencyWord = CURRENCY_PREFIX.exec(source)
    if (currencyWord && currencyWord[0].length < source.length) {
      currency = true
      source = source.slice(currencyWord[0].length)
      changed = true
    }
  }
  // "负债率不到一半": half is 50 %.
  if (/^(?:一半|半数)$/.test(source))
    return {
      value: 50,
      unit: 'percent',
      approximate,
      upperBound,
      bound,
      vague: false,
      chineseOnly: true,
      outOfRange: false,
    }
  const magnitudeClass = MAGNITUDE_CLASS.exec(source)
  if (magnitudeClass) {
    bound = 'ge'
    source = `一${magnitudeClass[1]}`
  }
  let percentPrefix = 0
  const prefixed = /^(百分之|千分之)/.exec(source)
  const fraction = prefixed ? null : FRACTION.exec(source)
  const denominator = fraction ? parseNormalizedNumber(fraction[1]!) : null
  if (prefixed) {
    percentPrefix = prefixed[1] === '百分之' ? 1 : 0.1
    source = source.slice(prefixed[1].length)
  } else if (fraction && denominator !== null && denominator > 0) {
    percentPrefix = 100 / denominator
    source = source.slice(fraction[0].length)
  }
  // "三千万元到四千万元", "30人到50人": a unit said after both ends of a range is said once.
  source = source.replace(/^(.+?)(万元|元|人|个)([-~～到至].+)\2$/u, '$1$3$2')
  // "五百万至八百万元": 元 after the second end of a range in 万 is the currency of both.
  source = source.replace(/^(.+?[万亿])([-~～到至].+?[万亿])元$/u, '$1$2')
  let unit: QuantityUnit | null = percentPrefix > 0 ? 'percent' : null
  let scale = percentPrefix > 0 ? percentPrefix : 1
  let extra = 0
  if (unit === null) {
    for (const [pattern, suffixUnit, suffixScale] of UNIT_SUFFIXES) {
      const match = pattern.exec(source)
      if (!match || match.index === 0) continue
      unit = suffixUnit
      scale = suffixScale
      // "两年半", "一成半": half a unit more; "四成五": five tenths of a 成 more.
      if (match[0].endsWith('半')) extra = 0.5
      else if (/^成.$/.test(match[0])) extra = (parseNormalizedNumber(match[0].slice(1)) ?? 0) / 10
      if (/^年(?:多|左右|以上)$/.test(match[0])) approximate = true
      source = source.slice(0, match.index)
      // "一亿两千万元": after a 亿 the 万 of 万元 is the last part's magnitude, not the whole numeral's.
      if (suffixScale === 10_000 && /[亿億]/.test(source)) {
        source += '万'
        scale = 1
      }
      break
    }
  }
  const ends = readRange(source)
  if (ends || RANGE.test(source)) vague = true
  if (APPROXIMATE_INNER.test(source)) {
    approximate = true
    // "五百多万", "二十多人": more than the number, not a value; "三十来个" is about the number.
    if (/[多余]/.test(source.match(APPROXIMATE_INNER)?.[0] ?? '')) {
      if (bound === null) more = true
      bound ??= 'gt'
    } else rough = true
    source = source.replace(APPROXIMATE_INNER_ALL, '')
  }
  // "上亿", "过千万", "百来万": a magnitude said alone is one of it.
  if (bound !== null && /^[百千万亿]/.test(source)) source = `一${source}`
  if (/^[-+负]?[wW万亿]/.test(source)) return null
  // 1.2万元: magnitude inside the numeral, then the currency.
  const hasMagnitude = /[万萬亿億wW]$/.test(source)
  // "一亿二": a 亿 inside the numeral is money too (no firm counts its staff in 亿).
  if (unit === null && (hasMagnitude || currency || /[亿億]/.test(source))) unit = 'yuan'
  const chineseOnly = !/\d/.test(source)
  if (vague) {
    // "十几个人": more than ten; "二三十人", "20-30": no single value either.
    const floor = /几/.test(source) ? parseNormalizedNumber(source.replace(/几/g, '')) : null
    const value = floor === null ? Number.NaN : Number((floor * scale).toPrecision(12))
    // "十几", "二十几": the ones digit is unknown, the value is below the next ten.
    const tens = floor !== null && /十几$/.test(source) && Number.isInteger(floor / 10)
    // "几十万", "几百人": the leading digit is unknown, the value is below ten times the magnitude.
    const leading = floor !== null && /^几[十百千]/.test(source)
    return {
      value,
      unit,
      approximate,
      upperBound,
      bound: Number.isNaN(value) ? null : 'gt',
      vague,
      chineseOnly,
      outOfRange: false,
      ...(ends && floor === null
        ? {
            range: {
              low: Number((ends.low * scale).toPrecision(12)),
              high: Number((ends.high * scale).toPrecision(12)),
            },
          }
        : {}),
      ...(tens && floor !== null ? { ceiling: Number(((floor + 10) * scale).toPrecision(12)) } : {}),
      ...(leading && floor !== null ? { ceiling: Number((floor * 10 * scale).toPrecision(12)) } : {}),
    }
  }
  const numeral = readScientific(source) ?? parseNormalizedNumber(source)
  if (numeral === null) return null
  const exact = (numeral + extra) * scale
  const outOfRange = isOutOfRange(exact, source)
  const value = outOfRange ? exact : Number(exact.toPrecision(12))
  // A round number said roughly ("三十来个人", "一个亿左右") is a size, not a figure.
  if (rough && bound === null && unit !== 'year' && significantDigitsOfValue(numeral) <= 1) bound = 'approx'
  const ceiling =
    more && !outOfRange ? Number(((numeral + lastDigitStep(numeral) + extra) * scale).toPrecision(12)) : null
  return {
    value,
    unit,
    approximate,
    upperBound,
    bound,
    vague,
    chineseOnly,
    outOfRange,
    ...(ceiling !== null ? { ceiling } : {}),
  }
}

/** The place value of a numeral's last non-zero digit: 500 → 100, 1500 → 100, 32 → 1, 3.5 → 0.1. */
function lastDigitStep(value: number): number {
  const text = String(Math.abs(value))
  if (text.includes('e')) return 1
  const [whole, fraction = ''] = text.split('.')
  if (fraction !== '') return 10 ** -fraction.length
  const zeros = whole.length - whole.replace(/0+$/, '').length
  return whole === '0' ? 1 : 10 ** zeros
}

function significantDigitsOfValue(value: number): number {
  const digits = String(Math.abs(value)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '')
  return digits.length
}

/** Two Chinese digits side by side before a magnitude: 四五千万 = 四千万 to 五千万, 五六十 = 五十 to 六十. */
const ADJACENT_DIGITS = /^(.*?)([一二两三四五六七八九])([一二两三四五六七八九])(?=[十百千万亿])(.*)$/
const RANGE_SEPARATOR = /^(.+?)\s*[-~～到至]\s*(.+)$/
const TRAILING_MAGNITUDES = /[十百千万萬亿億wW]+$/
const UNIT_MAGNITUDES = /[万萬亿億wW]+$/
const ANY_MAGNITUDE = /[十百千万萬亿億wW]/

/** The ends of a range numeral ("三千万到四千万", "3000-4000万", "四五千万", "50-100"), low first; null when not one. */
function readRange(source: string): { low: number; high: number } | null {
  let left: string
  let right: string
  const separated = RANGE_SEPARATOR.exec(source)
  const adjacent = ADJACENT_DIGITS.exec(source)
  if (separated) {
    ;[, left, right] = separated
    // "3000-4000万": the magnitude after the second figure is the first one's too.
    const magnitude = TRAILING_MAGNITUDES.exec(right)?.[0] ?? ''
    // "一千五到两千万": a first figure with a magnitude of its own takes only the unit (万) of the second.
    if (magnitude !== '' && !ANY_MAGNITUDE.test(left)) left += magnitude
    else {
      // "两千到三千万": the 万/亿 the second figure is counted in counts the first one too.
      const unit = UNIT_MAGNITUDES.exec(right)?.[0]
      if (unit && !UNIT_MAGNITUDES.test(left)) left += unit
    }
  } else if (adjacent) {
    const [, head, first, second, tail] = adjacent
    left = `${head}${first}${tail}`
    right = `${head}${second}${tail}`
  } else return null
  const low = parseNormalizedNumber(left)
  const high = parseNormalizedNumber(right)
  // A range is said between figures of one size ("50-100人"); "差1万到3000万" is no range.
  if (low === null || high === null || !(low < high) || high > low * 10) return null
  return { low, high }
}
