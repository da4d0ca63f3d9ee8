import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * `npm run bench [name…]`: every benchmark, each printed beside a baseline measured in the same run.
 * With no name, each benchmark runs in a process of its own so one does not skew another's memory or JIT state.
 */
// Each benchmark imports only what it measures (a channel SDK loaded by another would skew memory).
const BENCHES: Record<string, () => Promise<unknown>> = {
  search: async () => (await import('./search-bench.js')).runSearchBench(),
  scale: async () => (await import('./scale-bench.js')).runScaleBench(),
  chat: async () => (await import('./server-bench.js')).runChatBench(),
  http: async () => {
    const { runHttpBench } = await import('./server-bench.js')
    const feishu = await (await import('./feishu-webhook-target.js')).feishuWebhookTarget()
    try {
      return await runHttpBench(feishu.targets, { webhooks: [feishu.routes] })
    } finally {
      await feishu.close()
    }
  },
  memory: async () => (await import('./server-bench.js')).runMemoryBench(),
  'cold-start': async () => (await import('./cold-start-bench.js')).runColdStartBench(),
}

const only = process.argv.slice(2)
if (only.length === 1) {
  const bench = BENCHES[only[0]]
  if (!bench) throw new Error(`unknown benchmark ${only[0]}; known: ${Object.keys(BENCHES).join(', ')}`)
  await bench()
} else {
  for (const name of only.length > 0 ? only : Object.keys(BENCHES)) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), name], {
      stdio: 'inherit',
    })
    if (result.status !== 0) process.exitCode = 1
  }
}
