import { convertQuantity } from '../facts/convert-quantity.js'
import type { FactName } from '../facts/fact-schema.js'
import { AMOUNT_TOPICS, type AmountTopic } from '../facts/fact-vocabulary.js'
import type { Quantity } from '../facts/read-quantity.js'

/** A value the user gave in the last reply that set facts: what a correction without a keyword refers to. */
export interface LastValue {
  fact: FactName
  value: number
}

const TOPIC_OF_FACT = new Map<FactName, AmountTopic>()
for (const topic of Object.values(AMOUNT_TOPICS) as AmountTopic[])
  for (const fact of topic.slots) TOPIC_OF_FACT.set(fact, topic)

/** The amount topic a fact is a slot of (营收 for revenuePrev), if any. */
export function topicOf(fact: FactName): AmountTopic | undefined {
  return TOPIC_OF_FACT.get(fact)
}

/** Whether a figure, read in the unit of the value's fact, is that value ("3200" is the 3200万 of revenue). */
export function isLastValue(quantity: Quantity, last: LastValue): boolean {
  const topic = TOPIC_OF_FACT.get(last.fact)
  const conversion = topic ? convertQuantity(quantity, topic.unit) : null
  return conversion?.ok === true && conversion.value === last.value
}
