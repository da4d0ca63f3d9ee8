import type { SessionRecord } from './session-store.js'
import type { StoreWarningListener } from './store-warning.js'

/** A SessionRecord as every store keeps it: both parts as JSON text (null when absent). */
export interface EncodedSessionRecord {
  dialogue: string | null
  dialogueUpdatedAt: number
  profile: string | null
  profileUpdatedAt: number
}

function encodePart(value: unknown, part: 'dialogue' | 'profile'): string | null {
  if (value === null || value === undefined) return null
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch (error) {
    throw new TypeError(
      `session ${part} is not JSON-serialisable: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  if (text === undefined) throw new TypeError(`session ${part} is not JSON-serialisable (got ${typeof value})`)
  return text
}

function checkTimestamp(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new RangeError(`session ${field} must be a finite epoch-ms number, got ${String(value)}`)
  return value
}

/**
 * Validates and serialises a record before any storage is touched, so a bad value (cycle, BigInt, NaN time)
 * is rejected with a TypeError/RangeError and never replaces good data.
 */
export function encodeSessionRecord(record: SessionRecord): EncodedSessionRecord {
  return {
    dialogue: encodePart(record.dialogue, 'dialogue'),
    dialogueUpdatedAt: checkTimestamp(record.dialogueUpdatedAt, 'dialogueUpdatedAt'),
    profile: encodePart(record.profile, 'profile'),
    profileUpdatedAt: checkTimestamp(record.profileUpdatedAt, 'profileUpdatedAt'),
  }
}

/**
 * Parses one stored part. Damaged JSON becomes null and is reported (without the text, which may hold
 * enterprise figures) instead of failing the whole read.
 */
export function decodeSessionPart(
  text: unknown,
  part: 'dialogue' | 'profile',
  key: string,
  onWarning?: StoreWarningListener,
): unknown {
  if (text === null || text === undefined || text === '') return null
  if (typeof text !== 'string') {
    onWarning?.({
      type: 'store-corrupt-value',
      message: `stored session ${part} is not text (${typeof text}); read as empty`,
      key,
    })
    return null
  }
  try {
    return JSON.parse(text)
  } catch {
    onWarning?.({
      type: 'store-corrupt-value',
      message: `stored session ${part} (${text.length} chars) is not valid JSON; read as empty`,
      key,
    })
    return null
  }
}
