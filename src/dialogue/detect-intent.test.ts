import { describe, expect, it } from 'vitest'
import { detectAspect, detectIntent, howToApplyProgram } from './detect-intent.js'

describe('detectIntent', () => {
  it.each([
    ['帮助', 'help'],
    ['菜单', 'help'],
    ['你能做什么', 'help'],
    ['', 'help'],
    ['重新开始', 'reset'],
    ['我的信息', 'show-facts'],
    ['删除我的数据', 'delete-data'],
    ['继续', 'continue'],
    ['你好', 'greeting'],
    ['谢谢', 'thanks'],
  ])('%s → %s', (text, kind) => {
    expect(detectIntent(text).kind).toBe(kind)
  })

  it.each([
    ['我们公司能评上专精特新吗？', ['specialized']],
    ['帮我测一下小巨人', ['little-giant']],
    ['评估一下创新型中小企业', ['innovative']],
    ['专精特新小巨人能不能评上', ['little-giant']],
    ['我们能评哪个？', ['innovative', 'specialized', 'little-giant']],
    ['我们公司能评什么', ['innovative', 'specialized', 'little-giant']],
  ])('%s starts an assessment of %j', (text, programs) => {
    expect(detectIntent(text)).toEqual({ kind: 'assess', programs })
  })

  it.each([
    ['比专精特新再高一级的那个 我们想试试', ['little-giant']],
    ['我们去年评上了创新型 今年想往上冲一冲 下一档是啥 帮我评评', ['specialized']],
    ['评上小巨人了 还有更高一级的吗 帮我测测', ['little-giant']],
    ['我们拿到创新型已经两年了 今年专精特新能不能冲一下', ['specialized']],
  ])('%s points to the tier asked (%j)', (text, programs) => {
    expect(detectIntent(text)).toEqual({ kind: 'assess', programs })
  })

  it('programs named together (和, 、) are assessed together; traditional characters read as simplified', () => {
    expect(detectIntent('创新型和专精特新都想测一下')).toEqual({
      kind: 'assess',
      programs: ['innovative', 'specialized'],
    })
    expect(detectIntent('想评专精特新、小巨人')).toEqual({ kind: 'assess', programs: ['specialized', 'little-giant'] })
    // Names apart are no list: the one with the assess verb is asked for.
    expect(detectIntent('我们已经是创新型中小企业了，想看看能不能评专精特新')).toEqual({
      kind: 'assess',
      programs: ['specialized'],
    })
    expect(detectIntent('專精特新 我們能評嗎')).toEqual({ kind: 'assess', programs: ['specialized'] })
    expect(detectIntent('想測一下小巨人')).toEqual({ kind: 'assess', programs: ['little-giant'] })
    expect(detectIntent('老铁 小巨人能整不')).toEqual({ kind: 'assess', programs: ['little-giant'] })
    expect(detectIntent('@政策小助理 想评创新型')).toEqual({ kind: 'assess', programs: ['innovative'] })
    expect(detectIntent('想评专精特新，我的电话13900001111')).toEqual({ kind: 'assess', programs: ['specialized'] })
  })

  it('a program with policy words is a policy question, not an assessment', () => {
    expect(detectIntent('专精特新有什么补贴？').kind).toBe('other')
    expect(detectIntent('专精特新怎么申请？').kind).toBe('other')
    // "能评上" asks about the benefits here, not whether the firm qualifies.
    expect(detectIntent('要是能评上小巨人，有啥好处').kind).toBe('other')
    expect(detectIntent('能评上专精特新的话有啥奖励').kind).toBe('other')
    expect(detectIntent('我们能评上专精特新吗').kind).toBe('assess')
  })

  it('a closing request to assess starts it even after a how-question', () => {
    expect(detectIntent('小巨人咋评的 给评一下')).toEqual({ kind: 'assess', programs: ['little-giant'] })
    expect(detectIntent('创新型能不能报')).toEqual({ kind: 'assess', programs: ['innovative'] })
    // A how-question that closes the message stays a question.
    expect(detectIntent('帮我测测专精特新，要准备多少材料').kind).toBe('other')
  })

  it('an assess verb right before a program name asks to assess it', () => {
    expect(detectIntent('测专精特新')).toEqual({ kind: 'assess', programs: ['specialized'] })
    expect(detectIntent('俺们想弄个专精特新 中不中')).toEqual({ kind: 'assess', programs: ['specialized'] })
    expect(detectIntent('专精特新和小巨人哪个容易 我们先评专精特新吧')).toEqual({
      kind: 'assess',
      programs: ['specialized'],
    })
    // The verb must stand right before the name, and policy words still make it a question.
    expect(detectIntent('评专精特新有什么好处').kind).toBe('other')
    expect(detectIntent('专精特新评了没用').kind).toBe('other')
    expect(detectIntent('完整专精特新名单').kind).toBe('other')
    expect(detectIntent('已经评专精特新了').kind).toBe('other')
  })

  it('一下 between the verb and the program keeps the verb phrase', () => {
    expect(detectIntent('我公司已经是专精特新了 想冲一下小巨人')).toEqual({
      kind: 'assess',
      programs: ['little-giant'],
    })
  })

  it('a program named beside what the firm is starts its assessment, unless policy words or a question follow', () => {
    expect(detectIntent('小巨人 我们在上海注册的')).toEqual({ kind: 'assess', programs: ['little-giant'] })
    expect(detectIntent('想了解下小巨人 我们营收一个多亿')).toEqual({ kind: 'assess', programs: ['little-giant'] })
    expect(detectIntent('小巨人 我们营收一个亿 有什么补贴').kind).toBe('other')
    expect(detectIntent('我们营收一个亿 小巨人要多少营收').kind).toBe('other')
    expect(detectIntent('专精特新认定要求营业收入1000万元以上 我们刚好1000万 算达标吗').kind).toBe('other')
    // A program held is no fact about the firm beside it, nor is a word named in a question (担保 is also an industry).
    expect(detectIntent('我们已经是专精特新了').kind).toBe('other')
    expect(detectIntent('专精特新保是不是见贷就保？担保费率会降吗').kind).toBe('other')
  })

  it('X怎么评, X评价 and a how-question about the requested assessment start it', () => {
    expect(detectIntent('小巨人咋评')).toEqual({ kind: 'assess', programs: ['little-giant'] })
    expect(detectIntent('创新型中小企业评价 我们去年营收3000万')).toEqual({ kind: 'assess', programs: ['innovative'] })
    expect(detectIntent('我们想评一下专精特新小巨人，怎么弄')).toEqual({ kind: 'assess', programs: ['little-giant'] })
    // 怎么弄 alone does not request an assessment, and 评级 is not 评.
    expect(detectIntent('小巨人怎么弄').kind).toBe('other')
    expect(detectIntent('数字化水平怎么评级').kind).toBe('other')
    expect(detectIntent('研发费用怎么评').kind).toBe('other')
  })

  it('a question about a tier itself (its timing, its plaque, its own training) is no assessment', () => {
    for (const text of [
      '创新型中小企业评价 是不是一年就一次 错过了要等明年吗',
      '北京专精特新的牌匾搬家弄丢了 能找经信局补一个吗',
      '小巨人企业的经营管理人员培训 是所有小巨人都能参加吗',
      '我们是小巨人 打算把公司迁到外省去 要是核实下来不符合标准了 是谁来取消认定',
      '如果因为数据造假被取消了认定 过了几年再报 是要从创新型中小企业重新开始评 还是能直接报专精特新',
    ])
      expect(detectIntent(text).kind, text).toBe('other')
    // What the firm is, said beside the tier, still starts it; so does a deadline said without asking.
    expect(detectIntent('小巨人 我们在上海注册的').kind).toBe('assess')
    expect(detectIntent('在吗 专精特新申报马上截止了 麻烦快点帮我看看 我们做医疗影像软件').kind).toBe('assess')
    expect(detectIntent('想问下我们能不能评专精特新 公司是做新材料研发生产的 在房山').kind).toBe('assess')
  })

  it('asking for help with the assessment starts it beside a policy question; 申请 holds no helper 请', () => {
    expect(detectIntent('专精特新申报要准备啥材料 顺便帮我们评一下 公司在大兴 做冷链设备制造')).toEqual({
      kind: 'assess',
      programs: ['specialized'],
    })
    expect(detectIntent('致政策咨询：我公司系独立法人，恳请协助评估“小巨人”申报可行性').kind).toBe('assess')
    expect(detectIntent('申请北京市专精特新中小企业 研发费用最低要多少 占比呢').kind).toBe('other')
    expect(detectIntent('评上专精特新有什么补贴').kind).toBe('other')
    // A closing wish after a policy word in an earlier clause asks for the assessment.
    expect(detectIntent('评上小巨人能给多少钱啊 我们营收两个亿 有戏没戏')).toEqual({
      kind: 'assess',
      programs: ['little-giant'],
    })
    expect(detectIntent('梯度培育里最低那档 我们想先试试')).toEqual({ kind: 'assess', programs: ['innovative'] })
  })

  it('recognises follow-ups on the last topic', () => {
    expect(detectIntent('那小巨人呢？')).toEqual({ kind: 'follow-up-program', program: 'little-giant' })
    expect(detectIntent('这个怎么申请？')).toEqual({ kind: 'follow-up-aspect', aspect: 'process' })
    expect(detectIntent('电话是多少')).toEqual({ kind: 'follow-up-aspect', aspect: 'contact' })
  })

  it('a full question is not a follow-up', () => {
    expect(detectIntent('老旧厂房改造能补多少钱？').kind).toBe('other')
    expect(detectIntent('算力券怎么申请？').kind).toBe('other')
  })
})

