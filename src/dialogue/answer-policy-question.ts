import type { Citation, OutboundReply } from './messages.js'
import type { PolicyCard } from '../knowledge/card-schema.js'
import { describeValidity } from '../knowledge/describe-validity.js'
import type { Phraser } from '../phrasing/phraser.js'
import { cardText, decideAnswer, placeAliases, type AnswerDecision } from '../search/answer-decision.js'
import { loadAnswerDecisionWords, type AnswerDecisionWords } from '../search/load-answer-decision-words.js'
import { takeBuildSeed } from '../shared/build-seeds.js'
import { currentLexicon } from '../understanding/current-lexicon.js'
import { toSimplified } from '../understanding/to-simplified.js'
import { loadSynonyms, type SynonymMap } from '../search/load-synonyms.js'
import { normalizeForSearch } from '../search/tokenizer.js'
import { asksBoundary, candidateClauses, composePolicyAnswer } from './compose-policy-answer.js'
import { loadAnswerAspects, type AnswerAspects } from './load-answer-aspects.js'
import { composeTierBenefits } from './compose-tier-benefits.js'
import type { Aspect } from './detect-intent.js'
import { detectTierBenefitQuestion } from './detect-tier-benefit-question.js'
import { asksStillOpen, splitSubQuestions } from './split-sub-questions.js'
import { findProgram, markProgramNames } from '../understanding/find-program.js'
import type { TierBenefits } from './load-tier-benefits.js'
import type { PolicySearch } from './ports.js'
import { NOT_FOUND_HOTLINE } from './replies.js'

export interface PolicyAnswer {
  reply: OutboundReply
  /** The cards answered from (empty when nothing matched). */
  cardIds: string[]
  /** Set when nothing matched and the question holds no policy word (answer-decision.json domainWords): off-topic. */
  offTopic?: true
}

/** Agencies to point to when nothing matches, by topic words in the question. Data, reviewed like the cards. */
/** The agency a question no card answers is pointed to besides 12345 (answer-decision.json notFoundAgencies). */
function likelyAgency(question: string): string | null {
  return (
    decisionWords().notFoundAgencies.find(({ words }) => words.some((word) => question.includes(word)))?.agency ?? null
  )
}

/** The reply when no card matches confidently: say so plainly, never guess. */
export function notFoundReply(question: string, name?: string): OutboundReply {
  const agency = likelyAgency(question)
  const where = agency ? `${NOT_FOUND_HOTLINE}，或联系${agency}。` : `${NOT_FOUND_HOTLINE}。`
  return { text: `没有找到${name ? `“${name}”` : ''}相关政策。${where}`, citations: [] }
}

let defaultWords: AnswerDecisionWords | null = null
let defaultSynonyms: SynonymMap | null = null
const decisionWords = () =>
  (defaultWords ??= takeBuildSeed<AnswerDecisionWords>('answerDecision') ?? loadAnswerDecisionWords())
const synonyms = () => (defaultSynonyms ??= loadSynonyms())
let defaultAspects: AnswerAspects | null = null
const aspects = () => (defaultAspects ??= loadAnswerAspects())

/** The question's colloquial words (knowledge/synonyms.json) whose formal word the text holds ("开书店" for 实体书店). */
function synonymsStated(question: string, text: string): string[] {
  const normalized = normalizeForSearch(question)
  return normalizedSynonyms(synonyms())
    .filter((entry) => entry.to.some((word) => text.includes(normalizeForSearch(word))))
    .flatMap((entry) => entry.from.filter((word) => normalized.includes(word)))
}

/** Formal words for the question's colloquial ones (knowledge/synonyms.json), to rank a card's clauses. */
function synonymTerms(question: string): string[] {
  const normalized = normalizeForSearch(question)
  return normalizedSynonyms(synonyms())
    .filter((entry) => entry.from.some((word) => normalized.includes(word)))
    .flatMap((entry) => entry.to)
}

const NORMALIZED_SYNONYMS = new WeakMap<SynonymMap, Array<{ from: string[]; to: readonly string[] }>>()

/** The synonym entries with their colloquial words normalised (once per loaded file). */
function normalizedSynonyms(map: SynonymMap): Array<{ from: string[]; to: readonly string[] }> {
  let entries = NORMALIZED_SYNONYMS.get(map)
  if (!entries) {
    entries = map.entries.map((entry) => ({ from: entry.from.map(normalizeForSearch), to: entry.to }))
    NORMALIZED_SYNONYMS.set(map, entries)
  }
  return entries
}

