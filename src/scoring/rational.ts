/**
 * Exact rational numbers (BigInt numerator/denominator) so that a value mathematically on a band edge is on it:
 * 1000 → 1130 → 1209.1 gives growth rates of exactly 13% and 7%, an average of exactly 10%.
 */
export interface Rational {
  readonly numerator: bigint
  readonly denominator: bigint
}

function gcd(left: bigint, right: bigint): bigint {
  let a = left < 0n ? -left : left
  let b = right < 0n ? -right : right
  while (b !== 0n) [a, b] = [b, a % b]
  return a === 0n ? 1n : a
}

function make(numerator: bigint, denominator: bigint): Rational {
  if (denominator === 0n) throw new RangeError('division by zero')
  const sign = denominator < 0n ? -1n : 1n
  const divisor = gcd(numerator, denominator)
  return { numerator: (sign * numerator) / divisor, denominator: (sign * denominator) / divisor }
}

const PARSED = new Map<number, Rational>()
const PARSED_LIMIT = 10_000

/** The exact value of a JS number as written in decimal (1209.1 → 12091/10, not the binary approximation). */
export function fromNumber(value: number): Rational {
  const known = PARSED.get(value)
  if (known) return known
  const parsed = parseNumber(value)
  if (PARSED.size >= PARSED_LIMIT) PARSED.clear()
  PARSED.set(value, parsed)
  return parsed
}

function parseNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`)
  const text = value.toString()
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/u.exec(text)
  if (!match) throw new RangeError(`cannot read number: ${text}`)
  const [, sign, whole, fraction = '', exponentText] = match
  const exponent = Number(exponentText ?? 0) - fraction.length
  let numerator = BigInt(`${whole}${fraction}`)
  let denominator = 1n
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent)
  else denominator = 10n ** BigInt(-exponent)
  return make(sign === '-' ? -numerator : numerator, denominator)
}

export const add = (left: Rational, right: Rational): Rational =>
  make(left.numerator * right.denominator + right.numerator * left.denominator, left.denominator * right.denominator)
export const subtract = (left: Rational, right: Rational): Rational =>
  make(left.numerator * right.denominator - right.numerator * left.denominator, left.denominator * right.denominator)
export const multiply = (left: Rational, right: Rational): Rational =>
  make(left.numerator * right.numerator, left.denominator * right.denominator)
export const divide = (left: Rational, right: Rational): Rational =>
  make(left.numerator * right.denominator, left.denominator * right.numerator)
export const isZero = (value: Rational): boolean => value.numerator === 0n

/** -1, 0 or 1. */
export function compare(left: Rational, right: Rational): number {
  const difference = left.numerator * right.denominator - right.numerator * left.denominator
  return difference < 0n ? -1 : difference > 0n ? 1 : 0
}

/** Nearest JS number (for display only; comparisons stay exact). */
export function toNumber(value: Rational): number {
  return Number(value.numerator) / Number(value.denominator)
}

/** The largest integer not above the value. */
export function floor(value: Rational): bigint {
  const quotient = value.numerator / value.denominator
  return value.numerator < 0n && quotient * value.denominator !== value.numerator ? quotient - 1n : quotient
}

/** The smallest integer not below the value. */
export function ceil(value: Rational): bigint {
  return -floor({ numerator: -value.numerator, denominator: value.denominator })
}

export const fromBigInt = (value: bigint): Rational => make(value, 1n)

/**
 * Rounds to a number of decimals in a chosen direction, exactly ("up" for a value to reach, "down" for one to
 * stay under), so advice never names a figure that falls a hair short of a band edge.
 */
export function roundTo(value: Rational, decimals: number, direction: 'up' | 'down'): number {
  const scale = 10n ** BigInt(decimals)
  const scaled = make(value.numerator * scale, value.denominator)
  const whole = direction === 'up' ? ceil(scaled) : floor(scaled)
  return toNumber(make(whole, scale))
}

/** The value halfway between two values. */
export const midpoint = (left: Rational, right: Rational): Rational => divide(add(left, right), fromNumber(2))
