import { convertQuantity } from '../facts/convert-quantity.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import { topicOf, type LastValue } from './last-values.js'
import type { Lexicon } from './load-lexicon.js'
import type { CorrectionKind, Position } from './lexicon-schema.js'
import type { MessageToken } from './tag-text.js'

/** A value given before, pointed at by its position ("中间那个", "第二个", "小的那个", "最早那年的"). */
interface Pointer {
  position: Position
  start: number
  end: number
}

/**
 * "主营那三个数 中间那个错了 应该是一千九", "研发费用那两个 头一个240是对的 第二个应该是210", "两个营收里小的那个写错了 是2650":
 * a correction that points at one of a topic's known values by its position among them (in the topic's slot order:
 * the latest year first) or by its size, then gives the figure that replaces it. "少算了一百"/"多报了两百" after the
 * pointer change the value by that much. The topic is the one the message names, else the one of the value given last.
 * Returns the corrected facts, or null when the message points at no value.
 */
export function readPositionalCorrection(
  text: string,
  tokens: readonly MessageToken[],
  known: Facts,
  lastValues: readonly LastValue[],
  lexicon: Lexicon,
): Facts | null {
  // Only a correction points back (错了, 应该是, 对调): "第一个有 第二个没有" answers a yes/no group.
  if (!tokens.some((token) => token.type === 'correction')) return null
  const pointers = findPointers(text, lexicon.positions)
  if (pointers.length === 0) return null
  const keyword = tokens.find((token) => token.type === 'keyword' && token.meaning.type === 'amount')
  const topic =
    keyword?.type === 'keyword' && keyword.meaning.type === 'amount'
      ? keyword.meaning.topic
      : lastValues[0]
        ? topicOf(lastValues[0].fact)
        : undefined
  if (!topic) return null
  const slots = topic.slots.filter((fact) => typeof known[fact] === 'number')
  if (slots.length < 2) return null
  // 第一个/第二个 count in the order the values were given (the last values, latest first), the years by slot.
  const given = [...lastValues]
    .reverse()
    .map((last) => last.fact)
    .filter((fact) => slots.includes(fact))
  const order = [...new Set([...given, ...slots])]
  // "主营那三个数 头尾对调一下", "第一个和第三个对调": two values pointed at trade places.
  const swap = tokens.find((token) => token.type === 'correction' && token.kind === 'swapped')
  if (swap) {
    const pair =
      pointers.length === 1 && pointers[0].position === 'ends'
        ? [order[0], order[order.length - 1]]
        : pointers.length === 2
          ? pointers.map((pointer) => pointedFact(pointer.position, slots, order, known))
          : []
    const [left, right] = pair
    if (left && right && left !== right)
      return { [left]: known[right] as number, [right]: known[left] as number } as Facts
    return null
  }
  const corrected: Record<string, number> = {}
  let previous: FactName | undefined
  for (const [index, pointer] of pointers.entries()) {
    const fact =
      pointer.position === 'other'
        ? slots.length === 2 && previous
          ? slots.find((slot) => slot !== previous)
          : undefined
        : pointedFact(pointer.position, slots, order, known)
    previous = fact ?? previous
    if (!fact) continue
    const before = known[fact] as number
    // The figure after the pointer, before the next one: the new value, or how far off the old one was.
    const limit = pointers[index + 1]?.start ?? text.length
    const figures = tokens.filter(
      (token) => token.type === 'quantity' && token.start >= pointer.end && token.start < limit,
    )
    const inReach = (token: MessageToken) => token.start >= pointer.end && token.start < limit
    const change = correctionOf(tokens, ['overstated', 'understated'], inReach)
    // "中间的少写了个零": a slipped zero after the pointer, with no figure, scales the value pointed at.
    const zero = correctionOf(tokens, ['extraZero', 'missingZero'], inReach)
    if (figures.length === 0 && zero?.type === 'correction') {
      corrected[fact] = Number((zero.kind === 'extraZero' ? before / 10 : before * 10).toPrecision(12))
      continue
    }
    for (const figure of figures) {
      if (figure.type !== 'quantity') continue
      const conversion = convertQuantity(figure.quantity, topic.unit)
      if (!conversion.ok) continue
      // "少算了一百": the figure right after 少算了/多报了 is the difference; "多写了 是两千零一十" gives the value.
      const difference = change?.type === 'correction' && tokens[tokens.indexOf(change) + 1] === figure
      const value = difference
        ? before + (change.kind === 'overstated' ? -conversion.value : conversion.value)
        : conversion.value
      // "头一个240是对的": the figure that restates the value confirms it.
      if (value !== before) corrected[fact] = Number(value.toPrecision(12))
      break
    }
  }
  return Object.keys(corrected).length > 0 ? (corrected as Facts) : null
}

/** The first correction token of one of these kinds that `where` accepts. */
function correctionOf(
  tokens: readonly MessageToken[],
  kinds: readonly CorrectionKind[],
  where: (token: MessageToken) => boolean,
): MessageToken | undefined {
  return tokens.find(
    (token) => token.type === 'correction' && token.kind !== undefined && kinds.includes(token.kind) && where(token),
  )
}

/** The position words of the text, longest first where they overlap ("中间那个数" before "那个"). */
function findPointers(text: string, positions: Lexicon['positions']): Pointer[] {
  const found: Pointer[] = []
  for (const { position, word } of positions)
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length))
      if (!found.some((other) => at < other.end && other.start < at + word.length))
        found.push({ position, start: at, end: at + word.length })
  return found.sort((left, right) => left.start - right.start)
}

/** The fact a position points at: by the order given (`order`), by year (`slots`, latest first) or by size. */
function pointedFact(
  position: Position,
  slots: readonly FactName[],
  order: readonly FactName[],
  known: Facts,
): FactName | undefined {
  const value = (fact: FactName) => known[fact] as number
  switch (position) {
    case 'first':
      return order[0]
    case 'second':
      return order[1]
    case 'third':
      return order[2]
    case 'middle':
      return order.length === 3 ? order[1] : undefined
    case 'last':
      return order[order.length - 1]
    case 'latest':
      return slots[0]
    case 'earliest':
      return slots[slots.length - 1]
    case 'smaller':
      return [...slots].sort((left, right) => value(left) - value(right))[0]
    case 'larger':
      return [...slots].sort((left, right) => value(right) - value(left))[0]
    case 'other':
    case 'ends':
      return undefined
  }
}
