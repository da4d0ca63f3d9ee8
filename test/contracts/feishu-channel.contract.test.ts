import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect } from 'vitest'
import { createFeishuChannel } from '../../src/channels/feishu/feishu-channel.js'
import { createFeishuSender } from '../../src/channels/feishu/feishu-reply-sender.js'
import { createApp } from '../../src/server/app.js'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { openSqliteDatabase } from '../../src/store/open-sqlite-database.js'
import { SqliteInboundQueue } from '../../src/store/sqlite-inbound-queue.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { textEvent } from '../channels/feishu-events.js'
import { startFakeFeishuServer, type FakeFeishuServer } from '../fakes/fake-feishu-server.js'
import { runChannelContract } from './channel.contract.js'
import { createProductAdvisor } from './product-advisor.js'

let fake: FakeFeishuServer
beforeAll(async () => {
  fake = await startFakeFeishuServer()
})
afterAll(async () => fake.close())

/** The text a user sees in a posted message: a text message's text, or every plain_text of a card. */
function visibleText(content: string): string {
  const parsed = JSON.parse(content) as { text?: string }
  if (typeof parsed.text === 'string') return parsed.text
  return [...content.matchAll(/"content":"((?:[^"\\]|\\.)*)"/gu)]
    .map((match) => JSON.parse(`"${match[1]}"`) as string)
    .join('\n')
}

let run = 0
for (const store of ['memory', 'sqlite'] as const) {
  runChannelContract(`Feishu webhook (real SDK, fake Open API, ${store} inbound queue)`, async () => {
    run += 1
    const dataDir = store === 'sqlite' ? mkdtempSync(join(tmpdir(), 'advisor-contract-inbound-')) : undefined
    const database = dataDir ? openSqliteDatabase({ dataDir }) : undefined
    const inbound = database ? new SqliteInboundQueue({ database }) : new MemoryInboundQueue()
    const { manager } = createProductAdvisor()
    const sender = createFeishuSender({ appId: 'cli_contract', appSecret: 'secret', domain: fake.domain })
    const channel = createFeishuChannel({
      sender,
      advisor: manager,
      inbound,
      singleWriter: true,
      rateLimiter: new MemoryRateLimiter(),
      verificationToken: 'v-token',
      pipeline: { retryBaseDelayMs: 5 },
    })
    await channel.start()
    const app = createApp({ webhooks: [channel.routes], console: false })
    const messagesOf = new Map<string, string[]>()
    let counter = 0
    return {
      async send(user, text, options) {
        counter += 1
        const messageId = `om_${run}_${options?.messageId ?? `auto-${counter}`}`
        const event = textEvent({
          eventId: `ev_${run}_${counter}`,
          messageId,
          text,
          userId: `ou_${user}`,
          chatId: `oc_p2p_${user}`,
        })
        await app.request('/webhooks/feishu', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(event),
        })
        messagesOf.set(user, [...new Set([...(messagesOf.get(user) ?? []), messageId])])
        await channel.idle()
      },
      repliesTo: (user) =>
        fake.posted
          .filter((message) => (messagesOf.get(user) ?? []).includes(message.replyTo))
          .map((message) => visibleText(message.content)),
      close: async () => {
        await channel.idle()
        expect(await inbound.depth()).toBe(0)
        database?.close()
        if (dataDir) rmSync(dataDir, { recursive: true, force: true })
      },
    }
  })
}
