import type { Context } from 'hono'
import type { AcceptResult } from '../inbound-pipeline.js'
import { decryptWecom, verifyWecomSignature, WecomCryptoError, type WecomCryptoKeys } from './wecom-crypto.js'

/** A signed callback whose timestamp is further than this from our clock is refused (a replay). */
export const REPLAY_WINDOW_MS = 60 * 60_000
/** Message ids are remembered longer than the replay window: every replay is either a duplicate or refused. */
export const DEDUPE_TTL_MS = 2 * REPLAY_WINDOW_MS

export function refuse(context: Context, status: 400 | 401 | 413 | 503, code: string, message: string): Response {
  return context.json({ error: { code, message } }, status)
}

function signedQuery(context: Context) {
  return {
    signature: context.req.query('msg_signature'),
    timestamp: context.req.query('timestamp'),
    nonce: context.req.query('nonce'),
  }
}

/**
 * The URL check WeCom sends when the callback URL is saved (self-built app and 智能机器人 alike): verify
 * msg_signature over echostr, answer the decrypted echostr as plain text; 401 for a bad signature.
 */
export function answerUrlVerification(context: Context, keys: WecomCryptoKeys): Response {
  const query = signedQuery(context)
  // echostr is base64: a '+' that arrived unencoded was read as a space.
  const echo = context.req.query('echostr')?.replace(/ /gu, '+')
  if (!query.signature || !query.timestamp || !query.nonce || !echo)
    return refuse(context, 400, 'MISSING_PARAMETERS', 'msg_signature, timestamp, nonce and echostr are required')
  if (!verifyWecomSignature(keys, query, echo))
    return refuse(context, 401, 'BAD_SIGNATURE', 'msg_signature does not match')
  try {
    return context.text(decryptWecom(keys, echo))
  } catch (error) {
    return refuse(
      context,
      401,
      'BAD_ECHOSTR',
      error instanceof WecomCryptoError ? error.message : 'cannot decrypt echostr',
    )
  }
}

/**
 * Opens a POSTed callback's encrypted field: signature (msg_signature over it), timestamp within the replay
 * window, decryption and the receiveid check. Either the plaintext or the refusal to send.
 */
export function openCallback(
  context: Context,
  keys: WecomCryptoKeys,
  encrypted: string,
  now: number,
): { plaintext: string } | { respond: Response } {
  const query = signedQuery(context)
  if (!verifyWecomSignature(keys, query, encrypted))
    return { respond: refuse(context, 401, 'BAD_SIGNATURE', 'msg_signature does not match the body') }
  const sentAt = Number(query.timestamp) * 1000
  if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > REPLAY_WINDOW_MS)
    return { respond: refuse(context, 401, 'STALE_TIMESTAMP', 'timestamp is outside the replay window') }
  try {
    return { plaintext: decryptWecom(keys, encrypted) }
  } catch (error) {
    return {
      respond: refuse(
        context,
        401,
        'BAD_CIPHERTEXT',
        error instanceof WecomCryptoError ? error.message : 'cannot decrypt',
      ),
    }
  }
}

/** WeCom's acknowledgement is an empty 200 (no passive reply: the answer follows asynchronously); 503 makes it re-deliver. */
export function acknowledgeEmpty(context: Context, result: AcceptResult): Response {
  if (result === 'retry-later' || result === 'unavailable')
    return refuse(context, 503, 'TRY_AGAIN', 'not accepted now; WeCom will deliver the message again')
  return context.body(null, 200)
}
