import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { CARD_SCHEMA_VERSION, KnowledgeFileSchema, type KnowledgeFile, type PolicyCard } from '../card-schema.js'
import { parseChangpingMeasures, CHANGPING_SEED } from './parse-changping-measures.js'
import { parseGazette, GAZETTE_SEED } from './parse-gazette.js'
import { GUIDE_SEED, parsePolicyGuide } from './parse-policy-guide.js'
import { parseSmeMeasures, SME_MEASURES_SEED } from './parse-sme-measures.js'
import { parseTierRules, TIER_RULES_SEED } from './parse-tier-rules.js'
import { reviewCards } from './review-cards.js'

/** The repository's knowledge/ folder (with a trailing slash), resolved from this file. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge/', import.meta.url))
/** The generated, committed knowledge file. */
export const CARDS_FILE = `${KNOWLEDGE_DIR}cards.json`

const PARSERS: Array<[string, (text: string) => PolicyCard[]]> = [
  [GUIDE_SEED, parsePolicyGuide],
  [TIER_RULES_SEED, parseTierRules],
  [SME_MEASURES_SEED, parseSmeMeasures],
  [GAZETTE_SEED, parseGazette],
  [CHANGPING_SEED, parseChangpingMeasures],
]

/** Builds the knowledge file from knowledge/sources/ (deterministic: same sources, same bytes). */
export function buildKnowledge(sourcesDir = `${KNOWLEDGE_DIR}sources/`): KnowledgeFile {
  const sources: KnowledgeFile['sources'] = []
  const parsed: PolicyCard[] = []
  for (const [seed, parse] of PARSERS) {
    const text = readFileSync(`${sourcesDir}${seed}`, 'utf8')
    const cards = parse(text)
    sources.push({ seed, sha256: createHash('sha256').update(text).digest('hex'), cards: cards.length })
    parsed.push(...cards)
  }
  const knowledge = {
    schemaVersion: CARD_SCHEMA_VERSION,
    generatedBy: 'npm run build:knowledge',
    sources,
    cards: reviewCards(parsed),
  }
  const result = KnowledgeFileSchema.safeParse(knowledge)
  if (!result.success) {
    const issue = result.error.issues[0]
    const index = typeof issue.path[1] === 'number' ? issue.path[1] : -1
    throw new Error(`knowledge build: ${knowledge.cards[index]?.id ?? ''} ${issue.path.join('.')}: ${issue.message}`)
  }
  const ids = new Set<string>()
  for (const card of result.data.cards) {
    if (ids.has(card.id)) throw new Error(`knowledge build: duplicate id ${card.id}`)
    ids.add(card.id)
  }
  return result.data
}

/** The file's exact bytes: pretty-printed JSON with a final newline, so reviews read card by card. */
export function serializeKnowledge(knowledge: KnowledgeFile): string {
  return `${JSON.stringify(knowledge, null, 2)}\n`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const knowledge = buildKnowledge()
  writeFileSync(CARDS_FILE, serializeKnowledge(knowledge))
  const counts = knowledge.sources.map((source) => `${source.seed}: ${source.cards}`).join(', ')
  const flagged = knowledge.cards
    .filter((card) => card.flags.length > 0)
    .map((card) => `${card.id} [${card.flags.join(',')}]`)
  console.log(`wrote ${knowledge.cards.length} cards to knowledge/cards.json (${counts})`)
  if (flagged.length > 0) console.log(`flagged for review: ${flagged.join('; ')}`)
}
