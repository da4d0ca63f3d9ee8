import type { Advisor, InboundMessage, OutboundReply } from './messages.js'
import type { FactName, Facts } from '../facts/fact-schema.js'
import { readReply, type ExpectedAnswer, type ReplyReading } from '../understanding/read-reply.js'
import { checkProposal, type ProposeReading } from '../understanding/check-proposal.js'
import { describeFact, describeFactValue } from '../facts/describe-fact.js'
import { summarizeFacts } from '../facts/summarize-facts.js'
import { FACT_LABELS } from '../facts/fact-labels.js'
import { FACT_OPTION_LABELS } from '../facts/fact-options.js'
import type { Phraser } from '../phrasing/phraser.js'
import { KeyedSerialQueue } from '../shared/keyed-serial-queue.js'
import { sessionKeyToString, type SessionKey, type SessionStore } from '../store/session-store.js'
import { assess, openAlternatives } from '../scoring/assess.js'
import type { AssessmentResult } from '../scoring/assessment-result.js'
import { factsUsedBy } from '../scoring/facts-used-by.js'
import type { LoadedRules } from '../scoring/load-rules.js'
import { advanceAssessment } from './advance-assessment.js'
import { answerFromCard, answerPolicyQuestion } from './answer-policy-question.js'
import { renderQuestion } from './choose-next-question.js'
import { composeVerdict } from './compose-verdict.js'
import { detectAspect, detectIntent, howToApplyProgram, type Intent } from './detect-intent.js'
import { currentLexicon } from '../understanding/current-lexicon.js'
import { toSimplified } from '../understanding/to-simplified.js'
import {
  newDialogueState,
  newProfile,
  readDialogueState,
  readProfile,
  type DialogueState,
  type Profile,
} from './dialogue-state.js'
import type { TierBenefits } from './load-tier-benefits.js'
import type { PolicySearch } from './ports.js'
import { PROGRAM_NAMES, type Program } from './programs.js'
import { QUESTION_GROUPS, type QuestionGroup } from './question-groups.js'
import { replaceProfileFacts } from './replace-profile-facts.js'
import * as replies from './replies.js'
import { fillYears, lastFullYear } from './year-words.js'
import { answerAfterVerdict, type AfterVerdictContext } from './answer-after-verdict.js'
import { planExactScore } from './plan-exact-score.js'
import { composeTermAnswer } from './compose-term-answer.js'
import { explainTerm } from './explain-term.js'
import { rerunAfterVerdict, type VerdictRerun } from './rerun-after-verdict.js'
import { dropBounds, recordBounds, usableBounds } from './record-bounds.js'
import { describeBoundDecision } from './describe-bound-decision.js'
import { describeBound } from '../facts/describe-bound.js'
import type { FactBounds } from '../facts/fact-bounds.js'

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
  /** An LLM reader (when OPENAI_API_KEY is set): its values are checked, and confirmed when the grammar did not read them. */
  proposeReading?: ProposeReading
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
  /** What the owner said about figures not given ("营收没到一千万": `{ revenue: { lt: 1000 } }`); never in `facts`. */
  bounds: FactBounds
}

/**
 * The one dialogue every channel goes through: detects what the user wants, gathers enterprise facts turn by
 * turn for an assessment, answers policy questions from the cards, and keeps the session in the store.
 */
export class DialogueManager implements Advisor {
  readonly #options: DialogueManagerOptions
  readonly #queue: KeyedSerialQueue
  readonly #now: () => number
  readonly #rules: () => LoadedRules
  readonly #usedBy: (program: Program) => FactName[]

  constructor(options: DialogueManagerOptions) {
    this.#options = options
    this.#rules = () => options.rules
    // Read the rules on every call: an admin reload replaces them in place.
    this.#usedBy = (program) => factsUsedBy(program, options.rules)
    this.#queue = options.queue ?? new KeyedSerialQueue()
    this.#now = options.now ?? Date.now
  }

