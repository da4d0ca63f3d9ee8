import { Hono } from 'hono'
import { describeFactFields, type FactField } from '../../facts/describe-fact-fields.js'

/**
 * `GET /facts/fields`: the enterprise profile form, derived from the fact schema (mounted under /api/v1). Derived
 * on the first request, not at start: the JSON schema walk is work no chat answer needs.
 */
export function createFactsRoutes(): Hono {
  let fields: FactField[] | undefined
  const routes = new Hono()
  routes.get('/facts/fields', (context) => context.json({ fields: (fields ??= describeFactFields()) }))
  return routes
}
