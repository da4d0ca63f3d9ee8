import { parseChineseNumber } from '../facts/parse-chinese-number.js'

/**
 * Chinese numerals → Arabic digits, for the grounding check only (never for display). The value of a numeral is
 * read by the facts reader's `parseChineseNumber`, so the check and the reading of replies agree (三千二 = 3200).
 *
 * Only numerals that carry a fact are rewritten, so idioms stay words and do not turn into numbers:
 * - 百分之三十 → 30%
 * - numerals with a place value (三十, 五千万, 一亿五千万, 一点五亿) → their value, when they start with a digit or 十;
 *   a leading place value (千万不要, 万一, 百强) is a word, not a number;
 * - digit strings before 年 (二〇二三年) → 2023年;
 * - a single digit before a unit (三年, 两倍, 六个月, 三月) → 3年, 2倍, 6个月, 3月; 一 and 十 only before time units
 *   and magnitudes, because 一项/一次/一家/十分 are usually idioms.
 */
export function chineseNumeralsToDigits(text: string): string {
  return text
    .replace(PERCENT_PATTERN, (_match, numeral: string) => {
      const value = /^[\d.]+$/.test(numeral) ? Number(numeral) : parseChineseNumber(numeral)
      return value === null ? _match : `${formatNumber(value)}%`
    })
    .replace(
      NUMERAL_PATTERN,
      (
        match,
        integerPart: string,
        fractionPart: string | undefined,
        magnitude: string | undefined,
        offset: number,
        whole: string,
      ) => {
        const following = whole.slice(offset + match.length)
        const value = numeralValue(integerPart, fractionPart, magnitude, following)
        return value === null ? match : formatNumber(value)
      },
    )
}

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
}
const DIGIT_CHARS = '零〇一二两三四五六七八九'
const NUMERAL_CHARS = `${DIGIT_CHARS}十百千万亿`

const PERCENT_PATTERN = new RegExp(`百分之([${NUMERAL_CHARS}点]+|\\d+(?:\\.\\d+)?)`, 'g')
const NUMERAL_PATTERN = new RegExp(`([${NUMERAL_CHARS}]+)(?:点([${DIGIT_CHARS}]+)([万亿]?))?`, 'g')

/** Units after which a single digit is a quantity (三年, 两倍). */
const QUANTITY_UNIT = /^(年|个月|个工作日|工作日|月|天|周|小时|倍|项|名|岁|分|家|人|批|类|次|个|元|成)/
/** The narrower list for 一 and 十, which are idioms before most other units (一项, 一次, 十分). */
const TIME_OR_MAGNITUDE_UNIT = /^(年|个月|个工作日|工作日|天|周|小时|倍|元)/

function numeralValue(
  integerPart: string,
  fractionPart: string | undefined,
  magnitude: string | undefined,
  following: string,
): number | null {
  const first = integerPart[0] ?? ''
  if (!(first in DIGITS) && first !== '十') return null
  if (fractionPart !== undefined) {
    const integer = parseChineseNumber(integerPart)
    if (integer === null) return null
    const fraction = Number(`0.${[...fractionPart].map((character) => DIGITS[character]).join('')}`)
    return (integer + fraction) * (magnitude === '亿' ? 1e8 : magnitude === '万' ? 1e4 : 1)
  }
  const hasPlace = [...integerPart].some((character) => !(character in DIGITS))
  if (hasPlace && integerPart.length > 1) return parseChineseNumber(integerPart)
  if (!hasPlace && integerPart.length > 1) {
    // A digit string is a year (二〇二三年); anything else (一一对应, 三四个) is a word.
    return /^年/.test(following) && integerPart.length === 4
      ? Number([...integerPart].map((character) => DIGITS[character]).join(''))
      : null
  }
  const unitPattern = integerPart === '一' || integerPart === '十' ? TIME_OR_MAGNITUDE_UNIT : QUANTITY_UNIT
  return unitPattern.test(following) ? parseChineseNumber(integerPart) : null
}

/** Keeps the magnitude visible (五千万 → 5000万, 一亿五千万 → 1.5亿), so an amount still reads as an amount. */
function formatNumber(value: number): string {
  const plain = (number: number) => String(Number(number.toPrecision(12)))
  if (value >= 1e8) return `${plain(value / 1e8)}亿`
  if (value >= 1e4) return `${plain(value / 1e4)}万`
  return plain(value)
}