  /** One turn for a channel message: serialised per (channel, chat, user), loaded from and saved to the store. */
  async handle(message: InboundMessage): Promise<OutboundReply> {
    const result = await this.chat(
      { channel: message.channel, chatId: message.chatId, userId: message.userId },
      message.text,
    )
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
      return {
        reply: { text: replies.STORE_UNAVAILABLE, citations: [] },
        state: viewOf(newDialogueState(), newProfile()),
      }
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
        const current = {
          state: stored ? readDialogueState(stored.dialogue) : newDialogueState(),
          profile: stored ? readProfile(stored.profile) : newProfile(),
        }
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
        return {
          reply: { text: replies.STORE_UNAVAILABLE, citations: [] },
          state: viewOf(newDialogueState(), newProfile()),
        }
      }
      const state = stored ? readDialogueState(stored.dialogue) : newDialogueState()
      const profile = stored ? readProfile(stored.profile) : newProfile()
      const result = await this.turn(state, profile, text)
      try {
        if (result.deleted) {
          // A person is (channel, user) across chats: every chat's record goes, and nothing deleted is echoed.
          const records = await this.#options.sessions.deletePerson(key.channel, key.userId)
          return {
            reply: { text: replies.deletedReply(records), citations: [] },
            state: viewOf(newDialogueState(), newProfile()),
          }
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
    // Traditional characters read as simplified ones for every reader of the turn (knowledge/lexicon/traditional.json).
    const text = toSimplified(rawText.trim(), currentLexicon())
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
        delete profile.bounds
        return done(say(`${replies.RESET_DONE}\n${replies.MENU}`))
      }
      case 'delete-data':
        // The reply is written once the store says how many records went (see #chatLocked).
        return done(say(replies.deletedReply(0)), true)
      case 'show-facts':
        return done(say(this.#describeProfile(profile)))
      case 'continue':
        if (state.mode !== 'idle') return done(await this.#continueAssessment(state, profile, ''))
        if (profile.lastPrograms.length > 0)
          return done(await this.#startAssessment(state, profile, profile.lastPrograms, '好的，接着上次的评估。'))
        return done(say(`${replies.NOTHING_TO_CONTINUE}\n${replies.MENU}`))
      case 'assess': {
        const started = await this.#startWithFacts(state, profile, intent.programs, text)
        return done(intent.answerFirst ? await this.#withHowToApply(intent.programs, text, started) : started)
      }
      case 'follow-up-program':
        return done(await this.#followUpProgram(state, profile, intent.program, text))
      case 'follow-up-aspect':
        if (state.lastTopic?.kind === 'policy' && state.mode === 'idle') {
          const card = this.#options.search.get(state.lastTopic.cardIds[0] ?? '')
          if (card)
            return done(await answerFromCard(card, text, intent.aspect, this.#options.phraser, new Date(this.#now())))
        }
        // After a verdict, "怎么申请？" is about applying for that tier: answer from its 申报 article.
        if (state.lastTopic?.kind === 'program' && state.mode === 'idle') {
          const program = state.lastTopic.programs[state.lastTopic.programs.length - 1]
          const card = program
            ? this.#options.search.get(this.#options.benefits.programs[program].apply[0] ?? '')
            : undefined
          if (card)
            return done(
              await answerFromCard(
                card,
                text,
                intent.aspect === 'general' ? 'process' : intent.aspect,
                this.#options.phraser,
                new Date(this.#now()),
              ),
            )
        }
        break
    }
    return done(await this.#freeText(state, profile, text, intent))
  }

  async #freeText(state: DialogueState, profile: Profile, text: string, intent: Intent): Promise<OutboundReply> {
    if (state.mode !== 'idle') return this.#answerInAssessment(state, profile, text, intent)
    const reading = readReply(text, { facts: [], step: 'idle' }, profile.facts, {
      lastFiscalYear: this.#lastFiscalYear(),
    })
    if (reading.injection) return { text: `${replies.INJECTION_NOTICE}\n${replies.MENU}`, citations: [] }
    // A correction after a verdict re-runs it on the updated facts (a question such as “如果研发费用是500万呢？” is no correction).
    // Outside an assessment a question is answered, whatever facts it mentions ("深圳的小巨人奖励多少" sets nothing).
    const rerun = reading.asks ? null : rerunAfterVerdict(state, profile, reading.facts, this.#usedBy)
    const bounds = reading.asks ? {} : usableBounds(reading.bounds)
    if (rerun) {
      const notes = this.#storeBounds(rerun.programs, profile, bounds, true)
      return this.#rerunVerdict(state, profile, reading.facts, {
        ...rerun,
        changed: [rerun.changed, ...notes].join('\n'),
      })
    }
    // "营收其实不到一千万": a bound after a verdict re-runs it too.
    const verdictPrograms = state.lastTopic?.kind === 'program' ? state.lastTopic.programs : []
    const boundUsed = (Object.keys(bounds) as FactName[]).some((fact) =>
      verdictPrograms.some((program) => this.#usedBy(program).includes(fact)),
    )
    if (boundUsed && Object.keys(reading.facts).length === 0) {
      const notes = this.#storeBounds(verdictPrograms, profile, bounds, true)
      return this.#rerunVerdict(state, profile, {}, { programs: [...verdictPrograms], changed: notes.join('\n') })
    }
    if ((Object.keys(reading.facts).length > 0 || Object.keys(bounds).length > 0) && !reading.asks) {
      Object.assign(profile.facts, reading.facts)
      dropBounds(profile, Object.keys(reading.facts))
      recordBounds(profile, bounds, false)
      const recorded = [
        ...(Object.keys(reading.facts).length > 0 ? [summarizeFacts(reading.facts).replace(/\n/g, '；')] : []),
        ...describeBounds({ ...profile, bounds }),
      ].join('；')
      return { text: `已记下：${recorded}。\n想知道能评哪一级，请发送“我们能评哪个？”`, citations: [] }
    }
    return this.#answerQuestion(state, text)
  }

  /** A reply while assessing or at the summary, read against what the pending question expects. */
  async #answerInAssessment(
    state: DialogueState,
    profile: Profile,
    text: string,
    intent: Intent,
  ): Promise<OutboundReply> {
    const confirming = state.mode === 'confirming'
    if (state.confirmation) return this.#answerConfirmation(state, profile, text, intent)
    const expected = this.#expected(state)
    const grammar = readReply(text, expected, profile.facts, {
      lastFiscalYear: this.#lastFiscalYear(),
      lastValues: state.lastValues,
    })
    if (grammar.injection)
      return { text: `${replies.INJECTION_NOTICE}\n${this.#pendingQuestion(state)}`, citations: [] }
    const reading = await this.#withProposal(text, expected, grammar, profile)
    switch (reading.act) {
      case 'answer':
      case 'correct':
        return this.#applyAndContinue(state, profile, reading)
      case 'unknown':
      case 'skip':
        if (reading.unknown.length > 0) return this.#applyAndContinue(state, profile, reading)
        break
      case 'confirm':
        if (confirming) return this.#giveVerdict(state, profile, text)
        break
      case 'deny':
        if (confirming) {
          // "员工数不对": the item is named, only its value is missing.
          const named = reading.mentioned.filter((fact) => profile.facts[fact] !== undefined)
          if (named.length > 0) {
            const items = named.map(
              (fact) => `${FACT_LABELS[fact].label}（现为${describeFactValue(fact, profile.facts[fact])}）`,
            )
            state.pending = named
            return { text: `${items.join('、')}应该是多少？直接告诉我正确的值即可。`, citations: [] }
          }
          state.misses += 1
          if (state.misses >= 2) return this.#explainExpected(state)
          return {
            text: `哪一项不对？直接告诉我正确的值，例如“员工是120人”。\n${this.#summary(state, profile)}`,
            citations: [],
          }
        }
        break
      case 'ask':
        return this.#answerMidAssessment(state, text)
      case 'none':
        if (intent.kind === 'follow-up-aspect') return this.#answerMidAssessment(state, text)
        break
    }
    return this.#notUnderstood(state)
  }

  /**
   * Asks the LLM reader, when there is one, what a reply to a question says. Values it proposes are checked
   * (checkProposal); where it agrees with the grammar nothing changes, where only it found a value or the two
   * disagree, the value is confirmed with the user instead of stored. A failure leaves the grammar's reading.
   */
  async #withProposal(
    text: string,
    expected: ExpectedAnswer,
    reading: ReplyReading,
    profile: Profile,
  ): Promise<ReplyReading> {
    const propose = this.#options.proposeReading
    if (!propose || expected.step !== 'question' || !['answer', 'correct', 'none'].includes(reading.act)) return reading
    const proposal = await propose({ text, expected: expected.facts }).catch(() => null)
    if (!proposal) return reading
    const { confirm } = checkProposal(text, proposal, reading.facts, profile.facts, {
      lastFiscalYear: this.#lastFiscalYear(),
    })
    const names = Object.keys(confirm) as FactName[]
    if (names.length === 0) return reading
    return {
      ...reading,
      act: reading.act === 'none' ? 'answer' : reading.act,
      facts: { ...reading.facts, ...confirm },
      unsure: [...new Set([...reading.unsure, ...names])],
    }
  }

  /** What the pending question expects, for readReply. */
  #expected(state: DialogueState): ExpectedAnswer {
    // At the summary, pending holds the items said to be wrong whose value was asked for ("员工数不对").
    if (state.mode === 'confirming') return { facts: state.pending, step: 'summary' }
    const group = this.#pendingGroup(state)
    return { facts: state.pending, step: 'question', ...(group?.yesNo ? { yesNo: group.yesNo } : {}) }
  }

  #pendingGroup(state: DialogueState): QuestionGroup | undefined {
    return QUESTION_GROUPS.find(
      (candidate) => state.pending.length > 0 && state.pending.every((fact) => candidate.facts.includes(fact)),
    )
  }

  /** A question asked mid-assessment: answered (a term definition, else the policy cards), then the pending question again. */
  async #answerMidAssessment(state: DialogueState, text: string): Promise<OutboundReply> {
    // “独立法人是啥意思，分公司算吗？”: a term of the standard, answered from its 附件 text; else from the policy cards.
    const term = explainTerm(text)
    const answer = term ? composeTermAnswer(term, this.#options.search) : await this.#answerQuestion(state, text)
    return { ...answer, text: `${answer.text}\n\n继续刚才的问题：${this.#pendingQuestion(state)}` }
  }

  /** The first miss asks again; the second says what is expected with two examples to tap and offers 重新开始. */
  #notUnderstood(state: DialogueState): OutboundReply {
    state.misses += 1
    if (state.misses >= 2) return this.#explainExpected(state)
    return { text: `没太明白您的回答。${this.#pendingQuestion(state)}`, citations: [] }
  }

  #explainExpected(state: DialogueState): OutboundReply {
    const examples = this.#examples(state)
    const what =
      state.mode === 'confirming'
        ? '请确认上面的信息，或告诉我要改的那一项'
        : `我需要的是：${this.#pendingQuestion(state).split('\n')[0]}`
    return {
      text: `${what}\n可以直接回复：${examples.map((example) => `“${example}”`).join(' 或 ')}\n${replies.SKIP_HINT}想从头来请回复“重新开始”。`,
      citations: [],
      suggestions: [...examples, '重新开始'],
    }
  }

  #examples(state: DialogueState): string[] {
    if (state.mode === 'confirming' || state.confirmation)
      return state.confirmation ? ['对', '不对'] : ['确认', '研发费用是240万']
    const group = this.#pendingGroup(state)
    const alone = state.pending.length === 1 ? group?.alone?.[state.pending[0]] : undefined
    // The examples are tapped as replies: their {Y1}/{Y2}/{Y3} are real years, as in the question.
    const example = fillYears(alone?.example ?? group?.example ?? '', this.#lastFiscalYear())
    const parts = example
      .replace(/^例如：/, '')
      .split(/\s*\/\s*/)
      .filter((part) => part !== '')
    if (parts.length >= 2) return parts.slice(0, 2)
    return [parts[0] ?? '不知道', '不知道']
  }

  /** The reply to "您是说…，对吗？": 对 stores the reading, 不对 drops it, a new value answers the question. */
  async #answerConfirmation(
    state: DialogueState,
    profile: Profile,
    text: string,
    intent: Intent,
  ): Promise<OutboundReply> {
    const confirmation = state.confirmation
    if (!confirmation) return this.#notUnderstood(state)
    const reading = readReply(text, { facts: [], step: 'summary' }, profile.facts, {
      lastFiscalYear: this.#lastFiscalYear(),
    })
    if (reading.act === 'confirm') {
      state.confirmation = null
      const facts = confirmation.facts
      const notes = this.#store(state, profile, facts, {})
      return this.#continueAssessment(state, profile, notes.join('\n'))
    }
    if (reading.act === 'deny' && Object.keys(reading.facts).length === 0) {
      state.confirmation = null
      state.misses = 0
      return { text: `好的，没有记下。${this.#pendingQuestion(state)}`, citations: [] }
    }
    if (reading.act === 'answer' || reading.act === 'correct' || reading.act === 'unknown' || reading.act === 'ask') {
      state.confirmation = null
      return this.#answerInAssessment(state, profile, text, intent)
    }
    state.misses += 1
    if (state.misses >= 2) return this.#explainExpected(state)
    return { text: confirmation.question, citations: [], suggestions: ['对', '不对'] }
  }

  async #answerQuestion(state: DialogueState, text: string): Promise<OutboundReply> {
    // "小巨人咋申请": how to apply for a tier is answered from its 申报 article.
    const tier = howToApplyProgram(text)
    const applyCard = tier ? this.#options.search.get(this.#options.benefits.programs[tier].apply[0] ?? '') : undefined
    if (applyCard) {
      state.lastTopic = { kind: 'policy', cardIds: [applyCard.id], query: text }
      return answerFromCard(applyCard, text, 'process', this.#options.phraser, new Date(this.#now()))
    }
    const answer = await answerPolicyQuestion(this.#options.search, this.#options.phraser, text, detectAspect(text), {
      today: new Date(this.#now()),
      benefits: this.#options.benefits,
    })
    if (answer.cardIds.length > 0) state.lastTopic = { kind: 'policy', cardIds: answer.cardIds, query: text }
    // A short message that matched nothing and names no policy word is off-topic; a referral (个人买房契税多少 →
    // 12345) keeps its own reply.
    if (answer.offTopic && state.mode === 'idle' && text.length <= 8) {
      return { text: replies.OUT_OF_SCOPE, citations: [] }
    }
    return answer.reply
  }

  async #followUpProgram(
    state: DialogueState,
    profile: Profile,
    program: Program,
    text: string,
  ): Promise<OutboundReply> {
    if (state.lastTopic?.kind === 'policy') {
      const rewritten = (await this.#options.phraser.rewriteQuery?.(text, state.lastTopic.query)) ?? null
      const query =
        rewritten ?? `${PROGRAM_NAMES[program]} ${state.lastTopic.query.replace(/(专精特新|小巨人|创新型)/g, '')}`
      return this.#answerQuestion(state, query)
    }
    if (state.lastTopic?.kind === 'program' || state.mode !== 'idle' || Object.keys(profile.facts).length > 0) {
      return this.#startAssessment(state, profile, [program], '')
    }
    return this.#answerQuestion(state, text)
  }

  /**
   * Stores what a reply said. A known fact is never overwritten by a weaker reading (a description for a fact not
   * asked, or an unsure one): that is asked back in one short question instead; a real change is echoed.
   */
  async #applyAndContinue(state: DialogueState, profile: Profile, readingIn: ReplyReading): Promise<OutboundReply> {
    // A bound ("营收没到一千万") is no value: it is kept apart from the facts, and the rules decide from it what only
    // needs the side of a threshold; the figure is asked for only where a threshold lies inside it.
    const bounds = usableBounds(readingIn.bounds)
    // "80人左右", "500万左右": a round figure of one significant digit is no exact value, but it is the owner's
    // best figure: it is proposed for a one-tap confirmation (您是说员工人数80人，对吗？) instead of asked again.
    // With another figure to say again ("营收1e308万"), both are asked again together, so neither is lost.
    const confirm: Facts = {}
    for (const bound of readingIn.bounds) {
      const rejected = readingIn.rejected.some((rejection) => rejection.fact === bound.fact)
      if (bound.op === 'approx' && rejected && !(bound.fact in readingIn.facts) && !(bound.fact in bounds))
        (confirm as Record<string, unknown>)[bound.fact] = bound.value
    }
    const askAgain = readingIn.rejected.filter(
      (rejection) => !(rejection.fact in bounds) && !(rejection.fact in confirm),
    )
    if (askAgain.length > 0) for (const fact of Object.keys(confirm)) delete (confirm as Record<string, unknown>)[fact]
    const reading: ReplyReading = {
      ...readingIn,
      rejected: readingIn.rejected.filter((rejection) => !(rejection.fact in bounds) && !(rejection.fact in confirm)),
    }
    const store: Facts = {}
    for (const [name, value] of Object.entries(reading.facts) as Array<[FactName, unknown]>) {
      const old = profile.facts[name]
      const changes = old !== undefined && !sameValue(old, value)
      const weaker =
        changes &&
        !reading.correction &&
        reading.cleared.length === 0 &&
        !state.pending.includes(name) &&
        (reading.scores[name] ?? 1) < 1
      if (reading.unsure.includes(name) || weaker) (confirm as Record<string, unknown>)[name] = value
      else (store as Record<string, unknown>)[name] = value
    }
    // "研发人员那个数先别算": a value withdrawn is said back, and asked again when its question comes.
    const withdrawn = reading.cleared.flatMap((fact) =>
      profile.facts[fact] === undefined
        ? []
        : [`${FACT_LABELS[fact].label}（原为${describeFactValue(fact, profile.facts[fact])}）`],
    )
    for (const fact of reading.cleared) delete profile.facts[fact]
    const notes = this.#store(state, profile, store, reading)
    if (withdrawn.length > 0) notes.unshift(`已撤回${withdrawn.join('、')}。`)
    notes.push(...this.#storeBounds(state.programs, profile, bounds, reading.correction || state.mode === 'confirming'))
    for (const fact of reading.unknown) if (!profile.unknown.includes(fact)) profile.unknown.push(fact)
    if (reading.unknown.length > 0) notes.push('不清楚的先跳过，结果里会说明它影响什么。')
    if (reading.rejected.length > 0) {
      const reasons = reading.rejected.map((rejection) => rejection.reason).join('\n')
      return { text: [...notes, reasons].join('\n'), citations: [] }
    }
    if (Object.keys(confirm).length > 0) {
      const said = (name: FactName, value: unknown) =>
        FACT_OPTION_LABELS[name]
          ? describeFactValue(name, value)
          : `${FACT_LABELS[name].label}${describeFactValue(name, value)}`
      const question = `您是说${Object.entries(confirm)
        .map(([name, value]) => said(name as FactName, value))
        .join('、')}，对吗？`
      state.confirmation = { facts: confirm, question }
      return { text: [...notes, question].join('\n'), citations: [], suggestions: ['对', '不对'] }
    }
    if (state.mode === 'confirming') {
      state.misses = 0
      state.pending = []
      return { text: `${notes.join('\n')}\n${this.#summary(state, profile)}`.trim(), citations: [] }
    }
    return this.#continueAssessment(state, profile, notes.join('\n'))
  }

  /** Stores facts, keeps their numbers as the last values, and says what was recorded or changed. */
  #store(state: DialogueState, profile: Profile, facts: Facts, _reading: Partial<ReplyReading>): string[] {
    const notes: string[] = []
    const recorded: Facts = {}
    const changed: string[] = []
    for (const [name, value] of Object.entries(facts) as Array<[FactName, unknown]>) {
      const old = profile.facts[name]
      if (old !== undefined && !sameValue(old, value)) {
        changed.push(
          `${FACT_LABELS[name].label}已改为${describeFactValue(name, value)}（原为${describeFactValue(name, old)}）`,
        )
      } else (recorded as Record<string, unknown>)[name] = value
      profile.unknown = profile.unknown.filter((fact) => fact !== name)
    }
    Object.assign(profile.facts, facts)
    dropBounds(profile, Object.keys(facts))
    state.misses = 0
    const numbers = (Object.entries(facts) as Array<[FactName, unknown]>).flatMap(([fact, value]) =>
      typeof value === 'number' ? [{ fact, value }] : [],
    )
    if (numbers.length > 0) state.lastValues = numbers
    if (changed.length > 0) notes.push(`${changed.join('；')}。`)
    if (Object.keys(recorded).length > 0) notes.push(`已记下：${summarizeFacts(recorded).replace(/\n/g, '；')}。`)
    return notes
  }