function citationOf(card: PolicyCard): Citation {
  return { id: card.id, title: card.title }
}

/**
 * Answers from one card (used for follow-ups on the last topic and for the top search hit). `today` comes from
 * the caller's injected clock: an ended policy is announced before its text, an end date is stated after it.
 */
export async function answerFromCard(
  card: PolicyCard,
  question: string,
  aspect: Aspect,
  phraser: Phraser,
  today: Date,
  related: PolicyCard[] = [],
  options: { certain?: boolean; lead?: string; siblings?: ReadonlyArray<{ card: PolicyCard; weight: number }> } = {},
): Promise<OutboundReply> {
  const composeOptions = {
    aspect,
    certain: options.certain ?? true,
    extraTerms: [...synonymTerms(question), ...placeAliases(question, cardText(card), decisionWords())],
    siblings: options.siblings,
    decision: decisionWords(),
    focusStated: synonymsStated(question, cardText(card)),
  }
  // With an LLM, it may choose among the ranked clauses; they are still quoted by code, and the ranked choice is the fallback.
  const candidates = phraser.chooseClauses ? candidateClauses(card, question, composeOptions) : []
  const picked =
    candidates.length > 1
      ? await phraser.chooseClauses?.(
          question,
          candidates.map((clause) => clause.text),
        )
      : null
  const chosen = picked ? picked.map((index) => candidates[index]).filter((clause) => clause !== undefined) : undefined
  const composed = composePolicyAnswer(card, question, { ...composeOptions, chosen })
  const phrased = await phraser.phrase({
    purpose: 'policy-answer',
    userText: question,
    templateText: composed.body,
    sources: composed.sources,
  })
  const relatedLine = related.length > 0 ? `\n相关政策：${related.map((item) => `《${item.title}》`).join('；')}` : ''
  // Validity is stated by code, outside phrasing, like the source line.
  const answered = composed.card
  const validity = describeValidity(answered, today)
  const lead = `${options.lead ? `${options.lead}\n` : ''}${validity.status === 'ended' ? `${validity.text}\n` : ''}`
  // Asked whether it still runs and the source states no end: say so, not silence.
  const unstatedEnd =
    answered.validUntil === null && asksStillOpen(question, aspects()) ? aspects().stillOpen?.unstated : undefined
  const validityLine = validity.status !== 'ended' ? (validity.text ?? unstatedEnd) : null
  const tail = validityLine ? `\n${validityLine}` : ''
  const text = `${lead}${phrased.text}${tail}\n${composed.footer}${relatedLine}`
  return {
    text,
    citations: [citationOf(answered), ...related.filter((item) => item.id !== answered.id).map(citationOf)],
    card: {
      kind: 'policy',
      title: answered.title,
      tone: 'blue',
      blocks: [
        { text: `${lead}${phrased.text.replace(/^【[^】]*】\n?/, '')}${tail}` },
        ...(related.length > 0 ? [{ heading: '相关政策', text: related.map((item) => item.title).join('\n') }] : []),
      ],
      footer: composed.footer,
    },
  }
}

/**
 * The question without the place it names and the words that ask for its own policy, to look for the Beijing
 * counterpart ("深圳的小巨人奖励" → "小巨人奖励", "新加坡政府那边有补贴吗" → "有补贴吗").
 */
function withoutPlace(question: string, place: string, markers: readonly string[]): string {
  const own = [...markers, '那边', '那里', '这边'].sort((left, right) => right.length - left.length).join('|')
  return normalizeForSearch(question).replace(new RegExp(`${place}(市|省|区|新区)?的?((${own})的?)*`, 'gu'), ' ')
}

/** How many hits are read, and how close to the top one a hit must score for its clauses to be quoted. */
const SIBLING_HITS = 10
const SIBLING_SHARE = 0.7
/**
 * Another article of the top card's own document may hold the asked clause though the search ranks it lower
 * ("几月份申报" is in the 细则's article on applying, the card on top holds the criteria): its clauses compete,
 * discounted by its score.
 */
const SAME_DOCUMENT_SHARE = 0.4

