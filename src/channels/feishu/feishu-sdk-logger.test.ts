import { describe, expect, it } from 'vitest'
import { createFeishuSdkLogger, describeSdkArgument } from './feishu-sdk-logger.js'

describe('the Lark SDK logger wrapper', () => {
  it('never passes on a token, whatever shape the SDK logs', () => {
    const lines: string[] = []
    const record = (details: object) => void lines.push(JSON.stringify(details))
    const logger = createFeishuSdkLogger({ info: record, warn: record, error: record })
    const axiosLike = Object.assign(new Error('Request failed with status code 500'), {
      config: {
        headers: { Authorization: 'Bearer t-g1044qeGEDXTB6NDJOGV4JQCYDGHRBARFTGT1234' },
        url: '/open-apis/bot/v3/info',
      },
      response: { status: 500, data: { code: 99991400, msg: 'internal error' } },
    })
    logger.error([
      {
        message: axiosLike.message,
        config: axiosLike.config,
        response: { status: 500, headers: { authorization: 'Bearer t-abc' } },
      },
    ])
    logger.error(axiosLike)
    logger.warn('token refresh: Authorization: Bearer t-g1044qeGEDXTB6NDJOGV4JQCYDGHRBARFTGT1234')
    logger.info({ tenant_access_token: 't-g1044qeGEDXTB6NDJOGV4JQCYDGHRBARFTGT1234', expire: 7200 })
    expect(lines).toHaveLength(4)
    for (const line of lines) {
      expect(line).not.toContain('g1044qeGEDXTB6NDJOGV4JQCYDGHRBARFTGT1234')
      expect(line).not.toContain('t-abc')
    }
    expect(lines[1]).toContain('HTTP 500, code 99991400')
  })

  it('keeps ordinary messages readable', () => {
    expect(describeSdkArgument(['[ws]', 'reconnect success'])).toBe('[ws] reconnect success')
  })
})
