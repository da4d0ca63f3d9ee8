import OpenAI from 'openai'
import { z } from 'zod'
import { FACT_LABELS } from '../facts/fact-labels.js'
import { ProposalSchema, type Proposal, type ProposeReading } from '../understanding/check-proposal.js'
import { quoteUserText } from './quote-user-text.js'

export interface OpenAIReplyReaderOptions {
  apiKey: string
  baseURL?: string
  model: string
  timeoutMs: number
}

/** The JSON schema of a proposal, generated from the zod schema the answer is checked with. */
const PROPOSAL_JSON_SCHEMA = z.toJSONSchema(ProposalSchema) as Record<string, unknown>
const COMPLETION = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullish() }) })).min(1),
})

const SYSTEM = [
  '你从企业负责人的一句回复里读出企业事实，只输出 JSON。',
  '每个值必须附上它在原话里的原文片段（quote，逐字摘录）；原话没有说的不要填，不要推测。',
  '金额单位万元，比例单位%，人数和项数是整数。',
].join('\n')

/**
 * An OpenAI-compatible structured-output reader (response_format json_schema). Returns null on a timeout, an HTTP
 * or network failure, or an answer that is not JSON of the proposal schema: the grammar's reading stands then.
 */
export function createOpenAIReplyReader(options: OpenAIReplyReaderOptions): ProposeReading {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    timeout: options.timeoutMs,
    maxRetries: 0,
    logLevel: 'off',
  })
  return async ({ text, expected }): Promise<Proposal | null> => {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), options.timeoutMs)
    try {
      const asked = expected.map((fact) => `${fact}（${FACT_LABELS[fact].label}）`).join('、') || '无'
      const completion: unknown = await client.chat.completions.create(
        {
          model: options.model,
          temperature: 0,
          max_tokens: 400,
          messages: [
            { role: 'system', content: SYSTEM },
            { role: 'user', content: `刚才问的是：${asked}\n回复：${quoteUserText(text)}` },
          ],
          response_format: {
            type: 'json_schema',
            json_schema: { name: 'reading', strict: true, schema: PROPOSAL_JSON_SCHEMA },
          },
        },
        { signal: controller.signal, maxRetries: 0 },
      )
      const content = COMPLETION.safeParse(completion).data?.choices[0].message.content
      if (!content) return null
      const parsed = ProposalSchema.safeParse(JSON.parse(content))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    } finally {
      clearTimeout(timer)
    }
  }
}
