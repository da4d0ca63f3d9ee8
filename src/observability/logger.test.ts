import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from './logger.js'

describe('createLogger', () => {
  it('never writes secrets or enterprise figures', () => {
    const lines: string[] = []
    const destination = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done() } })
    const logger = createLogger({ level: 'info', destination })
    logger.info({ appSecret: 'S3CRET', config: { apiKey: 'sk-123' }, facts: { revenue: 3200 }, requestId: 'r1' }, 'turn')
    const output = lines.join('')
    expect(output).toContain('"requestId":"r1"')
    expect(output).not.toContain('S3CRET')
    expect(output).not.toContain('sk-123')
    expect(output).not.toContain('3200')
  })
})
