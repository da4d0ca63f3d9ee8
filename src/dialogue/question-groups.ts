import type { FactName } from '../facts/fact-schema.js'

/**
 * The questions the advisor asks, in the order a park officer would ask them: gates first (they can end the
 * talk early), then size, finance, R&D, IP, honours and the rest. Only the facts a program still needs are
 * asked; a group asks for its missing facts together ("one question may ask for three years of revenue").
 */
export interface QuestionGroup {
  id: string
  facts: FactName[]
  /** The question, with {items} replaced by the missing facts' names. */
  question: string
  /** An example answer, shown under the question; {Y1}/{Y2}/{Y3} are 上年度/前年/大前年 as real years. */
  example?: string
  /** Every fact of the group is a yes/no question: a bare 是/否/都没有 answers all of them. */
  yesNo?: 'positive' | 'negative'
  /** The question when only this fact of the group is still open (the opening already said where the firm is). */
  alone?: Partial<Record<FactName, { question: string; example?: string }>>
}

export const QUESTION_GROUPS: QuestionGroup[] = [
  {
    id: 'registration',
    facts: ['registeredInBeijing', 'independentLegalPerson'],
    question: '贵企业是否在北京市注册登记、具有独立法人资格？',
    example: '例如：是的 / 注册在天津',
    yesNo: 'positive',
    alone: {
      registeredInBeijing: { question: '贵企业是否在北京市注册登记？', example: '例如：是的 / 注册在天津' },
      independentLegalPerson: {
        question: '贵企业是否具有独立法人资格（分公司、个体工商户不算）？',
        example: '例如：是的 / 我们是分公司',
      },
    },
  },
  {
    id: 'compliance',
    facts: ['creditBlacklisted', 'restrictedProducts', 'majorIncident3y'],
    question:
      '以下情况有没有？①列入经营异常名录或严重失信主体名单；②产品（服务）属于国家禁止、限制或淘汰类；③近三年发生重大安全、质量、环境污染事故或偷漏税等违法违规行为。',
    example: '例如：都没有',
    yesNo: 'negative',
  },
  {
    id: 'size',
    facts: ['industry', 'employees'],
    question: '请告诉我{items}。',
    example: '例如：工业，从业人员150人',
    alone: {
      industry: { question: '贵企业主要做什么（所属行业）？', example: '例如：软件开发 / 开餐馆' },
      employees: { question: '贵企业现有从业人员多少人？', example: '例如：150人 / 大概80人' },
    },
  },
  {
    id: 'assets',
    facts: ['totalAssets'],
    question: '{items}是多少？（您所在行业按资产总额划分企业规模）',
    example: '例如：资产总额8000万',
  },
  {
    id: 'revenue',
    facts: ['revenue', 'revenuePrev'],
    question: '{items}各是多少？',
    example: '例如：{Y1}年营收3200万，{Y2}年2800万',
  },
  {
    id: 'main-revenue',
    facts: ['mainRevenuePrev2', 'mainRevenuePrev', 'mainRevenue'],
    question: '近三年的主营业务收入分别是多少？（需要：{items}）',
    example: '例如：{Y3}年1000万，{Y2}年1130万，{Y1}年1209.1万',
  },
  {
    id: 'rd',
    facts: ['rdExpense', 'rdExpensePrev', 'rdStaff', 'employees'],
    question: '请告诉我{items}。',
    example: '例如：{Y1}年研发费用240万，{Y2}年200万，研发人员30人',
  },
  {
    id: 'profit',
    facts: ['netProfit', 'debtRatio'],
    question: '{items}是多少？',
    example: '例如：净利润300万，资产负债率48%',
  },
  {
    id: 'ip',
    facts: ['ipClass1', 'ipClass1SelfDeveloped', 'ipHighValue', 'ipClass2'],
    question: '知识产权情况：{items}各有几项？（Ⅰ类指发明专利等，Ⅱ类指实用新型、软件著作权等）',
    example: '例如：Ⅰ类5项，其中自主研发4项，高价值2项，Ⅱ类12项',
  },
  {
    id: 'honors',
    facts: ['honors', 'rdInstitution'],
    question:
      '是否有有效期内的荣誉（高新技术企业、技术创新示范企业、知识产权优势/示范企业）？有没有研发机构，是什么级别（国家级/省级/市级/区级）？',
    example: '例如：是高新技术企业，有市级研发机构',
  },
  {
    id: 'awards',
    facts: ['sciAwardLevel', 'sciAwardRank', 'makerChinaTop', 'contest'],
    question: '近三年获得过国家级或省级科技奖励吗（排名第几）？参加过创客中国等创新创业大赛吗，成绩如何？',
    example: '例如：没有科技奖，创客中国进过500强',
  },
  {
    id: 'financing',
    facts: ['equityFinancing2y', 'equityFinancing3y', 'listing'],
    question: '近2年、近3年获得合格机构投资者的股权融资（实缴）各多少？有没有上市、挂牌新三板或上市辅导？',
    example: '例如：近两年融资2000万，近三年3000万，没有上市',
  },
  {
    id: 'specialization',
    facts: ['nicheYears', 'marketShare', 'strategicEmerging', 'leadProductField', 'keyField'],
    question: '主导产品方面：{items}？',
    example: '例如：深耕细分市场8年，市占率12%，属于战略性新兴产业',
  },
  {
    id: 'quality',
    facts: ['qualityCert', 'qualityAward', 'ownBrand', 'standardSetting', 'digitalLevel', 'coreBusinessInfoSystem'],
    question: '管理与品牌方面：{items}？',
    example: '例如：有ISO9001认证，有自主品牌，参与制定过行业标准，数字化水平二级',
  },
  {
    id: 'tech-conversion',
    facts: ['techConversion'],
    question: '是否有首台（套）认定、国外产品认证、药品临床试验批件或医疗器械注册证等技术成果转化情况？',
    example: '例如：有首台套认定 / 没有',
  },
  {
    id: 'prerequisite',
    facts: ['innovativeSmeValid', 'specializedSmeValid'],
    question: '目前是否持有有效期内的{items}称号？',
    example: '例如：创新型有，专精特新还没有',
  },
]

const GROUP_OF_FACT = new Map<FactName, QuestionGroup>()
for (const group of QUESTION_GROUPS)
  for (const fact of group.facts) if (!GROUP_OF_FACT.has(fact)) GROUP_OF_FACT.set(fact, group)

/** The group that asks for a fact (facts asked in several groups belong to the first). */
export function groupOfFact(fact: FactName): QuestionGroup | undefined {
  return GROUP_OF_FACT.get(fact)
}
