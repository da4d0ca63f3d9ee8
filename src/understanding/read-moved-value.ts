import { convertQuantity } from '../facts/convert-quantity.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import type { AmountTopic } from '../facts/fact-vocabulary.js'
import type { MessageToken } from './tag-text.js'

type AmountKeyword = MessageToken & { type: 'keyword'; meaning: { type: 'amount' } }

/** A quantity's value in the unit of a topic's facts (万元 for money), or null when it does not fit. */
function valueIn(token: MessageToken | undefined, topic: AmountTopic): number | null {
  if (token?.type !== 'quantity' || token.quantity.bound !== null || token.quantity.vague) return null
  const converted = convertQuantity(token.quantity, topic.unit)
  return converted.ok ? converted.value : null
}

const isAmountKeyword = (token: MessageToken | undefined): token is AmountKeyword =>
  token?.type === 'keyword' && token.meaning.type === 'amount'

/**
 * "150不是员工数 是研发人员数 员工其实有四百二", "我说的是研发人员30 不是员工30": a value given for one fact that the owner says
 * is another's. The figure equals the known value of the fact denied (不是 right before its keyword); the other fact,
 * of the same unit, is affirmed (是 before its keyword) or named with the same figure. It moves there; the fact denied
 * takes a new figure said after its keyword again, else it is cleared. Null when the message says no such thing.
 */
export function readMovedValue(
  tokens: readonly MessageToken[],
  known: Facts,
): { facts: Facts; cleared: FactName[] } | null {
  const denied = tokens.findIndex((token, index) => token.type === 'no' && isAmountKeyword(tokens[index + 1]))
  if (denied < 0) return null
  const from = tokens[denied + 1] as AmountKeyword
  const fromTopic = from.meaning.topic
  const fact = fromTopic.slots.find((slot) =>
    tokens.some((token) => valueIn(token, fromTopic) !== null && valueIn(token, fromTopic) === known[slot]),
  )
  if (fact === undefined) return null
  const value = known[fact] as number
  const target = tokens.find(
    (token, index): token is AmountKeyword =>
      isAmountKeyword(token) &&
      token.meaning.topic !== fromTopic &&
      token.meaning.topic.unit === fromTopic.unit &&
      (tokens[index - 1]?.type === 'yes' || valueIn(tokens[index + 1], fromTopic) === value),
  )
  if (!target) return null
  const facts: Record<string, number> = { [target.meaning.topic.slots[0]!]: value }
  // "员工其实有四百二": a new figure after the denied fact's keyword named again.
  const again = tokens.findIndex(
    (token, index) => index > denied + 1 && isAmountKeyword(token) && token.meaning.topic === fromTopic,
  )
  const figure = again >= 0 ? tokens.slice(again + 1, again + 4).find((token) => token.type === 'quantity') : undefined
  const next = valueIn(figure, fromTopic)
  if (next !== null && next !== value) return { facts: { ...facts, [fact]: next } as Facts, cleared: [] }
  return { facts: facts as Facts, cleared: [fact] }
}
