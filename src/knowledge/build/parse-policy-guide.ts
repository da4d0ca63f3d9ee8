import type { PolicyCard } from '../card-schema.js'
import { validityFields } from './article-card.js'
import { joinPieces, joinWrappedLines, normalizeSpaces, PAGE_NUMBER_LINE, stripResidue } from './normalize-text.js'
import { mergePeriods, parseTitlePeriod, parseValidityStatement } from './parse-validity.js'

/**
 * Parses 北京市产业政策导引（市级版） (seed 003) into its 145 guide cards.
 *
 * Each card has exactly one `依据文件` line; the card title is the nearest `N. 标题` line above it (card numbers
 * restart in every section, so ids are the card's position in the guide: guide-001 … guide-145). Between the
 * title and `依据文件` stand the wrapped title and the subtitle: with two lines they are title + subtitle; with
 * more, the first half is the title and the second half the subtitle.
 */
export const GUIDE_SEED = '003_cca9f5f056f4d656.txt'

const SECTION_HEADINGS: Array<[RegExp, string]> = [
  [/^一、综合篇$/u, '综合'],
  [/^二、两业融合篇$/u, '两业融合'],
  [/^三、先进制造业篇$/u, '先进制造业'],
  [/^（一）金融服务业$/u, '金融'],
  [/^（二）科技服务业$/u, '科技'],
  [/^（三）文化和旅游服务业$/u, '文化'],
  [/^（四）商务服务业$/u, '商务'],
  [/^（五）生活服务业$/u, '生活服务'],
  [/^五、现代基础设施篇$/u, '新基建'],
  [/^六、现代农业篇$/u, '农业'],
]

const TITLE_LINE = /^\s*\d{1,3}\.\s*(\S.*)$/u

/** Field labels as printed; 发文时间 (文化, 商务 sections) is the same field as 发布日期. */
const FIELD_LABELS = [
  '依据文件',
  '发文机构',
  '发文字号',
  '发布日期',
  '发文时间',
  '工具分类',
  '服务对象',
  '服务内容',
  '条件要求',
  '服务流程',
  '办理流程',
  '时间/频度',
  '联络方式',
] as const
type FieldLabel = (typeof FIELD_LABELS)[number]
const FIELD_AT_START = new RegExp(
  `^\\s*(${FIELD_LABELS.map((label) => label.replace('/', '\\/')).join('|')})(?=\\s|$)\\s*(.*)$`,
  'u',
)
/** "工具分类 资金支持 服务对象 全市范围": a second label on the same line. */
const INLINE_AUDIENCE = /\s服务对象(?:\s+|$)/u

function sectionAt(lines: readonly string[], index: number): string {
  for (let line = index; line >= 0; line -= 1) {
    const text = lines[line].trim()
    for (const [pattern, section] of SECTION_HEADINGS) if (pattern.test(text)) return section
  }
  return '综合'
}

/**
 * Rejoins labels that a narrow table cell wrapped across lines ("服务" / "对象" → "服务对象"): a line that is only
 * the first part of a label, followed by a line that starts with the rest. Blank lines and page numbers go.
 */
export function joinWrappedLabels(lines: readonly string[]): string[] {
  const kept = lines.map((line) => line.trim()).filter((line) => line !== '' && !PAGE_NUMBER_LINE.test(line))
  const joined: string[] = []
  for (let index = 0; index < kept.length; index += 1) {
    const line = kept[index]
    const next = kept[index + 1]
    const label =
      next === undefined
        ? undefined
        : FIELD_LABELS.find(
            (candidate) =>
              candidate.length > line.length &&
              candidate.startsWith(line) &&
              next.startsWith(candidate.slice(line.length)),
          )
    if (label !== undefined && next !== undefined) {
      joined.push(`${line}${next}`)
      index += 1
    } else {
      joined.push(line)
    }
  }
  return joined
}

function splitFields(lines: readonly string[]): Map<FieldLabel, string[]> {
  const fields = new Map<FieldLabel, string[]>()
  let current: FieldLabel | null = null
  for (const line of joinWrappedLabels(lines)) {
    const match = FIELD_AT_START.exec(line)
    if (match) {
      current = match[1] as FieldLabel
      let rest = match[2]
      if (current === '工具分类' && INLINE_AUDIENCE.test(rest)) {
        const [tool, audience] = rest.split(INLINE_AUDIENCE)
        fields.set('工具分类', [tool])
        current = '服务对象'
        rest = audience ?? ''
      }
      fields.set(current, rest.trim() === '' ? [] : [rest])
      continue
    }
    if (current) fields.get(current)?.push(line)
  }
  return fields
}

function fieldText(fields: Map<FieldLabel, string[]>, ...labels: FieldLabel[]): string | null {
  for (const label of labels) {
    const lines = fields.get(label)
    if (!lines) continue
    const text = joinWrappedLines(lines)
    if (text !== '') return text
  }
  return null
}