  /** An opening with an intent: the facts it carries are stored first ("我们公司注册在天津，能评小巨人吗" ends at once). */
  async #startWithFacts(
    state: DialogueState,
    profile: Profile,
    programs: Program[],
    text: string,
  ): Promise<OutboundReply> {
    const reading = readReply(text, { facts: [], step: 'idle' }, profile.facts, {
      lastFiscalYear: this.#lastFiscalYear(),
    })
    const notes = reading.injection ? [] : this.#store(state, profile, reading.facts, reading)
    if (!reading.injection) notes.push(...this.#storeBounds(programs, profile, usableBounds(reading.bounds), false))
    if (!reading.injection) notes.push(...this.#otherWays(programs, profile, Object.keys(reading.facts) as FactName[]))
    const names = programs.map((program) => PROGRAM_NAMES[program]).join('、')
    const intro = `好的，我们按北京市评价标准测一下能否评上${names}。我会一次问一组问题，随时可以说“不知道”跳过。`
    return this.#startAssessment(state, profile, programs, [...notes, intro].join('\n'))
  }

  /**
   * "小巨人咋申请 我们是做软件的 员工两百个": the tier's 申报 article answers how to apply, before the assessment of the
   * firm it describes starts.
   */
  async #withHowToApply(programs: readonly Program[], text: string, started: OutboundReply): Promise<OutboundReply> {
    const program = programs[programs.length - 1]
    const card = program ? this.#options.search.get(this.#options.benefits.programs[program].apply[0] ?? '') : undefined
    if (!card) return started
    const howTo = await answerFromCard(card, text, 'process', this.#options.phraser, new Date(this.#now()))
    return {
      ...started,
      text: `${howTo.text}\n\n${started.text}`,
      citations: [...howTo.citations, ...started.citations],
    }
  }

  async #startAssessment(
    state: DialogueState,
    profile: Profile,
    programs: Program[],
    preface: string,
  ): Promise<OutboundReply> {
    state.mode = 'assessing'
    state.programs = [...programs]
    state.pending = []
    state.misses = 0
    state.confirmation = null
    state.exactScore = false
    state.lastTopic = { kind: 'program', programs }
    profile.lastPrograms = [...programs]
    const names = programs.map((program) => PROGRAM_NAMES[program]).join('、')
    const intro =
      preface || `好的，我们按北京市评价标准测一下能否评上${names}。我会一次问一组问题，随时可以说“不知道”跳过。`
    return this.#continueAssessment(state, profile, intro)
  }

  /** The next step of an assessment of `programs` on what the profile holds (facts, unknowns and bounds). */
  #advance(programs: readonly Program[], profile: Profile) {
    return advanceAssessment(
      programs,
      profile.facts,
      profile.unknown,
      this.#assessFor(profile),
      this.#usedBy,
      boundedFacts(profile),
    )
  }

  async #continueAssessment(state: DialogueState, profile: Profile, preface: string): Promise<OutboundReply> {
    const step = this.#advance(state.programs, profile)
    const lead = preface ? `${preface}\n` : ''
    if (step.kind === 'ask') {
      state.mode = 'assessing'
      state.pending = step.question.facts
      return {
        text: `${lead}${renderQuestion(step.question.group, step.question.facts, this.#lastFiscalYear())}`,
        citations: [],
      }
    }
    // Finishing the exact score after a ranged verdict: ask what still moves it, then give the verdict again.
    const exact = state.exactScore
      ? planExactScore(step.results, profile.unknown, profile.facts, this.#lastFiscalYear()).next
      : null
    if (exact) {
      state.pending = exact.facts
      return { text: `${lead}${renderQuestion(exact.group, exact.facts, this.#lastFiscalYear())}`, citations: [] }
    }
    if (step.stoppedEarly || state.exactScore) return this.#verdictReply(state, profile, step.results, lead)
    state.mode = 'confirming'
    state.pending = []
    return { text: `${lead}${this.#summary(state, profile)}`, citations: [] }
  }

  /** The summary before the verdict. */
  #summary(state: DialogueState, profile: Profile): string {
    const relevant = this.#relevantFacts(state.programs)
    const summary = [summarizeByGroup(profile.facts, relevant), ...describeBounds(profile, relevant)]
      .filter((part) => part !== '')
      .join('\n')
    const unknown =
      profile.unknown.length > 0 ? `\n不清楚：${profile.unknown.map((fact) => summarizeLabel(fact)).join('、')}` : ''
    return `请核对您提供的信息：\n${summary}${unknown}\n${replies.CONFIRM_PROMPT}`
  }

  async #giveVerdict(state: DialogueState, profile: Profile, userText: string): Promise<OutboundReply> {
    const step = this.#advance(state.programs, profile)
    return this.#verdictReply(state, profile, step.results, '', userText)
  }

  async #verdictReply(
    state: DialogueState,
    profile: Profile,
    results: AssessmentResult[],
    lead: string,
    userText = '',
  ): Promise<OutboundReply> {
    // Verdicts are never re-worded by an LLM: "符合/不符合" is not a number, so no grounding check could guard it.
    void userText
    const plan = planExactScore(results, profile.unknown, profile.facts, this.#lastFiscalYear())
    const verdict = composeVerdict(results, this.#options.search, this.#options.benefits, {
      exactScoreQuestions: plan.questions,
    })
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
    const resultsFor = (programs: readonly Program[]) => this.#advance(programs, profile).results
    return {
      resultsFor,
      search: this.#options.search,
      benefits: this.#options.benefits,
      lastYear: this.#lastFiscalYear(),
    }
  }

  /** Records the corrected facts and gives the verdict again (or asks first when the change opened a question). */
  async #rerunVerdict(
    state: DialogueState,
    profile: Profile,
    facts: Facts,
    rerun: VerdictRerun,
  ): Promise<OutboundReply> {
    Object.assign(profile.facts, facts)
    dropBounds(profile, Object.keys(facts))
    profile.unknown = profile.unknown.filter((fact) => !(fact in facts))
    state.programs = rerun.programs
    const step = this.#advance(state.programs, profile)
    if (step.kind === 'ask') return this.#continueAssessment(state, profile, `${rerun.changed}还需要补充：`)
    return this.#verdictReply(state, profile, step.results, `${rerun.changed}按新信息重新评估：\n`)
  }

  #pendingQuestion(state: DialogueState): string {
    const group = this.#pendingGroup(state)
    if (state.confirmation) return state.confirmation.question
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
    const bounded = describeBounds(profile)
    if (known === 0 && profile.unknown.length === 0 && bounded.length === 0) return replies.NO_FACTS_YET
    const unknown = profile.unknown.length > 0 ? `\n不清楚：${profile.unknown.map(summarizeLabel).join('、')}` : ''
    const rough = bounded.length > 0 ? `\n${bounded.join('\n')}` : ''
    return `您已提供${known}项信息：\n${summarizeFacts(profile.facts)}${rough}${unknown}\n（“删除我的数据”可全部清除）`
  }

  /**
   * "还能评吗" after a fact that fails one way of an either/or condition: the standard's sentence, so the owner hears
   * the other way ("或…近2年新增股权融资…2000万元以上") before the questions start.
   */
  #otherWays(programs: readonly Program[], profile: Profile, given: readonly FactName[]): string[] {
    if (given.length === 0) return []
    const rules = this.#rules()
    const lines = programs.flatMap((program) =>
      openAlternatives(program, profile.facts, given, rules, profile.bounds).map((open) => {
        const said = open.failedBy
          .map((fact) => `${FACT_LABELS[fact].label}${describeFactValue(fact, profile.facts[fact])}`)
          .join('、')
        return `${said}不满足这一条的一种情形，还可以按另一种满足（标准原文）：${open.text}`
      }),
    )
    return [...new Set(lines)]
  }

  /** Assesses with what the profile says about figures not given (its bounds). */
  #assessFor(profile: Profile): (program: Program, facts: Facts) => AssessmentResult {
    const rules = this.#rules()
    const bounds = profile.bounds
    return (program, facts) => assess(program, facts, rules, bounds)
  }

  /**
   * Stores the bounds a reply gives ("营收没到一千万") and says what they settle: the conditions and score items
   * decided from the side of their threshold, or that the figure is still needed.
   */
  #storeBounds(programs: readonly Program[], profile: Profile, given: FactBounds, correcting: boolean): string[] {
    if (Object.keys(given).length === 0) return []
    const before = {
      ...profile,
      facts: { ...profile.facts },
      bounds: profile.bounds ? { ...profile.bounds } : undefined,
    }
    const { stored, notes } = recordBounds(profile, given, correcting)
    if (stored.length === 0 || programs.length === 0) return notes
    const withBounds = this.#assessFor(profile)
    const without = this.#assessFor(before)
    const after = programs.map((program) => withBounds(program, profile.facts))
    const earlier = programs.map((program) => without(program, before.facts))
    return [...notes, ...describeBoundDecision(stored, profile.bounds ?? {}, earlier, after)]
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

function boundedFacts(profile: Profile): FactName[] {
  return Object.keys(profile.bounds ?? {}) as FactName[]
}

/** The bounds of the profile (of the given facts, when given), one line each. */
function describeBounds(profile: Profile, names?: readonly FactName[]): string[] {
  return (Object.entries(profile.bounds ?? {}) as Array<[FactName, NonNullable<FactBounds[FactName]>]>)
    .filter(([fact]) => !names || names.includes(fact))
    .map(([fact, interval]) => describeBound(fact, interval))
}

function summarizeLabel(fact: FactName): string {
  return FACT_LABELS[fact].label
}

function sameValue(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right)
}

function viewOf(state: DialogueState, profile: Profile): SessionView {
  return {
    mode: state.mode,
    programs: state.programs,
    pending: state.pending,
    facts: profile.facts,
    unknown: profile.unknown,
    bounds: profile.bounds ?? {},
  }
}
