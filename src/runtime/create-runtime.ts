import type { Config } from '../config.js'
import { DialogueManager } from '../dialogue/dialogue-manager.js'
import { corpusFrequency, corpusFromCounts, useDefaultCorpus } from '../dialogue/rank-clauses.js'
import { loadTierBenefits } from '../dialogue/load-tier-benefits.js'
import { loadCards } from '../knowledge/load-cards.js'
import type { Logger } from '../observability/logger.js'
import { Metrics } from '../observability/metrics.js'
import { createPhraser } from '../phrasing/create-phraser.js'
import type { LoadedRules } from '../scoring/load-rules.js'
import { loadRules } from '../scoring/load-rules.js'
import { loadSynonyms } from '../search/load-synonyms.js'
import { createPolicyIndex } from '../search/policy-index.js'
import { ReloadableIndex } from '../search/reloadable-index.js'
import { KeyedSerialQueue } from '../shared/keyed-serial-queue.js'
import { createStores } from '../store/create-stores.js'
import { plantBuildSeeds } from '../shared/build-seeds.js'
import { readKnowledgeSnapshot } from './knowledge-snapshot.js'
import { loadLexicon } from '../understanding/load-lexicon.js'
import { reloadLexicon } from '../understanding/current-lexicon.js'
import type { InboundQueue } from '../store/inbound-queue.js'
import type { DedupeStore, RateLimiter, SessionStore } from '../store/session-store.js'
import { reloadTerms } from '../dialogue/explain-term.js'
import { reloadVerdictWords } from '../dialogue/read-verdict-request.js'

/** Everything the product runs on, built once from configuration; shared by the server, the bots and the CLI. */
export interface Runtime {
  config: Config
  index: ReloadableIndex
  rules: LoadedRules
  manager: DialogueManager
  sessions: SessionStore
  dedupe: DedupeStore
  rateLimiter: RateLimiter
  /** The channels' durable inbound queue. */
  inbound: InboundQueue
  /** SQLite: one process per DATA_DIR, so leftovers are taken over at start at once. */
  singleWriter: boolean
  queue: KeyedSerialQueue
  metrics: Metrics
  storeKind: 'sqlite' | 'redis'
  /** Readiness of the stores: reachable, and writes succeeding (see Stores.ready). */
  ready(): Promise<boolean>
  /**
   * Re-reads knowledge/ (cards, synonyms, lexicon) and rules/ without a restart. Everything is validated first; on an error
   * nothing changes and the error says which file is wrong.
   */
  reloadKnowledge(): { cards: number; rules: string[]; lexiconWords: number }
  close(): Promise<void>
}

export async function createRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const metrics = new Metrics()
  // Search and clause ranking serve the same cards: each build of the index sets the ranking's corpus too.
  const buildIndex = () => {
    const cards = loadCards()
    const built = createPolicyIndex(cards, { synonyms: loadSynonyms() })
    useDefaultCorpus(corpusFrequency(cards))
    return built
  }
  // The build's snapshot when the knowledge files are unchanged since (validated and indexed then); reloads rebuild.
  const snapshot = readKnowledgeSnapshot()
  if (snapshot) {
    useDefaultCorpus(corpusFromCounts(snapshot.corpus))
    plantBuildSeeds({
      lexicon: snapshot.lexicon,
      answerAspects: snapshot.answerAspects,
      answerDecision: snapshot.answerDecision,
      terms: snapshot.terms,
      traditionalChars: snapshot.traditionalChars,
    })
  }
  const index = new ReloadableIndex(
    snapshot
      ? createPolicyIndex(snapshot.cards, { synonyms: snapshot.synonyms, snapshot: snapshot.index })
      : buildIndex(),
    buildIndex,
  )
  const rules = snapshot?.rules ?? loadRules()
  const stores = await createStores({
    dataDir: config.DATA_DIR,
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    dialogueTtlMs: config.SESSION_IDLE_MINUTES * 60_000,
    profileTtlMs: config.PROFILE_RETENTION_DAYS * 86_400_000,
    onWarning: (warning: unknown) => logger.warn({ warning }, 'store-warning'),
  })
  const phraser = await createPhraser({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    onEvent: (event) => {
      if (event.type === 'llm-call') metrics.llmCalls.inc({ outcome: 'used' })
      else {
        metrics.llmCalls.inc({ outcome: 'fallback' })
        metrics.llmFallbacks.inc({ reason: event.reason ?? 'unknown' })
      }
    },
  })
  const queue = new KeyedSerialQueue()
  metrics.queueDepth.set(() => queue.depth())
  const manager = new DialogueManager({
    sessions: stores.sessions,
    search: index,
    rules,
    benefits: snapshot?.tierBenefits ?? loadTierBenefits(),
    phraser,
    ...(config.OPENAI_API_KEY
      ? {
          // Imported only with a key: a start without an LLM does not load the OpenAI client.
          proposeReading: (await import('../phrasing/openai-reply-reader.js')).createOpenAIReplyReader({
            apiKey: config.OPENAI_API_KEY,
            baseURL: config.OPENAI_BASE_URL,
            model: config.OPENAI_MODEL,
            timeoutMs: config.OPENAI_TIMEOUT_MS,
          }),
        }
      : {}),
    queue,
    lock: stores.lock,
    onTurn: (event) => {
      metrics.turns.inc({ channel: event.channel })
      metrics.turnLatency.observe(event.ms / 1000, { channel: event.channel })
    },
    onWarning: (warning) => logger.warn(warning, 'dialogue-warning'),
  })
  logger.info(
    {
      cards: index.size,
      store: stores.kind,
      llm: Boolean(config.OPENAI_API_KEY),
      knowledgeSnapshot: Boolean(snapshot),
    },
    'runtime-ready',
  )
  return {
    config,
    index,
    rules,
    manager,
    sessions: stores.sessions,
    dedupe: stores.dedupe,
    rateLimiter: stores.rateLimiter,
    inbound: stores.inbound,
    singleWriter: stores.singleWriter,
    queue,
    metrics,
    storeKind: stores.kind,
    ready: () => stores.ready(),
    reloadKnowledge: () => {
      const nextRules = loadRules()
      // Validate the lexicon before anything changes; it is swapped in last.
      loadLexicon()
      reloadTerms()
      reloadVerdictWords()
      const { cards } = index.reload()
      Object.assign(rules, nextRules)
      const { words } = reloadLexicon()
      logger.info({ cards, lexiconWords: words }, 'knowledge-reloaded')
      return {
        cards,
        rules: Object.values(rules.programs).map((program) => `${program.id}@${program.version}`),
        lexiconWords: words,
      }
    },
    close: () => stores.close(),
  }
}
