import type { Advisor, InboundMessage, OutboundReply } from './messages.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import { extractFacts, type ExtractionResult } from '../facts/extract-facts.js'
import { describeFact } from '../facts/describe-fact.js'
import { summarizeFacts } from '../facts/summarize-facts.js'
import { FACT_LABELS } from '../facts/fact-labels.js'
import type { Phraser } from '../phrasing/phraser.js'
import { KeyedSerialQueue } from '../shared/keyed-serial-queue.js'
import { sessionKeyToString, type SessionKey, type SessionStore } from '../store/session-store.js'
import { assess } from '../scoring/assess.js'
import type { AssessmentResult } from '../scoring/assessment-result.js'
import { factsUsedBy } from '../scoring/facts-used-by.js'
import type { LoadedRules } from '../scoring/load-rules.js'
import { advanceAssessment } from './advance-assessment.js'
import { answerFromCard, answerPolicyQuestion } from './answer-policy-question.js'
import { renderQuestion } from './choose-next-question.js'
import { composeVerdict } from './compose-verdict.js'
import { detectAspect, detectIntent, type Intent } from './detect-intent.js'
import {
  newDialogueState,
  newProfile,
  readDialogueState,
  readProfile,
  type DialogueState,
  type Profile,
} from './dialogue-state.js'
import { matchGroupYesNo } from './group-yes-no.js'
import type { TierBenefits } from './load-tier-benefits.js'
import type { PolicySearch } from './ports.js'
import { PROGRAM_NAMES, type Program } from './programs.js'
import { QUESTION_GROUPS } from './question-groups.js'
import { replaceProfileFacts } from './replace-profile-facts.js'
import * as replies from './replies.js'
import { lastFullYear } from './year-words.js'
import { answerAfterVerdict, type AfterVerdictContext } from './answer-after-verdict.js'
import { planExactScore } from './plan-exact-score.js'
import { composeTermAnswer } from './compose-term-answer.js'
import { explainTerm } from './explain-term.js'
import { rerunAfterVerdict, type VerdictRerun } from './rerun-after-verdict.js'

export interface DialogueManagerOptions {
  sessions: SessionStore
  search: PolicySearch
  rules: LoadedRules
  benefits: TierBenefits
  phraser: Phraser
  /** Serialises each user's turns; shared with channels when they need it. */
  queue?: KeyedSerialQueue
  /** Serialises each user's turns across replicas (Redis lock); in-process only when absent. */
  lock?: <T>(key: string, task: () => Promise<T>) => Promise<T>
  now?: () => number
  /** Called after every turn with its channel and duration (metrics). */
  onTurn?: (event: { channel: string; ms: number }) => void
  /** Called on store failures and other degradations (never with enterprise figures). */
  onWarning?: (event: { type: string; message: string }) => void
}

/** What one turn produced. */
export interface TurnResult {
  reply: OutboundReply
  state: DialogueState
  profile: Profile
  /** The user asked to delete their data: the record is removed instead of saved. */
  deleted: boolean
}

/** The public view of a session, returned by /api/v1/chat and shown on the web console. */
export interface SessionView {
  mode: DialogueState['mode']
  programs: Program[]
  pending: FactName[]
  facts: Facts
  unknown: FactName[]
}

/** A policy-looking question in the middle of an assessment. */
const QUESTION_LIKE = /(吗|呢|怎么|如何|什么|哪些|哪个|多少|能否|可以|是否|有没有|多长|多久|多大|啥|咋|几[月年号个家次批项]|[不没][？?]?$|\?|？)/

/**
 * The one dialogue every channel goes through: detects what the user wants, gathers enterprise facts turn by
 * turn for an assessment, answers policy questions from the cards, and keeps the session in the store.
 */
export class DialogueManager implements Advisor {
  readonly #options: DialogueManagerOptions
  readonly #queue: KeyedSerialQueue
  readonly #now: () => number
  readonly #assess: (program: Program, facts: Facts) => AssessmentResult
  readonly #usedBy: (program: Program) => FactName[]