/** The decision for a question (exported for the eval and tests). */
export function decidePolicyAnswer(
  search: PolicySearch,
  question: string,
): { decision: AnswerDecision; related: PolicyCard[]; siblings: Array<{ card: PolicyCard; weight: number }> } {
  const result = search.search(question, { limit: SIBLING_HITS })
  const decision = decideAnswer(
    question,
    {
      hits: result.hits,
      coverage: result.coverage ?? (result.confident ? 1 : 0),
      statedBy: (card) => synonymsStated(question, cardText(card)),
    },
    decisionWords(),
  )
  const [top, ...rest] = result.hits
  const related = top
    ? rest
        .filter((hit) => hit.score >= top.score * 0.6)
        .slice(0, 2)
        .map((hit) => hit.card)
    : []
  const siblings = top
    ? rest
        .filter(
          (hit) =>
            hit.score >= top.score * SIBLING_SHARE ||
            (hit.card.documentTitle === top.card.documentTitle && hit.score >= top.score * SAME_DOCUMENT_SHARE),
        )
        .map((hit) => ({ card: hit.card, weight: hit.score / top.score }))
    : []
  // "正好1000万算不算": the article of the same document that defines 以上/以下 joins the clauses, wherever the search ranks it.
  const boundary = aspects().boundary
  if (top && boundary && asksBoundary(question, aspects())) {
    const rule = new RegExp(boundary.clausePattern, 'u')
    const definition = search
      .search(`${boundary.query} ${top.card.documentTitle}`, { limit: SIBLING_HITS })
      .hits.find(
        (hit) =>
          hit.card.documentTitle === top.card.documentTitle &&
          [hit.card.content, hit.card.requirements].some((text) => text !== null && rule.test(text)),
      )
    if (
      definition &&
      !siblings.some((sibling) => sibling.card.id === definition.card.id) &&
      definition.card !== top.card
    )
      siblings.push({ card: definition.card, weight: SAME_DOCUMENT_SHARE })
  }
  return { decision, related, siblings }
}

/** How much an application article of a named tier weighs against the card on top (a near tie: its clauses compete). */
const PROGRAM_APPLY_WEIGHT = 0.95
const APPLYING_ASPECTS = new Set(['timing', 'process', 'contact'])

/**
 * "小巨人一般几月份申报", "专精特新在哪个网站上报": a question on when, how or where to apply that names a tier is
 * answered from the tier's application articles (tier-benefits.json `apply`) as well, wherever the search ranks them.
 */
function programApplyCards(
  question: string,
  top: PolicyCard,
  benefits: TierBenefits,
  search: PolicySearch,
): Array<{ card: PolicyCard; weight: number }> {
  const program = findProgram(question)
  if (!program) return []
  if (!splitSubQuestions(question, aspects()).some((part) => APPLYING_ASPECTS.has(part.aspect))) return []
  const cards = [...benefits.programs[program].apply, ...benefits.applyAll]
    .map((id) => search.get(id))
    .filter((card): card is PolicyCard => card !== undefined && card.id !== top.id)
  // "专精特新贷怎么申请" asks about a product of the card on top, not about applying for the tier: a word the
  // question keeps besides the tier's name and asking words, found on that card but in no application article, says so.
  const words = [
    ...aspects().aspects.flatMap((entry) => entry.cues),
    ...benefits.questionWords.filler,
    ...benefits.questionWords.earned,
  ].sort((left, right) => right.length - left.length)
  // A tier's name is marked by "|": one character right after it names a product ("专精特新贷"), longer rests count by their bigrams.
  let rest = normalizeForSearch(markProgramNames(question))
  for (const word of words) rest = rest.split(normalizeForSearch(word)).join(' ')
  const applyText = cards.map(cardText).join('\n')
  const topText = cardText(top)
  const own = [...rest.matchAll(/(\|?)(\p{Script=Han}+)/gu)].flatMap(([, marked, run]) =>
    run.length === 1 ? (marked ? [run] : []) : [...run].slice(1).map((character, index) => run[index] + character),
  )
  if (own.some((term) => topText.includes(term) && !applyText.includes(term))) return []
  return cards.map((card) => ({ card, weight: PROGRAM_APPLY_WEIGHT }))
}

/** What answering needs besides search and phrasing: today's date (from the injected clock) and the tier data. */
export interface AnswerContext {
  today: Date
  benefits: TierBenefits
}

