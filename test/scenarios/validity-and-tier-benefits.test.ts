import { describe, expect, it } from 'vitest'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'
import { cites, createFixture, mode, not } from './create-fixture.js'

/** A conversation on a given Beijing day (noon): the dialogue and the session store share the clock. */
function conversationOn(day: string) {
  const now = () => Date.parse(`${day}T12:00:00+08:00`)
  return createFixture({ now, sessions: new MemorySessionStore({ now }) })
}

describe('对话：政策有效期', () => {
  it('1. 2026年12月问算力券：先说已到期、找谁问新一轮，再给原政策内容', async () => {
    const bot = conversationOn('2026-12-01')
    await bot.say(
      '算力券现在还能申请吗',
      /^该政策执行期至2025年12月31日，已到期；以下为原政策内容，新一轮政策请咨询北京市经济和信息化局（55521000）。\n【北京市人工智能算力券实施方案】/u,
      /依据：《人工智能算力券实施方案（2023—2025年）》/u,
      cites('guide-028'),
    )
    // The follow-up answers from the same card, and says again that it has ended.
    await bot.say('这个怎么申请？', /^该政策执行期至2025年12月31日，已到期；/u)
  })

  it('2. 2025年6月问算力券：在有效期内，说到哪天为止，不说到期', async () => {
    const bot = conversationOn('2025-06-01')
    await bot.say(
      '算力券现在还能申请吗',
      /^【北京市人工智能算力券实施方案】/u,
      /\n该政策有效期至2025年12月31日。\n依据：/u,
      not(/已到期/u),
    )
  })

  it('3. 家政免增值税 2025年底到期；老旧厂房高精尖“2025年失效”只说到年', async () => {
    const bot = conversationOn('2026-12-01')
    await bot.say('家政服务企业免征增值税还有吗', /^该政策执行期至2025年12月31日，已到期；/u, cites('guide-133'))
    await bot.say('利用老旧厂房发展高精尖产业有什么奖励', /该政策执行期至2025年，已到期；/u, cites('guide-027'))
  })

  it('4. 只写了起始日期的政策不乱说到期', async () => {
    const bot = conversationOn('2026-12-01')
    await bot.say(
      '老旧厂房改造能补多少钱？',
      /^【北京市老旧厂房改造项目促进产业高质量发展】/u,
      not(/已到期|有效期至/u),
      cites('guide-001'),
    )
  })

  it('4b. 问“今年还能申请吗”而原文没写截止：给申报时间，并说原文未写明截止日期；不问时不说', async () => {
    const bot = conversationOn('2026-12-01')
    await bot.say(
      '房租通今年还能申请吗',
      /房租通/u,
      /每年3月左右/u,
      /\n原文未写明执行截止日期，以当年申报通知为准。\n依据：/u,
      not(/已到期/u),
    )
    const other = conversationOn('2026-12-01')
    await other.say('房租通补多少钱', /房租通/u, not(/未写明执行截止日期/u))
  })
})

describe('对话：评上专精特新/小巨人有啥好处', () => {
  it('5. 按资金、融资、人才、市场分组，每项带部门，出自《若干措施》', async () => {
    const bot = conversationOn('2026-12-01')
    const { reply } = await bot.say(
      '评上专精特新有啥奖励',
      /^【评上专精特新中小企业能享受的支持】\n资金：\n· 产业链揭榜攻关：根据项目投入给予最高5000万元支持（市经济和信息化局）/u,
      /\n融资：\n/u,
      /\n人才：\n/u,
      /\n市场和服务：\n/u,
      /依据：《北京市关于促进“专精特新”中小企业高质量发展的若干措施》/u,
      cites('sme-measures-m06'),
      mode('idle'),
    )
    // Never a park's platform subsidy (措施5: 特色园区产业支撑平台), never another document's text.
    expect(reply).not.toMatch(/平台资金补助|特色园区/u)
  })

  it('6. 小巨人有自己的人才政策；评上了给钱吗 没说哪一级时按专精特新答', async () => {
    const bot = conversationOn('2026-12-01')
    await bot.say(
      '小巨人奖励多少',
      /^【评上专精特新“小巨人”企业能享受的支持】/u,
      /招聘名校毕业生：给予落户支持（市人力资源社会保障局）/u,
    )
    await bot.say('评上了给钱吗', /^【评上专精特新中小企业能享受的支持】/u, not(/落户/u))
  })

  it('6b. 接着问“那小巨人呢？”换成小巨人的清单；“怎么申请？”讲怎么申报这一级', async () => {
    const bot = conversationOn('2026-12-01')
    await bot.say('评上专精特新有啥好处', /^【评上专精特新中小企业能享受的支持】/u)
    await bot.say('那小巨人呢？', /^【评上专精特新“小巨人”企业能享受的支持】/u, /落户/u)
    await bot.say('怎么申请？', /【北京市优质中小企业梯度培育管理实施细则 第十一条】/u, cites('tier-rules-a11'))
  })

  it('7. “要是能评上小巨人，有啥好处”是问好处，不是开始测评', async () => {
    const bot = conversationOn('2026-12-01')
    await bot.say('要是能评上小巨人，有啥好处', /^【评上专精特新“小巨人”企业能享受的支持】/u, mode('idle'))
  })

  it('8. 问具体一条措施仍按检索回答；问外地不拿北京的奖励回答', async () => {
    const bot = conversationOn('2026-12-01')
    await bot.say('专精特新企业上市有什么支持？', not(/^【评上/u), /300万元/u, cites('guide-011'))
    await bot.say('深圳的专精特新小巨人，市里奖励多少钱啊', not(/能享受的支持/u))
  })

  it('9. 2024年问：那时没有到期的措施，不提到期', async () => {
    const bot = conversationOn('2024-06-01')
    await bot.say('评上专精特新有啥好处', /^【评上专精特新中小企业能享受的支持】/u, not(/已到期|另有/u))
  })
})
