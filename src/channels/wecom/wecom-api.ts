/** A failed WeCom API call; `retriable: false` when sending again cannot help (bad user, no permission, untrusted IP). */
export class WecomApiError extends Error {
  override name = 'WecomApiError'
  constructor(
    message: string,
    readonly retriable: boolean,
    readonly errcode?: number,
  ) {
    super(message)
  }
}

/** Why a request failed, without its URL (which carries the access token or a response_url). */
export function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; errors?: Array<{ code?: unknown }> } } | undefined)?.cause
  const code = cause?.code ?? cause?.errors?.[0]?.code
  if (typeof code === 'string') return code
  return error instanceof Error ? error.name : 'error'
}

/** The access token is invalid or expired: fetch a new one and try again once. */
const TOKEN_ERRCODES = new Set([40014, 42001])
/** System busy, frequency and concurrency limits: worth another attempt later. */
const RETRIABLE_ERRCODES = new Set([-1, 45009, 45033, 45011])
/** A token is refreshed this long before WeCom says it expires. */
const TOKEN_MARGIN_MS = 60_000
/** Repeated identical content to the same user within this window is dropped by WeCom (a retried send after a lost answer). */
export const DUPLICATE_CHECK_SECONDS = 120

export interface WecomApiOptions {
  /** https://qyapi.weixin.qq.com, or a fake WeCom server in tests. */
  apiBase: string
  corpId: string
  secret: string
  agentId: number
  /** Budget of one HTTP request. */
  timeoutMs: number
  now?: () => number
}

export type WecomOutgoing = { msgtype: 'text'; content: string } | { msgtype: 'markdown'; content: string }

export interface WecomApi {
  /** Sends one app message (message/send) to one member; one attempt, plus one token refresh when WeCom asks. */
  send(toUser: string, outgoing: WecomOutgoing, signal?: AbortSignal): Promise<void>
  /** Uploads a temporary file (media/upload, 3 days) and returns its media_id. */
  uploadFile(name: string, content: Uint8Array, signal?: AbortSignal): Promise<string>
  /** Sends an uploaded file (media_id) to one member. */
  sendFile(toUser: string, mediaId: string, signal?: AbortSignal): Promise<void>
  /** Downloads a file a member sent (media/get). */
  downloadMedia(mediaId: string, signal?: AbortSignal): Promise<{ content: Buffer; fileName?: string }>
  /** Fetches a token now: a wrong secret (40001) or an untrusted IP (60020) shows at start, not at the first reply. */
  checkCredentials(signal?: AbortSignal): Promise<void>
  /** Whether a token is cached and not expired (status page). */
  hasToken(): boolean
}

interface WecomReply {
  errcode?: number
  errmsg?: string
  access_token?: string
  expires_in?: number
  invaliduser?: string
  media_id?: string
}

/**
 * The WeCom server API of a self-built app: gettoken (cached until expires_in, refreshed once on 40014/42001,
 * one request at a time), message/send, media/upload and media/get. Every request has a timeout; the token never
 * appears in an error message. Retries belong to the inbound pipeline.
 */
