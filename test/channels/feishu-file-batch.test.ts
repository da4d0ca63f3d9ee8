import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFeishuChannel } from '../../src/channels/feishu/feishu-channel.js'
import { createFeishuFileApi } from '../../src/channels/feishu/feishu-file-api.js'
import { createFeishuFileBatch } from '../../src/channels/feishu/feishu-file-batch.js'
import { createFeishuSender } from '../../src/channels/feishu/feishu-reply-sender.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import { createApp } from '../../src/server/app.js'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { createProductAdvisor } from '../contracts/product-advisor.js'
import { startFakeFeishuServer, type FakeFeishuServer } from '../fakes/fake-feishu-server.js'
import { textEvent } from './feishu-events.js'

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/park-exports/${name}`, import.meta.url)))
const rules = loadRules()

let fake: FakeFeishuServer
beforeAll(async () => {
  fake = await startFakeFeishuServer()
})
afterAll(async () => fake.close())

async function setup() {
  const credentials = { appId: 'cli_test', appSecret: 'secret', domain: fake.domain }
  const channel = createFeishuChannel({
    sender: createFeishuSender(credentials),
    advisor: createProductAdvisor().manager,
    inbound: new MemoryInboundQueue(),
    rateLimiter: new MemoryRateLimiter(),
    verificationToken: 'v-token',
    pipeline: { retryBaseDelayMs: 5, sendTimeoutMs: 30_000 },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5))),
    fileBatch: createFeishuFileBatch({ api: createFeishuFileApi(credentials), rules: () => rules }),
  })
  await channel.start()
  const app = createApp({ webhooks: [channel.routes], console: false })
  const post = (payload: unknown) =>
    app.request('/webhooks/feishu', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    })
  return { channel, post }
}

function fileEvent(messageId: string, fileKey: string, fileName: string, chatType: 'p2p' | 'group' = 'p2p') {
  const event = textEvent({ eventId: `ev-${messageId}`, messageId, text: '', chatType, messageType: 'file' })
  event.event.message.content = JSON.stringify({ file_key: fileKey, file_name: fileName })
  return event
}

const postedTo = (messageId: string) => fake.posted.filter((message) => message.replyTo === messageId)
const textsTo = (messageId: string) =>
  postedTo(messageId)
    .filter((message) => message.msgType === 'text')
    .map((message) => (JSON.parse(message.content) as { text: string }).text)

describe('Feishu: a park officer sends a firm list and gets the report file back (real SDK, fake Open API)', () => {
  it('downloads the .xlsx, replies with an .xlsx report file and a summary', async () => {
    const { channel, post } = await setup()
    fake.putMessageFile('om_sheet', 'file_v3_sheet', fixture('园区企业名单.xlsx'))
    expect(await (await post(fileEvent('om_sheet', 'file_v3_sheet', '园区企业名单.xlsx'))).json()).toEqual({
      status: 'queued',
    })
    await channel.idle()
    const download = fake.requests.find(
      (request) => request.path === '/open-apis/im/v1/messages/om_sheet/resources/file_v3_sheet',
    )
    expect(download?.method).toBe('GET')
    const upload = fake.uploads.at(-1)!
    expect(upload).toMatchObject({ fileType: 'xls', fileName: '园区企业名单.report.xlsx' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(upload.bytes as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('初筛结果')!
    expect(sheet.getCell('B2').value).toBe('北京星河智能科技有限公司')
    expect(sheet.getCell('E2').value).toBe('90分')
    const fileMessage = postedTo('om_sheet').find((message) => message.msgType === 'file')!
    expect(JSON.parse(fileMessage.content)).toEqual({ file_key: upload.fileKey })
    const texts = textsTo('om_sheet')
    expect(texts[0]).toContain('收到《园区企业名单.xlsx》')
    expect(texts.at(-1)).toContain('共 7 家')
    expect(texts.at(-1)).toContain(
      '未识别的列（未参与评定，请核对列名）：D列“所在街道”、AA列“研法人员（人）”（是否“研发人员”？）',
    )
    expect(texts.at(-1)).toContain('见“数据问题”列')
  })

  it('answers a GBK .csv with a UTF-8-with-BOM .csv report', async () => {
    const { channel, post } = await setup()
    fake.putMessageFile('om_gbk', 'file_v3_gbk', fixture('园区企业名单-gbk.csv'))
    await post(fileEvent('om_gbk', 'file_v3_gbk', '园区企业名单-gbk.csv'))
    await channel.idle()
    const upload = fake.uploads.at(-1)!
    expect(upload).toMatchObject({ fileType: 'stream', fileName: '园区企业名单-gbk.report.csv' })
    expect([...upload.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(upload.bytes.toString('utf8')).toContain('编码 GB18030（GBK）')
  })

  it('sends a progress line for a long list', async () => {
    const { channel, post } = await setup()
    const lines = [
      '企业名称,从业人员（人）,营业收入（万元）',
      ...Array.from({ length: 60 }, (_unused, index) => `北京企业${index}有限公司,${20 + index},${1000 + index}`),
    ]
    fake.putMessageFile('om_long', 'file_v3_long', Buffer.from(lines.join('\n')))
    await post(fileEvent('om_long', 'file_v3_long', '长名单.csv'))
    await channel.idle()
    const texts = textsTo('om_long')
    expect(texts.some((text) => text.startsWith('共 60 家企业，正在逐家评估'))).toBe(true)
    // The progress line comes before the report file.
    const kinds = postedTo('om_long').map((message) => message.msgType)
    expect(kinds.indexOf('file')).toBeGreaterThan(1)
    expect(textsTo('om_long').findIndex((text) => text.startsWith('共 60 家企业'))).toBe(1)
  })

  it('explains limits and unreadable files instead of dropping them', async () => {
    const { channel, post } = await setup()
    const before = fake.uploads.length
    fake.putMessageFile('om_big', 'file_v3_big', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41))
    fake.putMessageFile('om_amb', 'file_v3_amb', fixture('两列营业收入.csv'))
    fake.putMessageFile('om_pdf', 'file_v3_pdf', Buffer.from('%PDF-1.4'))
    await post(fileEvent('om_big', 'file_v3_big', '大名单.csv'))
    await post(fileEvent('om_amb', 'file_v3_amb', '两列营业收入.csv'))
    await post(fileEvent('om_pdf', 'file_v3_pdf', '通知.pdf'))
    await post(fileEvent('om_gone', 'file_v3_gone', '撤回的名单.xlsx'))
    await channel.idle()
    expect(textsTo('om_big').at(-1)).toBe('文件不能超过 5MB，请分成几个文件再发。')
    expect(textsTo('om_amb').at(-1)).toContain('有多列对应同一项')
    expect(textsTo('om_pdf').at(-1)).toContain('只能读取 Excel（.xlsx）或 CSV')
    expect(textsTo('om_gone').at(-1)).toBe('无法下载《撤回的名单.xlsx》（可能已撤回或过期），请重新发送文件。')
    expect(fake.uploads.length).toBe(before)
  })

  it('runs a list once when a timed-out attempt is retried while the first run is still going', async () => {
    const batch = createFeishuFileBatch({
      api: createFeishuFileApi({ appId: 'cli_test', appSecret: 'secret', domain: fake.domain }),
      rules: () => rules,
    })
    fake.putMessageFile('om_twice', 'file_v3_twice', fixture('园区企业名单-utf8bom.csv'))
    const before = fake.uploads.length
    const route = { sheetFileKey: 'file_v3_twice', sheetFileName: '园区企业名单.csv' }
    await Promise.all([batch.process('om_twice', route), batch.process('om_twice', route)])
    expect(fake.uploads.length).toBe(before + 1)
    expect(postedTo('om_twice').filter((message) => message.msgType === 'file')).toHaveLength(1)
  })

  it('ignores a file in a group chat that does not @mention the bot', async () => {
    const { channel, post } = await setup()
    fake.putMessageFile('om_group', 'file_v3_group', fixture('园区企业名单.xlsx'))
    expect(await (await post(fileEvent('om_group', 'file_v3_group', '园区企业名单.xlsx', 'group'))).json()).toEqual({
      status: 'ignored',
    })
    await channel.idle()
    expect(postedTo('om_group')).toHaveLength(0)
  })
})
