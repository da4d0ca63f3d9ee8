import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import type { FallbackReason } from './phraser.js'
import { UnusableResponseError } from './request-chat-completion.js'

/**
 * Maps what an LLM call threw to the reason the template answer went out instead:
 * 'timeout' (our budget or the SDK's), 'empty' (a reply without usable text, including a body that is not JSON),
 * 'error' (HTTP status, network, anything else).
 */
export function classifyLLMFailure(
  error: unknown,
  options: { timedOut: boolean },
): Extract<FallbackReason, 'timeout' | 'error' | 'empty'> {
  if (options.timedOut || error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError)
    return 'timeout'
  if (error instanceof UnusableResponseError || error instanceof SyntaxError) return 'empty'
  if (error instanceof APIError) return 'error'
  return 'error'
}
