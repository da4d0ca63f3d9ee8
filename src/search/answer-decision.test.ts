import { describe, expect, it } from 'vitest'
import { loadCards } from '../knowledge/load-cards.js'
import { decideAnswer, namesCardSubject, outsidePlace, placeAliases, schemeNames } from './answer-decision.js'
import { loadAnswerDecisionWords } from './load-answer-decision-words.js'
import { loadSynonyms } from './load-synonyms.js'
import { createPolicyIndex } from './policy-index.js'

const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
const words = loadAnswerDecisionWords()
const decide = (question: string) => decideAnswer(question, index.search(question, { limit: 3 }), words)

describe('decideAnswer', () => {
  it('answers a plausible match from the top card instead of "没有找到", certain only with coverage and margin', () => {
    const plausible = decide('在北京建加氢站有补贴吗？运营补贴又是怎么算的')
    expect(plausible.kind).toBe('answer')
    const certain = decide('剧目在剧场演出，演艺服务平台资助场租能补多少？')
    expect(certain).toMatchObject({ kind: 'answer', certain: true })
  })

  it('a city the knowledge base does not hold is outside the region, even when the topic matches a Beijing card', () => {
    expect(decide('深圳的专精特新小巨人，市里奖励多少钱啊')).toMatchObject({
      kind: 'outside-region',
      place: '深圳',
      placeKind: 'city',
    })
    expect(decide('上海张江那边集成电路流片补贴咋申请')).toMatchObject({ kind: 'outside-region', place: '上海' })
  })

  it('a place the card covers under a wider name (京津冀) is not outside', () => {
    const card = index.get('guide-110')!
    const text = [card.content, card.requirements].join('\n')
    expect(outsidePlace('河北户籍的外派劳务人员补多少', text, words)).toBeNull()
    expect(outsidePlace('杭州的外派劳务人员补多少', text, words)?.name).toBe('杭州')
    expect(placeAliases('在东城开体验店', '东西城区1.8元/㎡/日', words)).toEqual(['东西城区'])
  })

  it('the wider name covers the place only in a line about what is asked; a card saying 京津冀 does not name 津冀', () => {
    const robots = '支持机器人产品在京津冀地区实现首次试用，单台（套）产品奖励不超过50万元。'
    expect(outsidePlace('香河的家具厂 有没有技改补贴', robots, words)?.name).toBe('香河')
    expect(outsidePlace('香河的机器人公司 首次试用有奖励吗', robots, words)).toBeNull()
    const suppliers =
      '鼓励产业链龙头企业在京津冀范围内寻找稳定配套商。\n对京津冀范围内首次纳入产业链龙头企业供应链的给予奖励。'
    expect(outsidePlace('津冀地区有没有氢能车补贴', suppliers, words)?.name).toBe('津冀')
    expect(outsidePlace('天津的配套商 纳入龙头企业供应链有奖励吗', suppliers, words)).toBeNull()
  })

  it('names regions and abbreviations by their longest name; 京津冀 does not name 津冀', () => {
    expect(decide('粤港澳大湾区有没有专精特新补贴')).toMatchObject({ kind: 'outside-region', place: '粤港澳' })
    expect(decide('沪上有没有类似的专精特新奖励')).toMatchObject({ kind: 'outside-region', place: '沪上' })
    expect(decide('合肥对新型储能企业补贴多少')).toMatchObject({ kind: 'outside-region', place: '合肥' })
    expect(outsidePlace('津冀的企业有补贴吗', '北京市支持新型储能产业发展', words)?.name).toBe('津冀')
    expect(outsidePlace('京津冀协同 有补贴吗', '北京市支持新型储能产业发展', words)).toBeNull()
    expect(outsidePlace('在沪深两市上市 市里奖多少', '支持企业在A股上市', words)).toBeNull()
    // A dish is no place: 湘菜, 兰州拉面.
    expect(outsidePlace('开湘菜馆能申请餐饮补贴吗', '北京市促进生活服务业发展', words)).toBeNull()
    expect(outsidePlace('兰州拉面馆能申请便民网点补贴吗', '北京市促进生活服务业发展', words)).toBeNull()
  })

  it('a person’s own affairs go to 12345', () => {
    expect(decide('个税专项附加扣除 赡养老人一个月能扣多少')).toMatchObject({ kind: 'personal' })
    expect(decide('社保断缴了三个月 还能补缴吗')).toMatchObject({ kind: 'personal' })
  })

  it('tax administration goes to 12366 and company registration to 市场监管, unless a card is about it', () => {
    expect(decide('企业所得税汇算清缴几号截止')).toMatchObject({ kind: 'tax', matter: '汇算清缴' })
    expect(decide('营业执照怎么办 公司注册流程')).toMatchObject({ kind: 'registration' })
    // A card that itself grants a tax relief answers a tax question.
    expect(decide('社区家政公司 家政服务收入要交增值税吗').kind).toBe('answer')
  })

  it('a named scheme the top card does not mention is not held; a common word ending like 贷款 is no name', () => {
    expect(decide('北京市“智链百强”企业认定 今年申报截止是哪天')).toMatchObject({
      kind: 'not-found',
      reason: 'unknown-scheme',
      name: '智链百强',
    })
    expect(decide('北京启明星青年创业贷利率多少 怎么申请')).toMatchObject({
      kind: 'not-found',
      reason: 'unknown-scheme',
    })
    expect(schemeNames('买设备贷款贴息那个五子连动政策', words)).toEqual([])
  })

  it('a personal or tax word a card mentions only in passing is not the card’s: the question must name its subject', () => {
    // The 上市 measures list 公积金 among compliance checks; the pension-fund notice names 印花税 for its own trades.
    expect(decide('离职了 公积金怎么提取出来')).toMatchObject({ kind: 'personal' })
    expect(decide('签了份租赁合同 印花税怎么交')).toMatchObject({ kind: 'tax' })
    expect(decide('仓库自用 房产税一年交多少')).toMatchObject({ kind: 'tax' })
    // A tax relief card about the question's subject answers all its tax words.
    expect(decide('托育机构 增值税和所得税有啥优惠').kind).toBe('answer')
    expect(namesCardSubject('家政公司交增值税吗', index.get('guide-133')!, words)).toBe(true)
    expect(namesCardSubject('印花税怎么交', index.get('guide-132')!, words)).toBe(false)
  })

  it('another authority’s procedure names that authority; a change of company registration goes to 市场监管', () => {
    expect(decide('建仓库要做环评吗 去哪办')).toMatchObject({
      kind: 'service',
      agency: expect.stringMatching(/生态环境局/u),
    })
    expect(decide('跟员工有劳动争议 怎么处理')).toMatchObject({ kind: 'service', matter: '劳动争议' })
    expect(decide('公司要做法人变更 需要哪些材料')).toMatchObject({ kind: 'registration' })
  })

  it('a place asked for its own policy is outside even when a card names it; a country only then', () => {
    expect(decide('新加坡政府对初创企业有补贴吗')).toMatchObject({ kind: 'outside-region', placeKind: 'country' })
    // A firm's business abroad is no question about a foreign government's policy.
    expect(decide('药企的产品过了FDA注册 在美国也卖出去了 北京有奖励吗').kind).toBe('answer')
    expect(decide('云南的专精特新企业奖多少')).toMatchObject({ kind: 'outside-region', placeKind: 'province' })
    const card = index.get('guide-110')!
    const text = [card.content, card.requirements].join('\n')
    expect(outsidePlace('河北那边对外派劳务有补贴吗', text, words)?.name).toBe('河北')
  })

  it('a district the list does not name is outside when the question asks for a district’s own policy', () => {
    expect(decide('高明区的企业评上小巨人 区里奖多少')).toMatchObject({ kind: 'outside-region', place: '高明区' })
    // 园区 and "先找区里" name no district; 昌平 is held.
    expect(decide('专精特新申报 是先找区里吗').kind).not.toBe('outside-region')
    expect(decide('特色园区建中试平台 区里还补吗').kind).not.toBe('outside-region')
    expect(decide('在昌平区拿到三类医疗器械注册证 区里能补多少').kind).toBe('answer')
  })

  it('a city the list does not name is outside when asked for its own policy; 上市 and 北京市 are no such city', () => {
    expect(decide('新泰市那边对小巨人企业有奖励吗')).toMatchObject({ kind: 'outside-region', place: '新泰市' })
    expect(decide('小巨人企业在A股上市了 市里补多少').kind).toBe('answer')
    expect(decide('北京市政府对专精特新企业上市有啥奖励').kind).toBe('answer')
  })

  it('a suffix after a modal is a verb, not a scheme name', () => {
    expect(schemeNames('知识产权质押贷款 最多能贷几年', words)).toEqual([])
    expect(schemeNames('启明星青年创业贷利率多少', words)).toEqual(['启明星青年创业贷'])
  })

  it('工程 after a trade verb is the business, not a scheme name', () => {
    expect(schemeNames('我们是做工程的 想问下有啥补贴', words)).toEqual([])
    expect(schemeNames('在国外承包工程 营业额补助多少', words)).toEqual([])
    expect(schemeNames('新智造百项工程补多少', words)).toEqual(['新智造百项工程'])
  })

  it('贷 inside a longer name (投贷奖) is not its end', () => {
    expect(schemeNames('文创投贷奖 贷款贴息能贴几个点', words)).toEqual([])
  })

  it('a word the top card states as a synonym (四板 for 北京区域性股权市场) keeps the question on topic', () => {
    const question = '北京四板挂牌给多少'
    const input = index.search(question, { limit: 3 })
    expect(decideAnswer(question, input, words).kind).toBe('not-found')
    const statedBy = () => ['四板']
    expect(decideAnswer(question, { ...input, statedBy }, words).kind).toBe('answer')
  })

  it('a question without policy words and a weak match is declined', () => {
    expect(decide('周末去哪里吃火锅比较好').kind).toBe('not-found')
    expect(decide('今天北京尾号限行限几和几').kind).toBe('not-found')
  })
  it('a matter word the card holds is the card’s only when the question names the card’s subject outside that word', () => {
    expect(decide('科技型中小企业评价入库去哪里办')).toMatchObject({ kind: 'service', matter: '科技型中小企业评价' })
    expect(decide('通过科技型中小企业评价入库的企业 创新券每年能用多少')).toMatchObject({ kind: 'answer' })
    expect(decide('国企领导在外面兼职要报批吗')).toMatchObject({ kind: 'service', matter: '国企领导' })
    expect(decide('商标续展官费多少')).toMatchObject({ kind: 'service', matter: '商标续展' })
    expect(decide('我家房子租给公司 要交什么税')).toMatchObject({ kind: 'personal' })
  })

  it('districts of other cities and Beijing neighbourhoods named alone are places; 国贸 inside 中国贸易 is not', () => {
    expect(decide('武侯区的企业有没有研发补贴')).toMatchObject({ kind: 'outside-region', place: '武侯' })
    expect(decide('望京的公司 区里有房租补贴吗')).toMatchObject({
      kind: 'outside-region',
      place: '望京',
      district: '朝阳区',
    })
    expect(outsidePlace('对中国贸易促进机构有支持吗', '北京市外经贸发展资金', words)).toBeNull()
    expect(outsidePlace('国贸的写字楼 区里有房租补贴吗', '北京市外经贸发展资金', words)?.name).toBe('国贸')
  })
  it('platform support, customs, the size classification and certification go to the agency that handles them', () => {
    expect(decide('申报平台登录不上怎么办')).toMatchObject({ kind: 'service', matter: '登录不上' })
    expect(decide('海关AEO认证 要什么条件')).toMatchObject({ kind: 'service', agency: '北京海关' })
    expect(decide('企业划型标准 怎么算小型企业')).toMatchObject({ kind: 'service', matter: '企业划型' })
    expect(decide('两化融合贯标 有没有奖励')).toMatchObject({ kind: 'service', matter: '两化融合贯标' })
  })

  it('a foreign city is outside only when its own policy is asked (自贸区, 那边); a Taiwanese city always', () => {
    expect(decide('台北的新创公司有补助吗')).toMatchObject({ kind: 'outside-region', place: '台北' })
    expect(decide('迪拜自贸区开公司有补贴吗')).toMatchObject({ kind: 'outside-region', place: '迪拜' })
    const abroad = index.get('guide-109')!
    expect(outsidePlace('在东京设了子公司 境外投资补助多少', abroad.content ?? '', words)).toBeNull()
  })
  it('drug and device licences and import or export licences go to their agencies, across a typed break', () => {
    expect(decide('二类医疗器械注册证 去哪申请')).toMatchObject({ kind: 'service', matter: '注册证去哪' })
    expect(decide('药企做GMP认证有啥要求')).toMatchObject({ kind: 'service', matter: 'gmp认证' })
    expect(decide('出口许可证怎么申领')).toMatchObject({ kind: 'service', matter: '出口许可证' })
    expect(decide('昌平拿到三类医疗器械注册证的 支持多少')).toMatchObject({ kind: 'answer' })
  })
  it('a request to the assistant itself gets its own reply, whatever card its words match', () => {
    expect(decide('你到底是不是机器人')).toMatchObject({ kind: 'assistant' })
    expect(decide('麻烦帮我写个房租通的申请材料')).toMatchObject({ kind: 'assistant', matter: '帮我写' })
    expect(decide('帮我写个朋友圈文案，庆祝公司成立十周年').kind).toBe('assistant')
    expect(decide('有没有推荐个代理帮忙申报高精尖')).toMatchObject({ kind: 'assistant' })
    // Asking about robots is no question about the assistant.
    expect(decide('机器人企业首次升规有奖励吗').kind).toBe('answer')
  })
  it('whether a policy not published yet will come out is no question the texts answer; a licence goes to its agency', () => {
    expect(decide('明年北京会不会出台数据标注的专项补贴')).toMatchObject({ kind: 'assistant' })
    expect(decide('剧场的营业性演出许可证怎么办')).toMatchObject({ kind: 'service', matter: '营业性演出许可证' })
    expect(decide('我的车想以旧换新 有补贴吗')).toMatchObject({ kind: 'personal' })
  })
  it('a ranking of policies is no question the texts answer; an algorithm filing goes to its agency', () => {
    expect(decide('首台套和首试首用 哪个给钱最多 帮我排个序')).toMatchObject({ kind: 'assistant' })
    expect(decide('数字人直播的深度合成算法要不要备案')).toMatchObject({ kind: 'service' })
  })

  it('a facility named after a foreign place (首尔的孵化器) is that place’s; a firm’s business there is not', () => {
    expect(decide('大阪的科技园 入驻给补贴吗')).toMatchObject({ kind: 'outside-region', place: '大阪' })
    expect(decide('我们在新加坡设了子公司 境外投资有补助吗').kind).not.toBe('outside-region')
  })

  it('county-level cities, national new areas and more Beijing neighbourhoods are places', () => {
    expect(decide('温岭的泵业企业 技改有补贴吗')).toMatchObject({ kind: 'outside-region', place: '温岭' })
    expect(decide('贵安新区的数据中心 有电价补贴吗')).toMatchObject({ kind: 'outside-region', place: '贵安新区' })
    expect(decide('丽泽那边的金融公司 区里有落户奖励吗')).toMatchObject({
      kind: 'outside-region',
      place: '丽泽',
      district: '丰台区',
    })
  })

  it('family, housing and labour matters go to 12345 or the agency that handles them', () => {
    expect(decide('家里生了三孩 育儿补贴怎么领')).toMatchObject({ kind: 'personal' })
    expect(decide('想租个公租房 需要啥条件')).toMatchObject({ kind: 'personal' })
    expect(decide('员工签了竞业协议 离职后要给多少补偿')).toMatchObject({ kind: 'service' })
    expect(decide('被列为失信被执行人 能申请补贴吗')).toMatchObject({ kind: 'service' })
  })
})
