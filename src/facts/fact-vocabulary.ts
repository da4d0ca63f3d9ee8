import type { FactUnit } from './convert-quantity.js'
import type { FactName } from './fact-schema.js'

/** A numeric fact, or a family of them by year: slots[0] is 上年度, slots[1] 前年, slots[2] 大前年. */
export interface AmountTopic {
  id: string
  slots: FactName[]
  unit: FactUnit
  /** Facts chosen by a 近N年 window instead of a year (股权融资). */
  windows?: Partial<Record<number, FactName>>
  /** Several kinds of IP add up to one count (实用新型 8 + 软著 4 = Ⅱ类 12). */
  additive?: boolean
}

export const AMOUNT_TOPICS = {
  revenue: { id: 'revenue', slots: ['revenue', 'revenuePrev'], unit: 'money' },
  mainRevenue: { id: 'mainRevenue', slots: ['mainRevenue', 'mainRevenuePrev', 'mainRevenuePrev2'], unit: 'money' },
  rdExpense: { id: 'rdExpense', slots: ['rdExpense', 'rdExpensePrev'], unit: 'money' },
  netProfit: { id: 'netProfit', slots: ['netProfit'], unit: 'money' },
  totalAssets: { id: 'totalAssets', slots: ['totalAssets'], unit: 'money' },
  equityFinancing: {
    id: 'equityFinancing',
    slots: ['equityFinancing2y', 'equityFinancing3y'],
    unit: 'money',
    windows: { 2: 'equityFinancing2y', 3: 'equityFinancing3y' },
  },
  debtRatio: { id: 'debtRatio', slots: ['debtRatio'], unit: 'percent' },
  marketShare: { id: 'marketShare', slots: ['marketShare'], unit: 'percent' },
  employees: { id: 'employees', slots: ['employees'], unit: 'count' },
  rdStaff: { id: 'rdStaff', slots: ['rdStaff'], unit: 'count' },
  ipClass1: { id: 'ipClass1', slots: ['ipClass1'], unit: 'count', additive: true },
  ipClass1SelfDeveloped: { id: 'ipClass1SelfDeveloped', slots: ['ipClass1SelfDeveloped'], unit: 'count' },
  ipHighValue: { id: 'ipHighValue', slots: ['ipHighValue'], unit: 'count' },
  ipClass2: { id: 'ipClass2', slots: ['ipClass2'], unit: 'count', additive: true },
  nicheYears: { id: 'nicheYears', slots: ['nicheYears'], unit: 'years' },
  digitalLevel: { id: 'digitalLevel', slots: ['digitalLevel'], unit: 'level' },
} as const satisfies Record<string, AmountTopic>

export type BooleanFactName =
  | 'registeredInBeijing' | 'independentLegalPerson' | 'creditBlacklisted' | 'restrictedProducts' | 'majorIncident3y'
  | 'strategicEmerging' | 'qualityAward' | 'qualityCert' | 'ownBrand' | 'standardSetting' | 'coreBusinessInfoSystem'
  | 'keyField' | 'innovativeSmeValid' | 'specializedSmeValid'

/** Facts whose value is read from the words around the keyword (级别, 名次, 成绩). */
export type GradedFact = 'rdInstitution' | 'sciAward' | 'contest' | 'makerChinaTop'

/** What a keyword in a message means. */
export type KeywordMeaning =
  | { type: 'amount'; topic: AmountTopic; sign?: -1; part?: string; countTopic?: AmountTopic }
  | { type: 'flag'; fact: BooleanFactName; value?: boolean }
  | { type: 'choice'; fact: 'industry' | 'listing' | 'leadProductField'; value: string; explicit?: boolean }
  | { type: 'member'; fact: 'honors' | 'techConversion'; value: string }
  | { type: 'graded'; fact: GradedFact }
  | { type: 'registration' }
  | { type: 'fixed'; fact: 'netProfit'; value: number }
  /** An IP count without its class (专利 20 项): asked again. */
  | { type: 'unclassifiedIp' }
  /** 占比/增长率/纳税/负债: takes a number of these units that is no fact, so it fills nothing. */
  | { type: 'sink'; units: ReadonlyArray<FactUnit> }
  /** Words that hold digit characters (一直, 一等奖) or contain a keyword without being one (营业外收入, 小巨人). */
  | { type: 'noise' }

