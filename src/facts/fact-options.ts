import type { FactName } from './fact-schema.js'

/** Chinese names of the enum values, for forms, summaries and explanations. */
export const FACT_OPTION_LABELS: Partial<Record<FactName, Record<string, string>>> = {
  industry: {
    agriculture: '农、林、牧、渔业',
    industry: '工业',
    construction: '建筑业',
    wholesale: '批发业',
    retail: '零售业',
    transport: '交通运输业',
    warehousing: '仓储业',
    postal: '邮政业',
    accommodation: '住宿业',
    catering: '餐饮业',
    telecom: '信息传输业',
    software: '软件和信息技术服务业',
    realEstate: '房地产开发经营',
    propertyManagement: '物业管理',
    leasingBusiness: '租赁和商务服务业',
    other: '其他未列明行业',
  },
  leadProductField: { gapFilling: '补短板、锻长板、填空白领域', sixBasics: '工业“六基”领域', none: '都不属于' },
  techConversion: {
    firstSetCertified: '首台（套）重大技术装备认定',
    firstSetPolicy: '首台（套）等政策支持',
    foreignCert: '国外产品认证',
    drugTrial: '药品临床试验批件',
    deviceApproval: '医疗器械注册证',
  },
  listing: {
    listed: '已上市',
    ipoAccepted: '上市申请已受理或已辅导备案',
    neeq: '新三板挂牌',
    sponsorSigned: '已与保荐机构签约',
    specializedBoard: '区域股权市场专精特新专板',
    none: '无',
  },
  contest: { award: '获奖', final: '进入决赛', participated: '参赛', none: '未参加' },
  rdInstitution: { national: '国家级', provincial: '省级', municipal: '市级', below: '市级以下', none: '无' },
  sciAwardLevel: { national: '国家级', provincial: '省级', none: '无' },
  honors: {
    highTech: '高新技术企业',
    techInnovationDemo: '国家级技术创新示范企业',
    ipAdvantage: '知识产权优势企业',
    ipDemo: '知识产权示范企业',
  },
  makerChinaTop: { '50': '50强', '500': '500强', null: '未进入' },
}
