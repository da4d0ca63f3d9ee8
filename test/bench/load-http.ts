import { Agent, request } from 'node:http'
import { percentile } from './measure.js'

export interface LoadResult {
  requests: number
  seconds: number
  throughput: number
  p50: number
  p99: number
  errors: number
}

function send(
  url: URL,
  agent: Agent,
  method: string,
  body: string | undefined,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method,
        agent,
        headers: body
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers }
          : headers,
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
        response.on('error', reject)
      },
    )
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}

/**
 * Sends `total` requests from `connections` concurrent keep-alive connections to a server on 127.0.0.1 and
 * measures each request's latency in ms. Bounded in count and time; traffic stays on loopback.
 */
export async function loadHttp(options: {
  url: string
  method?: 'GET' | 'POST'
  body?: () => string
  headers?: Record<string, string>
  connections: number
  total: number
  maxSeconds?: number
}): Promise<LoadResult> {
  const url = new URL(options.url)
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections })
  const latencies: number[] = []
  let errors = 0
  let sent = 0
  const deadline = performance.now() + (options.maxSeconds ?? 30) * 1000
  const started = performance.now()
  const worker = async () => {
    while (sent < options.total && performance.now() < deadline) {
      sent += 1
      const begin = performance.now()
      try {
        const status = await send(url, agent, options.method ?? 'GET', options.body?.(), options.headers ?? {})
        if (status >= 300) errors += 1
      } catch {
        errors += 1
      }
      latencies.push(performance.now() - begin)
    }
  }
  await Promise.all(Array.from({ length: options.connections }, worker))
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  return {
    requests: latencies.length,
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  }
}
