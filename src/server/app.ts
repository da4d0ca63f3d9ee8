import { Hono } from 'hono'

/** Everything the HTTP app needs, injected by the composition root (src/main.ts) or by tests. */
export interface AppDeps {
  /** Readiness probe of the backing stores. */
  ready?: () => Promise<boolean>
}

/** Builds the Hono app. Only src/main.ts starts a server; tests call `app.request(...)`. */
export function createApp(deps: AppDeps = {}): Hono {
  const app = new Hono()

  app.get('/healthz', (context) => context.json({ status: 'ok' }))
  app.get('/readyz', async (context) => {
    const ready = deps.ready ? await deps.ready().catch(() => false) : true
    return context.json({ status: ready ? 'ready' : 'unavailable' }, ready ? 200 : 503)
  })

  return app
}
