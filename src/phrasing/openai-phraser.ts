import OpenAI from 'openai'
import { classifyLLMFailure } from './classify-llm-failure.js'
import { checkGrounding } from './grounding-check.js'
import { loadPrompt } from './load-prompt.js'
import type { FallbackReason, PhraseRequest, PhraseResult, Phraser } from './phraser.js'
import { quoteUserText } from './quote-user-text.js'
import { requestChatCompletion, type ChatRequest } from './request-chat-completion.js'

/** What the phraser reports for metrics and logs: one event per LLM call. */
export interface PhraserEvent {
  type: 'llm-call' | 'llm-fallback'
  /** Why the template went out instead (llm-fallback only). */
  reason?: FallbackReason
  /** Wall time of the call, in milliseconds. */
  ms: number
}

export interface OpenAIPhraserOptions {
  apiKey: string
  /** Any OpenAI-compatible endpoint (DeepSeek, Qwen/DashScope, vLLM …); the SDK default when absent. */
  baseURL?: string
  model: string
  /** Total budget of one call, streaming included; past it the template goes out. */
  timeoutMs: number
  /** Stream the completion (SSE). Same result; some gateways answer streams faster. */
  stream?: boolean
  onEvent?: (event: PhraserEvent) => void
}

const PROMPT_BY_PURPOSE: Record<PhraseRequest['purpose'], string> = {
  'policy-answer': 'rephrase-policy-answer',
  verdict: 'rephrase-verdict',
  general: 'rephrase-general',
}
const TEMPERATURE = 0.3
const MAX_QUERY_CHARS = 40
/** The most clauses the model may choose. */
const MAX_CHOSEN_CLAUSES = 4
/** 【title】 on the first line of a composed answer: kept even if the LLM drops it, channels render it as a heading. */
const HEADER_LINE = /^【[^】\n]+】/

/**
 * A Phraser backed by an OpenAI-compatible chat completions API. It only re-words: any reply that fails the
 * grounding check, is empty or garbage, errors, or exceeds `timeoutMs` is replaced by the template text, with the
 * reason. It never throws. Citations are not its business: callers append the source line after phrasing.
 *
 * Throws PromptError at construction when a prompt in prompts/ is missing or does not match its placeholders.
 *
 * @example
 * const phraser = createOpenAIPhraser({ apiKey, baseURL: 'https://api.deepseek.com/v1', model: 'deepseek-chat', timeoutMs: 8000 })
 */
