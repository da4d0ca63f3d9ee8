import { parentPort, workerData } from 'node:worker_threads'
import { loadHttp } from './load-http.js'

/** Runs one load in its own thread so the load generator does not share the server's event loop. */
const { url, method, body, bodies, headers, connections, total, uniqueEventIds } = workerData as {
  url: string
  method: 'GET' | 'POST'
  body?: string
  /** Request bodies sent in turn (e.g. varied questions), instead of `body`. */
  bodies?: string[]
  headers?: Record<string, string>
  connections: number
  total: number
  uniqueEventIds?: boolean
}
let sequence = 0
const next = () => {
  sequence += 1
  if (bodies) return bodies[sequence % bodies.length]!
  return uniqueEventIds ? body!.replaceAll('EVENT', `ev-${process.pid}-${sequence}`) : body!
}
const result = await loadHttp({
  url,
  method,
  body: body === undefined && bodies === undefined ? undefined : next,
  headers,
  connections,
  total,
})
parentPort?.postMessage(result)
