import { describe, expect, it } from 'vitest'
import { notFoundReply } from './answer-policy-question.js'

describe('notFoundReply', () => {
  it('points to the agency of the first class whose word the question holds (answer-decision.json), besides 12345', () => {
    expect(notFoundReply('出口退税多久到账').text).toMatch(/12345[^。]*，或联系北京市税务局（12366纳税服务热线）。$/u)
    expect(notFoundReply('研发补贴的申诉渠道').text).toMatch(/或联系北京市科学技术委员会、中关村科技园区管理委员会。$/u)
    expect(notFoundReply('外资企业跨境融资贷款利率').text).toMatch(/或联系北京市地方金融管理局。$/u)
  })

  it('names only the hotline when no class matches, and the scheme the owner named', () => {
    const reply = notFoundReply('火星移民有补贴吗', '火星移民计划')
    expect(reply.text).toMatch(/^没有找到“火星移民计划”相关政策。/u)
    expect(reply.text).not.toMatch(/或联系/u)
    expect(reply.citations).toEqual([])
  })
})
