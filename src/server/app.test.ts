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
    const body = (await (await createApp().request('/api/v1/channels/status')).json()) as Record<string, { status: string }>
    expect(Object.keys(body).sort()).toEqual(CHANNELS.map((channel) => channel.name).sort())
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['feishu', 'wechat', 'web']))
    expect(Object.values(body).every((channel) => channel.status === 'disabled')).toBe(true)
  })
})