const T = AMOUNT_TOPICS

function amount(topic: AmountTopic, words: string[], extra: { sign?: -1; part?: string } = {}): Array<[string, KeywordMeaning]> {
  return words.map((word) => [word, { type: 'amount', topic, ...extra }])
}
function flag(fact: BooleanFactName, words: string[], value?: boolean): Array<[string, KeywordMeaning]> {
  return words.map((word) => [word, value === undefined ? { type: 'flag', fact } : { type: 'flag', fact, value }])
}
function choice(fact: 'industry' | 'listing' | 'leadProductField', value: string, words: string[], explicit = false): Array<[string, KeywordMeaning]> {
  return words.map((word) => [word, { type: 'choice', fact, value, ...(explicit ? { explicit } : {}) }])
}
function member(fact: 'honors' | 'techConversion', value: string, words: string[]): Array<[string, KeywordMeaning]> {
  return words.map((word) => [word, { type: 'member', fact, value }])
}
function graded(fact: GradedFact, words: string[]): Array<[string, KeywordMeaning]> {
  return words.map((word) => [word, { type: 'graded', fact }])
}
function plain(type: 'registration' | 'unclassifiedIp' | 'noise', words: string[]): Array<[string, KeywordMeaning]> {
  return words.map((word) => [word, { type }] as [string, KeywordMeaning])
}
function sink(units: FactUnit[], words: string[]): Array<[string, KeywordMeaning]> {
  return words.map((word) => [word, { type: 'sink', units }])
}

/**
 * Every keyword the extractor knows, colloquial forms included. Matching is longest first, so a longer word
 * ("研发人员", "营业外收入") wins over the shorter one it contains ("研发", "收入").
 */
