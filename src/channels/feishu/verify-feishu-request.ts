import { createDecipheriv, hash, timingSafeEqual } from 'node:crypto'
import { secureEquals } from '../../shared/secure-equals.js'

/** sha256(encryptKey) of the last key seen: the key is configuration, so it is not re-hashed per event. */
let cachedKey: { encryptKey: string; key: Buffer } | undefined

function aesKey(encryptKey: string): Buffer {
  if (cachedKey?.encryptKey !== encryptKey) cachedKey = { encryptKey, key: hash('sha256', encryptKey, 'buffer') }
  return cachedKey.key
}

/** AES-256-CBC with key sha256(encryptKey); the IV is the first 16 bytes of the base64-decoded payload. */
export function decryptFeishuPayload(encrypt: string, encryptKey: string): string {
  const buffer = Buffer.from(encrypt, 'base64')
  if (buffer.length < 32) throw new Error('encrypted payload too short')
  const key = aesKey(encryptKey)
  const decipher = createDecipheriv('aes-256-cbc', key, buffer.subarray(0, 16))
  return Buffer.concat([decipher.update(buffer.subarray(16)), decipher.final()]).toString('utf8')
}

/** X-Lark-Signature = sha256hex(timestamp + nonce + encryptKey + rawBody), compared in constant time. */
export function verifyFeishuSignature(input: {
  timestamp?: string
  nonce?: string
  signature?: string
  rawBody: string
  encryptKey: string
}): boolean {
  if (!input.timestamp || !input.nonce || !input.signature) return false
  const expected = hash('sha256', input.timestamp + input.nonce + input.encryptKey + input.rawBody, 'hex')
  const given = Buffer.from(input.signature, 'utf8')
  const wanted = Buffer.from(expected, 'utf8')
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

/** Constant-time token comparison (hashed first, so the token's length does not leak either). */
export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (!given) return false
  return secureEquals(given, expected)
}
