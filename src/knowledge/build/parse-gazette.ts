import type { PolicyCard } from '../card-schema.js'
import { articleCard, chineseOrdinal, splitBlocks, twoDigits, type DocumentInfo } from './article-card.js'
import { joinWrappedLines, normalizeSpaces, stripResidue } from './normalize-text.js'
import { findDocumentPeriod } from './parse-validity.js'

/**
 * Parses 北京市人民政府公报 2022年第44期 (seed 002) into its 8 documents and their articles
 * (gazette-<slug>-aNN). The English table of contents and the covering notices are skipped; each document's
 * body starts at its own title line and ends where the next document's covering notice starts.
 * Documents written in 第X条 are split by article; the others by their 一、/（一）/1. headings.
 */
export const GAZETTE_SEED = '002_5bf338b5875b77cf.txt'

interface GazetteDocument {
  slug: string
  section: string
  documentTitle: string
  issuer: string
  /** The covering notice's first line (where the previous document ends). */
  notice: RegExp
  /** The body's title line (where the articles start). */
  body: RegExp
  style: 'articles' | 'headings'
}

const DOCUMENTS: GazetteDocument[] = [
  {
    slug: 'hpc-centers',
    section: '高精尖创新中心',
    documentTitle: '北京高等学校高精尖创新中心建设项目管理办法',
    issuer: '北京市教育委员会、北京市财政局',
    notice: /^北京市教育委员会\s*$/u,
    body: /^北京高等学校高精尖创新中心\s*建设项目管理办法\s*$/u,
    style: 'articles',
  },
  {
    slug: 'cohesion',
    section: '聚力行动',
    documentTitle: '北京市科技型社会组织服务企业聚力发展的行动方案(聚力行动)',
    issuer: '北京市科学技术委员会、中关村科技园区管理委员会',
    notice: /^北京市科学技术委员会、中关村科技园区管理\s*$/u,
    body: /^北京市科技型社会组织服务企业聚力发展的行动方案\(聚力行动\)\s*$/u,
    style: 'headings',
  },
  {
    slug: 'tech-transfer',
    section: '技术转移机构登记',
    documentTitle: '北京市技术转移机构及技术经理人登记办法',
    issuer: '北京市科学技术委员会、中关村科技园区管理委员会',
    notice: /^北京市科学技术委员会、中关村科技园区管理委员会关于印发《北京市技术转移机构/u,
    body: /^北京市技术转移机构及技术经理人\s*登记办法\s*$/u,
    style: 'articles',
  },
  {
    slug: 'tech-managers',
    section: '技术经理人队伍',
    documentTitle: '关于推动北京市技术经理人队伍建设工作方案',
    issuer: '北京市科学技术委员会、中关村科技园区管理委员会等5部门',
    notice: /^北京市科学技术委员会、中关村科技园区管理\s*委员会等\s*5\s*部门印发/u,
    body: /^关于推动北京市技术经理人队伍建设工作方案\s*$/u,
    style: 'headings',
  },
  {
    slug: 'software',
    section: '软件和信息服务业',
    documentTitle: '北京市推动软件和信息服务业高质量发展的若干政策措施',
    issuer: '北京市经济和信息化局',
    notice: /^北京市经济和信息化局关于\s*印发《北京市推动软件和信息服务业/u,
    body: /^北京市推动软件和信息服务业高质量发展的\s*若干政策措施\s*$/u,
    style: 'headings',
  },
  {
    slug: 'digital-human',
    section: '数字人',
    documentTitle: '北京市促进数字人产业创新发展行动计划（2022—2025年）',
    issuer: '北京市经济和信息化局',
    notice: /^\*\*北京市经济和信息化局关于印发\s*$/u,
    body: /^北京市促进数字人产业创新发展行动计划\s*$/u,
    style: 'headings',
  },
  {
    slug: 'hydrogen',
    section: '氢能',
    documentTitle: '北京市关于支持氢能产业发展的若干政策措施',
    issuer: '北京市经济和信息化局',
    notice: /^北京市经济和信息化局关于\s*印发《北京市关于支持\s*氢能/u,
    body: /^北京市关于支持氢能产业发展的\s*若干政策措施\s*$/u,
    style: 'headings',
  },
  {
    slug: 'scale-up',
    section: '升规稳规',
    documentTitle: '关于促进先进制造业和软件信息服务业中小企业升规稳规创新发展的若干措施（2023—2025年）',
    issuer: '北京市经济和信息化局',
    notice: /^\*\*北京市经济和信息化局关于印发\s*$/u,
    body: /^关于促进先进制造业和软件信息服务业中小\s*企业升规稳规创新发展的若干措施/u,
    style: 'headings',
  },
]

const ARTICLE = /^第([一二三四五六七八九十]+)条\s*/u
const SECTION_HEADING = /^[一二三四五六七八九十]{1,3}、/u
const SUB_HEADING = /^[（(][一二三四五六七八九十]{1,3}[)）]/u
const NUMBERED = /^\d{1,2}[.．]\s*\S/u
const DOC_NUMBER = /^(京\S{1,4}〔\d{4}〕\s*\d+\s*号)\s*$/u
/** "(联系人：陈光明；联系电话：55578429)" under a covering notice. */
const CONTACT = /^[（(]?(联系人[:：].*联系电话[:：][\d\s-]+?)[)）]?$/u
const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/u

function findLine(lines: readonly string[], pattern: RegExp, from: number): number {
  for (let index = from; index < lines.length; index += 1) if (pattern.test(lines[index].trim())) return index
  return -1
}

