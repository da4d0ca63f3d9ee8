import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from './logger.js'

describe('createLogger', () => {
  it('never writes secrets or enterprise figures', () => {
    const lines: string[] = []
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const logger = createLogger({ level: 'info', destination })
    logger.info(
      { appSecret: 'S3CRET', config: { apiKey: 'sk-123' }, facts: { revenue: 3200 }, requestId: 'r1' },
      'turn',
    )
    const output = lines.join('')
    expect(output).toContain('"requestId":"r1"')
    expect(output).not.toContain('S3CRET')
    expect(output).not.toContain('sk-123')
    expect(output).not.toContain('3200')
  })

  it('redacts what people wrote, dialogue state, and the token and body inside an HTTP client error', () => {
    const lines: string[] = []
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const logger = createLogger({ level: 'trace', destination })
    const axiosLike = Object.assign(new Error('Request failed with status code 500'), {
      config: {
        url: 'https://open.feishu.cn/open-apis/im/v1/messages',
        headers: { Authorization: 'Bearer t-g104secret' },
        data: '{"content":"营收3200万"}',
      },
      response: {
        status: 500,
        data: { msg: 'echo 营收3200万' },
        config: { headers: { Authorization: 'Bearer t-g104secret' } },
      },
    })
    logger.error({ err: axiosLike, messageId: 'om_1' }, 'send failed')
    logger.info(
      { message: { text: '我们营收3200万', chatId: 'c1' }, state: { facts: { revenue: 3200 } }, reply: '营收3200万元' },
      'turn',
    )
    logger.debug(
      { dialogue: { pending: ['revenue'] }, body: '{"text":"营收3200万"}', tenant_access_token: 't-g104secret' },
      'debug',
    )
    const output = lines.join('')
    expect(output).toContain('om_1')
    expect(output).toContain('"chatId":"c1"')
    expect(output).toContain('Request failed with status code 500')
    expect(output).not.toContain('t-g104secret')
    expect(output).not.toContain('3200')
  })
})
