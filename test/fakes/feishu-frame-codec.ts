/**
 * The Feishu long-connection frame (pbbp2.Frame), encoded and decoded by hand from its field numbers:
 * 1 SeqID uint64, 2 LogID uint64, 3 service int32, 4 method int32 (0 control, 1 data), 5 headers (repeated
 * {1 key, 2 value}), 6 payloadEncoding, 7 payloadType, 8 payload bytes, 9 LogIDNew. Test-only: the product uses the SDK.
 */
export interface Frame {
  SeqID: number
  LogID: number
  service: number
  method: number
  headers: Array<{ key: string; value: string }>
  payload?: Uint8Array
}

function varint(value: number): number[] {
  const bytes: number[] = []
  let rest = value
  while (rest > 127) {
    bytes.push((rest & 0x7f) | 0x80)
    rest = Math.floor(rest / 128)
  }
  bytes.push(rest)
  return bytes
}

function lengthDelimited(field: number, data: Uint8Array): number[] {
  return [...varint((field << 3) | 2), ...varint(data.length), ...data]
}

const utf8 = (text: string) => new TextEncoder().encode(text)

export function encodeFrame(frame: Frame): Uint8Array {
  const bytes: number[] = [
    ...varint(8),
    ...varint(frame.SeqID),
    ...varint(16),
    ...varint(frame.LogID),
    ...varint(24),
    ...varint(frame.service),
    ...varint(32),
    ...varint(frame.method),
  ]
  for (const header of frame.headers)
    bytes.push(
      ...lengthDelimited(
        5,
        new Uint8Array([...lengthDelimited(1, utf8(header.key)), ...lengthDelimited(2, utf8(header.value))]),
      ),
    )
  if (frame.payload) bytes.push(...lengthDelimited(8, frame.payload))
  return new Uint8Array(bytes)
}

function readVarint(bytes: Uint8Array, start: number): [number, number] {
  let value = 0
  let multiplier = 1
  let position = start
  for (;;) {
    const byte = bytes[position]
    position += 1
    value += (byte & 0x7f) * multiplier
    if (byte < 128) return [value, position]
    multiplier *= 128
  }
}

function fields(bytes: Uint8Array): Array<{ field: number; value: number | Uint8Array }> {
  const result: Array<{ field: number; value: number | Uint8Array }> = []
  let position = 0
  while (position < bytes.length) {
    const [tag, next] = readVarint(bytes, position)
    position = next
    const field = tag >> 3
    if ((tag & 7) === 0) {
      const [value, after] = readVarint(bytes, position)
      position = after
      result.push({ field, value })
    } else {
      const [length, after] = readVarint(bytes, position)
      result.push({ field, value: bytes.subarray(after, after + length) })
      position = after + length
    }
  }
  return result
}

export function decodeFrame(bytes: Uint8Array): Frame {
  const frame: Frame = { SeqID: 0, LogID: 0, service: 0, method: 0, headers: [] }
  const text = (value: number | Uint8Array) => new TextDecoder().decode(value as Uint8Array)
  for (const { field, value } of fields(bytes)) {
    if (field === 1) frame.SeqID = value as number
    else if (field === 2) frame.LogID = value as number
    else if (field === 3) frame.service = value as number
    else if (field === 4) frame.method = value as number
    else if (field === 5) {
      const parts = fields(value as Uint8Array)
      frame.headers.push({
        key: text(parts.find((part) => part.field === 1)?.value ?? new Uint8Array()),
        value: text(parts.find((part) => part.field === 2)?.value ?? new Uint8Array()),
      })
    } else if (field === 8) frame.payload = value as Uint8Array
  }
  return frame
}
