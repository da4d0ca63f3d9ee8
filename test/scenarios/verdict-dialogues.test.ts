import { describe, expect, it } from 'vitest'
import { createFixture, fact, mode, not } from './create-fixture.js'

/** A software firm whose 创新型 verdict is decided by score before IP, debt ratio and product field are known. */
async function reachScoredVerdict(bot: ReturnType<typeof createFixture>) {
  await bot.say('帮我测一下创新型中小企业')
  await bot.say('是的')
  await bot.say('都没有')
  await bot.say('软件业，150人')
  let reply = (await bot.say('3200万')).reply
  reply = (await bot.say('去年3000万，前年2500万')).reply
  if (!/请核对/u.test(reply)) reply = (await bot.say('240万')).reply
  expect(reply).toMatch(/请核对/u)
  return bot.say('确认')
}

describe('对话：一屏结论、详细、算准分数', () => {
  it('结论先给区间和两大差距，一屏之内；“详细”给逐项得分', async () => {
    const bot = createFixture()
    const verdict = await reachScoredVerdict(bot)
    expect(verdict.reply).toMatch(/^【北京市创新型中小企业】✅ 符合（已确定65分，最高可能100分）$/mu)
    // Every scored item reached full marks: no gap to show, the unknown ones are what the range is about.
    expect(verdict.reply).not.toMatch(/失分最多|差距最大/u)
    expect(verdict.reply).toMatch(/怎么申报：/u)
    expect(verdict.reply).toMatch(/再答3个问题可算出准确得分，回复“算准分数”继续。/u)
    expect(verdict.reply).not.toMatch(/创新能力\d+\/40/u)
    expect(verdict.reply.length).toBeLessThanOrEqual(300)
    const detail = await bot.say('详细', mode('idle'))
    expect(detail.reply).toMatch(/创新能力\d+\/40 · 成长性\d+\/30 · 专业化\d+\/30/u)
    expect(detail.reply).toMatch(/企业规模：中型企业/u)
    expect(detail.reply).toMatch(/4月30日前/u)
    expect(detail.reply.length).toBeGreaterThan(verdict.reply.length)
  })

  it.each(['详细说说', '具体呢', '展开讲讲', '详细点吧'])('“%s”也给逐项得分', async (ask) => {
    const bot = createFixture()
    await reachScoredVerdict(bot)
    await bot.say(ask, /创新能力\d+\/40/u, not(/没有找到/u), mode('idle'))
  })

  it('“算准分数”：按剩下的未知项逐个问，问完给准确总分', async () => {
    const bot = createFixture()
    await reachScoredVerdict(bot)
    await bot.say('算准分数', /^好的，还有3个问题。/u, /资产负债率/u, mode('assessing'))
    await bot.say('资产负债率48%', fact('debtRatio', 48), /知识产权/u)
    await bot.say('Ⅰ类5项，其中自主研发4项，高价值2项，Ⅱ类12项', /战略性新兴产业/u)
    const final = await bot.say('属于战略性新兴产业', mode('idle'))
    expect(final.reply).toMatch(/^【北京市创新型中小企业】✅ 符合（总分\d+分）$/mu)
    expect(final.reply).not.toMatch(/最高可能|算准分数/u)
    expect(final.reply).not.toMatch(/请核对/u)
  })

  it('算准分数途中说“不知道”：跳过，分数仍给区间', async () => {
    const bot = createFixture()
    await reachScoredVerdict(bot)
    await bot.say('算准分数', /资产负债率/u)
    await bot.say('不知道', /知识产权/u)
    await bot.say('不清楚')
    const final = await bot.say('不知道', mode('idle'))
    expect(final.reply).toMatch(/✅ 符合（已确定\d+分，最高可能\d+分）/u)
    expect(final.reply).not.toMatch(/回复“算准分数”/u)
    await bot.say('算准分数', /都说过不清楚/u, mode('idle'))
  })
})

