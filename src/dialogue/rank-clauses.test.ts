import { describe, expect, it } from 'vitest'
import { findCard, loadCards } from '../knowledge/load-cards.js'
import { cardClauses, rankClauses, shapeSupport } from './rank-clauses.js'
import { splitSubQuestions } from './split-sub-questions.js'

const cards = loadCards()
const card = (id: string) => findCard(cards, id)!

describe('cardClauses', () => {
  it('takes every field, keeps item numbers and the heading a sentence stands under', () => {
    const clauses = cardClauses(card('guide-027'))
    expect(new Set(clauses.map((clause) => clause.field))).toEqual(
      new Set(['content', 'requirements', 'timing', 'contact', 'audience']),
    )
    const pilot = clauses.find((clause) => clause.text.includes('固定资产投资额的30%'))
    expect(pilot).toMatchObject({ marker: '3．', startsWithMarker: false, topic: '支持创新主体中试线项目建设' })
    // A heading is a topic, never a clause of its own.
    expect(clauses.some((clause) => clause.text === '1．积极鼓励发展先进制造业')).toBe(false)
  })

  it('gives a numbered item the sentence opening its list, and an unnumbered line after an item its number', () => {
    const leading = cardClauses(card('guide-024')).find((clause) => clause.text.includes('不低于10亿元'))
    expect(leading?.lead).toBe('申报领跑型试点企业，应符合以下条件：')
    const growing = cardClauses(card('guide-024')).find((clause) => clause.text.includes('不低于8%'))
    expect(growing?.lead).toBe('申报成长型试点企业，应符合以下条件：')
    // "其中零售企业…" continues item 1 of the 首店 card.
    const amounts = cardClauses(card('guide-122')).find((clause) => clause.text.startsWith('其中零售企业'))
    expect(amounts).toMatchObject({ marker: '1．', startsWithMarker: false })
    expect(amounts?.item).toMatch(/^1．对在京具有独立法人资格的企业[\s\S]*最高给予50万元支持。$/u)
  })

  it('keeps a whole line ending as a sentence as a clause, not a heading', () => {
    const clauses = cardClauses(card('gazette-tech-transfer-a07'))
    expect(clauses.some((clause) => clause.text === '(三)有专职从事技术转移和科技成果转化的人员。')).toBe(true)
  })
})

describe('cardClauses for scoring bands', () => {
  it('a lettered band under a numbered measure line takes that line as its lead', () => {
    const band = cardClauses(card('tier-rules-x1-04')).find((clause) => clause.text.startsWith('A. 55%以下'))
    expect(band?.lead).toBe('4.上年度资产负债率(满分10分)')
  })
})

describe('shapeSupport for a part that asks whether', () => {
  it('有补贴吗 is answered by a clause stating the support without a figure', () => {
    const [part] = splitSubQuestions('买软件应用综合保险 保费有补贴吗')
    expect(part.aspect).toBe('amount')
    expect(shapeSupport(cardClauses(card('gazette-software-a02')), part)).not.toBe('unsupported')
    const [howMuch] = splitSubQuestions('买软件应用综合保险 保费补多少')
    expect(shapeSupport(cardClauses(card('gazette-software-a02')), howMuch)).toBe('unsupported')
  })
})

describe('rankClauses', () => {
  it('a count part finds the numbered condition that holds the count (the 7th, not the first four)', () => {
    const clauses = cardClauses(card('guide-055'))
    const [part] = splitSubQuestions('想让科委认定成市级科技孵化器，在孵企业要多少家？')
    const [best] = rankClauses(clauses, part)
    expect(best.clause.text).toMatch(/不少于20家/u)
    expect(best.clause.marker).toBe('7．')
  })

  it('a timing part prefers the 时间 field; the subject decides among the clauses', () => {
    const clauses = cardClauses(card('guide-083'))
    const parts = splitSubQuestions('画家个人能申请国家艺术基金美术创作资助吗 一般几月份申报')
    const timing = parts.find((part) => part.aspect === 'timing')
    expect(timing).toBeDefined()
    expect(rankClauses(clauses, timing!)[0].clause.text).toMatch(/4月左右申报/u)
  })

  it('a timing part finds a period in months ("3个月内")', () => {
    const clauses = cardClauses(card('gazette-tech-transfer-a08'))
    const parts = splitSubQuestions('技术转移机构登记后情况有重大变化 多久内要报变更')
    const timing = parts.find((part) => part.aspect === 'timing')
    expect(rankClauses(clauses, timing!)[0].clause.text).toMatch(/3个月内/u)
  })

  it('the subject in another numbered item (中试线) picks that item over the first one', () => {
    const clauses = cardClauses(card('guide-027'))
    const parts = splitSubQuestions('利用老旧厂房建中试线，奖励上限多少')
    expect(rankClauses(clauses, parts[0])[0].clause.text).toMatch(/30%/u)
  })
})

