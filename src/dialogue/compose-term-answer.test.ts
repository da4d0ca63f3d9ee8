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
})
