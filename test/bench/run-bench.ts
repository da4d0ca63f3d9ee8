import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { runColdStartBench } from './cold-start-bench.js'
import { runSearchBench } from './search-bench.js'
import { runChatBench, runHttpBench, runMemoryBench } from './server-bench.js'
import { feishuWebhookTarget } from './feishu-webhook-target.js'

/**
 * `npm run bench [name…]`: every benchmark, each printed beside a baseline measured in the same run.
 * With no name, each benchmark runs in a process of its own so one does not skew another's memory or JIT state.
 */
const BENCHES: Record<string, () => Promise<unknown>> = {
  search: runSearchBench,
  chat: runChatBench,
  http: async () => {
    const feishu = await feishuWebhookTarget()
    try {
      return await runHttpBench([feishu.target], { webhooks: [feishu.routes] })
    } finally {
      await feishu.close()
    }
  },
  memory: runMemoryBench,
  'cold-start': runColdStartBench,
}

const only = process.argv.slice(2)
if (only.length === 1) {
  const bench = BENCHES[only[0]]
  if (!bench) throw new Error(`unknown benchmark ${only[0]}; known: ${Object.keys(BENCHES).join(', ')}`)
  await bench()
} else {
  for (const name of only.length > 0 ? only : Object.keys(BENCHES)) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), name], { stdio: 'inherit' })
    if (result.status !== 0) process.exitCode = 1
  }
}
