import { describe, expect, it } from 'vitest'
import { loadCards } from '../knowledge/load-cards.js'
import { composeTermAnswer } from './compose-term-answer.js'
import { explainTerm } from './explain-term.js'
import type { PolicySearch } from './ports.js'

const cards = new Map(loadCards().map((card) => [card.id, card]))
const search: PolicySearch = { search: () => ({ hits: [], confident: false }), get: (id) => cards.get(id) }

describe('composeTermAnswer', () => {
  it('quotes the standard, says where it stands and cites the card', () => {
    const answer = composeTermAnswer(explainTerm('软著算几类知识产权？')!, search)
    expect(answer.text).toMatch(/^关于“II类知识产权”，标准原文（部分指标和要求说明 附件4/u)
    expect(answer.text).toContain('与主导产品相关的软件著作权（不含商标）')
    expect(answer.citations).toEqual([{ id: 'tier-rules-x4-05', title: cards.get('tier-rules-x4-05')!.title }])
  })

  it('adds the note after the quote', () => {
    const answer = composeTermAnswer(explainTerm('研发费用包括人员工资吗？')!, search)
    expect(answer.text.split('\n').at(-1)).toMatch(/^说明：.*工资/u)
  })

  it('quotes a second term the question names, once per sentence', () => {
    const answer = composeTermAnswer(explainTerm('维持了十多年的发明专利是不是高价值')!, search)
    expect(answer.text).toContain('另外，关于“I类高价值知识产权”，标准原文')
    expect(answer.text).toContain('维持年限超过10年的I类知识产权')
    expect(answer.citations.map((citation) => citation.id)).toEqual(['tier-rules-x4-03', 'tier-rules-x4-04'])
    const shared = composeTermAnswer(explainTerm('主营业务收入和营业收入有啥区别')!, search)
    expect(shared.text.match(/指企业上一完整会计年度/gu)).toHaveLength(1)
    expect(shared.text).toMatch(/另外，关于“营业收入”\n说明：/u)
  })
})
