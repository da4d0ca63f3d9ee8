import { timingSafeEqual } from 'node:crypto'
import { decrypt, encrypt, getSignature } from '@wecom/crypto'

/** A callback that fails the WXBizMsgCrypt checks: bad signature, undecryptable body, or another corp's message. */
export class WecomCryptoError extends Error {
  override name = 'WecomCryptoError'
}

export interface WecomCryptoKeys {
  token: string
  /** The 43-character EncodingAESKey of the callback settings. */
  encodingAesKey: string
  /** The corp id (self-built app) or '' (智能机器人): checked against the receiveid inside every plaintext. */
  receiveId: string
}

/** True when `signature` is sha1(sort(token, timestamp, nonce, encrypted)), compared in constant time. */
export function verifyWecomSignature(
  keys: WecomCryptoKeys,
  query: { signature?: string; timestamp?: string; nonce?: string },
  encrypted: string,
): boolean {
  const { signature, timestamp, nonce } = query
  if (!signature || !timestamp || !nonce || !encrypted) return false
  const expected = Buffer.from(getSignature(keys.token, timestamp, nonce, encrypted), 'utf8')
  const given = Buffer.from(signature.toLowerCase(), 'utf8')
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/**
 * Decrypts an Encrypt field / echostr (AES-256-CBC, key = base64(EncodingAESKey + '='), IV = first 16 bytes of
 * the key; plaintext = random(16) + length(4, big-endian) + message + receiveid) and checks the receiveid.
 */
export function decryptWecom(keys: WecomCryptoKeys, encrypted: string): string {
  let opened: { message: string; id: string }
  try {
    opened = decrypt(keys.encodingAesKey, encrypted)
  } catch {
    throw new WecomCryptoError('cannot decrypt with WECOM_ENCODING_AES_KEY')
  }
  if (opened.id !== keys.receiveId) throw new WecomCryptoError('the message is addressed to another corp id')
  return opened.message
}

/** Encrypts a message the way WeCom does (for passive replies and for the fake WeCom server in tests). */
export function encryptWecom(keys: WecomCryptoKeys, message: string, random?: Buffer): string {
  return encrypt(keys.encodingAesKey, message, keys.receiveId, random)
}
