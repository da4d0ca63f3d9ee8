import { runSearchBench } from './search-bench.js'

/** `npm run bench`: every benchmark, each printed beside a baseline measured in the same run. */
const BENCHES: Array<[string, () => Promise<unknown>]> = [['search', runSearchBench]]

const only = process.argv.slice(2)
for (const [name, bench] of BENCHES) {
  if (only.length > 0 && !only.includes(name)) continue
  await bench()
}
