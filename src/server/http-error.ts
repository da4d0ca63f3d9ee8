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

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i

/**
 * Reads a JSON body; 415 unless the request says `Content-Type: application/json` (which also keeps browsers from
 * sending it cross-origin without a CORS preflight), 400 when it is not JSON.
 */
export async function readJsonBody(
  context: Context,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  if (!JSON_MEDIA_TYPE.test(context.req.header('content-type') ?? '')) {
    return {
      ok: false,
      response: context.json(errorBody('UNSUPPORTED_MEDIA_TYPE', '请求头须为 Content-Type: application/json'), 415),
    }
  }
  try {
    const value: unknown = await context.req.json()
    return { ok: true, value }
  } catch {
    return { ok: false, response: context.json(errorBody('INVALID_JSON', '请求体不是合法的 JSON'), 400) }
  }
}
