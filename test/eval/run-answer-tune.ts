import { loadCards } from '../../src/knowledge/load-cards.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import {
  chatReplies,
  projectAnswerSet,
  scoreReplies,
  type AnswerMetrics,
  type LabelledQuestion,
} from './answer-eval.js'

/**
 * `npx tsx test/eval/run-answer-tune.ts [--from a5000] [--to a5199] [-v]`: the answer set's figures (every key fact,
 * answerable declined, unanswerable declined) for tune and heldout, whole and for an id range (a batch's first run).
 * `-v` lists the misses of the tune split only: heldout lines are counted, never printed.
 */
const argument = (name: string) => {
  const at = process.argv.indexOf(name)
  return at >= 0 ? process.argv[at + 1] : undefined
}
const idNumber = (id: string) => Number(id.replace(/^a/u, ''))
const from = argument('--from')
const to = argument('--to')
const inRange = (question: LabelledQuestion) =>
  (from === undefined || idNumber(question.id) >= idNumber(from)) &&
  (to === undefined || idNumber(question.id) <= idNumber(to))

const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
const figures = (metrics: AnswerMetrics) =>
  `every key fact ${metrics.allFacts}/${metrics.answerable}, answerable declined ${metrics.answerableDeclined}, unanswerable declined ${metrics.unanswerableDeclined}/${metrics.unanswerable}`

for (const split of ['tune', 'heldout'] as const) {
  const set = projectAnswerSet(split)
  const replies = await chatReplies(index, set)
  const whole = scoreReplies(set, replies)
  console.log(`${split}: ${figures(whole)}`)
  if (from !== undefined || to !== undefined) {
    const picked = set.flatMap((question, position) => (inRange(question) ? [position] : []))
    const range = scoreReplies(
      picked.map((position) => set[position]),
      picked.map((position) => replies[position]),
    )
    console.log(`${split} ${from ?? ''}–${to ?? ''}: ${figures(range)}`)
    if (split === 'tune' && process.argv.includes('-v'))
      for (const miss of range.misses) console.log(`✗ ${miss.id} ${miss.q} — ${miss.why}\n    ${miss.reply}`)
  } else if (split === 'tune' && process.argv.includes('-v')) {
    for (const miss of whole.misses) console.log(`✗ ${miss.id} ${miss.q} — ${miss.why}\n    ${miss.reply}`)
  }
}
