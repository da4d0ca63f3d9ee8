import type { Context } from 'hono'
import type { z } from 'zod'

/** The one error body every endpoint returns: `{ error: { code, message, fields? } }`. */
export interface ErrorBody {
  error: {
    code: string
    message: string
    /** Per-field reasons, keyed by the field's dotted path. */
    fields?: Record<string, string>
  }
}

export function errorBody(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } }
}

/** Turns a zod error into per-field reasons (first reason per path). */
export function fieldReasons(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(body)'
    if (!(path in fields)) fields[path] = issue.message
  }
  return fields
}

/** Reads a JSON body; returns a 400 Response when it is not JSON. */
export async function readJsonBody(context: Context): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  try {
    const value: unknown = await context.req.json()
    return { ok: true, value }
  } catch {
    return { ok: false, response: context.json(errorBody('INVALID_JSON', '请求体不是合法的 JSON'), 400) }
  }
}
