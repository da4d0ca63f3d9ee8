import { describe, expect, it } from 'vitest'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'
import { createFixture, fact } from './create-fixture.js'

/** A bot whose clock (and its store's) reads this Beijing time. */
function botAt(iso: string) {
  const now = () => Date.parse(`${iso}+08:00`)
  return createFixture({ now, sessions: new MemorySessionStore({ now }) })
}

async function reachRevenue(bot: ReturnType<typeof createFixture>) {
  await bot.say('测一下创新型中小企业')
  await bot.say('是的')
  await bot.say('都没有')
  return bot.say('工业，150人')
}

describe('对话：年份跟着今天走', () => {
  it('2026年12月：上年度是2025年，问题和例子都写真实年份，照例子回答就记对', async () => {
    const bot = botAt('2026-12-01T10:00:00')
    const revenue = await reachRevenue(bot)
    expect(revenue.reply).toMatch(/2025年营业收入（万元）是多少？/u)
    expect(revenue.reply).toMatch(/例如：2025年营收3200万，2024年2800万/u)
    const main = await bot.say('2025年营收3200万，2024年2800万', fact('revenue', 3200), fact('revenuePrev', 2800))
    const example = /例如：([^）]+)）/u.exec(main.reply)?.[1] ?? ''
    expect(example).toBe('2023年1000万，2024年1130万，2025年1209.1万')
    // 创新型 reads 上年度主营业务收入增长率: 2025 against 2024.
    await bot.say(example, fact('mainRevenuePrev', 1130), fact('mainRevenue', 1209.1))
    expect(bot.transcript.join('\n')).not.toMatch(/2022年/u)
  })

  it('跨年之后（北京时间2027年1月1日零点半）：上年度变成2026年', async () => {
    const bot = botAt('2027-01-01T00:30:00')
    const revenue = await reachRevenue(bot)
    expect(revenue.reply).toMatch(/2026年营业收入（万元）是多少？\n（例如：2026年营收3200万，2025年2800万）/u)
    await bot.say('2026年营收3200万，2025年2800万', fact('revenue', 3200), fact('revenuePrev', 2800))
  })
})
