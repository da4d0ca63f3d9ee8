import { describeFactIssue } from '../facts/describe-fact-issue.js'
import { FACT_LABELS } from '../facts/fact-labels.js'
import { FACT_OPTION_LABELS } from '../facts/fact-options.js'
import { FactsSchema, type FactName } from '../facts/fact-schema.js'
import { parseAmount } from '../facts/parse-amount.js'
import { foldText, type HeaderUnit } from './normalize-header.js'
import type { SheetHeaderLexicon } from './sheet-header-lexicon.js'

/** A cell as read from a sheet: text, a number, a boolean, or empty. */
export type SheetCell = string | number | boolean | null

export type CellReading = { ok: true; value: unknown } | { ok: true; value: undefined } | { ok: false; message: string }

const LIST_FACTS: ReadonlySet<FactName> = new Set(['techConversion', 'honors'])
/** How many 万元 one unit of a money header is worth. */
const MONEY_SCALE: Partial<Record<HeaderUnit, number>> = { 元: 0.0001, 千元: 0.1, 万元: 1, 亿元: 10000 }

const isBooleanFact = (fact: FactName) => FactsSchema.shape[fact].safeParse(true).success

/** Reads words from the lexicon: yes/no/blank sets, folded. */
export function cellWords(lexicon: SheetHeaderLexicon) {
  const fold = (words: readonly string[]) => new Set(words.map(foldText))
  return { yes: fold(lexicon.yes), no: fold(lexicon.no), blank: fold(lexicon.blank) }
}

export type CellWords = ReturnType<typeof cellWords>

function optionOf(fact: FactName, text: string, lexicon: SheetHeaderLexicon): unknown {
  const folded = foldText(text)
  const labels = FACT_OPTION_LABELS[fact] ?? {}
  const synonyms = lexicon.optionSynonyms[fact] ?? {}
  for (const [key, label] of Object.entries(labels)) {
    if (
      folded === foldText(key) ||
      folded === foldText(label) ||
      (synonyms[key] ?? []).some((word) => foldText(word) === folded)
    ) {
      return fact === 'makerChinaTop' ? (key === 'null' ? null : Number(key)) : key
    }
  }
  return undefined
}

function optionList(fact: FactName): string {
  return Object.values(FACT_OPTION_LABELS[fact] ?? {}).join('、')
}

function readNumber(fact: FactName, text: string, unit: HeaderUnit | null): number | null {
  const plain = text.replace(/(\d)[,，](?=\d{3}(?:\D|$))/gu, '$1').replace(/^\+/u, '')
  const scale = unit && MONEY_SCALE[unit] !== undefined && FACT_LABELS[fact].unit === '万元' ? MONEY_SCALE[unit]! : 1
  if (/^-?\d+(?:\.\d+)?$/u.test(plain)) return Number(plain) * scale
  const factUnit = FACT_LABELS[fact].unit
  if (!factUnit) return null
  if (/^-\d/u.test(plain)) {
    const positive = parseAmount(plain.slice(1), factUnit)
    return positive === null ? null : -positive
  }
  return parseAmount(plain, factUnit)
}

/** A yes/no cell (是/否/有/无/√/×/Y/N…): true, false, undefined when blank, or null when it is neither. */
export function parseYesNo(cell: SheetCell, words: CellWords): boolean | undefined | null {
  if (cell === null) return undefined
  if (typeof cell === 'boolean') return cell
  const folded = foldText(String(cell))
  if (folded === '' || words.blank.has(folded)) return undefined
  return words.yes.has(folded) ? true : words.no.has(folded) ? false : null
}

/** A number without a unit or % sign ("0.48", 0.48). */
export function isBareNumber(cell: SheetCell): boolean {
  return typeof cell === 'number' || (typeof cell === 'string' && /^\s*\d+(?:\.\d+)?\s*$/u.test(cell.normalize('NFKC')))
}

/**
 * One cell for one fact: "3,200" / "3200万" / "0.32亿" / "48%" / "是" / "√" / "高新技术企业、知识产权示范企业". An empty
 * or 不详 cell is unknown (undefined). A value that cannot be read, or breaks the fact's range, is an error naming
 * the fact and the value, never dropped. `percentAsFraction`: the column writes percentages as fractions (0.48 = 48%).
 */
export function parseSheetCell(
  fact: FactName,
  cell: SheetCell,
  unit: HeaderUnit | null,
  lexicon: SheetHeaderLexicon,
  words: CellWords,
  percentAsFraction = false,
): CellReading {
  if (cell === null) return { ok: true, value: undefined }
  const text = typeof cell === 'string' ? cell.normalize('NFKC').trim() : String(cell)
  const folded = foldText(text)
  if (folded === '' || words.blank.has(folded)) return { ok: true, value: undefined }
  const label = FACT_LABELS[fact].label
  let value: unknown
  if (typeof cell === 'boolean') value = cell
  else if (isBooleanFact(fact)) {
    if (words.yes.has(folded)) value = true
    else if (words.no.has(folded)) value = false
    else return { ok: false, message: `${label}：应填“是”或“否”（收到：${text}）` }
  } else if (LIST_FACTS.has(fact)) {
    if (words.no.has(folded)) value = []
    else {
      const parts = text
        .split(/[、,，;；|/\n]+/u)
        .map((part) => part.trim())
        .filter(Boolean)
      const keys = parts.map((part) => optionOf(fact, part, lexicon))
      const unknownPart = parts.find((_part, index) => keys[index] === undefined)
      if (unknownPart !== undefined)
        return { ok: false, message: `${label}：无法识别“${unknownPart}”（可填：${optionList(fact)}，多项用顿号分隔）` }
      value = [...new Set(keys)]
    }
  } else if (FACT_OPTION_LABELS[fact]) {
    value = optionOf(fact, text, lexicon)
    if (value === undefined) return { ok: false, message: `${label}：无法识别“${text}”（可填：${optionList(fact)}）` }
  } else {
    let number =
      typeof cell === 'number'
        ? cell * (unit && FACT_LABELS[fact].unit === '万元' ? (MONEY_SCALE[unit] ?? 1) : 1)
        : readNumber(fact, text, unit)
    if (number !== null && percentAsFraction && isBareNumber(cell)) number *= 100
    if (number === null)
      return {
        ok: false,
        message: `${label}：应为数字${FACT_LABELS[fact].unit ? `（${FACT_LABELS[fact].unit}）` : ''}（收到：${text}）`,
      }
    value = Math.round(number * 1e6) / 1e6
  }
  const checked = FactsSchema.shape[fact].safeParse(value)
  if (!checked.success) return { ok: false, message: describeFactIssue(checked.error.issues[0], fact, text) }
  return { ok: true, value: checked.data }
}
