import { parentPort, workerData } from 'node:worker_threads'
import { loadHttp } from './load-http.js'

/** Runs one load in its own thread so the load generator does not share the server's event loop. */
const { url, method, body, headers, connections, total } = workerData as { url: string; method: 'GET' | 'POST'; body?: string; headers?: Record<string, string>; connections: number; total: number }
const result = await loadHttp({ url, method, body: body === undefined ? undefined : () => body, headers, connections, total })
parentPort?.postMessage(result)
