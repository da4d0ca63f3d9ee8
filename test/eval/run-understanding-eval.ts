/**
 * npm run eval:understanding [-- -v] [-- --corpus PATH]
 *
 * Reads every line of the labelled reply corpus (test/understanding/replies.jsonl) with readReply and, as the
 * baseline in the same run, with the old extractor (from the git history), and prints accuracy per category and
 * per split. -v lists the failures of the tune split only: heldout failures are never shown, so that nobody tunes
 * on them.
 */
import { CORPUS_PATH, evaluate, loadCorpus, type Tally } from './understanding/corpus.js'
import { BASELINE_COMMIT, loadOldReader } from './understanding/read-with-old-extractor.js'
import { readWithUnderstanding } from './understanding/read-with-understanding.js'

const args = process.argv.slice(2)
const verbose = args.includes('-v')
const corpusIndex = args.indexOf('--corpus')
const lines = loadCorpus(corpusIndex >= 0 ? args[corpusIndex + 1] : CORPUS_PATH)

const started = performance.now()
const current = evaluate(lines, readWithUnderstanding)
const elapsed = performance.now() - started
const baseline = evaluate(lines, await loadOldReader())

const cell = (tally: Tally | undefined) =>
  tally
    ? `${String(tally.pass).padStart(3)}/${String(tally.total).padEnd(3)} ${(tally.pass / tally.total).toFixed(2)}`
    : '       —    '
const splits = ['tune', 'heldout'] as const
console.log(
  `corpus: ${lines.length} replies (${splits.map((split) => `${split} ${lines.filter((line) => line.split === split).length}`).join(', ')})`,
)
console.log(
  `${'category'.padEnd(14)}  ${'readReply tune'.padEnd(14)}  ${'heldout'.padEnd(14)}  ${`old (${BASELINE_COMMIT}) tune`.padEnd(16)}  heldout`,
)
for (const category of [...new Set(lines.map((line) => line.category))]) {
  const now = current.byCategory[category] ?? {}
  const old = baseline.byCategory[category] ?? {}
  console.log(
    `${category.padEnd(14)}  ${cell(now.tune)}  ${cell(now.heldout)}  ${cell(old.tune).padEnd(16)}  ${cell(old.heldout)}`,
  )
}
console.log(
  `${'all'.padEnd(14)}  ${cell(current.bySplit.tune)}  ${cell(current.bySplit.heldout)}  ${cell(baseline.bySplit.tune).padEnd(16)}  ${cell(baseline.bySplit.heldout)}`,
)
console.log(`(readReply: ${(elapsed / lines.length).toFixed(2)} ms per reply)`)
if (verbose) {
  for (const { line, problems } of current.failures) {
    if (line.split !== 'tune') continue
    console.log(`✗ ${line.id} [${line.context.step}] ${line.text}\n    ${problems.join('; ')}`)
  }
  const hidden = current.failures.filter(({ line }) => line.split === 'heldout').length
  console.log(`(${hidden} heldout failures not shown)`)
}
