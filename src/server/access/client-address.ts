import type { Context } from 'hono'

/**
 * The TCP peer of the request as @hono/node-server saw it (`env.incoming.socket.remoteAddress`). Headers such as
 * X-Forwarded-For are never read: anyone can send them. Undefined when the request did not come over a socket
 * (an in-process `app.request()` in tests or tools).
 */
export function readClientAddress(context: Context): string | undefined {
  const env = context.env as
    | {
        incoming?: { socket?: { remoteAddress?: string } }
        server?: { incoming?: { socket?: { remoteAddress?: string } } }
      }
    | undefined
  const incoming = env?.server?.incoming ?? env?.incoming
  return incoming?.socket?.remoteAddress
}

/** True when the request arrived on a socket at all (false for an in-process request). */
export function cameOverNetwork(context: Context): boolean {
  const env = context.env as { incoming?: unknown; server?: { incoming?: unknown } } | undefined
  return Boolean(env?.server?.incoming ?? env?.incoming)
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string): boolean {
  const plain = address.toLowerCase().replace(/^::ffff:/, '')
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain)
}