describe('rankClauses for how long', () => {
  it("answers a how-long part (能补几年) with the period, not the timing field's calendar time (每年3月左右)", () => {
    const [part] = splitSubQuestions('房租通补贴最多能补几年')
    const [best] = rankClauses(cardClauses(card('guide-094')), part)
    expect(best.clause.text).toContain('补贴期限不超过2年')
    const [when] = rankClauses(cardClauses(card('guide-094')), splitSubQuestions('房租通一般几月申报')[0])
    expect(when.clause.text).toContain('每年3月左右')
  })
})

describe('shapeSupport', () => {
  const partOf = (question: string) => splitSubQuestions(question)[0]

  it('a count part whose distinctive word only stands in clauses without a count is unsupported', () => {
    // "申诉" is in the 公示 clause of 第十条, which states no number of appeals.
    const part = partOf('复核结果不服 申诉最多可以提几次')
    expect(part.aspect).toBe('count')
    expect(shapeSupport(cardClauses(card('tier-rules-a10')), part)).toBe('unsupported')
  })

  it('a period written with 两 (连续两年以上) has the timing shape', () => {
    const part = partOf('有机肥补贴 撂荒几年以上的地不给补')
    expect(part.aspect).toBe('timing')
    expect(shapeSupport(cardClauses(card('guide-142')), part)).toBe('supported')
  })

  it('a count part whose clauses hold the count with its unit is supported', () => {
    const part = partOf('市级孵化器 在孵企业起码得有多少家')
    expect(shapeSupport(cardClauses(card('guide-055')), part)).toBe('supported')
  })

  it('the clause ranked best having the shape is enough, whatever words it shares', () => {
    const clauses = cardClauses(card('tier-rules-a10'))
    const part = partOf('复核结果不服 申诉最多可以提几次')
    // A count with its unit ("不少于20家"); a bare figure such as a date is no count.
    const counted = cardClauses(card('guide-055')).find((clause) => clause.text.includes('不少于20家'))
    const dated = clauses.find((clause) => /\d/u.test(clause.text) && !/\d+\s*(家|个|项|名|人|次)/u.test(clause.text))
    expect(counted).toBeDefined()
    expect(shapeSupport(clauses, part, { best: counted })).toBe('supported')
    expect(dated).toBeDefined()
    expect(shapeSupport(clauses, part, { best: dated })).toBe('unsupported')
  })

  it('the number of a numbered item is no figure', () => {
    // "1．对于走出去的优秀广播电视作品…每部（集）按照每语种每分钟进行奖励，标准参考国家相关奖励规定。"
    const clauses = cardClauses(card('guide-092'))
    const perMinute = clauses.find((clause) => clause.text.includes('每语种每分钟'))
    expect(perMinute?.startsWithMarker).toBe(true)
    expect(shapeSupport(clauses, partOf('广电作品走出去 每分钟奖励多少钱'), { best: perMinute })).not.toBe('supported')
  })

  it('the clauses most about the part stating the figure only vaguely (一定比例) are no figure, whatever other articles say', () => {
    // 第六条 gives "项目固定资产实际投资额（除房产、土地外）的一定比例"; 第十条 has a percentage of something else.
    const clauses = [...cardClauses(card('changping-a06')), ...cardClauses(card('changping-a10'))]
    expect(shapeSupport(clauses, partOf('昌平医疗器械重大产业化项目 按固定资产投资多少比例支持'))).toBe('unsupported')
    // A figure elsewhere in the same document for the part's own words still answers it.
    const trademark = [...cardClauses(card('guide-113')), ...cardClauses(card('guide-127'))]
    expect(shapeSupport(trademark, partOf('外贸企业境外商标注册能补多少'))).toBe('supported')
  })

  it('a part without words of its own is about the clause ranked best: one stating the figure vaguely states none', () => {
    const clauses = cardClauses(card('changping-a02'))
    const transfer = clauses.find((clause) => clause.text.includes('设立技术转移机构'))
    expect(transfer?.text).toContain('给予一定资金支持')
    expect(shapeSupport(clauses, partOf('给多少资金'), { best: transfer })).toBe('unsupported')
    const figure = cardClauses(card('guide-071')).find((clause) => clause.text.includes('20万元'))
    expect(shapeSupport(cardClauses(card('guide-071')), partOf('给多少资金'), { best: figure })).toBe('supported')
  })

  it('a condition part asking a figure (达到多少) needs a figure; a threshold given vaguely (一定额度) is none', () => {
    const part = partOf('京津冀配套商 履约金额达到多少才给奖励')
    expect(part.aspect).toBe('condition')
    expect(shapeSupport(cardClauses(card('gazette-hydrogen-a12')), part)).toBe('unsupported')
    const revenue = partOf('两业融合示范园区 园区年营业收入要达到多少')
    expect(shapeSupport(cardClauses(card('guide-023')), revenue)).toBe('supported')
  })

  it('says nothing for an aspect without a shape, or words that no clause holds (a paraphrase)', () => {
    const clauses = cardClauses(card('tier-rules-a10'))
    expect(shapeSupport(clauses, partOf('申诉要满足什么条件'))).toBe('unknown')
    expect(shapeSupport(clauses, partOf('钢琴调音师最多几位'))).toBe('unknown')
  })
})
