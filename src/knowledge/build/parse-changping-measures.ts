import type { PolicyCard } from '../card-schema.js'
import { articleCard, chineseOrdinal, splitBlocks, twoDigits, type DocumentInfo } from './article-card.js'
import { joinWrappedLines, stripResidue } from './normalize-text.js'
import { findDocumentPeriod } from './parse-validity.js'

/**
 * Parses 昌平区促进高端医疗器械产业集群发展的若干措施 (seed 004): one card per 第X条 (changping-a01 … a17).
 * Issuer, number and date are those of the covering notice at the top of the seed.
 */
export const CHANGPING_SEED = '004_a580d6ccc49b094e.txt'

const DOCUMENT: DocumentInfo = {
  seed: CHANGPING_SEED,
  section: '昌平区高端医疗器械若干措施',
  documentTitle: '昌平区促进高端医疗器械产业集群发展的若干措施',
  issuer: '北京市昌平区人民政府办公室',
  docNumber: '昌政办发〔2025〕10号',
  publishedAt: '2025-12-15',
  contact: null,
  period: null,
}

const ARTICLE = /^第([一二三四五六七八九十]+)条\s+(\S.*)$/u
const CHAPTER = /^第[一二三四五六七八九十]+章/u
const BACK_MATTER = /^（此件主动公开）$/u

/** Parses the Changping measures into one article card per 第X条. */
export function parseChangpingMeasures(text: string): PolicyCard[] {
  const lines = text.split('\n').map((line) => stripResidue(line))
  // The notice's back matter ("（此件主动公开）", 抄送, 印发) follows the last article; it is not policy text.
  const backMatter = lines.findLastIndex((line) => BACK_MATTER.test(line.trim()))
  const firstArticle = lines.findIndex((line) => ARTICLE.test(line.trim()))
  const end = backMatter > firstArticle ? backMatter : lines.length
  // 第十七条: "自发布之日起施行，有效期三年", from the covering notice's date.
  const document = {
    ...DOCUMENT,
    period: findDocumentPeriod(
      joinWrappedLines(lines.slice(firstArticle, end)),
      DOCUMENT.publishedAt,
      DOCUMENT.documentTitle,
    ),
  }
  const blocks = splitBlocks(lines, 0, end, (line) => ARTICLE.test(line.trim()) || CHAPTER.test(line.trim()))
  const cards: PolicyCard[] = []
  let chapter: string | null = null
  for (const block of blocks) {
    const first = block.lines[0].trim()
    if (CHAPTER.test(first)) {
      chapter = first.replace(/\s+/gu, ' ')
      continue
    }
    const match = ARTICLE.exec(first)
    if (!match) continue
    const number = chineseOrdinal(match[1])
    // A short remainder is the article's own title ("第二条  支持原始创新"); a long one is its text.
    const rest = match[2].trim()
    const titled = rest.length <= 16 && !/[。，]/u.test(rest)
    const heading = titled ? `第${match[1]}条 ${rest}` : `第${match[1]}条`
    const body = titled ? block.lines.slice(1) : [rest, ...block.lines.slice(1)]
    const card = articleCard(
      document,
      `changping-a${twoDigits(number)}`,
      heading,
      DOCUMENT.documentTitle,
      body.length > 0 ? body : [rest],
      block,
    )
    cards.push({ ...card, subtitle: chapter })
  }
  return cards
}
