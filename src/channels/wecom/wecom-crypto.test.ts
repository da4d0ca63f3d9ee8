import { createCipheriv, createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decryptWecom, encryptWecom, verifyWecomSignature, WecomCryptoError } from './wecom-crypto.js'

/** The URL-verification example of Tencent's WXBizMsgCrypt samples (企业微信 加解密库). */
const SAMPLE = {
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  receiveId: 'wx5823bf96d3bd56c7',
  timestamp: '1409659589',
  nonce: '263014780',
  signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
}

/** The scheme written out with node:crypto alone, to check the package against an independent encoding. */
function encryptIndependently(encodingAesKey: string, message: string, receiveId: string, random: Buffer): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64')
  const body = Buffer.from(message, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const plain = Buffer.concat([random, length, body, Buffer.from(receiveId, 'utf8')])
  const pad = 32 - (plain.length % 32)
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString(
    'base64',
  )
}

describe('WeCom callback crypto (WXBizMsgCrypt)', () => {
  it('accepts the signature of the official sample and decrypts its echostr', () => {
    const query = { signature: SAMPLE.signature, timestamp: SAMPLE.timestamp, nonce: SAMPLE.nonce }
    expect(verifyWecomSignature(SAMPLE, query, SAMPLE.echostr)).toBe(true)
    expect(decryptWecom(SAMPLE, SAMPLE.echostr)).toBe('1616140317555161061')
  })

  it('computes the signature as sha1 over the sorted four strings', () => {
    const sorted = [SAMPLE.token, SAMPLE.timestamp, SAMPLE.nonce, SAMPLE.echostr].sort().join('')
    expect(createHash('sha1').update(sorted).digest('hex')).toBe(SAMPLE.signature)
  })

  it('refuses a signature that is off by one character, or missing', () => {
    const forged = `${SAMPLE.signature.slice(0, -1)}0`
    expect(
      verifyWecomSignature(
        SAMPLE,
        { signature: forged, timestamp: SAMPLE.timestamp, nonce: SAMPLE.nonce },
        SAMPLE.echostr,
      ),
    ).toBe(false)
    expect(
      verifyWecomSignature(
        SAMPLE,
        { signature: SAMPLE.signature, timestamp: '1409659590', nonce: SAMPLE.nonce },
        SAMPLE.echostr,
      ),
    ).toBe(false)
    expect(verifyWecomSignature(SAMPLE, { timestamp: SAMPLE.timestamp, nonce: SAMPLE.nonce }, SAMPLE.echostr)).toBe(
      false,
    )
  })

  it('matches the official Java sample vector (fixed random, Chinese text)', () => {
    const keys = {
      token: 'pamtest',
      encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
      receiveId: 'wxb11529c136998cb6',
    }
    const expected = 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg=='
    expect(encryptWecom(keys, '我是中文abcd123', Buffer.from('aaaabbbbccccdddd'))).toBe(expected)
    expect(
      encryptIndependently(keys.encodingAesKey, '我是中文abcd123', keys.receiveId, Buffer.from('aaaabbbbccccdddd')),
    ).toBe(expected)
    expect(decryptWecom(keys, expected)).toBe('我是中文abcd123')
  })

  it('decrypts what the scheme written independently encrypts, for a message a block long and for a long one', () => {
    const keys = { token: 't', encodingAesKey: SAMPLE.encodingAesKey, receiveId: 'ww0123456789abcdef' }
    for (const message of [
      '<xml>x</xml>'.padEnd(32 - 20 - keys.receiveId.length + 32, ' '),
      `<xml><Content><![CDATA[${'政策'.repeat(700)}]]></Content></xml>`,
    ]) {
      expect(
        decryptWecom(keys, encryptIndependently(keys.encodingAesKey, message, keys.receiveId, Buffer.alloc(16, 7))),
      ).toBe(message)
    }
  })

  it('refuses a message for another corp id, a wrong key and garbage', () => {
    const other = encryptIndependently(SAMPLE.encodingAesKey, 'hello', 'ww_other_corp', Buffer.alloc(16, 1))
    expect(() => decryptWecom(SAMPLE, other)).toThrow(WecomCryptoError)
    expect(() =>
      decryptWecom({ ...SAMPLE, encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }, SAMPLE.echostr),
    ).toThrow(WecomCryptoError)
    expect(() => decryptWecom(SAMPLE, 'bm90IGEgY2lwaGVy')).toThrow(WecomCryptoError)
  })
})
