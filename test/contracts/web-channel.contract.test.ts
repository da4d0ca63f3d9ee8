import { createApp } from '../../src/server/app.js'
import { CONTRACT_TESTS, runChannelContract } from './channel.contract.js'
import { createProductAdvisor } from './product-advisor.js'

runChannelContract(
  'web console / REST',
  async () => {
    const { manager, index, rules } = createProductAdvisor()
    const app = createApp({ index, rules, chat: manager })
    const replies = new Map<string, string[]>()
    return {
      async send(user, text) {
        const response = await app.request('/api/v1/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId: user, text, channel: 'web' }),
        })
        const body = (await response.json()) as { reply: string }
        replies.set(user, [...(replies.get(user) ?? []), body.reply])
      },
      repliesTo: (user) => replies.get(user) ?? [],
      close: async () => {},
    }
  },
  [
    {
      test: CONTRACT_TESTS.dedupe,
      reason: 'REST requests carry no platform message id; a repeated request is a new question',
    },
  ],
)