describe('detectAspect', () => {
  it.each([
    ['老旧厂房改造能补多少钱？', 'amount'],
    ['算力券怎么申请？', 'process'],
    ['申请条件是什么', 'requirements'],
    ['联系电话', 'contact'],
    ['什么时候截止', 'timing'],
    ['氢能政策', 'general'],
  ])('%s → %s', (text, aspect) => {
    expect(detectAspect(text)).toBe(aspect)
  })
})

describe('detectIntent: asking to look, and verbs after a word of ability', () => {
  it.each([
    ['专精特新这块你给瞅一眼', ['specialized']],
    ['麻烦帮我把把关 小巨人', ['little-giant']],
    ['我们可否入围创新型中小企业', ['innovative']],
    ['公司计划参评专精特新', ['specialized']],
    ['我们能否被认定为小巨人', ['little-giant']],
  ])('%s starts an assessment of %j', (text, programs) => {
    expect(detectIntent(text)).toEqual({ kind: 'assess', programs })
  })

  it.each(['我们早就认定为专精特新了', '已经参评过小巨人', '我们没入选专精特新'])(
    '%s states what the firm holds, no request',
    (text) => {
      expect(detectIntent(text).kind).toBe('other')
    },
  )
})

describe('detectIntent: the tier above several held ones', () => {
  it('创新型和专精特新两块牌子都有 下一步还能往哪评 asks for 小巨人', () => {
    expect(detectIntent('我们手上创新型和专精特新两块牌子都有 下一步还能往哪评')).toEqual({
      kind: 'assess',
      programs: ['little-giant'],
    })
  })
})