export function createWecomApi(options: WecomApiOptions): WecomApi {
  const now = options.now ?? Date.now
  const base = options.apiBase.replace(/\/+$/u, '')
  let token: { value: string; expiresAt: number } | undefined
  let pending: Promise<string> | undefined

  async function request(path: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> {
    const signals = [AbortSignal.timeout(options.timeoutMs), ...(signal ? [signal] : [])]
    try {
      const response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.any(signals) })
      if (response.status === 429 || response.status >= 500)
        throw new WecomApiError(`WeCom answered HTTP ${response.status}`, true)
      if (!response.ok) throw new WecomApiError(`WeCom answered HTTP ${response.status}`, false)
      return response
    } catch (error) {
      if (error instanceof WecomApiError) throw error
      // Never the raw URL: it carries the access token.
      throw new WecomApiError(`WeCom unreachable: ${networkReason(error)}`, true)
    }
  }

  async function readJson(response: Response): Promise<WecomReply> {
    try {
      return (await response.json()) as WecomReply
    } catch {
      throw new WecomApiError('WeCom answered something that is not JSON', true)
    }
  }

  async function fetchToken(signal: AbortSignal | undefined): Promise<string> {
    const query = new URLSearchParams({ corpid: options.corpId, corpsecret: options.secret })
    const reply = await readJson(await request(`/cgi-bin/gettoken?${query}`, { method: 'GET' }, signal))
    if (reply.errcode !== 0 || !reply.access_token) {
      // 40001 bad secret, 40013 bad corp id, 60020 untrusted IP: configuration, not luck.
      throw new WecomApiError(
        `WeCom gettoken refused: ${reply.errcode ?? 'no errcode'} ${reply.errmsg ?? ''}`,
        RETRIABLE_ERRCODES.has(reply.errcode ?? 0),
        reply.errcode,
      )
    }
    const lifetimeMs = Math.max(0, (Number(reply.expires_in) || 7200) * 1000 - TOKEN_MARGIN_MS)
    token = { value: reply.access_token, expiresAt: now() + lifetimeMs }
    return reply.access_token
  }

  function accessToken(signal: AbortSignal | undefined): Promise<string> {
    if (token && token.expiresAt > now()) return Promise.resolve(token.value)
    pending ??= fetchToken(signal).finally(() => {
      pending = undefined
    })
    return pending
  }

  /** Calls an API with the token; on 40014/42001 drops the token, fetches a new one and calls once more. */
  async function withToken(
    call: (accessToken: string) => Promise<WecomReply>,
    what: string,
    signal: AbortSignal | undefined,
  ): Promise<WecomReply> {
    for (let round = 1; ; round += 1) {
      const used = await accessToken(signal)
      const reply = await call(used)
      if (reply.errcode === 0 || reply.errcode === undefined) return reply
      if (TOKEN_ERRCODES.has(reply.errcode) && round === 1) {
        if (token?.value === used) token = undefined
        continue
      }
      throw new WecomApiError(
        `WeCom ${what} refused: ${reply.errcode} ${reply.errmsg ?? ''}`,
        RETRIABLE_ERRCODES.has(reply.errcode) || TOKEN_ERRCODES.has(reply.errcode),
        reply.errcode,
      )
    }
  }

  async function sendMessage(
    toUser: string,
    body: Record<string, unknown>,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const payload = JSON.stringify({
      touser: toUser,
      agentid: options.agentId,
      enable_duplicate_check: 1,
      duplicate_check_interval: DUPLICATE_CHECK_SECONDS,
      ...body,
    })
    const reply = await withToken(
      async (accessToken) =>
        readJson(
          await request(
            `/cgi-bin/message/send?access_token=${encodeURIComponent(accessToken)}`,
            { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload },
            signal,
          ),
        ),
      'message/send',
      signal,
    )
    if (reply.invaliduser && reply.invaliduser.split('|').includes(toUser))
      throw new WecomApiError(`WeCom says ${toUser} is not a member the app may reach`, false)
  }

  return {
    send: (toUser, outgoing, signal) =>
      sendMessage(toUser, { msgtype: outgoing.msgtype, [outgoing.msgtype]: { content: outgoing.content } }, signal),
    sendFile: (toUser, mediaId, signal) =>
      sendMessage(toUser, { msgtype: 'file', file: { media_id: mediaId } }, signal),
    async uploadFile(name, content, signal) {
      const reply = await withToken(
        async (accessToken) => {
          const form = new FormData()
          form.append('media', new Blob([new Uint8Array(content)]), name)
          return readJson(
            await request(
              `/cgi-bin/media/upload?access_token=${encodeURIComponent(accessToken)}&type=file`,
              { method: 'POST', body: form },
              signal,
            ),
          )
        },
        'media/upload',
        signal,
      )
      if (!reply.media_id) throw new WecomApiError('WeCom media/upload returned no media_id', true)
      return reply.media_id
    },
    async downloadMedia(mediaId, signal) {
      let file: { content: Buffer; fileName?: string } | undefined
      await withToken(
        async (accessToken) => {
          const response = await request(
            `/cgi-bin/media/get?access_token=${encodeURIComponent(accessToken)}&media_id=${encodeURIComponent(mediaId)}`,
            { method: 'GET' },
            signal,
          )
          // An error is JSON; a file is anything else.
          if ((response.headers.get('content-type') ?? '').includes('json')) return readJson(response)
          const disposition = response.headers.get('content-disposition') ?? ''
          const name = /filename="?([^";]+)"?/u.exec(disposition)?.[1]
          file = {
            content: Buffer.from(await response.arrayBuffer()),
            fileName: name ? decodeURIComponent(name) : undefined,
          }
          return { errcode: 0 }
        },
        'media/get',
        signal,
      )
      return file!
    },
    async checkCredentials(signal) {
      await accessToken(signal)
    },
    hasToken: () => Boolean(token && token.expiresAt > now()),
  }
}
