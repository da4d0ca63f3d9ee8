/** The unit a header names in brackets or after a slash, e.g. "营业收入（万元）" → 万元. */
export type HeaderUnit = '元' | '千元' | '万元' | '亿元' | '%' | '人' | '项' | '年' | '级' | '名'

const UNITS: HeaderUnit[] = ['亿元', '万元', '千元', '元', '%', '人', '项', '年', '级', '名']
const UNIT_PATTERN =
  /[(\[{【〔<《]([^)\]}】〕>》]*)[)\]}】〕>》]|[/:]\s*(?:单位[:：]?)?\s*(亿元|万元|千元|元|%|人|项|年|级|名)$/gu

/** Full-width forms to half-width, lower case, no spaces: the form synonyms and headers are compared in. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]+/gu, '')
}

/**
 * A header reduced to its words: full-width to half-width, units and notes in brackets removed (and kept as the
 * unit), a leading 是否, a leading year ("2024年"), marks such as * ： 、 removed.
 * "是否高新技术企业" → 高新技术企业; "营业收入（万元）" → { key: 营业收入, unit: 万元 }; "＊资产负债率(%)" → 资产负债率.
 */
export function normalizeHeader(header: string): { key: string; unit: HeaderUnit | null } {
  let unit: HeaderUnit | null = null
  let text = foldText(header)
  text = text.replace(UNIT_PATTERN, (_whole, inside: string | undefined, tail: string | undefined) => {
    const found = (tail ?? inside ?? '').replace(/^单位[:：]?/u, '')
    const named = UNITS.find((candidate) => found === candidate || found.endsWith(candidate))
    if (named && unit === null) unit = named
    return ''
  })
  text = text
    .replace(/[*#:：、_\-—.,，。'"“”‘’?？!！]/gu, '')
    .replace(/^(?:20\d{2}|19\d{2})年(?:度)?/u, '')
    .replace(/是否(?:为|是)?/gu, '')
    .replace(/(?:情况|数量|\(是否\))$/u, '')
  return { key: text, unit }
}