describe('detectIntent: words that look like firm facts beside a tier name', () => {
  it.each(['专精特新服务专区 是要单独注册账号 还是用企业法人账号登', '京通APP上的专精特新服务专区 要单独注册账号吗'])(
    '%s asks about a service, no assessment',
    (text) => {
      expect(detectIntent(text).kind).toBe('other')
    },
  )

  it.each(['小巨人 我们在天津注册的', '我们是做APP的 想评专精特新'])('%s still states the firm', (text) => {
    expect(detectIntent(text).kind).toBe('assess')
  })
})

describe('detectIntent: how to apply, asked beside what the firm is', () => {
  it.each([
    ['小巨人咋申请 我们是做软件的 员工两百个', 'little-giant'],
    ['来电人问：她们公司做母婴用品线上零售，员工二十多人，想了解创新型中小企业怎么申请', 'innovative'],
  ])('%s answers how to apply first, then assesses', (text, program) => {
    expect(detectIntent(text)).toEqual({ kind: 'assess', programs: [program], answerFirst: true })
  })

  it.each(['小巨人咋申请', '专精特新的奖励怎么申请'])('%s stays a policy question', (text) => {
    expect(detectIntent(text).kind).toBe('other')
  })
})

describe('howToApplyProgram', () => {
  it.each([
    ['小巨人咋申请', 'little-giant'],
    ['创新型中小企业怎么申报？', 'innovative'],
  ])('%s asks how to apply for %s', (text, program) => {
    expect(howToApplyProgram(text)).toBe(program)
  })

  it.each(['公司改名了，专精特新资格要报备吗？有时间要求吗', '专精特新在哪个网站上报', '专精特新的奖励怎么申请'])(
    '%s asks something else',
    (text) => {
      expect(howToApplyProgram(text)).toBeNull()
    },
  )
})

describe('detectIntent: a title held and the tier aimed at', () => {
  it('去年已经评上创新型中小企业了 今年想往上够一够专精特新 aims at 专精特新', () => {
    expect(detectIntent('去年已经评上创新型中小企业了 今年想往上够一够专精特新 公司58个人 营收三千四')).toEqual({
      kind: 'assess',
      programs: ['specialized'],
    })
  })
})
