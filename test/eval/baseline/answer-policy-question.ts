/** Frozen copy of the answer composer before issue 10, the baseline `npm run eval` reports beside the current one. Do not edit. */
import type { Citation, OutboundReply } from '../../../src/channels/channel.js'
import type { PolicyCard } from '../../../src/knowledge/card-schema.js'
import type { Phraser } from '../../../src/phrasing/phraser.js'
import { tokenizeQuery } from '../../../src/search/tokenizer.js'
import { composePolicyAnswer } from './compose-policy-answer.js'
import type { Aspect } from '../../../src/dialogue/detect-intent.js'
import type { PolicySearch } from '../../../src/dialogue/ports.js'
import { NOT_FOUND_HOTLINE } from '../../../src/dialogue/replies.js'

export interface PolicyAnswer {
  reply: OutboundReply
  /** The cards answered from (empty when nothing matched). */
  cardIds: string[]
}

/** Agencies to point to when nothing matches, by topic words in the question. Data, reviewed like the cards. */
const LIKELY_AGENCIES: Array<[RegExp, string]> = [
  [/(税|发票|退税|减免)/, '北京市税务局（12366纳税服务热线）'],
  [/(社保|人才|落户|招聘|就业|工资|劳动)/, '北京市人力资源和社会保障局'],
  [/(专精特新|中小企业|小巨人|创新型|梯度培育)/, '北京市经济和信息化局或所在区中小企业主管部门'],
  [/(科技|研发|专利|知识产权|技术)/, '北京市科学技术委员会、中关村科技园区管理委员会'],
  [/(融资|贷款|上市|担保|基金)/, '北京市地方金融管理局'],
  [/(外贸|出口|进口|跨境|外资)/, '北京市商务局'],
]

function likelyAgency(question: string): string | null {
  for (const [pattern, agency] of LIKELY_AGENCIES) if (pattern.test(question)) return agency
  return null
}

/** The reply when no card matches confidently: say so plainly, never guess. */
export function notFoundReply(question: string): OutboundReply {
  const agency = likelyAgency(question)
  const where = agency ? `${NOT_FOUND_HOTLINE}，或联系${agency}。` : `${NOT_FOUND_HOTLINE}。`
  return { text: `没有找到相关政策。${where}`, citations: [] }
}

function citationOf(card: PolicyCard): Citation {
  return { id: card.id, title: card.title }
}

/** Answers from one card (used for follow-ups on the last topic and for the top search hit). */
export async function answerFromCard(
  card: PolicyCard,
  question: string,
  aspect: Aspect,
  phraser: Phraser,
  related: PolicyCard[] = [],
): Promise<OutboundReply> {
  const composed = composePolicyAnswer(card, tokenizeQuery(question), aspect)
  const phrased = await phraser.phrase({
    purpose: 'policy-answer',
    userText: question,
    templateText: composed.body,
    sources: composed.sources,
  })
  const relatedLine = related.length > 0 ? `\n相关政策：${related.map((item) => `《${item.title}》`).join('；')}` : ''
  const text = `${phrased.text}\n${composed.footer}${relatedLine}`
  return {
    text,
    citations: [citationOf(card), ...related.map(citationOf)],
    card: {
      kind: 'policy',
      title: card.title,
      tone: 'blue',
      blocks: [
        { text: phrased.text.replace(/^【[^】]*】\n?/, '') },
        ...(related.length > 0 ? [{ heading: '相关政策', text: related.map((item) => item.title).join('\n') }] : []),
      ],
      footer: composed.footer,
    },
  }
}

/** Searches the cards and answers extractively from the best match, or says that nothing was found. */
export async function answerPolicyQuestion(
  search: PolicySearch,
  phraser: Phraser,
  question: string,
  aspect: Aspect,
): Promise<PolicyAnswer> {
  const result = search.search(question, { limit: 3 })
  const [top, ...rest] = result.hits
  if (!result.confident || !top) return { reply: notFoundReply(question), cardIds: [] }
  const related = rest
    .filter((hit) => hit.score >= top.score * 0.6)
    .slice(0, 2)
    .map((hit) => hit.card)
  const reply = await answerFromCard(top.card, question, aspect, phraser, related)
  return { reply, cardIds: [top.card.id, ...related.map((card) => card.id)] }
}
