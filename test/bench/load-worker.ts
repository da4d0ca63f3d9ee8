import { parentPort, workerData } from 'node:worker_threads'
import { loadHttp } from './load-http.js'

/** Runs one load in its own thread so the load generator does not share the server's event loop. */
const { url, method, body, headers, connections, total, uniqueEventIds } = workerData as {
  url: string
  method: 'GET' | 'POST'
  body?: string
  headers?: Record<string, string>
  connections: number
  total: number
  uniqueEventIds?: boolean
}
let sequence = 0
const next = () => (uniqueEventIds ? body!.replace('EVENT', `ev-${process.pid}-${(sequence += 1)}`) : body!)
const result = await loadHttp({ url, method, body: body === undefined ? undefined : next, headers, connections, total })
parentPort?.postMessage(result)
