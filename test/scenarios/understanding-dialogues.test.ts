import { describe, expect, it } from 'vitest'
import { createFixture, fact, mode, not } from './create-fixture.js'

type Bot = ReturnType<typeof createFixture>

/** Walks a firm through the gates: Beijing, legal person, nothing on the compliance list. */
async function passGates(bot: Bot) {
  await bot.say('是的', /以下情况有没有/u)
  await bot.say('都没有', /所属行业/u)
}

/** Brings an innovative-SME assessment to the summary through the 高新 direct pass. */
async function reachSummary(bot: Bot) {
  await bot.say('帮我测一下创新型中小企业', /北京市注册登记/u)
  await passGates(bot)
  await bot.say('软件业，员工150人，营收3200万，我们是高新技术企业', /请核对/u, mode('confirming'))
}

const unset = (name: string) => (_reply: string, state: { facts: Record<string, unknown> }) =>
  expect(state.facts[name], name).toBeUndefined()
const unknown = (name: string) => (_reply: string, state: { unknown: string[] }) =>
  expect(state.unknown).toContain(name)

describe('对话：读懂老板怎么说（issue 9）', () => {
  it.each(['确认，没问题', '对的没错', '嗯嗯对', '是的没错', '都对的，没有要改的', '可以'])(
    '核对信息时“%s”就是确认：给出结论，不再重复核对',
    async (answer) => {
      const bot = createFixture()
      await reachSummary(bot)
      await bot.say(answer, /【北京市创新型中小企业】✅ 符合/u, not(/请核对/u), not(/没太明白/u), mode('idle'))
    },
  )

  it('第一问回答“没问题”“没错”是肯定，不会判成不符合', async () => {
    for (const answer of ['没问题', '没错', '对，没毛病']) {
      const bot = createFixture()
      await bot.say('帮我测一下创新型中小企业', /北京市注册登记/u)
      await bot.say(
        answer,
        /以下情况有没有/u,
        not(/不符合/u),
        fact('registeredInBeijing', true),
        fact('independentLegalPerson', true),
      )
    }
  })

  it('“都不存在，放心”“①没有②没有③没有”答完整组合规问题', async () => {
    for (const answer of ['都不存在，放心', '①没有②没有③没有', '没问题，都没有']) {
      const bot = createFixture()
      await bot.say('帮我测一下创新型中小企业')
      await bot.say('是的')
      await bot.say(
        answer,
        /所属行业/u,
        fact('creditBlacklisted', false),
        fact('restrictedProducts', false),
        fact('majorIncident3y', false),
      )
    }
  })

  it('核对时改一个数：更新并再给核对，说明改了什么；说“不对”就问哪一项', async () => {
    const bot = createFixture()
    await reachSummary(bot)
    await bot.say(
      '员工是120人不是150',
      /从业人员已改为120人（原为150人）/u,
      /请核对/u,
      fact('employees', 120),
      mode('confirming'),
    )
    await bot.say('不对', /哪一项不对/u, /请核对/u, mode('confirming'))
    await bot.say('确认', /✅ 符合/u, mode('idle'))
  })

  it('不会绕圈：第二次没听懂就给两个可直接回复的例子，并提示“重新开始”', async () => {
    const bot = createFixture()
    await bot.say('帮我测一下创新型中小企业', /北京市注册登记/u)
    await bot.say('嗯……让我想想', /没太明白/u, /北京市注册登记/u)
    const { reply } = await bot.say(
      '嗯……让我想想',
      not(/没太明白/u),
      /可以直接回复：“是的” 或 “注册在天津”/u,
      /重新开始/u,
    )
    const result = await bot.manager.chat({ channel: 'test', chatId: 'chat', userId: 'owner' }, '哈哈')
    expect(reply).not.toBe('')
    expect(result.reply.suggestions).toEqual(['是的', '注册在天津', '重新开始'])
  })

  it('第二次没听懂时给的例子用真实年份（上年度按当天日期），可直接点选', async () => {
    const bot = createFixture({ now: () => Date.UTC(2027, 4, 10) })
    await bot.say('帮我测一下创新型中小企业', /北京市注册登记/u)
    await passGates(bot)
    await bot.say('软件业，员工80人', /2026年营业收入/u)
    await bot.say('嗯……让我想想', /没太明白/u)
    const { reply } = await bot.say('嗯……让我想想', /可以直接回复：“2026年营收3200万，2025年2800万”/u, not(/\{Y/u))
    expect(reply).not.toMatch(/\{Y\d\}/u)
  })

  it('不确定的回答先问一句“您是说…，对吗？”，确认后才记下', async () => {
    const bot = createFixture()
    await bot.say('帮我测一下创新型中小企业')
    await passGates(bot)
    await bot.say('做电商的，80人', /您是说零售业，对吗？/u, unset('industry'), fact('employees', 80))
    await bot.say('对', fact('industry', 'retail'), not(/您是说/u))
  })

  it('已说过的事实不会被较弱的说法覆盖：没问到时的描述先确认', async () => {
    const bot = createFixture()
    await bot.say('帮我测一下创新型中小企业')
    await passGates(bot)
    await bot.say('软件和信息技术服务业，150人', fact('industry', 'software'))
    await bot.say(
      '我们做奶茶的，营收3200万',
      /您是说餐饮业，对吗？/u,
      fact('industry', 'software'),
      fact('revenue', 3200),
    )
    await bot.say('不对', /没有记下/u, fact('industry', 'software'))
  })

  it('“我们做工业软件的”是软件业，“芯片设计的，没有工厂”也是', async () => {
    for (const answer of ['我们做工业软件的，150人', '芯片设计的，没有工厂，150人']) {
      const bot = createFixture()
      await bot.say('帮我测一下创新型中小企业')
      await passGates(bot)
      await bot.say(answer, fact('industry', 'software'), fact('employees', 150))
    }
  })

  it('“没到一千万”“五百多万”不是数：不记下；门槛落在区间内时请说具体数', async () => {
    for (const answer of ['营收没到一千万', '五百多万']) {
      const bot = createFixture()
      await bot.say('帮我测一下创新型中小企业')
      await passGates(bot)
      await bot.say('软件业，150人')
      await bot.say(answer, /还不够判断，需要一个具体数/u, unset('revenue'))
    }
  })

  it('“80人左右”这类一位有效数字的约数：按80人提议，一点“对”就记下，不再要求“比如30”', async () => {
    const bot = createFixture()
    await bot.say('测一下创新型中小企业', /北京市注册登记/u)
    await passGates(bot)
    await bot.say('工业，80人左右', fact('industry', 'industry'), /80人，对吗？/u, not(/比如/u))
    await bot.say('对', fact('employees', 80))
  })

  it('约数和另一个要重说的数同时出现：两个都请再说一次，哪个都不丢', async () => {
    const bot = createFixture()
    await bot.say('测一下创新型中小企业', /北京市注册登记/u)
    await passGates(bot)
    await bot.say('工业，80人左右，营收1e308万', fact('industry', 'industry'), /不像是真实的数字/u, /80人左右/u)
  })

  it('“不清楚”在哪一句都算：研发费用没单独核算过，不清楚 → 不清楚，不是0', async () => {
    const bot = createFixture()
    await bot.say('帮我测一下创新型中小企业')
    await passGates(bot)
    await bot.say('软件业，150人')
    await bot.say('3200万')
    await bot.say('去年3000万，前年2500万')
    await bot.say('研发费用没单独核算过，不清楚', unset('rdExpense'), unknown('rdExpense'))
  })

  it('开场带事实：注册在天津就当场说明不符合及依据', async () => {
    const bot = createFixture()
    await bot.say(
      '我们公司注册在天津，能评专精特新小巨人吗',
      /❌/u,
      /北京/u,
      not(/没有找到相关政策/u),
      fact('registeredInBeijing', false),
      mode('idle'),
    )
  })

  it('开场带事实：分公司、个体户当场说明需要独立法人', async () => {
    for (const opening of ['我们是分公司，能申请创新型中小企业吗', '我是个体工商户 能评专精特新不']) {
      const bot = createFixture()
      await bot.say(opening, /❌/u, /法人/u, fact('independentLegalPerson', false), mode('idle'))
    }
  })

  it('开场带事实：营收和注册地记下后接着问，不再问已说过的', async () => {
    const bot = createFixture()
    await bot.say('我们去年营收800万，能评专精特新不', fact('revenue', 800), mode('assessing'), (_reply, state) =>
      expect(state.programs).toEqual(['specialized']),
    )
    const other = createFixture()
    await other.say(
      '在海淀注册的，想测一下小巨人',
      fact('registeredInBeijing', true),
      not(/是否在北京市注册登记/u),
      /是否具有独立法人资格/u,
      (_reply, state) => expect(state.programs).toEqual(['little-giant']),
    )
  })

  it('开场给的数没达到“A，或B”的一种：当场引标准原文说出另一种（营收不到1000万还可看股权融资），达到时不提', async () => {
    const bot = createFixture()
    await bot.say(
      '我们去年营收才800万，但是拿了机构投资，还能评北京专精特新不',
      fact('revenue', 800),
      mode('assessing'),
      /上年度营业收入：?800万元不满足这一条的一种情形，还可以按另一种满足（标准原文）：.*近2年新增股权融资总额（合格机构投资者的实缴额）达到2000万元以上/u,
      /北京市注册登记/u,
    )
    const enough = createFixture()
    await enough.say('我们去年营收3200万，能评专精特新不', fact('revenue', 3200), not(/另一种满足/u))
    const innovative = createFixture()
    await innovative.say('营收800万 能评创新型吗', fact('revenue', 800), not(/另一种满足/u))
  })

  it('“能评X吗/能申请X吗/能评X不/X有戏吗”都开始测评X', async () => {
    for (const [opening, program] of [
      ['能评创新型不', 'innovative'],
      ['创新型中小企业有没有戏', 'innovative'],
      ['能申请专精特新吗', 'specialized'],
      ['小巨人有戏吗', 'little-giant'],
    ] as const) {
      const bot = createFixture()
      await bot.say(opening, /北京市注册登记/u, mode('assessing'), (_reply, state) =>
        expect(state.programs).toEqual([program]),
      )
    }
  })

  it('开场同时点名两个层级（创新型和专精特新都想测）：两个一起测；繁体字照常读', async () => {
    const bot = createFixture()
    await bot.say(
      '创新型和专精特新都想测一下',
      /创新型中小企业、专精特新中小企业/u,
      /北京市注册登记/u,
      mode('assessing'),
      (_reply, state) => expect(state.programs).toEqual(['innovative', 'specialized']),
    )
    const traditional = createFixture()
    await traditional.say('專精特新 我們能評嗎', /北京市注册登记/u, (_reply, state) =>
      expect(state.programs).toEqual(['specialized']),
    )
    await traditional.say('對 都是的', fact('registeredInBeijing', true), fact('independentLegalPerson', true))
  })

  it('测评中问一句“独立法人是啥意思，分公司算吗？”：回答后再问刚才的问题，不当成回答', async () => {
    const bot = createFixture()
    await bot.say('帮我测一下创新型中小企业', /北京市注册登记/u)
    await bot.say(
      '独立法人是啥意思，分公司算吗？',
      /继续刚才的问题：贵企业是否在北京市注册登记/u,
      not(/没太明白/u),
      unset('independentLegalPerson'),
      mode('assessing'),
    )
  })

  it('没有关键词的更正按上一次给的数改：多打了个0、不是2300是2800、刚才那个是前年的', async () => {
    const start = async () => {
      const bot = createFixture()
      await bot.say('帮我测一下创新型中小企业')
      await passGates(bot)
      await bot.say('软件业，员工150人')
      return bot
    }
    let bot = await start()
    await bot.say('3000万', fact('revenue', 3000))
    await bot.say(
      '不好意思多打了个0，是300万',
      /上年度营业收入已改为300万元（原为3000万元）/u,
      fact('revenue', 300),
      unset('mainRevenue'),
      unset('mainRevenuePrev'),
    )
    bot = await start()
    await bot.say('2300万')
    await bot.say('不是2300是2800', fact('revenue', 2800), unset('mainRevenue'))
    bot = await start()
    await bot.say('3200万')
    await bot.say('刚才那个数是前年的，去年是4000万', fact('revenue', 4000), fact('revenuePrev', 3200))
  })

  it('撤回一个给过的数（员工那个数先别算）：说明已撤回并重新问', async () => {
    const bot = createFixture()
    await bot.say('帮我测一下创新型中小企业')
    await passGates(bot)
    await bot.say('软件业，员工150人', fact('employees', 150))
    await bot.say(
      '员工那个数先别算 我再核一下',
      /已撤回从业人员（原为150人）。[\s\S]*从业人员多少人/u,
      unset('employees'),
      mode('assessing'),
    )
    await bot.say('核过了 146人', fact('employees', 146))
  })

  it('离谱的金额（1e308万元）重问，不截成别的数', async () => {
    const bot = createFixture()
    await bot.say('帮我测一下创新型中小企业')
    await passGates(bot)
    await bot.say('软件业，员工150人')
    await bot.say('1e308万元', /不像是真实的数字|超出合理范围/u, unset('revenue'), unset('revenuePrev'))
  })

  it('问怎么申请又说了企业情况（小巨人咋申请 我们是做软件的 员工两百个）：先答申报途径，再带着这些情况开始评估', async () => {
    const bot = createFixture()
    await bot.say(
      '小巨人咋申请 我们是做软件的 员工两百个',
      /培育平台[\s\S]*测一下能否评上专精特新“小巨人”企业/u,
      mode('assessing'),
      fact('industry', 'software'),
      fact('employees', 200),
    )
    // Without the firm's facts it stays a policy question.
    const asking = createFixture()
    await asking.say('小巨人咋申请', /培育平台提出申请/u, mode('idle'))
  })
})