  constructor(options: DialogueManagerOptions) {
    this.#options = options
    this.#assess = (program, facts) => assess(program, facts, options.rules)
    // Read the rules on every call: an admin reload replaces them in place.
    this.#usedBy = (program) => factsUsedBy(program, options.rules)
    this.#queue = options.queue ?? new KeyedSerialQueue()
    this.#now = options.now ?? Date.now
  }

  /** One turn for a channel message: serialised per (channel, chat, user), loaded from and saved to the store. */
  async handle(message: InboundMessage): Promise<OutboundReply> {
    const result = await this.chat({ channel: message.channel, chatId: message.chatId, userId: message.userId }, message.text)
    return result.reply
  }

  /** Like `handle`, but also returns the session view (for the REST API and the web console). */
  async chat(key: SessionKey, text: string): Promise<{ reply: OutboundReply; state: SessionView }> {
    const id = sessionKeyToString(key)
    const lock = this.#options.lock ?? (<T>(_key: string, task: () => Promise<T>) => task())
    try {
      return await this.#queue.run(id, () =>
        lock(id, async () => {
          const started = performance.now()
          try {
            return await this.#chatLocked(key, text)
          } finally {
            this.#options.onTurn?.({ channel: key.channel, ms: performance.now() - started })
          }
        }),
      )
    } catch (error) {
      // The cross-replica lock lives in the store too (Redis): when it cannot be taken, the same friendly reply.
      if ((error as { name?: unknown } | null)?.name !== 'StoreError') throw error
      this.#warn('store-lock-failed', error)
      return { reply: { text: replies.STORE_UNAVAILABLE, citations: [] }, state: viewOf(newDialogueState(), newProfile()) }
    }
  }

  /**
   * Replaces the facts of a session's profile (the web console's form), in turn with the chat's turns, so the form
   * and the chat share one profile. Store failures are thrown (the HTTP layer answers 503).
   */
  async replaceFacts(key: SessionKey, facts: Facts): Promise<{ state: SessionView }> {
    const id = sessionKeyToString(key)
    const lock = this.#options.lock ?? (<T>(_key: string, task: () => Promise<T>) => task())
    return this.#queue.run(id, () =>
      lock(id, async () => {
        const stored = await this.#options.sessions.get(key)
        const current = { state: stored ? readDialogueState(stored.dialogue) : newDialogueState(), profile: stored ? readProfile(stored.profile) : newProfile() }
        const next = replaceProfileFacts(current.state, current.profile, facts)
        const now = this.#now()
        await this.#options.sessions.put(key, {
          dialogue: next.state,
          dialogueUpdatedAt: stored?.dialogue ? stored.dialogueUpdatedAt : now,
          profile: next.profile,
          profileUpdatedAt: now,
        })
        return { state: viewOf(next.state, next.profile) }
      }),
    )
  }

  async #chatLocked(key: SessionKey, text: string): Promise<{ reply: OutboundReply; state: SessionView }> {
    {
      let stored
      try {
        stored = await this.#options.sessions.get(key)
      } catch (error) {
        this.#warn('store-read-failed', error)
        return { reply: { text: replies.STORE_UNAVAILABLE, citations: [] }, state: viewOf(newDialogueState(), newProfile()) }
      }
      const state = stored ? readDialogueState(stored.dialogue) : newDialogueState()
      const profile = stored ? readProfile(stored.profile) : newProfile()
      const result = await this.turn(state, profile, text)
      try {
        if (result.deleted) {
          // A person is (channel, user) across chats: every chat's record goes, and nothing deleted is echoed.
          const records = await this.#options.sessions.deletePerson(key.channel, key.userId)
          return { reply: { text: replies.deletedReply(records), citations: [] }, state: viewOf(newDialogueState(), newProfile()) }
        } else {
          const now = this.#now()
          await this.#options.sessions.put(key, {
            dialogue: result.state,
            dialogueUpdatedAt: now,
            profile: result.profile,
            profileUpdatedAt: now,
          })
        }
      } catch (error) {
        this.#warn('store-write-failed', error)
        // A failed 删除我的数据 still shows nothing of what was asked to be deleted.
        const shown = result.deleted ? viewOf(newDialogueState(), newProfile()) : viewOf(state, profile)
        return { reply: { text: replies.STORE_UNAVAILABLE, citations: [] }, state: shown }
      }
      return { reply: result.reply, state: viewOf(result.state, result.profile) }
    }
  }

  /** The pure-ish core of a turn (no store access): used by `chat` and by tests. */
  async turn(stateIn: DialogueState, profileIn: Profile, rawText: string): Promise<TurnResult> {
    const state: DialogueState = structuredClone(stateIn)
    const profile: Profile = structuredClone(profileIn)
    const text = rawText.trim()
    const intent = detectIntent(text)
    const done = (reply: OutboundReply, deleted = false): TurnResult => ({ reply, state, profile, deleted })
    const say = (replyText: string): OutboundReply => ({ text: replyText, citations: [] })
    // Right after a verdict: “详细” gives the item-by-item account, “算准分数” asks what still moves the score.
    const afterVerdict = answerAfterVerdict(state, profile, text, this.#afterVerdictContext(profile))
    if (afterVerdict) return done(afterVerdict)

    switch (intent.kind) {
      case 'help':
        return done(say(replies.MENU))
      case 'greeting':
        return done(say(replies.GREETING))
      case 'thanks':
        return done(say(replies.THANKS))
      case 'reset': {
        Object.assign(state, newDialogueState())
        Object.assign(profile, newProfile())
        return done(say(`${replies.RESET_DONE}\n${replies.MENU}`))
      }
      case 'delete-data':
        // The reply is written once the store says how many records went (see #chatLocked).
        return done(say(replies.deletedReply(0)), true)
      case 'show-facts':
        return done(say(this.#describeProfile(profile)))
      case 'continue':
        if (state.mode !== 'idle') return done(await this.#continueAssessment(state, profile, ''))
        if (profile.lastPrograms.length > 0) return done(await this.#startAssessment(state, profile, profile.lastPrograms, '好的，接着上次的评估。'))
        return done(say(`${replies.NOTHING_TO_CONTINUE}\n${replies.MENU}`))
      case 'assess':
        return done(await this.#startAssessment(state, profile, intent.programs, ''))
      case 'confirm':
        if (state.mode === 'confirming') return done(await this.#giveVerdict(state, profile, text))
        break
      case 'follow-up-program':
        return done(await this.#followUpProgram(state, profile, intent.program, text))
      case 'follow-up-aspect':
        if (state.lastTopic?.kind === 'policy' && state.mode === 'idle') {
          const card = this.#options.search.get(state.lastTopic.cardIds[0] ?? '')
          if (card) return done(await answerFromCard(card, text, intent.aspect, this.#options.phraser, new Date(this.#now())))
        }
        // After a verdict, "怎么申请？" is about applying for that tier: answer from its 申报 article.
        if (state.lastTopic?.kind === 'program' && state.mode === 'idle') {
          const program = state.lastTopic.programs[state.lastTopic.programs.length - 1]
          const card = program ? this.#options.search.get(this.#options.benefits.programs[program].apply[0] ?? '') : undefined
          if (card) return done(await answerFromCard(card, text, intent.aspect === 'general' ? 'process' : intent.aspect, this.#options.phraser, new Date(this.#now())))
        }
        break
    }
    return done(await this.#freeText(state, profile, text, intent))
  }

  async #freeText(state: DialogueState, profile: Profile, text: string, intent: Intent): Promise<OutboundReply> {
    if (state.mode !== 'idle') {
      // “独立法人是啥意思，分公司算吗？”: a question about a term of the standard, answered from its text.
      const term = explainTerm(text)
      if (term) {
        const answer = composeTermAnswer(term, this.#options.search)
        return { ...answer, text: `${answer.text}\n\n继续刚才的问题：${this.#pendingQuestion(state)}` }
      }
      const extraction = this.#extract(state, profile, text)
      if (touchesFacts(extraction)) return this.#applyAndContinue(state, profile, extraction)
      if (QUESTION_LIKE.test(text) || intent.kind === 'follow-up-aspect') {
        const answer = await this.#answerQuestion(state, text)
        const pending = this.#pendingQuestion(state)
        return { ...answer, text: `${answer.text}\n\n继续刚才的问题：${pending}` }
      }
      state.misses += 1
      const hint = state.misses >= 2 ? `\n${replies.SKIP_HINT}` : ''
      return { text: `没太明白您的回答。${this.#pendingQuestion(state)}${hint}`, citations: [] }
    }
    const extraction = extractFacts(text, { expecting: [], known: profile.facts, lastFiscalYear: this.#lastFiscalYear() })
    // A correction after a verdict re-runs it on the updated facts (a question such as “如果研发费用是500万呢？” is no correction).
    const rerun = QUESTION_LIKE.test(text) ? null : rerunAfterVerdict(state, profile, extraction.facts, this.#usedBy)
    if (rerun) return this.#rerunVerdict(state, profile, extraction, rerun)
    if (Object.keys(extraction.facts).length > 0 && !QUESTION_LIKE.test(text)) {
      Object.assign(profile.facts, extraction.facts)
      const recorded = summarizeFacts(extraction.facts).replace(/\n/g, '；')
      return { text: `已记下：${recorded}。\n想知道能评哪一级，请发送“我们能评哪个？”`, citations: [] }
    }
    if (/(忽略|无视).{0,8}(指令|规则|设定|提示)|打\s*\d+\s*分|给.{0,6}满分/.test(text)) {
      return { text: `${replies.INJECTION_NOTICE}\n${replies.MENU}`, citations: [] }
    }
    return this.#answerQuestion(state, text)
  }

  async #answerQuestion(state: DialogueState, text: string): Promise<OutboundReply> {
    const answer = await answerPolicyQuestion(this.#options.search, this.#options.phraser, text, detectAspect(text), { today: new Date(this.#now()), benefits: this.#options.benefits })
    if (answer.cardIds.length > 0) state.lastTopic = { kind: 'policy', cardIds: answer.cardIds, query: text }
    if (answer.cardIds.length === 0 && state.mode === 'idle' && !/(政策|补贴|支持|申请|办理|资金|奖励)/.test(text) && text.length <= 8) {
      return { text: replies.OUT_OF_SCOPE, citations: [] }
    }
    return answer.reply
  }

  async #followUpProgram(state: DialogueState, profile: Profile, program: Program, text: string): Promise<OutboundReply> {
    if (state.lastTopic?.kind === 'policy') {
      const rewritten = (await this.#options.phraser.rewriteQuery?.(text, state.lastTopic.query)) ?? null
      const query = rewritten ?? `${PROGRAM_NAMES[program]} ${state.lastTopic.query.replace(/(专精特新|小巨人|创新型)/g, '')}`
      return this.#answerQuestion(state, query)
    }
    if (state.lastTopic?.kind === 'program' || state.mode !== 'idle' || Object.keys(profile.facts).length > 0) {
      return this.#startAssessment(state, profile, [program], '')
    }
    return this.#answerQuestion(state, text)
  }

  #extract(state: DialogueState, profile: Profile, text: string): ExtractionResult {
    const group = QUESTION_GROUPS.find((candidate) => candidate.yesNo && state.pending.length > 0 && state.pending.every((fact) => candidate.facts.includes(fact)))
    if (!group) return extractFacts(text, { expecting: state.pending, known: profile.facts, lastFiscalYear: this.#lastFiscalYear() })
    // A yes/no group: a bare 是/都没有 answers all of its questions; otherwise only what the message names
    // ("不是，注册在天津" says nothing about the legal person).
    const answer = matchGroupYesNo(text)
    const extraction = extractFacts(text, { expecting: answer ? state.pending : [], known: profile.facts, lastFiscalYear: this.#lastFiscalYear() })
    if (!answer) return touchesFacts(extraction) ? extraction : extractFacts(text, { expecting: state.pending, known: profile.facts, lastFiscalYear: this.#lastFiscalYear() })
    const affirmative = group.yesNo === 'positive' ? answer === 'yes' : answer === 'no'
    if (affirmative) {
      extraction.facts = Object.fromEntries(state.pending.map((fact) => [fact, group.yesNo === 'positive'])) as Facts
      extraction.mentioned = [...state.pending]
      extraction.rejected = []
      return extraction
    }
    const [first] = state.pending
    return { ...extraction, facts: {}, rejected: first ? [{ fact: first, raw: text, reason: '请具体说明是哪一项情况，我好准确判断。' }] : [] }
  }

  async #applyAndContinue(state: DialogueState, profile: Profile, extraction: ExtractionResult): Promise<OutboundReply> {
    Object.assign(profile.facts, extraction.facts)
    for (const fact of Object.keys(extraction.facts) as FactName[]) profile.unknown = profile.unknown.filter((name) => name !== fact)
    for (const fact of extraction.unknown) if (!profile.unknown.includes(fact)) profile.unknown.push(fact)
    state.misses = 0
    const notes: string[] = []
    const recordedNames = Object.keys(extraction.facts) as FactName[]
    if (recordedNames.length > 0) notes.push(`已记下：${summarizeFacts(extraction.facts).replace(/\n/g, '；')}。`)
    if (extraction.unknown.length > 0) notes.push('不清楚的先跳过，结果里会说明它影响什么。')
    if (extraction.rejected.length > 0) {
      const reasons = extraction.rejected.map((rejection) => rejection.reason).join('\n')
      return { text: [...notes, reasons].join('\n'), citations: [] }
    }
    return this.#continueAssessment(state, profile, notes.join('\n'))
  }

  async #startAssessment(state: DialogueState, profile: Profile, programs: Program[], preface: string): Promise<OutboundReply> {
    state.mode = 'assessing'
    state.programs = [...programs]
    state.pending = []
    state.misses = 0
    state.exactScore = false
    state.lastTopic = { kind: 'program', programs }
    profile.lastPrograms = [...programs]
    const names = programs.map((program) => PROGRAM_NAMES[program]).join('、')
    const intro = preface || `好的，我们按北京市评价标准测一下能否评上${names}。我会一次问一组问题，随时可以说“不知道”跳过。`
    return this.#continueAssessment(state, profile, intro)
  }

  async #continueAssessment(state: DialogueState, profile: Profile, preface: string): Promise<OutboundReply> {
    const step = advanceAssessment(state.programs, profile.facts, profile.unknown, this.#assess, this.#usedBy)
    const lead = preface ? `${preface}\n` : ''
    if (step.kind === 'ask') {
      state.mode = 'assessing'
      state.pending = step.question.facts
      return { text: `${lead}${renderQuestion(step.question.group, step.question.facts, this.#lastFiscalYear())}`, citations: [] }
    }
    // Finishing the exact score after a ranged verdict: ask what still moves it, then give the verdict again.
    const exact = state.exactScore ? planExactScore(step.results, profile.unknown, profile.facts, this.#lastFiscalYear()).next : null
    if (exact) {
      state.pending = exact.facts
      return { text: `${lead}${renderQuestion(exact.group, exact.facts, this.#lastFiscalYear())}`, citations: [] }
    }
    if (step.stoppedEarly || state.exactScore) return this.#verdictReply(state, profile, step.results, lead)
    state.mode = 'confirming'
    state.pending = []
    const summary = summarizeByGroup(profile.facts, this.#relevantFacts(state.programs))
    const unknown = profile.unknown.length > 0 ? `\n不清楚：${profile.unknown.map((fact) => summarizeLabel(fact)).join('、')}` : ''
    return { text: `${lead}请核对您提供的信息：\n${summary}${unknown}\n${replies.CONFIRM_PROMPT}`, citations: [] }
  }

  async #giveVerdict(state: DialogueState, profile: Profile, userText: string): Promise<OutboundReply> {
    const step = advanceAssessment(state.programs, profile.facts, profile.unknown, this.#assess, this.#usedBy)
    return this.#verdictReply(state, profile, step.results, '', userText)
  }

  async #verdictReply(state: DialogueState, profile: Profile, results: AssessmentResult[], lead: string, userText = ''): Promise<OutboundReply> {
    // Verdicts are never re-worded by an LLM: "符合/不符合" is not a number, so no grounding check could guard it.
    void userText
    const plan = planExactScore(results, profile.unknown, profile.facts, this.#lastFiscalYear())
    const verdict = composeVerdict(results, this.#options.search, this.#options.benefits, { exactScoreQuestions: plan.questions })
    state.exactScore = false
    state.mode = 'idle'
    state.pending = []
    state.lastTopic = { kind: 'program', programs: state.programs }
    return {
      text: `${lead}${verdict.body}\n${verdict.footer}`.trim(),
      citations: verdict.citations,
      card: verdict.card,
    }
  }

  #afterVerdictContext(profile: Profile): AfterVerdictContext {
    const resultsFor = (programs: readonly Program[]) => advanceAssessment(programs, profile.facts, profile.unknown, this.#assess, this.#usedBy).results
    return { resultsFor, search: this.#options.search, benefits: this.#options.benefits, lastYear: this.#lastFiscalYear() }
  }

  /** Records the corrected facts and gives the verdict again (or asks first when the change opened a question). */
  async #rerunVerdict(state: DialogueState, profile: Profile, extraction: ExtractionResult, rerun: VerdictRerun): Promise<OutboundReply> {
    Object.assign(profile.facts, extraction.facts)
    profile.unknown = profile.unknown.filter((fact) => !(fact in extraction.facts))
    state.programs = rerun.programs
    const step = advanceAssessment(state.programs, profile.facts, profile.unknown, this.#assess, this.#usedBy)
    if (step.kind === 'ask') return this.#continueAssessment(state, profile, `${rerun.changed}还需要补充：`)
    return this.#verdictReply(state, profile, step.results, `${rerun.changed}按新信息重新评估：\n`)
  }

  #pendingQuestion(state: DialogueState): string {
    const group = QUESTION_GROUPS.find((candidate) => state.pending.length > 0 && state.pending.every((fact) => candidate.facts.includes(fact)))
    if (state.mode === 'confirming') return replies.CONFIRM_PROMPT
    return group ? renderQuestion(group, state.pending, this.#lastFiscalYear()) : '请回答上面的问题。'
  }

  #relevantFacts(programs: readonly Program[]): FactName[] {
    const names = new Set<FactName>()
    for (const program of programs) for (const fact of factsUsedBy(program, this.#options.rules)) names.add(fact)
    return [...names]
  }

  #describeProfile(profile: Profile): string {
    const known = Object.keys(profile.facts).length
    if (known === 0 && profile.unknown.length === 0) return replies.NO_FACTS_YET
    const unknown = profile.unknown.length > 0 ? `\n不清楚：${profile.unknown.map(summarizeLabel).join('、')}` : ''
    return `您已提供${known}项信息：\n${summarizeFacts(profile.facts)}${unknown}\n（“删除我的数据”可全部清除）`
  }

  /** 上年度: the last complete fiscal year, by the injected clock. */
  #lastFiscalYear(): number {
    return lastFullYear(this.#now())
  }

  #warn(type: string, error: unknown): void {
    this.#options.onWarning?.({ type, message: error instanceof Error ? error.message : String(error) })
  }
}

/** The confirmation summary, one line per question group (short enough for a phone). */
function summarizeByGroup(facts: Facts, names: readonly FactName[]): string {
  const wanted = new Set(names.filter((name) => facts[name] !== undefined))
  const lines: string[] = []
  for (const group of QUESTION_GROUPS) {
    const inGroup = group.facts.filter((fact) => wanted.has(fact))
    for (const fact of inGroup) wanted.delete(fact)
    if (inGroup.length > 0) lines.push(inGroup.map((fact) => describeFact(fact, facts[fact])).join('；'))
  }
  for (const fact of wanted) lines.push(describeFact(fact, facts[fact]))
  return lines.join('\n')
}

function summarizeLabel(fact: FactName): string {
  return FACT_LABELS[fact].label
}

function touchesFacts(extraction: ExtractionResult): boolean {
  return Object.keys(extraction.facts).length > 0 || extraction.unknown.length > 0 || extraction.rejected.length > 0
}

function viewOf(state: DialogueState, profile: Profile): SessionView {
  return { mode: state.mode, programs: state.programs, pending: state.pending, facts: profile.facts, unknown: profile.unknown }
}
