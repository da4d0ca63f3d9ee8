import { describe, expect, it } from 'vitest'
import { createFixture, fact, mode, not } from './create-fixture.js'

type Bot = ReturnType<typeof createFixture>

/** Brings an innovative-SME assessment to the summary (高新 direct pass), revenue 3200万 and 150 employees given. */
async function reachSummary(bot: Bot) {
  await bot.say('帮我测一下创新型中小企业', /北京市注册登记/u)
  await bot.say('是的', /以下情况有没有/u)
  await bot.say('都没有', /所属行业/u)
  await bot.say('软件业，员工150人，营收3200万，我们是高新技术企业', /请核对/u, mode('confirming'))
}

/** Brings a 专精特新 assessment past the gates and the size group to the revenue question. */
async function reachRevenueQuestion(bot: Bot) {
  await bot.say('我们能评专精特新吗', /北京市注册登记/u)
  await bot.say('是的，北京注册的独立法人', /以下情况有没有/u)
  await bot.say('都没有', /所属行业/u)
  await bot.say('软件，150人', /营业收入/u)
}

describe('对话：纠正、否认与行业（issue 9，acts and words）', () => {
  it('核对时“3200不对 是3020”改的是营收，回显改动并再次核对', async () => {
    const bot = createFixture()
    await reachSummary(bot)
    await bot.say(
      '3200不对 是3020',
      /营业收入已改为3020万元（原为3200万元）/u,
      /请核对/u,
      fact('revenue', 3020),
      fact('employees', 150),
      mode('confirming'),
    )
  })

  it.each(['有误', '错了一项', '还有错'])('核对时“%s”问哪一项不对，什么都不改', async (answer) => {
    const bot = createFixture()
    await reachSummary(bot)
    await bot.say(answer, /哪一项不对/u, fact('employees', 150), fact('revenue', 3200), mode('confirming'))
  })

  it('核对时只说“员工数不对”：问这一项的正确值，下一句的数字就是它', async () => {
    const bot = createFixture()
    await reachSummary(bot)
    await bot.say('员工数不对', /从业人员（现为150人）应该是多少/u, not(/哪一项不对/u), mode('confirming'))
    await bot.say('130', /从业人员已改为130人（原为150人）/u, /请核对/u, fact('employees', 130), fact('revenue', 3200))
    await bot.say('对的', /【北京市创新型中小企业】/u, mode('idle'))
  })

  it('核对时“前年营收写错了，应该是2600万”记到前年，不动上年度', async () => {
    const bot = createFixture()
    await reachSummary(bot)
    await bot.say('前年营收写错了，应该是2600万', fact('revenuePrev', 2600), fact('revenue', 3200), mode('confirming'))
  })

  it('“专精特新怎么评 帮我测测”直接开始评估，不当成政策问题', async () => {
    const bot = createFixture()
    await bot.say('专精特新怎么评 帮我测测', /北京市注册登记/u, mode('assessing'))
  })

  it('“测专精特新”“想弄个专精特新”直接开始评估；“个人独资企业”记为非独立法人', async () => {
    for (const opening of ['测专精特新', '俺们公司想弄个专精特新 中不中']) {
      const bot = createFixture()
      await bot.say(opening, /北京市注册登记/u, mode('assessing'))
    }
    const bot = createFixture()
    await bot.say('我们是北京的个人独资企业，可以参评专精特新吗', fact('independentLegalPerson', false))
  })

  it('宽带接入和IDC机房都是信息传输业；说明“为主”的一项决定行业，否则追问', async () => {
    for (const [answer, industry] of [
      ['做宽带接入和IDC机房的，80人', 'telecom'],
      ['做软件也做点硬件，软件为主，80人', 'software'],
    ]) {
      const bot = createFixture()
      await bot.say('帮我测一下创新型中小企业')
      await bot.say('是的')
      await bot.say('都没有', /所属行业/u)
      await bot.say(answer, /已记下/u, fact('industry', industry), fact('employees', 80))
    }
    const bot = createFixture()
    await bot.say('帮我测一下创新型中小企业')
    await bot.say('是的')
    await bot.say('都没有', /所属行业/u)
    const { state } = await bot.say('做软件也做硬件，80人', /对吗|是哪/u)
    expect(state.facts.industry).toBeUndefined()
  })

  it('解释为什么没有数字时记为不清楚并往下问；说“往后问”就跳过；没有“不清楚”也不会重复追问', async () => {
    const bot = createFixture()
    await reachRevenueQuestion(bot)
    const explained = await bot.say('营收跟开票对不上 税务那边在核', /先跳过/u, not(/营业收入（万元）是多少/u))
    expect(explained.state.unknown).toContain('revenue')
    expect(explained.state.facts.revenue).toBeUndefined()
    const skipped = await bot.say('这块直接往后问吧', /研发/u)
    expect(skipped.state.unknown).toEqual(expect.arrayContaining(['mainRevenue']))
  })

  it('用位置指认一个数来改：“主营那三个数 中间那个错了 应该是一千九”，回显改动', async () => {
    const bot = createFixture()
    await reachRevenueQuestion(bot)
    await bot.say('3200万', /主营业务收入/u)
    await bot.say('2023年1500万，2024年1800万，2025年2100万', /研发/u)
    await bot.say('主营那三个数 中间那个错了 应该是一千九', /1900万元（原为1800万元）/u, fact('mainRevenuePrev', 1900))
  })
})