function singleLine(text: string | null): string | null {
  return text === null ? null : text.replace(/\n/gu, '')
}

/** "/" and "无" in the source mean the document has no number. */
function documentNumber(text: string | null): string | null {
  return text === null || /^[/／无—-]*$/u.test(text) ? null : text
}

/**
 * 依据文件 without its 《》: "《A》" → "A"; several documents ("《A》、《B》", "《A》《B》") are joined with "、".
 * Inner quotation marks that are part of a title stay.
 */
export function documentTitleOf(text: string | null): string | null {
  if (text === null) return null
  if (!/^《.*》$/u.test(text)) return text
  return text
    .slice(1, -1)
    .split(/》\s*[、，,]?\s*《/u)
    .join('、')
}

/** The first date of 发布日期 ("2017-12-28/2019-08-15" cites several documents; the first is the 依据文件's first). */
function normalizeDate(text: string | null): string | null {
  if (!text) return null
  const match = /(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})/u.exec(text)
  if (!match) return text
  return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`
}

function joinTitle(parts: readonly string[]): string {
  return parts.map((part) => normalizeSpaces(stripResidue(part))).reduce((title, part) => joinPieces(title, part), '')
}

/** Parses the guide; cards are returned in guide order with ids guide-001 … */
export function parsePolicyGuide(text: string): PolicyCard[] {
  const lines = text.split('\n')
  const anchors = lines.flatMap((line, index) => (line.trim().startsWith('依据文件') ? [index] : []))
  const titleLines: number[] = []
  let previousAnchor = -1
  for (const anchor of anchors) {
    let title = -1
    for (let index = anchor - 1; index > previousAnchor; index -= 1) {
      if (TITLE_LINE.test(lines[index])) {
        title = index
        break
      }
    }
    if (title < 0) throw new Error(`guide: no title line above 依据文件 at line ${anchor + 1}`)
    titleLines.push(title)
    previousAnchor = anchor
  }

  return anchors.map((anchor, position) => {
    const start = titleLines[position]
    const nextStart = titleLines[position + 1] ?? lines.length
    // The card ends before the next card's title, or before a section heading in between.
    let end = nextStart - 1
    for (let index = anchor; index < nextStart; index += 1) {
      const trimmed = lines[index].trim()
      if (SECTION_HEADINGS.some(([pattern]) => pattern.test(trimmed)) || /^[一二三四五六]、\S+篇$/u.test(trimmed)) {
        end = index - 1
        break
      }
    }
    while (end > anchor && (lines[end].trim() === '' || PAGE_NUMBER_LINE.test(lines[end]))) end -= 1

    const header = lines
      .slice(start, anchor)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !PAGE_NUMBER_LINE.test(line))
    header[0] = header[0].replace(/^\d{1,3}\.\s*/u, '')
    const titleCount = header.length <= 2 ? 1 : Math.ceil(header.length / 2)
    const title = joinTitle(header.slice(0, titleCount))
    const subtitleText = header.length > titleCount ? joinTitle(header.slice(titleCount)) : null
    // Most cards repeat the title on the line below it; a repeat is no subtitle.
    const subtitle = subtitleText === null || subtitleText === title ? null : subtitleText

    const fields = splitFields(lines.slice(anchor, end + 1))
    const documentTitle = documentTitleOf(singleLine(fieldText(fields, '依据文件'))) ?? title
    const publishedAt = normalizeDate(singleLine(fieldText(fields, '发布日期', '发文时间')))
    const timing = fieldText(fields, '时间/频度')
    // The card's 时间/频度 states its own period; the years in its 依据文件 title fill a bound it leaves open.
    const period = mergePeriods(
      timing === null ? null : parseValidityStatement(timing, publishedAt),
      parseTitlePeriod(documentTitle),
    )
    const card: PolicyCard = {
      id: `guide-${String(position + 1).padStart(3, '0')}`,
      kind: 'guide',
      seed: GUIDE_SEED,
      section: sectionAt(lines, start),
      title,
      subtitle,
      documentTitle,
      issuer: singleLine(fieldText(fields, '发文机构')) ?? '',
      docNumber: documentNumber(singleLine(fieldText(fields, '发文字号'))),
      publishedAt,
      heading: null,
      toolType: singleLine(fieldText(fields, '工具分类')),
      audience: fieldText(fields, '服务对象'),
      content: fieldText(fields, '服务内容') ?? '',
      requirements: fieldText(fields, '条件要求'),
      process: fieldText(fields, '服务流程', '办理流程'),
      timing,
      contact: fieldText(fields, '联络方式')?.replace(/：\n/gu, '：') ?? null,
      sourceLines: [start + 1, end + 1],
      flags: [],
      duplicateOf: null,
      ...validityFields(period),
    }
    return card
  })
}
