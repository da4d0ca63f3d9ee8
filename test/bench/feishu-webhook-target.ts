import { createFeishuChannel } from '../../src/channels/feishu/feishu-channel.js'
import { createFeishuSender } from '../../src/channels/feishu/feishu-reply-sender.js'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { createProductAdvisor } from '../contracts/product-advisor.js'
import { startFakeFeishuServer } from '../fakes/fake-feishu-server.js'
import type { BenchTarget } from './server-bench.js'

/**
 * The Feishu webhook as a benchmark target: real events (group messages that do not @mention the bot, so they are
 * acknowledged, deduped and queued but need no reply) with a fresh event id per request.
 */
export async function feishuWebhookTarget() {
  const fake = await startFakeFeishuServer()
  const channel = createFeishuChannel({
    sender: createFeishuSender({ appId: 'cli_a1b2c3d4e5f60718', appSecret: 'secret', domain: fake.domain }),
    advisor: createProductAdvisor().manager,
    inbound: new MemoryInboundQueue(),
    rateLimiter: new MemoryRateLimiter(),
    verificationToken: 'v-token',
  })
  await channel.start()
  const event = {
    schema: '2.0',
    header: {
      event_id: 'EVENT',
      event_type: 'im.message.receive_v1',
      create_time: String(Date.now()),
      token: 'v-token',
      app_id: 'cli_bench',
    },
    event: {
      sender: { sender_id: { open_id: 'ou_user' }, sender_type: 'user' },
      message: {
        message_id: 'om_bench',
        chat_id: 'oc_group',
        chat_type: 'group',
        message_type: 'text',
        content: '{"text":"算力券怎么申请"}',
        create_time: String(Date.now()),
        mentions: [],
      },
    },
  }
  const template = JSON.stringify(event)
  const target: BenchTarget = {
    name: 'POST /webhooks/feishu (verify, dedupe, queue, ack)',
    path: '/webhooks/feishu',
    method: 'POST',
    body: template,
    uniqueEventIds: true,
  }
  return { target, routes: channel.routes, close: () => fake.close() }
}
