import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { decodeFrame, encodeFrame, type Frame } from './feishu-frame-codec.js'

/**
 * A fake Feishu long-connection gateway on 127.0.0.1 for the SDK's WSClient: POST /callback/ws/endpoint hands out
 * a ws:// URL, the WebSocket pushes event frames (pbbp2.Frame, method 1 "data", header type=event) and records the
 * acknowledgement frames the client sends back.
 */
export async function startFakeFeishuGateway() {
  const acks: Frame[] = []
  const sockets: WebSocket[] = []
  const server = createServer((request, response) => {
    if (request.method === 'POST' && request.url?.startsWith('/callback/ws/endpoint')) {
      const { port } = server.address() as AddressInfo
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({
          code: 0,
          msg: 'ok',
          data: {
            URL: `ws://127.0.0.1:${port}/ws?device_id=dev1&service_id=7`,
            ClientConfig: { PingInterval: 120, ReconnectCount: 0, ReconnectInterval: 1, ReconnectNonce: 0 },
          },
        }),
      )
      return
    }
    response.writeHead(404).end()
  })
  const sockets$ = new WebSocketServer({ server, path: '/ws' })
  const connected: Array<() => void> = []
  sockets$.on('connection', (socket) => {
    sockets.push(socket)
    socket.on('message', (data: Buffer) => {
      const frame = decodeFrame(new Uint8Array(data))
      if (frame.method === 1) acks.push(frame)
    })
    for (const resolve of connected.splice(0)) resolve()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  let sequence = 0
  return {
    domain: `http://127.0.0.1:${port}`,
    acks,
    /** Resolves once the client has opened its WebSocket. */
    connected: () => (sockets.length > 0 ? Promise.resolve() : new Promise<void>((resolve) => connected.push(resolve))),
    /** Pushes an event (the schema 2.0 envelope) to every connected client. */
    push(event: unknown, messageId = `msg-${sequence + 1}`) {
      sequence += 1
      const frame = encodeFrame({
        SeqID: sequence,
        LogID: sequence,
        service: 7,
        method: 1,
        headers: [
          { key: 'type', value: 'event' },
          { key: 'message_id', value: messageId },
          { key: 'sum', value: '1' },
          { key: 'seq', value: '0' },
          { key: 'trace_id', value: `trace-${sequence}` },
        ],
        payload: new TextEncoder().encode(JSON.stringify(event)),
      })
      for (const socket of sockets) socket.send(frame)
    },
    async close() {
      for (const socket of sockets) socket.terminate()
      sockets$.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
