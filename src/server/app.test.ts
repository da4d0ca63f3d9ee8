import { describe, expect, it } from 'vitest'
import { createApp } from './app.js'

describe('health endpoints', () => {
  it('GET /healthz answers ok', async () => {
    const response = await createApp().request('/healthz')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('GET /readyz reports 503 when the store is down', async () => {
    const response = await createApp({ ready: async () => false }).request('/readyz')
    expect(response.status).toBe(503)
  })
})

describe('GET /api/v1/channels/status', () => {
  it('lists every channel of the registry, disabled when not started', async () => {
    const { CHANNELS } = await import('../channels/registry.js')
    const body = (await (
      await createApp({ adminToken: 'admin-token-for-test' }).request('/api/v1/channels/status', {
        headers: { authorization: 'Bearer admin-token-for-test' },
      })
    ).json()) as Record<string, { status: string }>
    expect(Object.keys(body).sort()).toEqual(CHANNELS.map((channel) => channel.name).sort())
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['feishu', 'wechat', 'web']))
    expect(Object.values(body).every((channel) => channel.status === 'disabled')).toBe(true)
  })
})

describe('method not allowed', () => {
  const app = createApp({ chat: { chat: async () => ({ reply: { text: 'ok', citations: [] }, state: {} }) } })

  it('answers GET on a POST route with 405, the method to use and the JSON error shape', async () => {
    const response = await app.request('/api/v1/chat')
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    const body = await response.json()
    expect(body.error.code).toBe('METHOD_NOT_ALLOWED')
    expect(body.error.message).toContain('POST')
  })

  it('answers POST on a GET route with 405 and still 404 on an unknown path', async () => {
    const response = await app.request('/healthz', { method: 'POST' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET')
    expect((await app.request('/api/v1/nothing-here')).status).toBe(404)
  })
})

describe('favicon', () => {
  it('serves an SVG icon at /favicon.ico and /favicon.svg', async () => {
    for (const path of ['/favicon.ico', '/favicon.svg']) {
      const response = await createApp().request(path)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('image/svg+xml')
      expect(await response.text()).toContain('<svg')
    }
  })
})
