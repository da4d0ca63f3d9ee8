import { describe, expect, it } from 'vitest'
import { findCard, loadCards } from '../knowledge/load-cards.js'
import { loadAnswerDecisionWords } from '../search/load-answer-decision-words.js'
import { loadSynonyms } from '../search/load-synonyms.js'
import { composePolicyAnswer, MAX_BODY_CHARS, sourceLine } from './compose-policy-answer.js'

const cards = loadCards()
const card = (id: string) => findCard(cards, id)!

describe('composePolicyAnswer', () => {
  it('answers each part of a two-part question in order, quoting the clauses exactly', () => {
    const answer = composePolicyAnswer(card('guide-128'), '跨境电商体验店 房租补贴咋算 店面积有要求吗')
    const lines = answer.body.split('\n')
    expect(lines[0]).toBe('【北京市对新建跨境电子商务体验店给予资金支持】')
    const rent = lines.findIndex((line) => line.includes('年租金的30%'))
    const area = lines.findIndex((line) => line.includes('面积不少于100平方米'))
    expect(rent).toBeGreaterThan(0)
    expect(area).toBeGreaterThan(rent)
    expect(answer.footer).toBe(sourceLine(card('guide-128')))
    // "支持标准" names no subject of its own: its clauses are not prefixed with it.
    expect(answer.body).not.toMatch(/关于“支持标准”/u)
  })

  it('says a count is not stated when no clause about the asked thing holds a count, whatever the words', () => {
    // 第十条 names 申诉 (公示期内…答疑) but no number of appeals: no cue word list, the shape decides.
    const answer = composePolicyAnswer(card('tier-rules-a10'), '复核结果不服 申诉最多可以提几次')
    expect(answer.body).toMatch(/原文未写明数量要求/u)
    expect(answer.body).not.toMatch(/答疑/u)
    // The same card's own count is still quoted when asked about what holds it.
    const counted = composePolicyAnswer(card('guide-055'), '市级孵化器 在孵企业起码得有多少家')
    expect(counted.body).toMatch(/不少于20家/u)
    expect(counted.body).not.toMatch(/原文未写明/u)
  })

  it('says a detail the card does not state is not stated instead of quoting a nearby clause', () => {
    const answer = composePolicyAnswer(card('sme-measures-m07'), '专精特新贷利率具体是多少', { certain: false })
    expect(answer.body).toMatch(/原文未写明利率/u)
    expect(answer.quoted).toHaveLength(0)
    // A card that states the rate answers with it.
    const stated = composePolicyAnswer(card('guide-021'), '设备更新贷款贴息 利率多少')
    expect(stated.body).not.toMatch(/未写明利率/u)
    expect(stated.body).toMatch(/利率/u)
  })

  it('does not take a date or a publicity period for the review time, nor a fee-rate cut for the rate', () => {
    // "上一年度1月1日" holds a day count only by its digits; "公示期5个工作日" is not how long the review takes.
    expect(composePolicyAnswer(card('guide-106'), '老字号项目报上去 审核要多久').body).toMatch(/原文未写明审批时限/u)
    expect(composePolicyAnswer(card('guide-094'), '房租通审核要几天').body).toMatch(/原文未写明审批时限/u)
    // "降低综合费率" states no rate.
    expect(composePolicyAnswer(card('sme-measures-m07'), '专精特新保费率多少').body).toMatch(/原文未写明收费标准/u)
    // "不超过5%费率" states the rate before the word.
    expect(composePolicyAnswer(card('guide-037'), '氢能企业融资租赁 费率补贴多少').body).not.toMatch(/原文未写明/u)
  })

  it('says a per-unit figure or a share is not stated unless a clause gives one per that unit or as a share', () => {
    expect(composePolicyAnswer(card('guide-136'), '生活服务业补助的冷柜 每台补多少钱').body).toMatch(
      /原文未写明每台的金额/u,
    )
    expect(composePolicyAnswer(card('guide-128'), '体验店房租补贴 每平米每天多少').body).not.toMatch(/原文未写明/u)
    expect(composePolicyAnswer(card('guide-010'), '融资租赁设备补贴 按租金的百分之几补').body).toMatch(
      /原文未写明支持比例/u,
    )
    expect(composePolicyAnswer(card('guide-136'), '社区菜店装修 按投资额的百分之几补').body).not.toMatch(/原文未写明/u)
    // A number of people: "每人不超过500元人民币" is a sum per person, not how many.
    expect(composePolicyAnswer(card('guide-110'), '外派劳务培训补助 一家企业一年最多报多少人').body).toMatch(
      /原文未写明人数/u,
    )
    expect(composePolicyAnswer(card('guide-076'), '申请创新券的小微企业 员工最多多少人').body).not.toMatch(
      /原文未写明/u,
    )
  })

  it('takes a specific thing under a general word the card states (冷藏车 under 物流设备) as stated', () => {
    const decision = loadAnswerDecisionWords()
    expect(composePolicyAnswer(card('guide-141'), '商贸物流企业买冷藏车能申请吗', { decision }).body).not.toMatch(
      /原文未写明/u,
    )
    expect(composePolicyAnswer(card('guide-141'), '商贸物流企业种果树能申请吗', { decision }).body).toMatch(
      /原文未写明“种果树”/u,
    )
  })

  it('keeps a word the card states in other words where it stands: what the part ends on is still what it asks', () => {
    const decision = loadAnswerDecisionWords()
    // "房租" is the card's 租金 (a synonym); "落户" before it is the owner's circumstance.
    const answer = composePolicyAnswer(card('guide-094'), '动漫企业落户北京有没有房租补贴', {
      decision,
      focusStated: ['房租'],
    })
    expect(answer.body).not.toMatch(/原文未写明/u)
  })

  it("says a certificate's period is not stated unless a clause states one; the policy's own period is the validity line's", () => {
    expect(composePolicyAnswer(card('guide-071'), '纳入小升规培育清单 有效期几年').body).toMatch(
      /原文未写明资格或证书的有效期/u,
    )
    expect(composePolicyAnswer(card('guide-104'), '图书出版许可证有效期几年').body).toMatch(
      /原文未写明资格或证书的有效期/u,
    )
    // "有效期为三年" states it.
    expect(composePolicyAnswer(card('tier-rules-a12'), '创新型的称号公告以后能管几年').body).not.toMatch(/原文未写明/u)
    // A question about the policy itself is not about a certificate.
    expect(composePolicyAnswer(card('guide-036'), '氢能标准补助这个政策 有效期几年').body).not.toMatch(/原文未写明/u)
  })

  it('says 名额, 外资企业 and 线上办理 are not stated only when no clause states them', () => {
    expect(composePolicyAnswer(card('guide-061'), '知识产权示范单位一年评几家 有名额吗').body).toMatch(
      /原文未写明名额/u,
    )
    // The 技能大师 process says the notice sets the 名额: that clause answers.
    expect(composePolicyAnswer(card('guide-064'), '技能大师工作室申报有名额吗').body).not.toMatch(/未写明名额/u)
    expect(composePolicyAnswer(card('guide-067'), '小升规培育 外商投资企业可以吗').body).toMatch(
      /原文未写明外资企业能否申请/u,
    )
    expect(composePolicyAnswer(card('guide-041'), '高精尖产业投资 外资企业可以吗').body).not.toMatch(/未写明外资/u)
    expect(composePolicyAnswer(card('guide-061'), '知识产权试点单位能网上申请吗').body).toMatch(
      /原文未写明能否线上办理/u,
    )
  })

  it('answers a list question with the first sentence of every numbered item, in order', () => {
    const answer = composePolicyAnswer(card('guide-057'), '技术先进型服务企业要满足哪些条件')
    const items = ['1．在本市行政区域内注册的法人企业', '3．具有大专以上学历', '5．从事离岸服务外包业务']
    const at = items.map((item) => answer.body.indexOf(item))
    expect(at.every((index) => index > 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(answer.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS)
  })

  it('says 发票要求, 资金用途, 贷款期限, 保证金 and 补贴是否缴税 are not stated only when no clause states them', () => {
    expect(composePolicyAnswer(card('guide-028'), '算力券兑付 发票抬头有要求吗').body).toMatch(/原文未写明发票要求/u)
    expect(composePolicyAnswer(card('guide-095'), '书店扶持资金可以用来交房租吗').body).toMatch(/原文未写明资金用途/u)
    // The 技能大师 card says what its funds are used for.
    expect(composePolicyAnswer(card('guide-064'), '技能大师工作室资助资金可以用于买设备吗').body).not.toMatch(
      /未写明资金用途/u,
    )
    expect(composePolicyAnswer(card('guide-049'), '知识产权质押贷款能贷多久').body).toMatch(/原文未写明贷款期限/u)
    expect(composePolicyAnswer(card('guide-001'), '老旧厂房改造申报要交押金吗').body).toMatch(/原文未写明保证金/u)
    expect(composePolicyAnswer(card('guide-094'), '房租通的补贴要不要交税').body).toMatch(/原文未写明补贴是否缴税/u)
    // The 家政 relief says what counts in taxable income.
    expect(composePolicyAnswer(card('guide-133'), '家政服务收入算收入吗 要交税吗').body).not.toMatch(
      /未写明补贴是否缴税/u,
    )
  })

  it('takes a website the list is published on for no online application', () => {
    expect(composePolicyAnswer(card('guide-055'), '孵化器认定材料可以网上提交吗').body).toMatch(
      /原文未写明能否线上办理/u,
    )
    // 通过北京市科技计划综合管理平台填写并提交项目申报书 is applying online.
    expect(composePolicyAnswer(card('guide-049'), '知识产权质押贴息能网上申请吗').body).not.toMatch(
      /未写明能否线上办理/u,
    )
  })

  it('says the amount is not stated when no quotable clause holds a figure', () => {
    const answer = composePolicyAnswer(card('changping-a04'), '昌平研发中心配套支持具体给多少钱')
    expect(answer.body).toMatch(/原文未写明具体金额/u)
    expect(composePolicyAnswer(card('guide-142'), '有机肥一亩补多少钱').body).toMatch(/480元\/吨/u)
  })

  it('answers "申报找哪个部门" with the clause saying where to apply, the phone staying in the source line', () => {
    const answer = composePolicyAnswer(card('guide-001'), '老旧厂房改造项目申报 找哪个部门 电话多少')
    expect(answer.body).toMatch(/项目单位向所在区发展改革委/u)
    expect(answer.footer).toMatch(/55590088/u)
  })

  it('answers the part a card states and says which detail it does not state', () => {
    const answer = composePolicyAnswer(card('guide-128'), '跨境电商体验店 房租补贴咋算 钱多久到账')
    expect(answer.body).toMatch(/年租金的30%/u)
    expect(answer.body).toMatch(/原文未写明到账时间/u)
  })

  it('answers "哪个部门在推" with the agency the clause names, or the issuer when no clause names one', () => {
    const answer = composePolicyAnswer(card('sme-measures-m07'), '专精特新贷是哪个部门在推')
    expect(answer.body.split('\n')[1]).toMatch(/专精特新贷.*（人民银行营业管理部，市经济和信息化局）/u)
    const issuer = composePolicyAnswer(card('guide-028'), '算力券是哪个部门在推')
    expect(issuer.body).toMatch(/发布部门：北京市经济和信息化局/u)
    expect(issuer.body).not.toMatch(/未写明/u)
  })

  it('quotes an item with the sentence opening its list when a field holds several lists', () => {
    const answer = composePolicyAnswer(card('guide-024'), '两业融合领跑型试点企业 营收要达到多少', {
      extraTerms: ['营业收入'],
    })
    expect(answer.body).toMatch(/申报领跑型试点企业，应符合以下条件：（1）年营业收入不低于10亿元/u)
    expect(answer.body).not.toMatch(/成长型试点企业，应符合以下条件：（1）/u)
  })

  it('answers a list question on an article of sentences with its sentences in order', () => {
    const answer = composePolicyAnswer(card('sme-measures-m07'), '专精特新企业贷款难 市里有啥金融产品')
    const loan = answer.body.indexOf('专精特新贷')
    const guarantee = answer.body.indexOf('专精特新保')
    expect(loan).toBeGreaterThan(0)
    expect(guarantee).toBeGreaterThan(loan)
    // The article's own number is its title: not repeated as "第7项".
    expect(answer.body).not.toMatch(/第7项/u)
    expect(answer.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS)
  })

  it('answers "啥叫…" with the whole section under the heading, its topic named once', () => {
    const answer = composePolicyAnswer(card('guide-041'), '啥叫项目落地“首谈制”？多大的项目才适用')
    expect(answer.body).toMatch(/总投资1亿元以上\(含\)/u)
    expect(answer.body).toMatch(/洽谈超过3个月仍无实质性进展/u)
    expect(answer.body.match(/关于“实施项目落地“首谈制””/gu)).toHaveLength(1)
  })

  it("quotes the document's definition of 以上/以下 for a question on the edge of a threshold", () => {
    const question = '认定标准里写的1000万元以上，我们正好1000万算不算达标'
    const siblings = [{ card: card('tier-rules-x4-13'), weight: 0.4 }]
    const answer = composePolicyAnswer(card('tier-rules-x2-01'), question, { siblings })
    expect(answer.body).toMatch(/1000万元以上/u)
    expect(answer.body).toMatch(/包括本数/u)
    // Without the edge words the definition is not quoted.
    const plain = composePolicyAnswer(card('tier-rules-x2-01'), '专精特新认定 营业收入要多少', { siblings })
    expect(plain.body).not.toMatch(/包括本数/u)
  })

  it('answers "先给钱还是做完了再给" with the clause on how the money is paid', () => {
    const answer = composePolicyAnswer(card('guide-144'), '设施农业以奖代补 钱是一次给到位吗')
    expect(answer.body).toMatch(/拨付补助资金总额的70%/u)
  })

  it("quotes a clause that names the part's subject though it has another shape (撂荒 among 补贴标准)", () => {
    const answer = composePolicyAnswer(card('guide-142'), '撂荒的地能拿有机肥补贴吗')
    expect(answer.body).toMatch(/闲置撂荒连续两年以上的/u)
  })

  it('quotes a numbered condition with its number', () => {
    const answer = composePolicyAnswer(card('guide-055'), '科技孵化器认定，在孵企业要多少家？')
    expect(answer.body).toMatch(/· 7．在本市行政区域内注册的在孵企业应不少于20家/u)
  })

  it('says what a clause is about when that is not the card title (中试线 inside 老旧厂房)', () => {
    const answer = composePolicyAnswer(card('guide-027'), '利用老旧厂房建中试线，奖励上限多少')
    expect(answer.body).toMatch(
      /关于“支持创新主体中试线项目建设”：第3项：对符合条件的项目按照不超过项目固定资产投资额的30%给予奖励/u,
    )
  })

  it('names the policy when the card is plausible, not certain', () => {
    const answer = composePolicyAnswer(card('guide-028'), '算力券一年最多领多少', { certain: false })
    expect(answer.body.startsWith('您问的应是《北京市人工智能算力券实施方案》：')).toBe(true)
    expect(answer.body).toMatch(/200万元/u)
  })

  it('stays within the phone-screen budget before the source line', () => {
    for (const id of ['guide-001', 'guide-028', 'guide-128', 'guide-055', 'tier-rules-a09', 'sme-measures-m07']) {
      const answer = composePolicyAnswer(card(id), '补多少 条件是什么 什么时候申报 怎么申请 电话多少')
      expect(answer.body.length, id).toBeLessThanOrEqual(MAX_BODY_CHARS)
    }
  })

  it('leaves the 联络方式 to the source line instead of saying it is missing', () => {
    const answer = composePolicyAnswer(card('guide-143'), '耕地地力补贴一亩多少钱 联系电话多少 要交什么材料')
    expect(answer.body).toMatch(/每亩300元/u)
    expect(answer.body).not.toMatch(/原文未写明联系方式/u)
  })
})

describe('composePolicyAnswer: items of one list', () => {
  it('shows several numbered items of one list in the card’s order, not by score', () => {
    const answer = composePolicyAnswer(card('guide-028'), '算力券什么企业能申请')
    const numbers = answer.body
      .split('\n')
      .map((line) => /^· (\d+)．/u.exec(line)?.[1])
      .filter((number): number is string => number !== undefined)
      .map(Number)
    expect(numbers.length).toBeGreaterThan(1)
    expect(numbers).toEqual([...numbers].sort((left, right) => left - right))
  })

  it('keeps the clause holding an asked figure first', () => {
    const answer = composePolicyAnswer(card('guide-055'), '市级孵化器 在孵企业起码得有多少家')
    const first = answer.body.split('\n').find((line) => line.startsWith('· '))
    expect(first).toMatch(/不少于20家/u)
  })
  it('says 评审专家名单, 加急办理, 区级配套, 事前报备, 是否每年都给 and 国家政策 are not stated only when no clause states them', () => {
    expect(composePolicyAnswer(card('guide-095'), '书店扶持的评审专家名单公布吗').body).toMatch(
      /原文未写明评审专家名单/u,
    )
    expect(composePolicyAnswer(card('guide-116'), '标准补助能走绿色通道吗').body).toMatch(/原文未写明加急办理/u)
    expect(composePolicyAnswer(card('guide-122'), '首店项目区级配套有吗').body).toMatch(/原文未写明区级配套政策/u)
    // 各区可根据本区财力给予适当比例补贴 states a district's share.
    expect(composePolicyAnswer(card('guide-143'), '耕地地力补贴区级配套有没有').body).not.toMatch(/原文未写明/u)
    expect(composePolicyAnswer(card('guide-121'), '商场改造施工前要报备吗').body).toMatch(/原文未写明事前报备/u)
    expect(composePolicyAnswer(card('guide-144'), '设施农业项目开工前要先备案吗').body).not.toMatch(/原文未写明/u)
    expect(composePolicyAnswer(card('guide-040'), '发射保险贴费每年都有吗').body).toMatch(/原文未写明是否每年都给/u)
    expect(composePolicyAnswer(card('guide-059'), '专利年费国家减多少').body).toMatch(/原文未写明国家政策的具体规定/u)
  })

  it('asks a review period only of a clause that states one; a 绩效考核 without a period does not answer it', () => {
    expect(composePolicyAnswer(card('guide-064'), '大师工作室多久考核一次').body).toMatch(/原文未写明考核或复审周期/u)
    expect(composePolicyAnswer(card('guide-014'), '大数据培训基地多久复审').body).toMatch(/每三年评定一次/u)
  })

  it('takes a share for an amount only beside a support word; a utilisation rate states no money', () => {
    expect(composePolicyAnswer(card('guide-016'), '示范基地认定后给多少钱').body).toMatch(/原文未写明具体金额/u)
    expect(composePolicyAnswer(card('guide-040'), '商业航天保险贴费给多少').body).toMatch(/不超过50%的贴费/u)
    expect(composePolicyAnswer(card('guide-063'), '新技术新产品认定要交管理费吗').body).toMatch(/原文未写明收费标准/u)
    expect(composePolicyAnswer(card('guide-134'), '运营补贴多久发一回').body).toMatch(/每半年核算和拨付资金/u)
  })
  it('quotes the opener of an item’s list where it names what the part asks and the item does not (申报主体为个人)', () => {
    const answer = composePolicyAnswer(card('guide-083'), '我是书法家 个人可以申报国家艺术基金吗')
    expect(answer.body).toMatch(/项目申报主体为个人/u)
  })

  it('answers a yes/no part about the owner’s circumstances with the clause naming them (技师, 退休)', () => {
    const answer = composePolicyAnswer(card('guide-064'), '我是技师 离退休还有四年 能领办技能大师工作室吗')
    expect(answer.body).toMatch(/距法定退休年龄2年以上/u)
  })

  it('says 第三方报告 and 电子章 are not stated only when no clause states them', () => {
    expect(composePolicyAnswer(card('guide-125'), '节能改造项目要交第三方评估报告吗').body).toMatch(
      /原文未写明第三方报告/u,
    )
    expect(composePolicyAnswer(card('guide-108'), '境外风险管理费用补助 要第三方评估报告吗').body).toMatch(
      /项目风险评估报告/u,
    )
    expect(composePolicyAnswer(card('guide-055'), '孵化器申请材料能盖电子章吗').body).toMatch(/原文未写明盖章要求/u)
    expect(composePolicyAnswer(card('guide-116'), '标准补助申请表能用电子章吗').body).not.toMatch(/原文未写明/u)
  })
  it('says 补交材料 and 模板下载 are not stated only when no clause states them', () => {
    expect(composePolicyAnswer(card('guide-130'), '商圈项目材料交晚了能补交吗').body).toMatch(/原文未写明补交材料/u)
    expect(composePolicyAnswer(card('guide-058'), '专利资助材料不全 能补交吗').body).toMatch(/修改补正/u)
    expect(composePolicyAnswer(card('guide-115'), '告知承诺书的样表哪里有').body).toMatch(/原文未写明模板下载/u)
  })
  it('quotes the 适用对象 line when it states what the part asks (尺幅, 补贴对象)', () => {
    expect(composePolicyAnswer(card('guide-083'), '版画作品单幅尺寸最小多大').body).toMatch(
      /版画、漆画作品单幅不小于1×1米/u,
    )
    // 流转给 is land transfer, not 转给 (能否转让).
    const land = composePolicyAnswer(card('guide-143'), '耕地流转给合作社了 补贴对象是谁')
    expect(land.body).toMatch(/流转（承包）合同约定确定补贴对象/u)
    expect(land.body).not.toMatch(/原文未写明/u)
  })
  it('ranks the yearly cap first for 一年最多 through the synonym 年度 (申请人年度获得…不超过200万元)', () => {
    const question = '发明专利资助 一个单位一年最多拿多少'
    const extraTerms = loadSynonyms()
      .entries.filter((entry) => entry.from.some((word) => question.includes(word)))
      .flatMap((entry) => entry.to)
    expect(extraTerms).toContain('年度')
    expect(composePolicyAnswer(card('guide-059'), question, { extraTerms }).body).toMatch(/不超过200万元/u)
  })
})

describe('composePolicyAnswer cuts a long clause around its figures', () => {
  it('keeps the figures that end a long sentence when the topic words fill its start', () => {
    const composed = composePolicyAnswer(
      findCard(loadCards(), 'guide-092')!,
      '效能提升的入选项目 重大的奖多少 一般的奖多少',
    )
    expect(composed.body).toContain('重大项目奖励100万元')
    expect(composed.body).toContain('一般项目奖励20万元')
  })

  it('quotes a scoring band with the measure it belongs to', () => {
    const composed = composePolicyAnswer(findCard(loadCards(), 'tier-rules-x1-04')!, '资产负债率55%以下 得几分')
    expect(composed.body).toContain('上年度资产负债率(满分10分)：A. 55%以下(10分)')
  })
})

describe('composePolicyAnswer: a list opener named once', () => {
  it('quotes the opening sentence of a list once for a run of its items, leaving room for the other parts', () => {
    const answer = composePolicyAnswer(
      card('guide-083'),
      '我是画家 个人可以报国家艺术基金美术创作资助不 一般什么时候报 资助最多多少钱',
    )
    const opener = '本项目的项目申报主体为个人，其应同时具备以下条件：'
    expect(answer.body.split(opener).length - 1).toBe(1)
    expect(answer.body).toMatch(/4月左右申报/u)
    expect(answer.body).toMatch(/不超过10万元/u)
    expect(answer.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS)
  })
})

describe('composePolicyAnswer: narrower questions of an aspect', () => {
  it('"谁来申报" is answered by the clause that names the applicant, not by any condition of the field', () => {
    for (const question of ['特色产业集群 谁来申报', '中小企业特色产业集群认定 是谁申报 要找哪个部门']) {
      expect(composePolicyAnswer(card('guide-017'), question).body, question).toMatch(/由集群运营管理机构作为申报主体/u)
    }
  })
})
