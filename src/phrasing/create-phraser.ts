import type { PhraserEvent } from './openai-phraser.js'
import type { Phraser } from './phraser.js'
import { TemplatePhraser } from './template-phraser.js'

/**
 * Chooses the phraser for the composition root: the OpenAI-compatible one when an API key is given,
 * the template one otherwise. Options mirror OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_TIMEOUT_MS.
 * The OpenAI client is imported only when a key is given, so a start without an LLM does not load it.
 *
 * @example
 * const phraser = await createPhraser({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, timeoutMs: config.OPENAI_TIMEOUT_MS })
 */
export async function createPhraser(options: {
  apiKey?: string
  baseURL?: string
  model: string
  timeoutMs: number
  stream?: boolean
  onEvent?: (event: PhraserEvent) => void
}): Promise<Phraser> {
  if (!options.apiKey) return new TemplatePhraser()
  const { createOpenAIPhraser } = await import('./openai-phraser.js')
  return createOpenAIPhraser({ ...options, apiKey: options.apiKey })
}