export const FACT_VOCABULARY: ReadonlyMap<string, KeywordMeaning> = new Map<string, KeywordMeaning>([
  ...amount(T.revenue, ['营业收入', '营业总收入', '营收', '收入', '销售额', '销售收入', '年收入', '年营收', '年销售额', '销售', '流水', '产值']),
  ...amount(T.mainRevenue, ['主营业务收入', '主营收入', '主营业务', '主营营收', '主业收入', '主营']),
  ...amount(T.rdExpense, ['研发投入', '研发费用', '研发经费', '研发支出', '研发开支', '研发花了']),
  ['研发', { type: 'amount', topic: T.rdExpense, countTopic: T.rdStaff }],
  ...amount(T.netProfit, ['净利润', '净利', '利润', '盈利', '赚了', '挣了']),
  ...amount(T.netProfit, ['亏损', '亏了', '亏', '赔了', '净亏损', '净亏'], { sign: -1 }),
  ...amount(T.totalAssets, ['资产总额', '总资产', '资产总计', '资产规模', '资产']),
  ...amount(T.equityFinancing, ['股权融资', '融资', '融了', '投资机构投了', '拿到投资', '获得投资', '拿了投资']),
  ...amount(T.debtRatio, ['资产负债率', '负债率', '负债比例', '负债比率']),
  ...amount(T.marketShare, ['市场占有率', '市场占比', '市场份额', '市占率', '占有率', '份额']),
  ...amount(T.employees, ['从业人员', '从业人数', '员工', '职工', '人数', '员工数', '总人数', '雇员', '在职', '团队', '全公司', '社保人数', '缴纳社保']),
  ...amount(T.rdStaff, ['研发人员', '研发人数', '研发团队', '研发工程师', '技术人员', '科研人员']),
  ...amount(T.ipClass1, ['发明专利', '一类知识产权', 'I类知识产权', 'I类', '一类', 'Ⅰ类', '1类'], { part: 'class1' }),
  ...amount(T.ipClass1, ['集成电路布图', '植物新品种', '国家级农作物品种', '国家新药', '国家一级中药保护品种'], { part: 'other1' }),
  ...amount(T.ipClass1SelfDeveloped, ['自主研发', '自研', '自己研发']),
  ...amount(T.ipHighValue, ['高价值', '高价值专利', '高价值知识产权']),
  ...amount(T.ipClass2, ['二类知识产权', 'II类知识产权', 'II类', '二类', 'Ⅱ类', '2类'], { part: 'class2' }),
  ...amount(T.ipClass2, ['实用新型', '实用新型专利'], { part: 'utility' }),
  ...amount(T.ipClass2, ['软件著作权', '软著', '软件著作', '著作权'], { part: 'software' }),
  ...amount(T.ipClass2, ['外观设计', '外观专利'], { part: 'design' }),
  ...amount(T.nicheYears, ['细分市场', '细分领域', '深耕', '专注', '从事', '做了', '干了', '经营了']),
  ...amount(T.digitalLevel, ['数字化水平', '数字化等级', '数字化', '数字化评估']),
  ...flag('registeredInBeijing', []),
  ...flag('independentLegalPerson', ['独立法人', '法人资格', '独立核算', '法人企业', '法人单位']),
  ...flag('independentLegalPerson', ['分公司', '分支机构'], false),
  ...flag('creditBlacklisted', ['失信', '经营异常', '异常名录', '黑名单', '严重违法失信']),
  ...flag('restrictedProducts', ['禁止类', '限制类', '淘汰类', '禁止、限制', '限制或淘汰', '淘汰落后', '落后产能']),
  ...flag('majorIncident3y', ['重大事故', '安全事故', '质量事故', '环境污染', '环保事故', '污染事故', '偷漏税', '偷税', '漏税', '逃税', '违法', '违规', '行政处罚']),
  ...flag('strategicEmerging', ['战略性新兴产业', '战略性新兴', '战略新兴', '战新产业']),
  ...flag('qualityAward', ['质量奖']),
  ...flag('qualityCert', ['质量管理体系', '质量体系认证', 'ISO9001', 'ISO 9001', '9001认证', '9001', 'IATF16949', '质量认证']),
  ...flag('ownBrand', ['自主品牌', '自有品牌', '自己的品牌', '注册商标', '商标']),
  ...flag('standardSetting', ['制修订标准', '制定标准', '标准制定', '制修订', '起草标准', '参与制定', '主导制定', '国家标准', '行业标准', '团体标准', '地方标准', '国际标准', '标准']),
  ...flag('coreBusinessInfoSystem', ['信息系统', '信息化系统', 'ERP', 'MES', 'CRM', 'PLM', 'SAP', '用友', '金蝶', '管理系统']),
  ...flag('keyField', ['重点领域']),
  ...flag('innovativeSmeValid', ['创新型中小企业', '创新型企业', '创新型']),
  ...flag('specializedSmeValid', ['专精特新中小企业', '专精特新企业', '专精特新']),
  ...choice('industry', 'industry', ['制造业', '工业', '制造企业', '加工制造', '生产制造'], true),
  ...choice('industry', 'industry', ['制造', '工厂', '生产', '加工', '厂子', '医疗器械', '制药', '装备', '芯片', '半导体', '新材料']),
  ...choice('industry', 'software', ['软件和信息技术服务业', '软件业', '信息技术服务业', '软件行业', '软件企业', '软件公司'], true),
  ...choice('industry', 'software', ['软件', '信息技术', '互联网', 'SaaS', 'IT', '人工智能', '大数据', '云计算', '软件开发', '系统集成']),
  ...choice('industry', 'wholesale', ['批发业', '批发'], true),
  ...choice('industry', 'retail', ['零售业', '零售'], true),
  ...choice('industry', 'construction', ['建筑业', '建筑', '施工', '装修'], true),
  ...choice('industry', 'catering', ['餐饮业', '餐饮', '饭店', '餐厅'], true),
  ...choice('industry', 'accommodation', ['住宿业', '住宿', '酒店', '宾馆'], true),
  ...choice('industry', 'transport', ['交通运输业', '交通运输', '运输', '物流'], true),
  ...choice('industry', 'warehousing', ['仓储业', '仓储'], true),
  ...choice('industry', 'postal', ['邮政业', '邮政', '快递'], true),
  ...choice('industry', 'realEstate', ['房地产开发', '房地产业', '房地产', '房产开发'], true),
  ...choice('industry', 'propertyManagement', ['物业管理', '物业'], true),
  ...choice('industry', 'leasingBusiness', ['租赁和商务服务业', '租赁', '商务服务', '咨询服务'], true),
  ...choice('industry', 'agriculture', ['农林牧渔', '农业', '林业', '牧业', '渔业', '种植', '养殖'], true),
  ...choice('industry', 'telecom', ['信息传输业', '电信', '通信', '广播电视传输', '卫星传输'], true),
  ...choice('industry', 'other', ['其他行业', '教育', '文化传媒', '科研服务', '技术服务', '金融'], true),
  ...choice('listing', 'listed', ['已上市', '上市了', '上市公司', '主板上市', '科创板上市', '创业板上市', '北交所上市'], true),
  ...choice('listing', 'listed', ['上市', '主板', '科创板', '创业板', '北交所']),
  ...choice('listing', 'ipoAccepted', ['IPO受理', 'IPO已受理', '上市申请已受理', '辅导备案', '上市辅导'], true),
  ...choice('listing', 'ipoAccepted', ['IPO申请', '上市申请', '申报上市', '已受理']),
  ...choice('listing', 'neeq', ['新三板', '三板', '挂牌'], true),
  ...choice('listing', 'sponsorSigned', ['保荐机构', '保荐协议', '保荐'], true),
  ...choice('listing', 'specializedBoard', ['专精特新专板', '专板', '四板', '区域股权市场'], true),
  ...choice('leadProductField', 'gapFilling', ['补短板', '锻长板', '填空白', '卡脖子']),
  ...choice('leadProductField', 'sixBasics', ['工业六基', '六基', '基础零部件', '基础元器件', '基础材料', '基础工艺', '产业技术基础', '基础软件']),
  ...member('honors', 'highTech', ['高新技术企业', '高新企业', '国高', '高企', '高新']),
  ...member('honors', 'techInnovationDemo', ['技术创新示范企业', '技术创新示范']),
  ...member('honors', 'ipAdvantage', ['知识产权优势企业', '知识产权优势']),
  ...member('honors', 'ipDemo', ['知识产权示范企业', '知识产权示范']),
  ...member('techConversion', 'firstSetCertified', ['首台套认定', '首台(套)认定', '首台套', '首台(套)', '首批次', '首版次']),
  ...member('techConversion', 'firstSetPolicy', ['首台套政策', '首台套保险', '首台套奖励']),
  ...member('techConversion', 'foreignCert', ['国外认证', '国外产品认证', '国际认证', 'CE认证', 'FDA', 'UL认证', 'CE']),
  ...member('techConversion', 'drugTrial', ['临床试验批件', '临床批件', '临床试验']),
  ...member('techConversion', 'deviceApproval', ['医疗器械注册证', '器械注册证', '注册证']),
  ...graded('rdInstitution', ['研发机构', '研发中心', '技术中心', '工程中心', '工程技术研究中心', '重点实验室', '实验室', '研究院', '研究所', '工作站']),
  ...graded('sciAward', ['科技奖', '科学技术奖', '科技进步奖', '科技进步', '技术发明奖', '自然科学奖', '科技奖励']),
  ...graded('contest', ['创客北京', '优促计划', '创新创业大赛', '双创大赛', '创业大赛', '创新大赛', '大赛', '比赛']),
  ...graded('makerChinaTop', ['创客中国']),
  ...plain('registration', ['注册在', '注册于', '注册地址', '注册地', '注册', '落户', '工商登记', '登记在']),
  ['盈亏平衡', { type: 'fixed', fact: 'netProfit', value: 0 }],
  ['不亏不赚', { type: 'fixed', fact: 'netProfit', value: 0 }],
  ...plain('unclassifiedIp', ['知识产权', '专利']),
  ...sink(['percent'], ['占比', '占营收', '占收入', '比例', '比重', '增长率', '增速', '增长了', '增长', '同比', '下降了', '下降', '毛利率', '利润率', '净利率']),
  ...sink(['money'], ['毛利', '税收', '纳税', '缴税', '注册资本', '注册资金', '实缴资本', '估值', '补贴', '奖励', '负债总额', '总负债', '负债', '净资产', '固定资产', '流动资产', '所有者权益', '贷款', '成本', '费用', '营业外收入', '投资收益', '其他收入']),
  ...sink(['count'], ['销售人员', '生产人员', '管理人员', '客户', '门店', '个月']),
  ...sink(['years'], ['成立', '成立了']),
  ...plain('noise', [
    '小巨人', '专精特新小巨人', '一共', '一同', '一等奖', '二等奖', '三等奖', '特等奖', '一直', '一般', '一起', '一下', '一些', '一点', '一定',
    '一样', '统一', '唯一', '之一', '万一', '一旦', '一切', '一体', '一流', '一线', '一方面', '第一时间', '三方', '第三方', '一带一路', '十四五', '十三五',
    '高新区', '高新园区', '高新技术产业开发区', '高新技术产品', '有限公司', '所有', '非常', '未来', '无人机', '无线', '无锡', '产品上市',
    '五险一金', '一把手', '二手', '一季度', '二季度', '三季度', '四季度', '上半年', '下半年', '几个月', '一年级', '百度', '千万别', '万万',
  ]),
])

