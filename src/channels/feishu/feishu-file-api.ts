import * as lark from '@larksuiteoapi/node-sdk'
import type { ReadStream } from 'node:fs'
import { Readable } from 'node:stream'

/** The Open API calls the file flow needs, through the SDK: download a message's file, upload one, reply with it. */
export interface FeishuFileApi {
  /** im.messageResource.get (type=file); stops reading and returns null beyond `maxBytes`. */
  download(messageId: string, fileKey: string, maxBytes: number): Promise<Buffer | null>
  /** im.file.create (file_type xls or stream) → file_key. */
  upload(fileName: string, bytes: Buffer): Promise<string>
  /** im.message.reply with a file message; `uuid` makes a retry idempotent. */
  replyFile(messageId: string, fileKey: string, uuid: string): Promise<void>
  /** im.message.reply with a text message. */
  replyText(messageId: string, text: string, uuid: string): Promise<void>
}

async function readAtMost(stream: Readable, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    size += (chunk as Buffer).length
    if (size > maxBytes) {
      stream.destroy()
      return null
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

function checked(response: { code?: number; msg?: string } | null | undefined, what: string): void {
  if (response?.code !== undefined && response.code !== 0)
    throw new Error(`Feishu refused ${what}: ${response.code} ${response.msg ?? ''}`)
}

export function createFeishuFileApi(options: { appId: string; appSecret: string; domain: string }): FeishuFileApi {
  const client = new lark.Client({
    appId: options.appId,
    appSecret: options.appSecret,
    domain: options.domain,
    loggerLevel: lark.LoggerLevel.error,
  })
  return {
    async download(messageId, fileKey, maxBytes) {
      const resource = await client.im.messageResource.get({
        path: { message_id: messageId, file_key: fileKey },
        params: { type: 'file' },
      })
      return readAtMost(resource.getReadableStream(), maxBytes)
    },
    async upload(fileName, bytes) {
      const fileType = /\.xlsx?$/iu.test(fileName) ? 'xls' : 'stream'
      // A stream with a path: the multipart part then carries a filename, as Feishu expects of a file part.
      const file = Object.assign(Readable.from([bytes]), { path: fileName }) as unknown as ReadStream
      const response = (await client.im.file.create({ data: { file_type: fileType, file_name: fileName, file } })) as {
        file_key?: string
        data?: { file_key?: string }
        code?: number
        msg?: string
      } | null
      checked(response, 'the upload')
      const fileKey = response?.file_key ?? response?.data?.file_key
      if (!fileKey) throw new Error('Feishu returned no file_key')
      return fileKey
    },
    async replyFile(messageId, fileKey, uuid) {
      checked(
        await client.im.message.reply({
          path: { message_id: messageId },
          data: { msg_type: 'file', content: JSON.stringify({ file_key: fileKey }), uuid },
        }),
        'the file message',
      )
    },
    async replyText(messageId, text, uuid) {
      checked(
        await client.im.message.reply({
          path: { message_id: messageId },
          data: { msg_type: 'text', content: JSON.stringify({ text }), uuid },
        }),
        'the text message',
      )
    },
  }
}
