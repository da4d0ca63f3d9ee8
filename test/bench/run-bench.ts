import { runColdStartBench } from './cold-start-bench.js'
import { runSearchBench } from './search-bench.js'
import { runChatBench, runHttpBench, runMemoryBench } from './server-bench.js'

/** `npm run bench [name…]`: every benchmark, each printed beside a baseline measured in the same run. */
const BENCHES: Array<[string, () => Promise<unknown>]> = [
  ['search', runSearchBench],
  ['chat', runChatBench],
  ['http', () => runHttpBench()],
  ['memory', runMemoryBench],
  ['cold-start', runColdStartBench],
]

const only = process.argv.slice(2)
for (const [name, bench] of BENCHES) {
  if (only.length > 0 && !only.includes(name)) continue
  await bench()
}
