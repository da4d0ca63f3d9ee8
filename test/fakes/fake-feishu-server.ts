import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedFeishuRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: unknown
}

/** How the fake answers a message send: normally, or with a failure the sender must survive. */
export type SendBehaviour =
  'ok' | { status: number; headers?: Record<string, string> } | { code: number; msg: string } | 'hang'

/**
 * A fake Feishu Open API on 127.0.0.1 for the real @larksuiteoapi/node-sdk: tenant_access_token, bot info,
 * im.message.reply, im.message.create, im.messageResource.get (files put with `putMessageFile`) and im.file.create
 * (multipart; uploads kept in `uploads`). Records every request; message sends can be scripted to fail.
 * Like Feishu, a repeated `uuid` within an hour does not post a second message.
 */
export async function startFakeFeishuServer(options: { botOpenId?: string; port?: number } = {}) {
  const requests: RecordedFeishuRequest[] = []
  const posted: Array<{ replyTo: string; msgType: string; content: string; uuid?: string; at: number }> = []
  const seenUuids = new Set<string>()
  let sendScript: SendBehaviour[] = []
  const hanging: ServerResponse[] = []
  /** Slow mode: a send is posted (and answered) only after this long, and not at all if the caller hung up. */
  let sendDelayMs = 0
  /** Replies to these message ids hang (never answered) this many more times. */
  const hangsFor = new Map<string, number>()
  let botInfoFailuresLeft = 0
  const botOpenId = options.botOpenId ?? 'ou_bot_open_id'
  /** Files attached to messages, by message id and file key. */
  const messageFiles = new Map<string, Buffer>()
  const uploads: Array<{ fileKey: string; fileType: string; fileName: string; bytes: Buffer }> = []

  const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    response.end(JSON.stringify(body))
  }

  function record(body: unknown, replyTo: string) {
    const data = body as { content: string; msg_type: string; uuid?: string }
    if (!data.uuid || !seenUuids.has(data.uuid)) {
      if (data.uuid) seenUuids.add(data.uuid)
      posted.push({ replyTo, msgType: data.msg_type, content: data.content, uuid: data.uuid, at: Date.now() })
    }
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
    })
    request.on('end', async () => {
      const bytes = Buffer.concat(chunks)
      const isMultipart = (request.headers['content-type'] ?? '').startsWith('multipart/form-data')
      const raw = isMultipart ? '' : bytes.toString('utf8')
      let body: unknown = raw
      try {
        body = raw ? JSON.parse(raw) : undefined
      } catch {
        // keep the raw text
      }
      const path = (request.url ?? '').split('?')[0]
      requests.push({ method: request.method ?? '', path, headers: request.headers, body })
      if (path === '/open-apis/auth/v3/tenant_access_token/internal')
        return json(response, 200, { code: 0, msg: 'ok', tenant_access_token: 't-fake-token', expire: 7200 })
      if (path === '/open-apis/bot/v3/info') {
        if (botInfoFailuresLeft > 0) {
          botInfoFailuresLeft -= 1
          return json(response, 500, { code: 99991400, msg: 'internal error' })
        }
        if (request.headers.authorization !== 'Bearer t-fake-token')
          return json(response, 401, { code: 99991663, msg: 'invalid token' })
        return json(response, 200, {
          code: 0,
          msg: 'ok',
          bot: { open_id: botOpenId, app_name: '政策助手', activate_status: 2 },
        })
      }
      const resource = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/u.exec(path)
      if (resource && request.method === 'GET') {
        if (request.headers.authorization !== 'Bearer t-fake-token')
          return json(response, 401, { code: 99991663, msg: 'invalid token' })
        const type = new URL(request.url ?? '', 'http://fake').searchParams.get('type')
        const file = messageFiles.get(`${resource[1]}/${resource[2]}`)
        if (!type) return json(response, 400, { code: 234001, msg: 'Invalid request param.' })
        if (!file) return json(response, 400, { code: 234003, msg: 'File not in msg.' })
        response.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': String(file.length),
          'content-disposition': `attachment; filename="${resource[2]}"`,
        })
        return void response.end(file)
      }
      if (path === '/open-apis/im/v1/files' && request.method === 'POST') {
        if (request.headers.authorization !== 'Bearer t-fake-token')
          return json(response, 401, { code: 99991663, msg: 'invalid token' })
        if (!isMultipart) return json(response, 400, { code: 234001, msg: 'Invalid request param.' })
        const form = await new Response(bytes, {
          headers: { 'content-type': String(request.headers['content-type']) },
        }).formData()
        const file = form.get('file')
        const fileType = String(form.get('file_type') ?? '')
        const fileName = String(form.get('file_name') ?? '')
        if (
          !(file instanceof Blob) ||
          file.size === 0 ||
          !['opus', 'mp4', 'pdf', 'doc', 'xls', 'ppt', 'stream'].includes(fileType) ||
          !fileName
        )
          return json(response, 400, { code: 234001, msg: 'Invalid request param.' })
        if (file.size > 30 * 1024 * 1024)
          return json(response, 400, { code: 234006, msg: 'The file size exceed the max value.' })
        const fileKey = `file_v3_fake_${uploads.length + 1}`
        uploads.push({ fileKey, fileType, fileName, bytes: Buffer.from(await file.arrayBuffer()) })
        return json(response, 200, { code: 0, msg: 'success', data: { file_key: fileKey } })
      }
      const reply = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/u.exec(path)
      if (reply || path === '/open-apis/im/v1/messages') {
        const replyTo = reply?.[1] ?? ''
        const hangs = hangsFor.get(replyTo) ?? 0
        if (hangs > 0) {
          hangsFor.set(replyTo, hangs - 1)
          return void hanging.push(response)
        }
        const behaviour = sendScript.shift() ?? 'ok'
        if (behaviour === 'hang') return void hanging.push(response)
        if (sendDelayMs > 0) {
          const delay = sendDelayMs
          return void setTimeout(() => {
            if (response.destroyed || request.socket.destroyed) return
            record(body, replyTo)
            json(response, 200, { code: 0, msg: 'success', data: { message_id: `om_reply_${posted.length}` } })
          }, delay)
        }
        if (typeof behaviour === 'object' && 'status' in behaviour)
          return json(response, behaviour.status, { code: 99991400, msg: 'failed' }, behaviour.headers)
        if (typeof behaviour === 'object' && 'code' in behaviour)
          return json(response, 200, { code: behaviour.code, msg: behaviour.msg })
        record(body, replyTo)
        return json(response, 200, { code: 0, msg: 'success', data: { message_id: `om_reply_${posted.length}` } })
      }
      json(response, 404, { code: 404, msg: `fake has no ${path}` })
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    domain: `http://127.0.0.1:${port}`,
    botOpenId,
    requests,
    /** Messages actually posted to chats (repeats of a uuid are not posted twice, like Feishu). */
    posted,
    /** Files uploaded with im.file.create. */
    uploads,
    /** Attaches a file to a message, for im.messageResource.get. */
    putMessageFile(messageId: string, fileKey: string, bytes: Buffer) {
      messageFiles.set(`${messageId}/${fileKey}`, bytes)
    },
    /** The next message sends answer like this, in order; then normal answers. */
    scriptSends(behaviours: SendBehaviour[]) {
      sendScript = [...behaviours]
    },
    /** Every send is posted and answered only after `ms` (0: at once); a caller that hangs up first posts nothing. */
    slowSends(ms: number) {
      sendDelayMs = ms
    },
    /** The next `times` replies to `messageId` are never answered. */
    hangRepliesTo(messageId: string, times = 1) {
      hangsFor.set(messageId, times)
    },
    /** The next `times` bot/v3/info calls answer HTTP 500. */
    failBotInfo(times: number) {
      botInfoFailuresLeft = times
    },
    async close() {
      for (const response of hanging) response.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
export type FakeFeishuServer = Awaited<ReturnType<typeof startFakeFeishuServer>>
