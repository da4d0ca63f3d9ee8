import type OpenAI from 'openai'
import { z } from 'zod'

/** The reply came back but holds no usable text: garbage, an unexpected shape, no content, or cut off by max_tokens. */
export class UnusableResponseError extends Error {
  override name = 'UnusableResponseError'
}

// Limited schemas, focused on what the phraser reads, so a provider's extra fields never break parsing.
const CompletionSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullish() }), finish_reason: z.string().nullish() }))
    .min(1),
})
const ChunkSchema = z.object({
  choices: z.array(
    z.object({ delta: z.object({ content: z.string().nullish() }).nullish(), finish_reason: z.string().nullish() }),
  ),
})

export interface ChatRequest {
  model: string
  messages: Array<{ role: 'system' | 'user'; content: string }>
  temperature: number
  max_tokens: number
}

/**
 * Sends one chat completion (streamed or not) and returns the assistant's text.
 * Throws the SDK's errors as they are (HTTP status, network, abort) and UnusableResponseError for a reply without text.
 */
export async function requestChatCompletion(
  client: OpenAI,
  request: ChatRequest,
  options: { stream: boolean; signal: AbortSignal },
): Promise<string> {
  const requestOptions = { signal: options.signal, maxRetries: 0 }
  let content = ''
  let finishReason: string | null | undefined
  if (options.stream) {
    const stream = await client.chat.completions.create({ ...request, stream: true }, requestOptions)
    for await (const chunk of stream) {
      const parsed = ChunkSchema.safeParse(chunk)
      if (!parsed.success) throw new UnusableResponseError('Unexpected stream chunk shape')
      const choice = parsed.data.choices[0]
      content += choice?.delta?.content ?? ''
      finishReason = choice?.finish_reason ?? finishReason
    }
  } else {
    const completion: unknown = await client.chat.completions.create({ ...request, stream: false }, requestOptions)
    const parsed = CompletionSchema.safeParse(completion)
    if (!parsed.success) throw new UnusableResponseError('Unexpected completion shape (not an OpenAI chat completion)')
    content = parsed.data.choices[0].message.content ?? ''
    finishReason = parsed.data.choices[0].finish_reason
  }
  if (finishReason === 'length') throw new UnusableResponseError('Reply cut off by max_tokens')
  if (content.trim() === '') throw new UnusableResponseError('Reply holds no text')
  return content
}
