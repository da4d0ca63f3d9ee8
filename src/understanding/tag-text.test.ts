import { describe, expect, it } from 'vitest'
import { tagText } from './tag-text.js'

const tags = (text: string) => tagText(text).map((token) => `${token.type}:${token.text}`)

describe('tagText', () => {
  it('takes the longest lexicon word at every position', () => {
    expect(tags('没问题')).toEqual(['yes:没问题'])
    expect(tags('做工业软件的')).toEqual(['cue:做', 'keyword:工业软件'])
  })

  it('reads a Latin word only when it stands alone', () => {
    expect(tags('有CE认证')).toContain('keyword:CE认证')
    expect(tags('CEO说的')).not.toContain('keyword:CE')
    expect(tags('ok')).toEqual(['yes:ok'])
    expect(tags('okk')).toEqual([])
  })

  it('reads words outside the basic plane (emoji) whole', () => {
    expect(tags('👌')).toEqual(['yes:👌'])
  })

  it('reads numbers, years and separators between the words', () => {
    expect(tags('去年营收3200万，前年2800万')).toEqual([
      'year:去年',
      'keyword:营收',
      'quantity:3200万',
      'separator:，',
      'year:前年',
      'quantity:2800万',
    ])
  })

  it('a word that starts inside a number-like stretch still wins at its position', () => {
    expect(tags('3D打印')).toEqual(['keyword:3D打印'])
  })

  it('呢 after an affirmation and 什么 after a negation ask nothing', () => {
    expect(tags('对的呢')).toEqual(['yes:对的', 'filler:呢'])
    expect(tags('没有什么违法的')).toContain('filler:什么')
    expect(tags('研发费用呢')).toContain('question:呢')
    expect(tags('有什么要求')).toContain('question:什么')
  })

  it('a space where Chinese meets a digit or Latin letter inside a word is no break', () => {
    expect(tags('多打了个 0')).toEqual(['correction:多打了个 0'])
    expect(tags('ISO 9001')).toEqual(['keyword:ISO 9001'])
  })

  it('号人 is a unit of a head count, so a bound after it binds (300号人以下)', () => {
    expect(tags('300号人以下')).toEqual(['quantity:300号人以下'])
  })

  it('an affirming sign closing a message that says something else affirms nothing', () => {
    expect(tags('人数不对👌')).toContain('filler:👌')
    expect(tags('好的👍')).toContain('yes:👍')
    expect(tags('👌')).toEqual(['yes:👌'])
  })

  it('呢 closing a statement is a final particle; after a bare topic it asks', () => {
    expect(tags('没有呢')).toEqual(['no:没有', 'filler:呢'])
    expect(tags('注册在天津呢')).toContain('filler:呢')
    expect(tags('小程序开发，外包为主呢')).toContain('filler:呢')
    expect(tags('那小巨人呢')).toContain('question:呢')
    expect(tags('有没有呢')).not.toContain('filler:呢')
    expect(tags('嗯嗯呢')).toEqual(['yes:嗯嗯', 'filler:呢'])
    expect(tags('ERP用的用友呢')).toContain('filler:呢')
  })

  it('a vague word takes the magnitudes after it, leaving no figure; 过 before a bare 百/千 bounds it', () => {
    expect(tags('总资产大几千万')).toEqual(['keyword:总资产', 'vague:大几'])
    expect(tags('专利好几个')).toEqual(['keyword:专利', 'vague:好几'])
    expect(tags('员工过百了')).toEqual(['keyword:员工', 'quantity:过百'])
    expect(tags('超过百分之五十')).toEqual(['quantity:超过百分之五十'])
    expect(tags('最多百来万')).toEqual(['quantity:最多百来万'])
  })

  it('matches Latin words whatever their case', () => {
    expect(tags('有iso9001')).toEqual(['yes:有', 'keyword:iso9001'])
    expect(tags('Saas')).toEqual(['keyword:Saas'])
  })

  it('reads a space between digits and their magnitude, and joins a keyword to its spaced Chinese figure', () => {
    expect(tags('营收 2 亿')).toEqual(['keyword:营收', 'quantity:2 亿'])
    expect(tags('营业收入 三千二百 研发费用 二百四十')).toEqual([
      'keyword:营业收入',
      'quantity:三千二百',
      'separator: ',
      'keyword:研发费用',
      'quantity:二百四十',
    ])
  })

  it('reads a two-digit year before a comparison or a list, and after 比', () => {
    expect(tags('24年比25年少400万')).toEqual(['year:24年', 'than:比', 'year:25年', 'change:少', 'quantity:400万'])
    expect(tags('干了15年')).toEqual(['keyword:干了', 'quantity:15年'])
  })

  it('reads bounds after a figure and 不多于, but 一个都没有 stays a denial', () => {
    expect(tags('营收一千万都没有')).toEqual(['keyword:营收', 'quantity:一千万都没有'])
    expect(tags('营收不多于两千万')).toEqual(['keyword:营收', 'quantity:不多于两千万'])
    expect(tags('一个都没有')).toEqual(['all:一个都', 'no:没有'])
  })

  it('a negation and a verb of reaching or passing before a figure bound it, whatever was read inside them', () => {
    const bound = (text: string) => {
      const last = tagText(text).at(-1)
      return last?.type === 'quantity' ? [last.text, last.quantity.bound] : null
    }
    expect(bound('营收没上两千')).toEqual(['没上两千', 'lt'])
    expect(bound('研发人员不上二十')).toEqual(['不上二十', 'lt'])
    expect(bound('营收还没摸到两千万')).toEqual(['还没摸到两千万', 'lt'])
    expect(bound('员工没够一百')).toEqual(['没够一百', 'lt'])
    expect(bound('营收没破两千')).toEqual(['没破两千', 'le'])
    expect(bound('负债率就没出过六成五')).toEqual(['没出过六成五', 'le'])
    // Not right before the figure: no bound ("没上班的二十个", "还没上市").
    expect(bound('没上班的二十个')).toEqual(['二十个', null])
    expect(tags('还没上市')).toEqual(['no:还没', 'keyword:上市'])
  })

  it('a bound or a negated reach before a digit count bounds it from above (没上三位数, 没到三位数, 不超过三位数)', () => {
    const last = (text: string) => {
      const token = tagText(text).at(-1)
      return token?.type === 'quantity' ? [token.text, token.quantity.bound, token.quantity.value] : null
    }
    expect(last('人没上三位数')).toEqual(['没上三位数', 'lt', 100])
    expect(last('员工没到三位数')).toEqual(['没到三位数', 'lt', 100])
    expect(last('员工不超过三位数')).toEqual(['不超过三位数', 'lt', 1000])
    expect(last('员工三位数')).toEqual(['三位数', 'ge', 100])
  })

  it('an assess word telling a result after a perfective word or a year, or before 了/的, affirms', () => {
    expect(tags('去年已经评上创新型中小企业了')).toContain('yes:评上')
    expect(tags('2023年获评专精特新')).toContain('yes:获评')
    expect(tags('能评上吗')).not.toContain('yes:能评上')
    expect(tags('评上了没')).not.toContain('yes:评上')
  })

  it('是 right after a matter named (那事是…) affirms nothing', () => {
    expect(tags('创新型那事是原来的总经理经手的')).not.toContain('yes:是')
  })

  it('a 不 closing the message asks', () => {
    expect(tags('子公司算独立法人不')).toEqual(['keyword:子公司', 'keyword:独立法人', 'question:不'])
    expect(tags('不')).toEqual([])
  })

  it('a unit after a space does not follow a magnitude, and a space between two years lists them', () => {
    expect(tags('前年220万 人员30')).toEqual(['year:前年', 'quantity:220万', 'separator: ', 'quantity:30'])
    expect(tags('去年 前年')).toEqual(['year:去年', 'year:前年'])
  })
})

