import { createHash } from 'node:crypto'
import { closeSync, openSync, readdirSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deserialize, serialize } from 'node:v8'
import { DEFAULT_ANSWER_ASPECTS_PATH, loadAnswerAspects, type AnswerAspects } from '../dialogue/load-answer-aspects.js'
import { DEFAULT_TERMS_PATH, loadTerms, type TermFile } from '../dialogue/load-terms.js'
import { DEFAULT_TIER_BENEFITS_PATH, loadTierBenefits, type TierBenefits } from '../dialogue/load-tier-benefits.js'
import { corpusCounts, type CorpusCounts } from '../dialogue/rank-clauses.js'
import type { PolicyCard } from '../knowledge/card-schema.js'
import { DEFAULT_CARDS_PATH, loadCards } from '../knowledge/load-cards.js'
import { DEFAULT_RULES_DIR, loadRules, type LoadedRules } from '../scoring/load-rules.js'
import {
  DEFAULT_ANSWER_DECISION_PATH,
  loadAnswerDecisionWords,
  type AnswerDecisionWords,
} from '../search/load-answer-decision-words.js'
import { DEFAULT_SYNONYMS_PATH, loadSynonyms, type SynonymMap } from '../search/load-synonyms.js'
import { createPolicyIndex, type PolicyIndexSnapshot } from '../search/policy-index.js'
import { DEFAULT_LEXICON_DIR, loadLexicon, type Lexicon } from '../understanding/load-lexicon.js'

/**
 * The knowledge the server starts on, validated and indexed by the build (`scripts/build.mjs` writes it into
 * dist/, beside the bundle that made it): the cards, synonyms and rules as their loaders validated them, the index's term
 * statistics and the term counts clause ranking weighs by, and what the first turn would otherwise read and validate
 * (the lexicon, answer aspects and decision words, term definitions, tier benefits; see build-seeds.ts). A start that finds it, and finds the knowledge files unchanged since (same content digest), takes
 * cards and index from it: no schema validation of cards.json and rules/ and no tokenising at start. Otherwise (no snapshot,
 * knowledge edited after the build, another V8) the start loads and indexes the files as before. The admin
 * reload always rebuilds from the files.
 */
export const DEFAULT_SNAPSHOT_PATH = fileURLToPath(new URL('../knowledge-snapshot.bin', import.meta.url))

/** Bumped when the payload's shape changes. */
const FORMAT = 5
const KEY_LENGTH = 64

export interface KnowledgeSnapshot {
  cards: PolicyCard[]
  synonyms: SynonymMap
  index: PolicyIndexSnapshot
  /** Term counts over all cards, for ranking clauses (`rankClauses`' corpus). */
  corpus: CorpusCounts
  rules: LoadedRules
  lexicon: Lexicon
  answerAspects: AnswerAspects
  answerDecision: AnswerDecisionWords
  terms: TermFile
  tierBenefits: TierBenefits
}

export interface KnowledgeSources {
  cardsPath: string
  synonymsPath: string
  rulesDir: string
  lexiconDir: string
  answerAspectsPath: string
  answerDecisionPath: string
  termsPath: string
  tierBenefitsPath: string
}

const DEFAULT_SOURCES: KnowledgeSources = {
  cardsPath: DEFAULT_CARDS_PATH,
  synonymsPath: DEFAULT_SYNONYMS_PATH,
  rulesDir: DEFAULT_RULES_DIR,
  lexiconDir: DEFAULT_LEXICON_DIR,
  answerAspectsPath: DEFAULT_ANSWER_ASPECTS_PATH,
  answerDecisionPath: DEFAULT_ANSWER_DECISION_PATH,
  termsPath: DEFAULT_TERMS_PATH,
  tierBenefitsPath: DEFAULT_TIER_BENEFITS_PATH,
}

/** The .json files of a folder, sorted. */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name))
}

/** Digest of the snapshot's format, this V8 (its serialisation) and the bytes of the files it is made from. */
export function knowledgeDigest(sources: KnowledgeSources = DEFAULT_SOURCES): string {
  const hash = createHash('sha256').update(`format ${FORMAT} v8 ${process.versions.v8}\n`)
  const files = [
    sources.cardsPath,
    sources.synonymsPath,
    ...jsonFiles(sources.rulesDir),
    ...jsonFiles(sources.lexiconDir),
    sources.answerAspectsPath,
    sources.answerDecisionPath,
    sources.termsPath,
    sources.tierBenefitsPath,
  ]
  for (const path of [...new Set(files)]) hash.update(`${basename(path)}\n`).update(readFileSync(path))
  return hash.digest('hex')
}

function readFile(path: string): Buffer | undefined {
  try {
    return readFileSync(path)
  } catch {
    return undefined
  }
}

/** The digest a snapshot file starts with (read alone: the build checks it at every `npm start`). */
function readDigest(path: string): string | undefined {
  try {
    const descriptor = openSync(path, 'r')
    try {
      const head = Buffer.alloc(KEY_LENGTH)
      return readSync(descriptor, head, 0, KEY_LENGTH, 0) === KEY_LENGTH ? head.toString('latin1') : undefined
    } finally {
      closeSync(descriptor)
    }
  } catch {
    return undefined
  }
}

/**
 * The snapshot at `path` when it was made from the knowledge files as they are now; undefined when it is missing,
 * stale or unreadable (the caller then loads the files).
 */
export function readKnowledgeSnapshot(
  path: string = DEFAULT_SNAPSHOT_PATH,
  sources: KnowledgeSources = DEFAULT_SOURCES,
): KnowledgeSnapshot | undefined {
  const file = readFile(path)
  try {
    if (!file || file.toString('latin1', 0, KEY_LENGTH) !== knowledgeDigest(sources)) return undefined
    const snapshot = deserialize(file.subarray(KEY_LENGTH)) as KnowledgeSnapshot
    return Array.isArray(snapshot?.cards) && snapshot.index && snapshot.synonyms && snapshot.corpus && snapshot.lexicon
      ? snapshot
      : undefined
  } catch {
    return undefined
  }
}

/**
 * Loads and validates the knowledge and rule files (throwing on an invalid one, like a start would), indexes them and
 * writes the snapshot, unless the one at `path` is already up to date. Returns whether it wrote.
 */
export function writeKnowledgeSnapshot(
  path: string = DEFAULT_SNAPSHOT_PATH,
  sources: KnowledgeSources = DEFAULT_SOURCES,
): boolean {
  const digest = knowledgeDigest(sources)
  if (readDigest(path) === digest) return false
  const cards = loadCards(sources.cardsPath)
  const synonyms = loadSynonyms(sources.synonymsPath)
  const rules = loadRules(sources.rulesDir)
  const index = createPolicyIndex(cards, { synonyms }).toSnapshot()
  const payload: KnowledgeSnapshot = {
    cards,
    synonyms,
    index,
    corpus: corpusCounts(cards),
    rules,
    lexicon: loadLexicon(sources.lexiconDir),
    answerAspects: loadAnswerAspects(sources.answerAspectsPath),
    answerDecision: loadAnswerDecisionWords(sources.answerDecisionPath),
    terms: loadTerms(sources.termsPath),
    tierBenefits: loadTierBenefits(sources.tierBenefitsPath),
  }
  // Written aside and renamed, so a concurrent start reads the old snapshot or the new one, never half of one.
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, Buffer.concat([Buffer.from(digest, 'latin1'), serialize(payload)]))
  renameSync(temporary, path)
  return true
}
