import { randomBytes } from 'node:crypto'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { encrypt, getSignature } from '@wecom/crypto'

/** A message the fake accepted through message/send. */
export interface WecomSentMessage {
  toUser: string
  msgtype: string
  content: string
  mediaId?: string
  at: number
}

export interface FakeWecomOptions {
  corpId: string
  secret: string
  agentId: number
  /** Lifetime of an issued token, seconds (WeCom: 7200). */
  expiresIn?: number
}

/** Content limits of message/send, in UTF-8 bytes. */
const LIMITS: Record<string, number> = { text: 2048, markdown: 4096 }

/**
 * A fake WeCom server API on 127.0.0.1 speaking the real protocol: GET /cgi-bin/gettoken (corpid + corpsecret →
 * access_token, expires_in), POST /cgi-bin/message/send (errcode 40014 for an unknown token, 42001 for an expired
 * one, 45002 for content over the byte limit, duplicate check), POST /cgi-bin/media/upload and GET /cgi-bin/media/get.
 * Tokens can be expired at will, sends slowed down or scripted to fail with an errcode.
 */
export async function startFakeWecomServer(options: FakeWecomOptions) {
  const sent: WecomSentMessage[] = []
  const tokens = new Map<string, { expiresAt: number }>()
  const media = new Map<string, { content: Buffer; name: string }>()
  /** response_url codes of 智能机器人 callbacks: each valid for an hour and usable once. */
  const responseCodes = new Map<string, { expiresAt: number; used: boolean }>()
  const botReplies: Array<{ code: string; msgtype: string; content: string }> = []
  let tokenRequests = 0
  let sendRequests = 0
  let sendDelayMs = 0
  let sendScript: number[] = []
  const lastContent = new Map<string, number>()

  const json = (response: ServerResponse, body: unknown) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    response.end(JSON.stringify(body))
  }
  /** WeCom answers HTTP 200 with an errcode for every API error. */
  const tokenError = (token: string | null): { errcode: number; errmsg: string } | undefined => {
    const issued = token ? tokens.get(token) : undefined
    if (!issued) return { errcode: 40014, errmsg: 'invalid access_token' }
    if (issued.expiresAt <= Date.now()) return { errcode: 42001, errmsg: 'access_token expired' }
    return undefined
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1')
      const raw = Buffer.concat(chunks)
      void (async () => {
        if (url.pathname === '/cgi-bin/gettoken') {
          tokenRequests += 1
          if (url.searchParams.get('corpid') !== options.corpId)
            return json(response, { errcode: 40013, errmsg: 'invalid corpid' })
          if (url.searchParams.get('corpsecret') !== options.secret)
            return json(response, { errcode: 40001, errmsg: 'invalid credential' })
          const token = `tok-${randomBytes(8).toString('hex')}`
          const expiresIn = options.expiresIn ?? 7200
          tokens.set(token, { expiresAt: Date.now() + expiresIn * 1000 })
          return json(response, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: expiresIn })
        }
        if (url.pathname === '/cgi-bin/aibot/response' && request.method === 'POST') {
          const code = url.searchParams.get('response_code') ?? ''
          const issued = responseCodes.get(code)
          if (!issued || issued.used || issued.expiresAt <= Date.now())
            return json(response, { errcode: 40058, errmsg: 'invalid response_code' })
          let body: { msgtype?: string; markdown?: { content?: string } }
          try {
            body = JSON.parse(raw.toString('utf8'))
          } catch {
            return json(response, { errcode: 47001, errmsg: 'data format error' })
          }
          if (body.msgtype !== 'markdown' || !body.markdown?.content)
            return json(response, { errcode: 44004, errmsg: 'empty content' })
          if (Buffer.byteLength(body.markdown.content, 'utf8') > LIMITS.markdown!)
            return json(response, { errcode: 45002, errmsg: 'content size out of limit' })
          issued.used = true
          botReplies.push({ code, msgtype: body.msgtype, content: body.markdown.content })
          return json(response, { errcode: 0, errmsg: 'ok' })
        }
        const failure = tokenError(url.searchParams.get('access_token'))
        if (url.pathname === '/cgi-bin/message/send' && request.method === 'POST') {
          sendRequests += 1
          if (sendDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, sendDelayMs))
          if (failure) return json(response, failure)
          const scripted = sendScript.shift()
          if (scripted !== undefined) return json(response, { errcode: scripted, errmsg: 'scripted failure' })
          let body: {
            touser?: string
            msgtype?: string
            agentid?: number
            text?: { content?: string }
            markdown?: { content?: string }
            file?: { media_id?: string }
            enable_duplicate_check?: number
            duplicate_check_interval?: number
          }
          try {
            body = JSON.parse(raw.toString('utf8'))
          } catch {
            return json(response, { errcode: 47001, errmsg: 'data format error' })
          }
          if (body.agentid !== options.agentId) return json(response, { errcode: 40056, errmsg: 'invalid agentid' })
          if (!body.touser || !body.msgtype)
            return json(response, { errcode: 41009, errmsg: 'missing touser or msgtype' })
          const content =
            body.msgtype === 'text'
              ? body.text?.content
              : body.msgtype === 'markdown'
                ? body.markdown?.content
                : undefined
          const limit = LIMITS[body.msgtype]
          if (limit !== undefined && !content) return json(response, { errcode: 44004, errmsg: 'empty content' })
          if (limit !== undefined && Buffer.byteLength(content ?? '', 'utf8') > limit)
            return json(response, { errcode: 45002, errmsg: 'content size out of limit' })
          if (body.msgtype === 'file' && !media.has(body.file?.media_id ?? ''))
            return json(response, { errcode: 40007, errmsg: 'invalid media_id' })
          const key = `${body.touser}\u0000${body.msgtype}\u0000${content ?? body.file?.media_id}`
          const previous = lastContent.get(key)
          const windowMs = (body.duplicate_check_interval ?? 1800) * 1000
          if (body.enable_duplicate_check === 1 && previous !== undefined && Date.now() - previous < windowMs)
            return json(response, { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: 'duplicate' })
          lastContent.set(key, Date.now())
          sent.push({
            toUser: body.touser,
            msgtype: body.msgtype,
            content: content ?? '',
            mediaId: body.file?.media_id,
            at: Date.now(),
          })
          return json(response, { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `msg-${sent.length}` })
        }
        if (url.pathname === '/cgi-bin/media/upload' && request.method === 'POST') {
          if (failure) return json(response, failure)
          const file = await new Request('http://fake/', {
            method: 'POST',
            headers: { 'content-type': request.headers['content-type'] ?? '' },
            body: raw,
          })
            .formData()
            .then((form) => form.get('media'))
          if (!(file instanceof File)) return json(response, { errcode: 41005, errmsg: 'media data missing' })
          const mediaId = `media-${media.size + 1}`
          media.set(mediaId, { content: Buffer.from(await file.arrayBuffer()), name: file.name })
          return json(response, {
            errcode: 0,
            errmsg: 'ok',
            type: url.searchParams.get('type'),
            media_id: mediaId,
            created_at: String(Math.floor(Date.now() / 1000)),
          })
        }
        if (url.pathname === '/cgi-bin/media/get' && request.method === 'GET') {
          if (failure) return json(response, failure)
          const file = media.get(url.searchParams.get('media_id') ?? '')
          if (!file) return json(response, { errcode: 40007, errmsg: 'invalid media_id' })
          response.writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-disposition': `attachment; filename="${encodeURIComponent(file.name)}"`,
          })
          return response.end(file.content)
        }
        response.writeHead(404)
        response.end()
      })()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port

  return {
    apiBase: `http://127.0.0.1:${port}`,
    sent,
    get tokenRequests() {
      return tokenRequests
    },
    get sendRequests() {
      return sendRequests
    },
    /** Every token issued so far answers 42001 from now on (as after its expires_in). */
    expireTokens() {
      for (const token of tokens.values()) token.expiresAt = 0
    },
    /** message/send waits this long before answering. */
    slowSends(ms: number) {
      sendDelayMs = ms
    },
    /** The next sends answer these errcodes, one each. */
    failSends(...errcodes: number[]) {
      sendScript = [...errcodes]
    },
    /** A file a member sent: media/get serves it under the returned media_id. */
    addMedia(name: string, content: Buffer): string {
      const mediaId = `media-${media.size + 1}`
      media.set(mediaId, { content, name })
      return mediaId
    },
    media,
    botReplies,
    /** A response_url as WeCom puts into a 智能机器人 callback (one use, one hour). */
    issueResponseUrl(): string {
      const code = randomBytes(8).toString('hex')
      responseCodes.set(code, { expiresAt: Date.now() + 3_600_000, used: false })
      return `http://127.0.0.1:${port}/cgi-bin/aibot/response?response_code=${code}`
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type FakeWecomServer = Awaited<ReturnType<typeof startFakeWecomServer>>

export interface WecomCallbackKeys {
  token: string
  encodingAesKey: string
  corpId: string
}

/**
 * A callback as WeCom sends it to the app: the message XML encrypted with the corp id as receiveid, wrapped in
 * <xml><ToUserName/><Encrypt/><AgentID/></xml>, signed in the query (msg_signature, timestamp, nonce).
 */
export function wecomCallback(
  keys: WecomCallbackKeys,
  messageXml: string,
  options: { timestamp?: number; nonce?: string; agentId?: number } = {},
) {
  const encrypted = encrypt(keys.encodingAesKey, messageXml, keys.corpId)
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000))
  const nonce = options.nonce ?? String(randomBytes(4).readUInt32BE())
  const signature = getSignature(keys.token, timestamp, nonce, encrypted)
  const body = `<xml><ToUserName><![CDATA[${keys.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[${options.agentId ?? ''}]]></AgentID></xml>`
  return {
    path: `/webhooks/wecom?${new URLSearchParams({ msg_signature: signature, timestamp, nonce })}`,
    body,
    encrypted,
    timestamp,
    nonce,
  }
}

/** The plaintext XML of a member's text message to the app. */
export function wecomTextXml(options: {
  corpId: string
  userId: string
  text: string
  messageId: string
  agentId: number
  createTime?: number
}): string {
  const createTime = options.createTime ?? Math.floor(Date.now() / 1000)
  return `<xml><ToUserName><![CDATA[${options.corpId}]]></ToUserName><FromUserName><![CDATA[${options.userId}]]></FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${options.text}]]></Content><MsgId>${options.messageId}</MsgId><AgentID>${options.agentId}</AgentID></xml>`
}

/** A 智能机器人 callback: the JSON message encrypted with receiveid '' in {"encrypt": …}, signed in the query. */
export function wecomBotCallback(
  keys: { token: string; encodingAesKey: string },
  message: object,
  options: { timestamp?: number } = {},
) {
  const encrypted = encrypt(keys.encodingAesKey, JSON.stringify(message), '')
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000))
  const nonce = String(randomBytes(4).readUInt32BE())
  const signature = getSignature(keys.token, timestamp, nonce, encrypted)
  return {
    path: `/webhooks/wecom-bot?${new URLSearchParams({ msg_signature: signature, timestamp, nonce })}`,
    body: JSON.stringify({ encrypt: encrypted }),
  }
}
