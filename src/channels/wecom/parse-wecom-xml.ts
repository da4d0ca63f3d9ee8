import { XMLParser } from 'fast-xml-parser'

/** WeCom callbacks are small; anything bigger is refused before parsing. */
export const MAX_CALLBACK_BYTES = 64 * 1024

const parser = new XMLParser({
  // Every value stays a string: MsgId is a 64-bit integer that a JS number would round.
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  processEntities: true,
  trimValues: true,
})

/**
 * Reads a WeCom callback document (`<xml><Tag><![CDATA[…]]></Tag>…</xml>`) into its top-level fields, as strings.
 * Returns undefined for anything else (not XML, no <xml> root, a DOCTYPE: no entity tricks).
 */
export function parseWecomXml(text: string): Record<string, string> | undefined {
  if (/<!DOCTYPE|<!ENTITY/iu.test(text)) return undefined
  let document: unknown
  try {
    document = parser.parse(text, true)
  } catch {
    return undefined
  }
  const root = (document as { xml?: unknown } | undefined)?.xml
  if (typeof root !== 'object' || root === null) return undefined
  const fields: Record<string, string> = {}
  for (const [key, value] of Object.entries(root)) {
    if (typeof value === 'string') fields[key] = value
    else if (typeof value === 'number' || typeof value === 'boolean') fields[key] = String(value)
  }
  return fields
}
