import { Hono } from 'hono'
import { describeFactFields } from '../../facts/describe-fact-fields.js'

/** `GET /facts/fields`: the enterprise profile form, derived from the fact schema (mounted under /api/v1). */
export function createFactsRoutes(): Hono {
  const fields = describeFactFields()
  const routes = new Hono()
  routes.get('/facts/fields', (context) => context.json({ fields }))
  return routes
}