export function createOpenAIPhraser(options: OpenAIPhraserOptions): Phraser {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    timeout: options.timeoutMs,
    maxRetries: 0,
    logLevel: 'off',
  })
  const systemPrompt = loadPrompt('system')
  for (const name of Object.values(PROMPT_BY_PURPOSE)) loadPrompt(name, { templateText: '', userText: '' })
  loadPrompt('rewrite-query', { question: '', context: '' })
  loadPrompt('choose-clauses', { question: '', candidates: '' })

  const report = (event: PhraserEvent) => {
    try {
      options.onEvent?.(event)
    } catch {
      // A broken metrics hook must not break a reply.
    }
  }

  /** One call under the total budget; resolves to the text or to the failure reason, never rejects. */
  async function complete(
    userPrompt: string,
    maxTokens: number,
  ): Promise<{ text: string } | { reason: FallbackReason }> {
    const controller = new AbortController()
    let timedOut = false
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<{ reason: FallbackReason }>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true
        controller.abort()
        resolve({ reason: 'timeout' })
      }, options.timeoutMs)
    })
    const request: ChatRequest = {
      model: options.model,
      messages: [
        { role: 'system', content: systemPrompt },
        { role: 'user', content: userPrompt },
      ],
      temperature: TEMPERATURE,
      max_tokens: maxTokens,
    }
    const call = requestChatCompletion(client, request, {
      stream: options.stream ?? false,
      signal: controller.signal,
    }).then(
      (text) => ({ text }),
      (error: unknown) => ({ reason: classifyLLMFailure(error, { timedOut }) }),
    )
    try {
      // The race guarantees the budget even if the SDK were slow to honour the abort.
      return await Promise.race([call, deadline])
    } finally {
      clearTimeout(timer)
      controller.abort()
    }
  }

  return {
    async phrase(request: PhraseRequest): Promise<PhraseResult> {
      const started = performance.now()
      const fallback = (reason: FallbackReason, rejectedTokens?: string[]): PhraseResult => {
        report({ type: 'llm-fallback', reason, ms: performance.now() - started })
        return {
          text: request.templateText,
          rephrased: false,
          fallbackReason: reason,
          ...(rejectedTokens ? { rejectedTokens } : {}),
        }
      }
      try {
        const userPrompt = loadPrompt(PROMPT_BY_PURPOSE[request.purpose], {
          templateText: request.templateText,
          userText: quoteUserText(request.userText),
        })
        const outcome = await complete(userPrompt, Math.min(2048, request.templateText.length * 2 + 200))
        if ('reason' in outcome) return fallback(outcome.reason)
        const text = keepHeader(cleanReply(outcome.text), request.templateText)
        const grounding = checkGrounding(text, [request.templateText, ...request.sources], {
          templateText: request.templateText,
        })
        if (grounding.reason === 'empty') return fallback('empty')
        if (!grounding.grounded) return fallback('ungrounded', grounding.unsupported)
        report({ type: 'llm-call', ms: performance.now() - started })
        return { text, rephrased: true }
      } catch {
        return fallback('error')
      }
    },

    async chooseClauses(question: string, candidates: readonly string[]): Promise<number[] | null> {
      const started = performance.now()
      const fail = (reason: FallbackReason) => {
        report({ type: 'llm-fallback', reason, ms: performance.now() - started })
        return null
      }
      if (candidates.length === 0) return null
      try {
        const list = candidates.map((text, index) => `${index + 1}. ${quoteUserText(text)}`).join('\n')
        const outcome = await complete(
          loadPrompt('choose-clauses', { question: quoteUserText(question), candidates: list }),
          20,
        )
        if ('reason' in outcome) return fail(outcome.reason)
        const reply = cleanReply(outcome.text)
        // Only a list of clause numbers is a choice; prose, numbers out of range or repeats are not.
        if (!/^\d{1,2}(\s*[,，、]\s*\d{1,2})*$/u.test(reply)) return fail('ungrounded')
        const numbers = reply.split(/\s*[,，、]\s*/u).map(Number)
        if (numbers.length === 1 && numbers[0] === 0) return fail('empty')
        const valid =
          numbers.every((number) => number >= 1 && number <= candidates.length) &&
          new Set(numbers).size === numbers.length &&
          numbers.length <= MAX_CHOSEN_CLAUSES
        if (!valid) return fail('ungrounded')
        report({ type: 'llm-call', ms: performance.now() - started })
        return numbers.map((number) => number - 1)
      } catch {
        return fail('error')
      }
    },

    async rewriteQuery(question: string, context: string): Promise<string | null> {
      const started = performance.now()
      try {
        const userPrompt = loadPrompt('rewrite-query', {
          question: quoteUserText(question),
          context: quoteUserText(context),
        })
        const outcome = await complete(userPrompt, 100)
        if ('reason' in outcome) {
          report({ type: 'llm-fallback', reason: outcome.reason, ms: performance.now() - started })
          return null
        }
        const query = cleanReply(outcome.text)
          .split('\n')[0]
          .replace(/^["'“”‘’「」]+|["'“”‘’「」。？?！!]+$/g, '')
          .trim()
        const grounding = checkGrounding(query, [question, context])
        if (query === '' || query.length > MAX_QUERY_CHARS || !grounding.grounded) {
          report({
            type: 'llm-fallback',
            reason: query === '' ? 'empty' : 'ungrounded',
            ms: performance.now() - started,
          })
          return null
        }
        report({ type: 'llm-call', ms: performance.now() - started })
        return query
      } catch {
        report({ type: 'llm-fallback', reason: 'error', ms: performance.now() - started })
        return null
      }
    },
  }
}

/** Strips what models wrap answers in despite the prompt: a code fence, or the data-block tags echoed back. */
function cleanReply(text: string): string {
  return text
    .trim()
    .replace(/^```[a-z]*\n?|\n?```$/g, '')
    .replace(/<\/?标准答复>/g, '')
    .trim()
}

function keepHeader(text: string, templateText: string): string {
  const header = HEADER_LINE.exec(templateText)?.[0]
  if (header === undefined || text === '' || text.startsWith(header)) return text
  return `${header}\n${text.replace(HEADER_LINE, '').trimStart()}`
}
