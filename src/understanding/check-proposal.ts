import { z } from 'zod'
import { checkPlausibility } from '../facts/check-plausibility.js'
import { FACT_NAMES, FactsSchema, type FactName, type Facts } from '../facts/fact-schema.js'
import { normalizeMessage } from '../facts/normalize-message.js'
import { readReply, type ReadOptions } from './read-reply.js'

/**
 * What an LLM reader proposes for one reply: each value with the span of the user's text it was read from. The
 * JSON schema sent to the model is generated from this (see src/phrasing/openai-reply-reader.ts).
 */
export const ProposalSchema = z
  .object({
    values: z.array(
      z
        .object({
          fact: z.enum(FACT_NAMES as [FactName, ...FactName[]]),
          value: z.union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.null()]),
          quote: z.string().min(1),
        })
        .strict(),
    ),
  })
  .strict()
export type Proposal = z.infer<typeof ProposalSchema>

/** The port an LLM reader implements; null on timeout, failure or a reply in the wrong shape. */
export type ProposeReading = (input: { text: string; expected: readonly FactName[] }) => Promise<Proposal | null>

/**
 * Checks an LLM's proposal against the user's text and the grammar's reading. A value counts only when its quote is
 * in the text, the quote read alone by the grammar gives the same value, it fits the fact schema and it passes the
 * plausibility checks. Such a value the grammar also read is `agreed`; one the grammar did not read (or read
 * differently) is to be confirmed with the user, never stored as is.
 */
export function checkProposal(
  text: string,
  proposal: Proposal,
  grammar: Facts,
  known: Facts,
  options: ReadOptions = {},
): { agreed: Facts; confirm: Facts; refused: Array<{ fact: FactName; why: string }> } {
  const normalized = normalizeMessage(text)
  const agreed: Record<string, unknown> = {}
  const confirm: Record<string, unknown> = {}
  const refused: Array<{ fact: FactName; why: string }> = []
  for (const { fact, value, quote } of proposal.values) {
    if (!normalized.includes(normalizeMessage(quote)) && !text.includes(quote)) {
      refused.push({ fact, why: 'quote not in the text' })
      continue
    }
    const reread = readReply(quote, { facts: [fact], step: 'question' }, known, options).facts[fact]
    if (JSON.stringify(reread) !== JSON.stringify(value)) {
      refused.push({ fact, why: 'the quote does not say this value' })
      continue
    }
    if (
      !FactsSchema.shape[fact].safeParse(value).success ||
      !(fact in checkPlausibility({ [fact]: value } as Facts, known).accepted)
    ) {
      refused.push({ fact, why: 'implausible' })
      continue
    }
    if (JSON.stringify(grammar[fact]) === JSON.stringify(value)) agreed[fact] = value
    else confirm[fact] = value
  }
  return { agreed: agreed as Facts, confirm: confirm as Facts, refused }
}
