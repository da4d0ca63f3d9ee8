import { createFeishuChannel } from '../../src/channels/feishu/feishu-channel.js'
import { createFeishuSender } from '../../src/channels/feishu/feishu-reply-sender.js'
import { MemoryInboundQueue } from '../../src/store/memory-inbound-queue.js'
import { MemoryRateLimiter } from '../../src/store/memory-rate-limiter.js'
import { createProductAdvisor } from '../contracts/product-advisor.js'
import { startFakeFeishuServer } from '../fakes/fake-feishu-server.js'
import type { BenchTarget } from './server-bench.js'

/**
 * The Feishu webhook as benchmark targets, real events with a fresh id per request (every `EVENT` in the body is
 * replaced): a group message that does not @mention the bot (verified, parsed and acknowledged, but ignored before
 * dedupe and the queue), and a private message from a new user each time (verified, parsed, deduped, recorded in the
 * inbound queue before the ack; the advisor then answers it and the reply goes to the fake Open API in the same
 * process, so that work competes with the acks as it would in production).
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
  const event = (chatType: 'group' | 'p2p') => ({
    schema: '2.0',
    header: {
      event_id: 'EVENT',
      event_type: 'im.message.receive_v1',
      create_time: String(Date.now()),
      token: 'v-token',
      app_id: 'cli_bench',
    },
    event: {
      sender: { sender_id: { open_id: chatType === 'p2p' ? 'ou_EVENT' : 'ou_user' }, sender_type: 'user' },
      message: {
        message_id: chatType === 'p2p' ? 'om_EVENT' : 'om_bench',
        chat_id: chatType === 'p2p' ? 'oc_EVENT' : 'oc_group',
        chat_type: chatType,
        message_type: 'text',
        content: '{"text":"算力券怎么申请"}',
        create_time: String(Date.now()),
        mentions: [],
      },
    },
  })
  const targets: BenchTarget[] = [
    {
      name: 'POST /webhooks/feishu, group message without @ (verify, parse, ack; not queued)',
      path: '/webhooks/feishu',
      method: 'POST',
      body: JSON.stringify(event('group')),
      uniqueEventIds: true,
    },
    {
      name: 'POST /webhooks/feishu, private message (verify, dedupe, memory queue, ack; answered after)',
      path: '/webhooks/feishu',
      method: 'POST',
      body: JSON.stringify(event('p2p')),
      uniqueEventIds: true,
    },
  ]
  return { targets, routes: channel.routes, close: () => fake.close() }
}
