import { describe, expect, it } from 'vitest'
import { findCard, loadCards } from '../knowledge/load-cards.js'
import { loadAnswerDecisionWords } from '../search/load-answer-decision-words.js'
import { composePolicyAnswer } from './compose-policy-answer.js'
import { aboutAsked, subjectTerms } from './detail-evidence.js'
import { cardClauses } from './rank-clauses.js'
import { splitSubQuestions } from './split-sub-questions.js'
import { unstatedFocus, type FocusWords } from './unstated-focus.js'

const cards = loadCards()
const card = (id: string) => findCard(cards, id)!
const decision = loadAnswerDecisionWords()

describe('details a card may leave unstated (answer-aspects.json details)', () => {
  it('says who receives the money, the form of the papers or a capital floor are not stated when no clause states them', () => {
    expect(composePolicyAnswer(card('guide-142'), '有机肥的补贴款 是拨给种植户吗').body).toMatch(/原文未写明收款账户/u)
    expect(composePolicyAnswer(card('guide-143'), '地力补贴申请 身份证要交复印件吗').body).toMatch(
      /原文未写明材料形式/u,
    )
    expect(composePolicyAnswer(card('gazette-tech-transfer-a07'), '登记技术转移机构 注册资金有门槛吗').body).toMatch(
      /原文未写明注册资本要求/u,
    )
  })

  it('says a date is not stated when no clause names a day or a month end (几月几号)', () => {
    expect(
      composePolicyAnswer(card('gazette-tech-transfer-a08'), '技术转移机构每年在系统里填报业务开展情况 截止到几月几号')
        .body,
    ).toMatch(/原文未写明具体日期/u)
    expect(composePolicyAnswer(card('tier-rules-a13'), '每年更新企业信息 截止到几月几号').body).not.toMatch(
      /未写明具体日期/u,
    )
  })

  it('answers the twin whose card states the detail', () => {
    const answer = composePolicyAnswer(card('guide-042'), '在京开融资租赁公司 注册资本最低多少')
    expect(answer.body).toMatch(/注册资本不低于2亿元人民币/u)
    expect(answer.body).not.toMatch(/未写明/u)
  })

  it('a date (1月1日前) is no count of days', () => {
    expect(composePolicyAnswer(card('guide-100'), '艺术人才培养 一期培训要办多少天').body).toMatch(/原文未写明天数/u)
  })
})

describe('vague figures and reported statements', () => {
  it('a card that only says it may raise the support states no figure; the reported statement is context', () => {
    const answer = composePolicyAnswer(card('changping-a16'), '昌平说特别重大项目可以适当提高支持标准 能提高到多少')
    expect(answer.body).toMatch(/原文未写明/u)
  })

  it('a reported statement followed by a question is not a part of its own', () => {
    const parts = splitSubQuestions('听说专精特新企业上市有补贴 最多给多少')
    expect(parts.map((part) => part.aspect)).toEqual(['amount'])
    expect(parts[0].context).toContain('听说')
    // Without the question after it, the piece is the question.
    expect(splitSubQuestions('听说专精特新企业上市有补贴吗')).toHaveLength(1)
  })
})

describe('aboutAsked', () => {
  const clause = (id: string, words: string) => cardClauses(card(id)).find((item) => item.text.includes(words))!

  it('a clause is evidence for a detail only when it speaks of a word of the question few cards use', () => {
    const terms = subjectTerms('艺术人才培训一期要办多少天', ['多少天'])
    expect(terms).toContain('培训')
    expect(aboutAsked(clause('guide-073', '公示期为5个工作日'), terms)).toBe(false)
    expect(aboutAsked(clause('guide-086', '培训'), terms)).toBe(true)
    // A question naming nothing beyond its asking words takes any clause.
    expect(aboutAsked(clause('guide-073', '公示期为5个工作日'), [])).toBe(true)
  })
})

describe('amounts with their unit', () => {
  it('a version number (互联网3.0) is no amount: a card stating none says so; one stating the sum is quoted', () => {
    expect(composePolicyAnswer(card('gazette-software-a07'), '区块链共性平台建设 补助最多给多少').body).toMatch(
      /原文未写明具体金额/u,
    )
    expect(composePolicyAnswer(card('guide-076'), '共性技术平台建设 第一年最多给多少').body).toMatch(
      /第一年给予不超过2000万元资金支持/u,
    )
  })
})

describe('unstatedFocus with Latin words', () => {
  const words: FocusWords = { ignore: ['那个', '算吗', '的'], known: () => false, rare: () => false }

  it('a Latin name the text never writes is unstated; one it writes is not', () => {
    expect(unstatedFocus('EMA那个认证的算吗', '通过FDA等国际机构注册', words)).toEqual(['ema'])
    expect(unstatedFocus('fda那个认证的算吗', '通过fda等国际机构注册', words)).toEqual([])
  })

  it('an English word written in lower case is prose, not a name the text would spell the same way', () => {
    expect(unstatedFocus('we use 那个认证的算吗', '通过FDA等国际机构注册', words)).toEqual([])
    expect(unstatedFocus('We are a Dutch seed company 那个认证的算吗', '通过FDA等国际机构注册', words)).toEqual([])
    // Spelled with a capital anywhere in the whole question, it is a name again.
    expect(unstatedFocus('ema那个认证的算吗', '通过FDA等国际机构注册', words, '欧洲EMA的 ema那个认证的算吗')).toEqual([
      'ema',
    ])
  })
})

describe('composePolicyAnswer with a Latin focus', () => {
  it('says a Latin name no clause of the card writes is not stated', () => {
    expect(composePolicyAnswer(card('guide-029'), '美妆直播电商 按GMV给支持吗', { decision }).body).toMatch(
      /原文未写明“gmv”/iu,
    )
  })
})

describe('whether questions and the things an asking word is about (batches a9000–a9100)', () => {
  it('都能拿奖励吗 asks whether, so a clause stating the support only vaguely answers it', () => {
    const answer = composePolicyAnswer(
      card('gazette-hydrogen-a15'),
      '燃料电池汽车示范应用项目 整车厂和车辆运营企业都能拿奖励吗',
      {
        decision,
      },
    )
    expect(answer.body).toMatch(/整车制造企业、车辆运营企业/u)
    expect(answer.body).not.toMatch(/未写明/u)
  })
  it('what stands before 算不算 is a focus even where a rare word of it is not at its end (宠物食品)', () => {
    const answer = composePolicyAnswer(card('guide-145'), '农业中关村说的涉农瞪羚企业 我们是做宠物食品的 算不算涉农', {
      decision,
    })
    expect(answer.body).toMatch(/原文未写明“宠物”/u)
  })
})