/** Places that mean 注册在北京, and places that mean elsewhere. */
export const BEIJING_PLACES = /北京|京籍|海淀|朝阳区|丰台|石景山|门头沟|房山|通州|顺义|昌平|大兴|怀柔|平谷|密云|延庆|东城|西城|亦庄|中关村|经开区/
export const OTHER_PLACES = /天津|上海|重庆|河北|雄安|廊坊|保定|石家庄|深圳|广州|杭州|南京|苏州|无锡|成都|武汉|西安|合肥|济南|青岛|郑州|长沙|沈阳|大连|厦门|福州|外地|外省|[\u4e00-\u9fff]{2}(?:省|市)(?!级)/
/** The level of an R&D institution, read from the words around it (国家级/省级/市级/区级). */
export const INSTITUTION_LEVELS: Array<[RegExp, string]> = [
  [/国家级|国家(?:重点|工程|企业技术|认定)|国字号/, 'national'],
  [/省级|省部级/, 'provincial'],
  [/北京市级|市级|北京市(?:企业|工程|重点)|市里/, 'municipal'],
  [/区级|区县级|县级|区里|企业级|公司级|内部/, 'below'],
]
/** The level of a science award (only national and provincial awards count). */
export const AWARD_LEVELS: Array<[RegExp, string]> = [
  [/国家/, 'national'],
  // 北京市 is a province-level unit: its science award is a provincial one.
  [/省|北京市|市级/, 'provincial'],
  [/区级|区里|县级/, 'none'],
]
/** How far the enterprise got in an innovation contest. */
export const CONTEST_RESULTS: Array<[RegExp, string]> = [
  [/获奖|得奖|等奖|优秀奖|优胜|冠军|亚军|季军|名次/, 'award'],
  [/决赛/, 'final'],
  [/参加|参赛|报名|参与/, 'participated'],
]
