import { describe, expect, it } from 'vitest'
import { createChatRoutes, type ChatService } from './chat-routes.js'

const echo: ChatService = {
  chat: async (_key, text) => ({ reply: { text: `收到：${text}`, citations: [] }, state: {} }),
}
const app = createChatRoutes({ chat: echo })
const post = (body: unknown) =>
  app.request('/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('POST /chat request errors', () => {
  it('answers a valid message', async () => {
    const response = await post({ userId: 'u1', text: '你好' })
    expect(response.status).toBe(200)
    expect((await response.json()).reply).toBe('收到：你好')
  })

  it.each([
    [{ text: '你好' }, 'userId', /^缺少 userId（用户标识/u],
    [{ userId: 'u1' }, 'text', /^缺少 text（用户消息/u],
    [{ userId: 'u1', text: 42 }, 'text', /^text 应为字符串/u],
    [{ userId: 'u1', text: '你好', channel: 'feishu' }, 'channel', /^channel 的取值无效（可选：api、web）/u],
    [{ userId: 'u1', text: '你好', mood: 'happy' }, 'mood', /^未知的字段：mood/u],
  ])('%j gets a Chinese reason for %s', async (body, field, reason) => {
    const response = await post(body)
    expect(response.status).toBe(400)
    const error = (await response.json()).error
    expect(error.code).toBe('INVALID_REQUEST')
    expect(error.fields[field]).toMatch(reason)
    for (const text of Object.values(error.fields) as string[]) expect(text).not.toMatch(/Invalid input|expected/u)
  })

  it('explains a body that is not an object', async () => {
    const error = (await (await post(['u1', '你好'])).json()).error
    expect(error.fields['(body)']).toBe('请求体应为 JSON 对象')
  })
})