/**
 * Answers "评上专精特新有啥好处" from the tier-benefit data; searches the cards and answers extractively from the best
 * match for anything else. A place the knowledge base does not hold is said so (with the Beijing counterpart when
 * there is one), a person's own affairs go to 12345, and only when no card plausibly matches is the answer "没有找到".
 */
export async function answerPolicyQuestion(
  search: PolicySearch,
  phraser: Phraser,
  asked: string,
  aspect: Aspect,
  context: AnswerContext,
): Promise<PolicyAnswer> {
  // "算力券怎麼申請": the cards are in simplified characters (knowledge/lexicon/traditional.json).
  const question = toSimplified(asked, currentLexicon())
  const { today } = context
  const words = decisionWords()
  const { decision, related, siblings } = decidePolicyAnswer(search, question)
  // Another city or a person's own affairs are said so even when the question names a tier ("深圳的小巨人奖励").
  if (decision.kind === 'answer' || decision.kind === 'not-found') {
    const tierQuestion = detectTierBenefitQuestion(question, context.benefits.questionWords)
    if (tierQuestion) {
      const composed = composeTierBenefits(tierQuestion.program, context.benefits, (id) => search.get(id), today)
      if (composed.cards.length > 0) {
        // The tier's application article leads the topic, so that "怎么申请？" next is about applying for the tier.
        const apply = context.benefits.programs[tierQuestion.program ?? 'specialized'].apply.slice(0, 1)
        const cardIds = [...apply, ...composed.cards.map((card) => card.id).filter((id) => !apply.includes(id))]
        return {
          reply: { text: `${composed.body}\n${composed.footer}`, citations: composed.citations, card: composed.card },
          cardIds,
        }
      }
    }
  }
  switch (decision.kind) {
    case 'personal':
      return { reply: { text: words.personalHotline, citations: [] }, cardIds: [] }
    case 'tax':
      return { reply: { text: words.taxHotline, citations: [] }, cardIds: [] }
    case 'assistant':
      return { reply: { text: decision.reply, citations: [] }, cardIds: [] }
    case 'registration':
      return { reply: { text: words.registrationHotline, citations: [] }, cardIds: [] }
    case 'service': {
      const text = words.serviceReply.replace('{matter}', decision.matter).replace('{agency}', decision.agency)
      return { reply: { text, citations: [] }, cardIds: [] }
    }
    case 'not-found':
      return {
        reply: notFoundReply(question, decision.reason === 'unknown-scheme' ? decision.name : undefined),
        cardIds: [],
        ...(words.domainWords.some((word) => question.includes(word)) ? {} : { offTopic: true as const }),
      }
    case 'outside-region': {
      const region =
        decision.placeKind === 'district'
          ? decision.district
            ? `${words.heldRegion}，${decision.place}属${decision.district}，区级政策请向${decision.district}政府咨询。`
            : `${words.heldRegion}，${decision.place}的区级政策请向区政府咨询。`
          : `${words.heldRegion}，没有${decision.place}的政策。`
      const counterpart = decidePolicyAnswer(search, withoutPlace(question, decision.place, words.ownPolicyMarkers))
      if (counterpart.decision.kind !== 'answer')
        return { reply: { text: `${region}${NOT_FOUND_HOTLINE}。`, citations: [] }, cardIds: [] }
      // A plausible counterpart is only named: quoting a guess as another place's answer helps nobody. A Beijing
      // district is another matter: the city's policy applies there, so a plausible city card is quoted, said so.
      if (!counterpart.decision.certain && decision.placeKind !== 'district') {
        const named = counterpart.decision.card
        return {
          reply: {
            text: `${region}北京市的相关政策可参考《${named.title}》。${NOT_FOUND_HOTLINE}。`,
            citations: [citationOf(named)],
          },
          cardIds: [named.id],
        }
      }
      const card = counterpart.decision.card
      const lead = decision.placeKind === 'district' ? `${region}以下为市级政策：` : `${region}北京市的对应政策：`
      const reply = await answerFromCard(card, question, aspect, phraser, today, [], {
        certain: counterpart.decision.certain,
        lead,
      })
      return { reply, cardIds: [card.id] }
    }
    case 'answer': {
      const reply = await answerFromCard(decision.card, question, aspect, phraser, today, related, {
        certain: decision.certain,
        siblings: [...siblings, ...programApplyCards(question, decision.card, context.benefits, search)],
      })
      return { reply, cardIds: reply.citations.map((citation) => citation.id) }
    }
  }
}