function headingOf(line: string): string {
  const text = normalizeSpaces(stripResidue(line))
  const match = /^(\S+?[、)）.．])\s*([^。；:：，,]{0,22})/u.exec(text)
  return match ? `${match[1]}${match[2]}` : text.slice(0, 24)
}

/** The gazette's running page header, printed between paragraphs of the documents. */
const RUNNING_HEADER = /^北京市人民政府公报$/u

/** The body's title as printed, with the "(2022—2025 年)" line under it when there is one. */
function sourceTitle(lines: readonly string[], bodyStart: number): string {
  const next = lines.slice(bodyStart + 1).find((line) => line.trim() !== '') ?? ''
  const years = /^[（(]\s*\d{4}\s*[—–-]\s*\d{4}\s*年\s*[)）]$/u.test(next.trim()) ? next : ''
  return normalizeSpaces(`${lines[bodyStart].trim()}${years.trim()}`)
}

/** Parses the gazette into article cards, document by document. */
export function parseGazette(text: string): PolicyCard[] {
  // Blank the running headers in place, so line numbers still point into the seed.
  const lines = text.split('\n').map((line) => (RUNNING_HEADER.test(line.trim()) ? '' : line))
  // Skip the tables of contents: the first document's notice follows the English contents.
  const contentsEnd = findLine(lines, /^Sponsored by/u, 0)
  // The gazette's back matter (how to subscribe, editorial office) is not policy text.
  const backMatter = findLine(lines, /^政府公报查询方式\s*$/u, contentsEnd)
  const noticeStarts: number[] = []
  const bodyStarts: number[] = []
  let cursor = contentsEnd
  for (const document of DOCUMENTS) {
    const notice = findLine(lines, document.notice, cursor)
    const body = findLine(lines, document.body, notice)
    if (notice < 0 || body < 0) throw new Error(`gazette: document ${document.slug} not found`)
    noticeStarts.push(notice)
    bodyStarts.push(body)
    cursor = body + 1
  }

  const cards: PolicyCard[] = []
  DOCUMENTS.forEach((document, position) => {
    const notice = noticeStarts[position]
    const bodyStart = bodyStarts[position]
    const end = noticeStarts[position + 1] ?? (backMatter > 0 ? backMatter : lines.length)
    const numberLine = lines
      .slice(notice, bodyStart)
      .map((line) => line.trim())
      .find((line) => DOC_NUMBER.test(line))
    const contactLine = lines
      .slice(notice, bodyStart)
      .map((line) => line.trim())
      .find((line) => CONTACT.test(line))
    const dateMatch = lines
      .slice(notice, bodyStart)
      .map((line) => DATE.exec(line.trim()))
      .find((match) => match !== null)
    const publishedAt = dateMatch
      ? `${dateMatch[1]}-${dateMatch[2].padStart(2, '0')}-${dateMatch[3].padStart(2, '0')}`
      : null
    // The body's closing article first ("本办法自发布之日起施行"), then the covering notice ("自印发之日起施行").
    const period = findDocumentPeriod(
      `${joinWrappedLines(lines.slice(bodyStart, end))}\n${joinWrappedLines(lines.slice(notice, bodyStart))}`,
      publishedAt,
      sourceTitle(lines, bodyStart),
    )
    const info: DocumentInfo = {
      seed: GAZETTE_SEED,
      section: document.section,
      documentTitle: document.documentTitle,
      issuer: document.issuer,
      docNumber: numberLine ? numberLine.replace(/\s+/gu, '') : null,
      publishedAt,
      contact: contactLine ? normalizeSpaces(contactLine.replace(CONTACT, '$1')) : null,
      period,
    }
    if (document.style === 'articles') {
      for (const block of splitBlocks(lines, bodyStart + 1, end, (line) => ARTICLE.test(line.trim()))) {
        const match = ARTICLE.exec(block.lines[0].trim())
        const number = chineseOrdinal(match?.[1] ?? '')
        const body = [block.lines[0].trim().replace(ARTICLE, ''), ...block.lines.slice(1)]
        cards.push(
          articleCard(
            info,
            `gazette-${document.slug}-a${twoDigits(number)}`,
            `第${match?.[1]}条`,
            document.documentTitle,
            body,
            block,
          ),
        )
      }
      return
    }
    // Heading style: one card per 一、 section, or per （一）/1. item where a section has them.
    const isStart = (line: string) =>
      SECTION_HEADING.test(line.trim()) || SUB_HEADING.test(line.trim()) || NUMBERED.test(line.trim())
    const blocks = splitBlocks(lines, bodyStart + 1, end, isStart)
    let section = ''
    let subsection = ''
    let counter = 0
    for (const block of blocks) {
      const first = block.lines[0].trim()
      const text = block.lines.join('').replace(/\s/gu, '')
      if (SECTION_HEADING.test(first)) {
        section = headingOf(first)
        subsection = ''
      }
      // A bare title ("二、主要任务", "（一）创新引领，构建…体系") is carried into the headings of the items below it.
      if (text.length <= 24) {
        if (SUB_HEADING.test(first)) subsection = headingOf(first)
        continue
      }
      if (SUB_HEADING.test(first)) subsection = ''
      counter += 1
      const own = headingOf(first)
      const context = [section, subsection].filter((part) => part !== '').join(' ')
      const heading = SECTION_HEADING.test(first) || context === '' ? own : `${context} ${own}`
      cards.push(
        articleCard(
          info,
          `gazette-${document.slug}-a${twoDigits(counter)}`,
          heading,
          document.documentTitle,
          block.lines,
          block,
        ),
      )
    }
  })
  return cards
}
