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
