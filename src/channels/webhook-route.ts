import { Hono, type Context } from 'hono'
import type { AcceptResult } from './inbound-pipeline.js'

/** What a channel's verification makes of a request: a payload for the pipeline, or the answer to send at once. */
export type Verified<Raw> = { accept: Raw } | { respond: Response }

/** The default acknowledgement: 200 for what the pipeline took (or dropped on purpose), 503 so the platform re-delivers the rest. */
export function acknowledgeJson(context: Context, result: AcceptResult): Response {
  if (result === 'retry-later' || result === 'unavailable')
    return context.json(
      { error: { code: 'TRY_AGAIN', message: 'not accepted now; deliver the event again later' }, status: result },
      503,
    )
  return context.json({ status: result })
}

/**
 * A webhook on the inbound pipeline: read the raw body once, let the channel verify and decode it (signature,
 * token, decryption; challenges answered directly), hand the payload to the pipeline and acknowledge at once.
 * A channel whose platform expects another acknowledgement body (WeCom: an empty 200) passes `acknowledge`.
 */
export function createWebhookRoute<Raw>(options: {
  path: string
  verify(context: Context, rawBody: string): Verified<Raw> | Promise<Verified<Raw>>
  accept(raw: Raw): Promise<AcceptResult>
  acknowledge?(context: Context, result: AcceptResult): Response
}): Hono {
  const routes = new Hono()
  routes.post(options.path, async (context) => {
    const verified = await options.verify(context, await context.req.text())
    if ('respond' in verified) return verified.respond
    return (options.acknowledge ?? acknowledgeJson)(context, await options.accept(verified.accept))
  })
  return routes
}
