import { describe, expect, it } from 'vitest'
import { createFixture, fact } from './create-fixture.js'

describe('对话：一位有效数字的整数加“左右”', () => {
  it('80人左右：按80人提议，一点“对”就记下，不再要求“比如30”', async () => {
    const bot = createFixture()
    await bot.say('测一下创新型中小企业')
    await bot.say('是的')
    await bot.say('都没有')
    const size = await bot.say('工业，80人左右', fact('industry', 'industry'))
    expect(size.reply).toMatch(/80人，对吗？/u)
    expect(size.reply).not.toMatch(/比如/u)
    await bot.say('对', fact('employees', 80))
  })
})