describe('tagText: A-not-A questions', () => {
  it('免不免 / 退不退 ask wherever the lexicon lists no word there; 中不中 stays a request cue', () => {
    const types = (text: string) => tagText(text).map((token) => `${token.text}:${token.type}`)
    expect(types('车辆购置税免不免')).toContain('免不免:question')
    expect(types('这笔钱退不退')).toContain('退不退:question')
    expect(types('俺们想弄个专精特新 中不中')).not.toContain('中不中:question')
  })
})

describe('tagText: figures said by their number of digits', () => {
  const quantities = (text: string) =>
    tagText(text).flatMap((token) => (token.type === 'quantity' ? [token.quantity] : []))
  it('八位数 is at least ten million yuan; 四位数 at least 1000 of the unit asked; 个位数 below 10', () => {
    expect(quantities('营收八位数')).toMatchObject([{ value: 1e7, unit: 'yuan', bound: 'ge', ceiling: 1e8 }])
    expect(quantities('员工四位数')).toMatchObject([{ value: 1000, unit: null, bound: 'ge', ceiling: 10000 }])
    expect(quantities('软著个位数')).toMatchObject([{ value: 10, unit: null, bound: 'lt' }])
  })
})

describe('tagText: a lone 人 before a figure, and a spaced unit before another figure', () => {
  it('人 labels the headcount after it: R&D staff after an R&D word, else the employees', () => {
    const keyword = (text: string) =>
      tagText(text).flatMap((token) =>
        token.type === 'keyword' && token.text === '人' && token.meaning.type === 'amount'
          ? [token.meaning.topic.id]
          : [],
      )
    expect(keyword('人18个 营收680w')).toEqual(['employees'])
    expect(keyword('研发费 180 万 人 二十二')).toEqual(['rdStaff'])
  })
  it('营收2980 研发260 人112: a unit after a space that a figure follows labels that figure', () => {
    expect(tags('研发260 人112')).toContain('quantity:260')
    expect(tags('一百二 人')).toContain('quantity:一百二 人')
  })
})
