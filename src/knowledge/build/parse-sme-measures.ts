import type { PolicyCard } from '../card-schema.js'
import { articleCard, splitBlocks, twoDigits, type DocumentInfo } from './article-card.js'
import { joinWrappedLines } from './normalize-text.js'
import { findDocumentPeriod } from './parse-validity.js'

/**
 * Parses 北京市关于促进“专精特新”中小企业高质量发展的若干措施 (seed 001): one card per numbered measure
 * (sme-measures-m01 … m16). The seed does not state its issuer; seed 003 (guide-008 … guide-013) cites the same
 * document as issued by 北京市经济和信息化局 on 2021-12-23, without a document number.
 */
export const SME_MEASURES_SEED = '001_bbd81771983c6ace.txt'

const DOCUMENT: DocumentInfo = {
  seed: SME_MEASURES_SEED,
  section: '专精特新若干措施',
  documentTitle: '北京市关于促进“专精特新”中小企业高质量发展的若干措施',
  issuer: '北京市经济和信息化局',
  docNumber: null,
  publishedAt: '2021-12-23',
  contact: null,
  period: null,
}

const MEASURE = /^(\d{1,2})\.\s*([^。]+。)/u
/** The heading of the card holding the document's opening paragraph (its aims and targets). */
const PREAMBLE_HEADING = '发展目标'
const PART = /^[一二三四五六七八九十]、/u

export function parseSmeMeasures(text: string): PolicyCard[] {
  const lines = text.split('\n')
  // "本政策适用于…，自印发之日起施行。"
  const document = {
    ...DOCUMENT,
    period: findDocumentPeriod(joinWrappedLines(lines), DOCUMENT.publishedAt, DOCUMENT.documentTitle),
  }
  const blocks = splitBlocks(
    lines,
    0,
    lines.length,
    (line) => MEASURE.test(line.trim()) || PART.test(line.trim()) || /^本政策适用于/u.test(line.trim()),
  )
  const cards: PolicyCard[] = []
  // The opening paragraph states the document's targets ("到“十四五”末，国家级专精特新“小巨人”企业达到500家…"): a card of its own.
  const firstBlock = blocks[0]?.start ?? lines.length
  const preamble = lines.slice(0, firstBlock).filter((line) => /[。]/u.test(line))
  if (preamble.length > 0) {
    const start = lines.indexOf(preamble[0])
    const block = { start, end: firstBlock - 1, lines: preamble }
    const card = articleCard(document, 'sme-measures-m00', PREAMBLE_HEADING, DOCUMENT.documentTitle, preamble, block)
    cards.push({ ...card, audience: '国家和市级“专精特新”中小企业及“小巨人”企业', subtitle: null })
  }
  let part = ''
  for (const block of blocks) {
    const first = block.lines[0].trim()
    if (PART.test(first)) {
      part = first
      continue
    }
    const match = MEASURE.exec(first)
    if (!match) continue
    const number = Number(match[1])
    const heading = `${number}.${match[2].replace(/。$/u, '')}`
    const card = articleCard(
      document,
      `sme-measures-m${twoDigits(number)}`,
      heading,
      DOCUMENT.documentTitle,
      block.lines,
      block,
    )
    cards.push({ ...card, audience: '国家和市级“专精特新”中小企业及“小巨人”企业', subtitle: part || null })
  }
  return cards
}
