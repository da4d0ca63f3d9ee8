import { createCipheriv, createHash, randomBytes } from 'node:crypto'

/** Builds im.message.receive_v1 events the way Feishu sends them (schema 2.0; create_time in ms as a string). */
export function textEvent(options: {
  eventId: string
  messageId: string
  text: string
  chatType?: 'p2p' | 'group'
  chatId?: string
  userId?: string
  mentions?: Array<{ key: string; openId: string; name: string }>
  token?: string
  createTime?: number
  messageType?: string
}) {
  const createTime = String(options.createTime ?? Date.now())
  return {
    schema: '2.0',
    header: {
      event_id: options.eventId,
      event_type: 'im.message.receive_v1',
      create_time: createTime,
      token: options.token ?? 'v-token',
      app_id: 'cli_test',
      tenant_key: 'tenant',
    },
    event: {
      sender: {
        sender_id: { open_id: options.userId ?? 'ou_owner', user_id: 'u1', union_id: 'on_1' },
        sender_type: 'user',
        tenant_key: 'tenant',
      },
      message: {
        message_id: options.messageId,
        chat_id: options.chatId ?? 'oc_chat',
        chat_type: options.chatType ?? 'p2p',
        message_type: options.messageType ?? 'text',
        content:
          options.messageType && options.messageType !== 'text'
            ? JSON.stringify({ image_key: 'img_x' })
            : JSON.stringify({ text: options.text }),
        create_time: createTime,
        mentions: (options.mentions ?? []).map((mention) => ({
          key: mention.key,
          id: { open_id: mention.openId, union_id: 'on_x', user_id: 'u_x' },
          name: mention.name,
          tenant_key: 'tenant',
        })),
      },
    },
  }
}

/** Encrypts like Feishu: AES-256-CBC, key sha256(encryptKey), random IV prepended, base64. */
export function encryptPayload(payload: unknown, encryptKey: string): string {
  const key = createHash('sha256').update(encryptKey).digest()
  const iv = randomBytes(16)
  const cipher = createCipheriv('aes-256-cbc', key, iv)
  return Buffer.concat([iv, cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]).toString('base64')
}

/** Headers with X-Lark-Signature = sha256hex(timestamp + nonce + encryptKey + rawBody). */
export function signedHeaders(rawBody: string, encryptKey: string, forge = false): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = randomBytes(8).toString('hex')
  const signature = createHash('sha256')
    .update(timestamp + nonce + encryptKey + rawBody)
    .digest('hex')
  return {
    'content-type': 'application/json',
    'x-lark-request-timestamp': timestamp,
    'x-lark-request-nonce': nonce,
    'x-lark-signature': forge ? signature.replace(/^./u, (char) => (char === 'a' ? 'b' : 'a')) : signature,
  }
}
