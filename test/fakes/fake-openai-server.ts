import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * How the fake answers one request. The same reply serves a streamed request (SSE chunks) and a plain one (JSON),
 * chosen by the request body's `stream` flag, like the real API.
 */
export type FakeReply =
  /** A normal answer; streamed as `chunks` SSE events (default 3). */
  | { kind: 'content'; content: string; chunks?: number; finishReason?: 'stop' | 'length' }
  /** Never answers (a plain request) or sends `chunksBeforeStall` chunks then stalls (a stream), until close(). */
  | { kind: 'hang'; content?: string; chunksBeforeStall?: number }
  /** An HTTP error with an OpenAI-style error body. */
  | { kind: 'http-error'; status: number; message?: string }
  /** A 200 whose body is not what the protocol promises: HTML, truncated JSON, a wrong shape. */
  | { kind: 'garbage'; body: string; contentType?: string }

/** One reply for every request, a list consumed request by request (the last one repeats), or a function. */
export type FakeScript = FakeReply | FakeReply[] | ((request: RecordedRequest) => FakeReply)

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown
}

export interface FakeOpenAIServer {
  /** e.g. http://127.0.0.1:41234/v1, ready for `new OpenAI({ baseURL })`. */
  baseURL: string
  requests: RecordedRequest[]
  setScript(script: FakeScript): void
  close(): Promise<void>
}

/**
 * A fake OpenAI-compatible server on 127.0.0.1 (random port) speaking the real chat completions protocol:
 * POST /v1/chat/completions, JSON or SSE (`data: {...}\n\n` … `data: [DONE]\n\n`). Records every request.
 *
 * @example
 * const server = await startFakeOpenAIServer({ kind: 'content', content: '最高5000万元' })
 * const client = new OpenAI({ apiKey: 'test', baseURL: server.baseURL })
 */
export async function startFakeOpenAIServer(script: FakeScript): Promise<FakeOpenAIServer> {
  let current = script
  let served = 0
  const requests: RecordedRequest[] = []
  const open = new Set<ServerResponse>()

  const nextReply = (request: RecordedRequest): FakeReply => {
    if (typeof current === 'function') return current(request)
    if (Array.isArray(current)) return current[Math.min(served, current.length - 1)]
    return current
  }

  const server = createServer((incoming, response) => {
    const parts: Buffer[] = []
    incoming.on('data', (part: Buffer) => parts.push(part))
    incoming.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8')
      let body: unknown = raw
      try {
        body = JSON.parse(raw)
      } catch {
        // keep the raw text
      }
      const request: RecordedRequest = {
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        headers: incoming.headers,
        body,
      }
      requests.push(request)
      if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
        sendJson(response, 404, {
          error: {
            message: `Unknown route ${request.method} ${request.path}`,
            type: 'invalid_request_error',
            code: null,
          },
        })
        return
      }
      const reply = nextReply(request)
      served += 1
      const model = typeof body === 'object' && body !== null && 'model' in body ? String(body.model) : 'fake-model'
      const stream = typeof body === 'object' && body !== null && 'stream' in body && body.stream === true
      open.add(response)
      response.on('close', () => open.delete(response))
      answer(response, reply, { model, stream })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    setScript(next) {
      current = next
      served = 0
    },
    close() {
      for (const response of open) response.destroy()
      server.closeAllConnections()
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

/** Splits a text into `count` pieces by code point, so no Chinese character is cut in half. */
function split(text: string, count: number): string[] {
  const characters = [...text]
  const size = Math.max(1, Math.ceil(characters.length / Math.max(1, count)))
  const pieces: string[] = []
  for (let start = 0; start < characters.length; start += size)
    pieces.push(characters.slice(start, start + size).join(''))
  return pieces
}

function answer(response: ServerResponse, reply: FakeReply, request: { model: string; stream: boolean }): void {
  const id = 'chatcmpl-fake'
  const created = 1_700_000_000
  const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`
  const openStream = () => {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    })
    response.write(chunk({ role: 'assistant', content: '' }, null))
  }

  switch (reply.kind) {
    case 'content': {
      const finishReason = reply.finishReason ?? 'stop'
      if (!request.stream) {
        sendJson(response, 200, {
          id,
          object: 'chat.completion',
          created,
          model: request.model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: reply.content, refusal: null },
              logprobs: null,
              finish_reason: finishReason,
            },
          ],
          usage: {
            prompt_tokens: 100,
            completion_tokens: reply.content.length,
            total_tokens: 100 + reply.content.length,
          },
        })
        return
      }
      openStream()
      for (const piece of split(reply.content, reply.chunks ?? 3)) response.write(chunk({ content: piece }, null))
      response.write(chunk({}, finishReason))
      response.end('data: [DONE]\n\n')
      return
    }
    case 'hang': {
      if (!request.stream) return
      openStream()
      const pieces = split(reply.content ?? '最高补助', reply.chunksBeforeStall ?? 1)
      for (const piece of pieces.slice(0, reply.chunksBeforeStall ?? 1)) response.write(chunk({ content: piece }, null))
      return
    }
    case 'http-error':
      sendJson(response, reply.status, {
        error: {
          message: reply.message ?? 'The server had an error while processing your request.',
          type: 'server_error',
          param: null,
          code: null,
        },
      })
      return
    case 'garbage':
      response.writeHead(200, { 'content-type': reply.contentType ?? 'text/html' })
      response.end(reply.body)
      return
  }
}
