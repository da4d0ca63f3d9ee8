import { normalizeMessage } from './normalize-message.js'

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
  俩: 2,
  仨: 3,
}
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 }
const WAN = new Set(['万', '萬'])
const YI = new Set(['亿', '億'])
const ARABIC = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/
const PLAIN_ARABIC = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/

/**
 * Reads a numeral as a pure number: Arabic ("1,200", "3.5", full-width "３２００"), Chinese ("三千二百",
 * "两万五", "一百零五", "壹佰", "二〇二四", "三点五") or mixed ("3千2百万", "3.2万", "1.5个亿", "3200w").
 * Magnitude characters inside the numeral count ("3200万" → 32000000); units such as 元, 人 or % do not belong
 * to a numeral and make it unreadable. Returns null for anything else, including vague ("十几") and range
 * ("二三十") numerals.
 */
export function parseChineseNumber(text: string): number | null {
  return parseNormalizedNumber(normalizeMessage(text))
}

/** `parseChineseNumber` for text already normalised by `normalizeMessage` (the extractor's hot path). */
export function parseNormalizedNumber(text: string): number | null {
  let source = text
    .trim()
    .replace(/\s+/g, '')
    .replace(/个(?=[亿億])/g, '')
  if (source === '') return null
  let sign = 1
  if (/^[-+负]/.test(source)) {
    if (source[0] === '-' || source[0] === '负') sign = -1
    source = source.slice(1)
  }
  if (/[wW]$/.test(source)) source = `${source.slice(0, -1)}万`
  if (PLAIN_ARABIC.test(source)) return sign * Number(source.replace(/,/g, ''))
  const value = readMixedNumeral(source)
  return value === null ? null : sign * value
}

function readMixedNumeral(source: string): number | null {
  const hasMagnitude = /[十拾百佰千仟万萬亿億]/.test(source)
  /** 三二零零万 (voice input reads digits one by one): without 十/百/千, a run of digits with a 零 is positional. */
  const hasSmallUnit = /[十拾百佰千仟]/.test(source)
  let yiPart = 0
  let wanPart = 0
  let section = 0
  let current: number | null = null
  /** The last magnitude seen, for the colloquial tail: 三千二 = 3200, 两万五 = 25000, 十五 = 15. */
  let lastUnit = 0
  let currentIsTail = false
  let currentIsSingleDigit = false
  let index = 0
  const takeCurrent = (): number => {
    if (current === null) return 0
    const value = currentIsTail && currentIsSingleDigit && lastUnit >= 10 ? (current * lastUnit) / 10 : current
    current = null
    return value
  }
  while (index < source.length) {
    const character = source[index]
    const arabic = ARABIC.exec(source.slice(index))
    if (arabic) {
      if (current !== null) return null
      current = Number(arabic[0].replace(/,/g, ''))
      currentIsTail = lastUnit > 0
      currentIsSingleDigit = /^\d$/.test(arabic[0])
      index += arabic[0].length
      continue
    }
    if (character in DIGITS) {
      const digit = DIGITS[character]
      const afterZero = current === 0 && hasMagnitude
      if (current !== null && !afterZero) {
        // 二〇二四: a run of digit characters with no magnitude is read digit by digit.
        if (hasSmallUnit || !/[零〇]/.test(source)) return null
        current = current * 10 + digit
        currentIsSingleDigit = false
      } else {
        current = digit
        currentIsTail = lastUnit > 0 && digit !== 0 && !afterZero
        if (afterZero) lastUnit = 10
        currentIsSingleDigit = true
        if (digit === 0) lastUnit = Math.min(lastUnit, 10)
      }
      index += 1
      continue
    }
    if (character === '点' || character === '.') {
      let fraction = ''
      index += 1
      while (index < source.length && (source[index] in DIGITS || /\d/.test(source[index]))) {
        const next = source[index]
        fraction += next in DIGITS ? String(DIGITS[next]) : next
        index += 1
      }
      if (fraction === '') return null
      current = Number(`${current ?? 0}.${fraction}`)
      currentIsSingleDigit = false
      continue
    }
    if (character in SMALL_UNITS) {
      const unit = SMALL_UNITS[character]
      section += (current ?? 1) * unit
      current = null
      lastUnit = unit
      index += 1
      continue
    }
    if (WAN.has(character)) {
      const value = section + takeCurrent()
      wanPart += value === 0 ? 1 : value
      section = 0
      lastUnit = 10_000
      index += 1
      continue
    }
    if (YI.has(character)) {
      const value = wanPart * 10_000 + section + takeCurrent()
      yiPart += value === 0 ? 1 : value
      wanPart = 0
      section = 0
      lastUnit = 100_000_000
      index += 1
      continue
    }
    return null
  }
  const result = yiPart * 100_000_000 + wanPart * 10_000 + section + takeCurrent()
  return Number.isFinite(result) ? roundTiny(result) : null
}

/** Removes binary floating-point noise (3.2 × 10000000 = 32000000.000000004). */
function roundTiny(value: number): number {
  return Number(value.toPrecision(12))
}
