import { describe, expect, it } from 'vitest'
import { createFixture, fact, mode, not, type Expectation } from './create-fixture.js'

/** The bound the session holds for a fact afterwards (state.bounds, beside the exact facts). */
const bound =
  (name: string, value: unknown): Expectation =>
  (_reply, state) =>
    expect((state as unknown as { bounds: Record<string, unknown> }).bounds[name], `bound of ${name}`).toEqual(value)

async function throughGates(bot: ReturnType<typeof createFixture>, program: string) {
  await bot.say(`帮我测一下${program}`)
  await bot.say('是的')
  await bot.say('都没有', /行业/u)
}

describe('对话：只需知道在门槛哪一侧时，按区间直接判断', () => {
  it('按区间判断为满足：“员工不到300人”的软件企业属于中小企业，不再追问人数，结论照常给出', async () => {
    const bot = createFixture()
    await throughGates(bot, '创新型中小企业')
    await bot.say(
      '软件业，员工不到300人',
      /按您说的从业人员不到300人，已可判断：“属于中型、小型或微型企业”已满足。/u,
      fact('employees', undefined),
      bound('employees', { lt: 300 }),
    )
    await bot.say('3200万', not(/从业人员/u))
    let reply = (await bot.say('去年3000万，前年2500万', not(/从业人员/u))).reply
    if (!/请核对/u.test(reply)) reply = (await bot.say('240万')).reply
    expect(reply).toMatch(/从业人员：不到300人（未给具体数）/u)
    await bot.say('确认', /【北京市创新型中小企业】✅ 符合/u, mode('idle'), fact('employees', undefined))
  })

  it('按区间判断为不符合：员工超过2000人、营收超过10亿的软件企业是大型企业，当即结束并说明依据', async () => {
    const bot = createFixture()
    await throughGates(bot, '创新型中小企业')
    await bot.say('软件业，员工超过2000人', /已记下从业人员超过2000人/u, /营业收入/u)
    const end = await bot.say(
      '营收超过十个亿',
      /按您说的上年度营业收入超过10亿元，已可判断：“属于中型、小型或微型企业”不满足。/u,
      /❌ 暂不符合/u,
      mode('idle'),
      fact('revenue', undefined),
      bound('revenue', { gt: 100000 }),
    )
    expect(end.reply).not.toMatch(/请说一个具体的数/u)
  })

  it('按区间判断一项条件：专精特新“研发费用不到100万”已不满足第五条（二），说明需≥100万元', async () => {
    const bot = createFixture()
    await throughGates(bot, '专精特新')
    await bot.say('软件业，150人')
    await bot.say('1500万')
    await bot.say('去年1400万，前年1200万，大前年1000万', /研发费用/u)
    await bot.say(
      '研发费用不到100万',
      /按您说的上年度研发费用不到100万元，已可判断：“上年度研发费用不低于100万元且占营业收入比重不低于3%”不满足（需≥100万元）。/u,
      /上年度研发费用：不到100万元（未给具体数）/u,
      mode('confirming'),
    )
    await bot.say('确认', /【北京市专精特新中小企业】❌ 暂不符合/u)
  })

  it('区间不够判断：门槛落在区间内时说明还需要具体数并再问；之后给的具体数取代区间', async () => {
    const bot = createFixture()
    await throughGates(bot, '专精特新')
    await bot.say('软件业，150人', /营业收入/u)
    await bot.say(
      '营收没到一千万',
      /上年度营业收入不到1000万元还不够判断，需要一个具体数（大概也行）。/u,
      /营业收入（万元）是多少/u,
      (_reply, state) => expect(state.pending).toContain('revenue'),
      bound('revenue', { lt: 1000 }),
      fact('revenue', undefined),
    )
    await bot.say('800万', /已记下：上年度营业收入：800万元/u, fact('revenue', 800), bound('revenue', undefined))
  })

  it('先给区间、结论后更正为具体数：按新信息重新评估', async () => {
    const bot = createFixture()
    await throughGates(bot, '创新型中小企业')
    await bot.say('软件业，员工超过2000人')
    await bot.say('营收超过十个亿', /❌ 暂不符合/u, mode('idle'))
    const rerun = await bot.say(
      '说错了，员工其实是150人，营收3200万',
      /从业人员已改为150人（原为超过2000人）；上年度营业收入已改为3200万元（原为超过10亿元）。/u,
      /按新信息重新评估|还需要补充/u,
      fact('employees', 150),
      fact('revenue', 3200),
      bound('employees', undefined),
      bound('revenue', undefined),
    )
    expect(rerun.reply).not.toMatch(/❌ 暂不符合/u)
  })

  it('结论后说“营收其实不到一千万”：区间也会重新评估', async () => {
    const bot = createFixture()
    await throughGates(bot, '专精特新')
    await bot.say('软件业，150人')
    await bot.say('1500万')
    await bot.say('去年1400万，前年1200万，大前年1000万')
    await bot.say('研发费用不到100万')
    await bot.say('确认', /❌ 暂不符合/u, mode('idle'))
    await bot.say(
      '营收其实不到一千万',
      /上年度营业收入已改为不到1000万元（原为1500万元）/u,
      bound('revenue', { lt: 1000 }),
    )
  })
})