describe('对话：结论之后更正，重新评估', () => {
  it('从业人员改了：结论当场重算，并说明改了什么', async () => {
    const bot = createFixture()
    await reachScoredVerdict(bot)
    const after = await bot.say('说错了，员工是120人', fact('employees', 120), mode('idle'))
    expect(after.reply).toMatch(
      /^从业人员已改为120人（原为150人）。按新信息重新评估：\n【北京市创新型中小企业】✅ 符合（已确定65分，最高可能100分）/u,
    )
  })

  it('研发费用改小到结论未定：先说明改动，再问决定结论的问题', async () => {
    const bot = createFixture()
    await reachScoredVerdict(bot)
    const after = await bot.say('不好意思，研发费用是24万', fact('rdExpense', 24), mode('assessing'))
    expect(after.reply).toMatch(/^上年度研发费用已改为24万元（原为240万元）。还需要补充：/u)
    expect(after.reply).not.toMatch(/✅ 符合/u)
  })

  it('更正到不符合：第三条不满足，当场给出新结论', async () => {
    const bot = createFixture()
    await reachScoredVerdict(bot)
    await bot.say(
      '说错了，我们注册在天津',
      fact('registeredInBeijing', false),
      /在北京市注册登记已改为否（原为是）/u,
      /❌ 暂不符合/u,
      /在北京市内工商注册登记/u,
      mode('idle'),
    )
  })

  it('结论之后问“如果……呢？”：是假设，不改已记下的数', async () => {
    const bot = createFixture()
    await reachScoredVerdict(bot)
    await bot.say('如果研发费用是500万呢？', fact('rdExpense', 240), not(/重新评估/u))
  })

  it('结论之后重复同一个数：不算更正，不重评', async () => {
    const bot = createFixture()
    await reachScoredVerdict(bot)
    await bot.say('研发费用是240万', not(/重新评估/u))
  })
})

describe('一屏之内：三个层级一起测', () => {
  it('我们能评哪个：每级一行结论，总长不超过一屏', async () => {
    const bot = createFixture()
    await bot.say('我们能评哪个？')
    await bot.say('是的')
    await bot.say('都没有')
    await bot.say('工业，150人')
    let reply = (await bot.say('去年营收5000万，研发费用50万')).reply
    for (let turn = 0; turn < 30 && !/请核对|】/u.test(reply); turn += 1) reply = (await bot.say('不知道')).reply
    if (/请核对/u.test(reply)) reply = (await bot.say('确认')).reply
    expect(reply).toMatch(/【北京市创新型中小企业】/u)
    expect(reply.length).toBeLessThanOrEqual(300)
    await bot.say('详细', /企业规模：/u)
  })
})

describe('对话：测评中途问术语是什么意思', () => {
  it('“独立法人是啥意思，分公司算吗？”：引标准原文作答，不当成回答，再问刚才的问题', async () => {
    const bot = createFixture()
    await bot.say('测一下创新型中小企业', /北京市注册登记/u)
    await bot.say(
      '独立法人是啥意思，分公司算吗？',
      /^关于“独立法人资格”，标准原文（北京市优质中小企业梯度培育管理实施细则 第三条）：/u,
      /分公司不具有法人资格/u,
      /继续刚才的问题：贵企业是否在北京市注册登记/u,
      mode('assessing'),
      (_reply, state) => expect(state.facts).toEqual({}),
    )
  })

  it('“软著算几类知识产权？”：答Ⅱ类的定义，知识产权的问题接着问', async () => {
    const bot = createFixture()
    await reachScoredVerdict(bot)
    await bot.say('算准分数', /资产负债率/u)
    const before = await bot.say('48%', /知识产权/u)
    await bot.say(
      '软著算几类知识产权？',
      /“II类知识产权”/u,
      /软件著作权/u,
      /继续刚才的问题：知识产权情况/u,
      (_reply, state) => expect(state.pending).toEqual(before.state.pending),
    )
  })
})
