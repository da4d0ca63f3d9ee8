import type { PolicyCard } from '../card-schema.js'
import { articleCard, chineseOrdinal, splitBlocks, twoDigits, type DocumentInfo } from './article-card.js'
import { normalizeSpaces, stripResidue } from './normalize-text.js'

/**
 * Parses 北京市优质中小企业梯度培育管理实施细则（2025年修订版） (seed 000): one card per 第X条 of the main text
 * (tier-rules-a01 …), and one per section of 附件1–4 (tier-rules-x1-01 …): the 公告/认定条件, each class of
 * 评价指标, each dimension of the 小巨人 standard, and each 附件4 definition.
 */
export const TIER_RULES_SEED = '000_171549bb3acf1c14.txt'

const DOCUMENT: DocumentInfo = {
  seed: TIER_RULES_SEED,
  section: '梯度培育管理实施细则',
  documentTitle: '北京市优质中小企业梯度培育管理实施细则（2025年修订版）',
  // 第五条 and 第二十二条: 市经济和信息化局 is responsible for the work and interprets the rules.
  issuer: '北京市经济和信息化局',
  docNumber: null,
  publishedAt: null,
  contact: null,
  // 第二十三条 says "本细则自发布之日起施行", but the seed does not carry the date it was published.
  period: null,
}

const ARTICLE = /^\*\*第([一二三四五六七八九十]+)条\*\*/u

interface Attachment {
  number: number
  name: string
  start: RegExp
  split: (line: string) => boolean
}

const SECTION = /^#{1,6}\s*(\*\*)?[一二三四五六]、/u
const INDICATOR_CLASS = /^[（(]\s*[一二三四五六]\s*[)）]\s*\S*指标/u
const DEFINITION = /^[（(]\s*[一二三四五六七八九十]+\s*[)）]/u

const ATTACHMENTS: Attachment[] = [
  {
    number: 1,
    name: '北京市创新型中小企业评价标准',
    start: /^## 附件 1\s*$/u,
    split: (line) => SECTION.test(line) || INDICATOR_CLASS.test(line),
  },
  {
    number: 2,
    name: '北京市专精特新中小企业认定标准',
    start: /^## 北京市专精特新中小企业认定标准/u,
    split: (line) => SECTION.test(line) || INDICATOR_CLASS.test(line),
  },
  {
    number: 3,
    name: '国家专精特新“小巨人”企业认定标准',
    start: /^## 国家专精特新“小巨人”企业认定标准/u,
    split: (line) => SECTION.test(line),
  },
  { number: 4, name: '部分指标和要求说明', start: /^## 附件 4\s*$/u, split: (line) => DEFINITION.test(line) },
]

/** "（三）所称“I类知识产权”包括…" → "（三）“I类知识产权”": the term a definition defines, else the first clause. */
function labelOf(text: string): string {
  const defined =
    /^所称(.{1,40}?)(?:是指|包括|须|可通过)/u.exec(text) ??
    /^[^。]{0,10}所称(“[^”]{1,40}”(?:、“[^”]{1,40}”)*)/u.exec(text)
  if (defined) return defined[1]
  return /^[^。：:，,；;（(]{1,24}/u.exec(text)?.[0] ?? text.slice(0, 24)
}

/** The heading of an attachment section; enumerator brackets are made full-width so headings read alike. */
function headingOf(line: string): string {
  const text = normalizeSpaces(stripResidue(line))
  const match = /^([（(][一二三四五六七八九十]+[)）]|[一二三四五六]、)(.*)$/u.exec(text)
  if (!match) return text.slice(0, 24)
  return `${match[1].replace('(', '（').replace(')', '）')}${labelOf(match[2])}`
}

const CHAPTER = /^#{1,6}\s*(?:\*\*)?(第[一二三四五六七八九十]+章)\s*(\S+?)(?:\*\*)?\s*$/u

/** The chapter an article stands in ("第三章 动态管理"), carried as the card's subtitle. */
function chapterAt(lines: readonly string[], index: number): string | null {
  for (let line = index; line >= 0; line -= 1) {
    const match = CHAPTER.exec(lines[line].trim())
    if (match) return `${match[1]} ${match[2]}`
  }
  return null
}

/** Parses the tier rules into article cards (main text) and attachment section cards. */
export function parseTierRules(text: string): PolicyCard[] {
  const lines = text.split('\n')
  const attachmentStarts = ATTACHMENTS.map((attachment) => {
    const index = lines.findIndex((line) => attachment.start.test(line.trim()))
    if (index < 0) throw new Error(`tier rules: 附件${attachment.number} not found`)
    return index
  })
  const cards: PolicyCard[] = []

  const mainEnd = attachmentStarts[0]
  for (const block of splitBlocks(lines, 0, mainEnd, (line) => ARTICLE.test(line.trim()))) {
    const chapter = chapterAt(lines, block.start)
    const number = chineseOrdinal(ARTICLE.exec(block.lines[0].trim())?.[1] ?? '')
    // An article ends at the next heading or at the list of attachments.
    const stop = block.lines.findIndex((line, index) => index > 0 && /^(#|- 附件)/u.test(line.trim()))
    const body = stop > 0 ? block.lines.slice(0, stop) : block.lines
    const heading = `第${ARTICLE.exec(block.lines[0].trim())?.[1]}条`
    body[0] = body[0].replace(ARTICLE, '').trim()
    const card = articleCard(
      DOCUMENT,
      `tier-rules-a${twoDigits(number)}`,
      heading,
      '北京市优质中小企业梯度培育管理实施细则',
      body,
      { ...block, end: block.start + body.length - 1 },
    )
    cards.push({ ...card, subtitle: chapter })
  }

  ATTACHMENTS.forEach((attachment, position) => {
    const from = attachmentStarts[position]
    const to = attachmentStarts[position + 1] ?? lines.length
    const blocks = splitBlocks(lines, from, to, (line) => attachment.split(line.trim()))
    blocks.forEach((block, index) => {
      const heading = `附件${attachment.number} ${headingOf(block.lines[0])}`
      const body = block.lines.map((line) => line.replace(/^#{1,6}\s*/u, ''))
      cards.push(
        articleCard(
          DOCUMENT,
          `tier-rules-x${attachment.number}-${twoDigits(index + 1)}`,
          heading,
          attachment.name,
          body,
          block,
        ),
      )
    })
  })
  return cards
}
