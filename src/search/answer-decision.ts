import type { PolicyCard } from '../knowledge/card-schema.js'
import type { AnswerDecisionWords } from './load-answer-decision-words.js'
import { normalizeForSearch, stripStopPhrases } from './tokenizer.js'

/** What the search returned, as far as the decision needs it. */
export interface DecisionInput {
  hits: ReadonlyArray<{ card: PolicyCard; score: number }>
  /** Share of the question the top card's best passage covers, 0–1. */
  coverage: number
  /** Words of the question a card states in other words (a colloquial synonym of a term it holds: 四板). */
  statedBy?: (card: PolicyCard) => readonly string[]
}

export type AnswerDecision =
  /** Answer from the card; `certain` false means "您问的应是《…》". */
  | { kind: 'answer'; card: PolicyCard; certain: boolean }
  /** The question is about a place whose own policy the knowledge base does not hold. */
  | {
      kind: 'outside-region'
      place: string
      placeKind: 'city' | 'province' | 'district' | 'country'
      /** The district a Beijing neighbourhood lies in (望京 → 朝阳区). */
      district?: string
    }
  /** A person's own affairs (个税, 社保缴费, 公积金, 个人落户): 12345. */
  | { kind: 'personal'; matter: string }
  /** Tax administration (汇算清缴, 发票, 税率): 12366. */
  | { kind: 'tax'; matter: string }
  /** Company registration procedures (营业执照, 注销): 市场监管 / 12345. */
  | { kind: 'registration'; matter: string }
  /** Another authority's procedure (环评, 劳动仲裁, 食品经营许可): the agency that handles it, and 12345. */
  | { kind: 'service'; matter: string; agency: string }
  /** A request to the assistant itself (你是真人吗, 帮我写申报书): its own reply. */
  | { kind: 'assistant'; matter: string; reply: string }
  | { kind: 'not-found'; reason: 'no-match' | 'low-coverage' | 'off-topic' | 'unknown-scheme'; name?: string }

/** All the text of a card a place, a personal matter or a scheme name could be found in (normalised once per card). */
export function cardText(card: PolicyCard): string {
  let text = CARD_TEXT.get(card)
  if (text === undefined) {
    text = normalizeForSearch(
      [
        card.title,
        card.subtitle,
        card.heading,
        card.documentTitle,
        card.issuer,
        card.audience,
        card.content,
        card.requirements,
        card.process,
        card.timing,
        card.contact,
      ]
        .filter(Boolean)
        .join('\n'),
    )
    CARD_TEXT.set(card, text)
  }
  return text
}

/** Cards are never changed after loading (a reload builds new ones), so what is derived from one is kept with it. */
const CARD_TEXT = new WeakMap<PolicyCard, string>()
const SUBJECT_BIGRAMS = new WeakMap<AnswerDecisionWords, WeakMap<PolicyCard, string[]>>()

function bigrams(text: string): string[] {
  const result: string[] = []
  for (let index = 0; index + 1 < text.length; index += 1) result.push(text.slice(index, index + 2))
  return result
}

/** Share of a name's character bigrams that the text holds (1 for a name of one character found). */
function nameShare(name: string, text: string): number {
  const pairs = bigrams(name)
  if (pairs.length === 0) return text.includes(name) ? 1 : 0
  return pairs.filter((pair) => text.includes(pair)).length / pairs.length
}

/** Whether the question names the place as the author of a policy: "新加坡政府", "天津那边", "深圳市里". */
function asksOwnPolicy(normalized: string, place: string, markers: readonly string[]): boolean {
  for (let at = normalized.indexOf(place); at >= 0; at = normalized.indexOf(place, at + 1)) {
    const after = normalized.slice(at + place.length).replace(/^(市|省|区|县|新区)?的?/u, '')
    if (markers.some((marker) => after.startsWith(marker))) return true
  }
  return false
}

/**
 * Whether the normalised question names the place, not inside another word (京津冀 does not name 津冀, 沪深 not 沪)
 * nor as a dish or product (湘菜, 兰州拉面).
 */
function namesPlace(
  normalized: string,
  place: AnswerDecisionWords['places'][number],
  words: AnswerDecisionWords,
): boolean {
  const before = place.notAfter ?? []
  const after = place.notBefore ?? []
  for (let at = normalized.indexOf(place.name); at >= 0; at = normalized.indexOf(place.name, at + 1)) {
    const end = at + place.name.length
    const next = normalized[end]
    if (at > 0 && before.includes(normalized[at - 1])) continue
    if (next !== undefined && after.includes(next)) continue
    if (words.notPlaceBefore.some((word) => normalized.startsWith(word, end))) continue
    return true
  }
  return false
}

const PLACES_LONGEST_FIRST = new WeakMap<AnswerDecisionWords, AnswerDecisionWords['places']>()

/** The places, longest name first ("粤港澳" before "粤"), sorted once per loaded file. */
function placesLongestFirst(words: AnswerDecisionWords): AnswerDecisionWords['places'] {
  let places = PLACES_LONGEST_FIRST.get(words)
  if (!places) {
    places = [...words.places].sort((left, right) => right.name.length - left.name.length)
    PLACES_LONGEST_FIRST.set(words, places)
  }
  return places
}

/**
 * Whether a region word that contains the place (京津冀 for 廊坊, 东西城区 for 东城) stands in a line of the card about
 * what the question asks (a topic bigram of the question, the place's own name aside): "京津冀范围内首次采购…" covers a
 * Tianjin supplier's question about 采购, not 香河 firms' 技改 under a card that names 京津冀 for robots' first use.
 */
function coversAsked(
  normalized: string,
  place: AnswerDecisionWords['places'][number],
  text: string,
  words: AnswerDecisionWords,
): boolean {
  const covering = (place.coveredBy ?? []).filter((word) => text.includes(word))
  if (covering.length === 0) return false
  const own = [place.name, ...covering]
  const topic = topicBigrams(normalized, words).filter(
    (pair) => !own.some((word) => word.includes(pair) || pair.split('').some((character) => word.includes(character))),
  )
  return text
    .split('\n')
    .some((line) => covering.some((word) => line.includes(word)) && topic.some((pair) => line.includes(pair)))
}

/** The first place the question names whose policy no hit applies to, or null. */
export function outsidePlace(
  question: string,
  text: string,
  words: AnswerDecisionWords,
  title?: string,
): AnswerDecisionWords['places'][number] | null {
  const normalized = normalizeForSearch(question)
  for (const place of placesLongestFirst(words)) {
    if (!namesPlace(normalized, place, words)) continue
    // A district's own policy is held only when the card is that district's (昌平 is held); a card that merely
    // names the district in a rate table is city policy. A city the card names (or a region containing it) is covered,
    // unless the question asks for the place's own policy ("新加坡政府那边"). A country is named for a firm's business
    // abroad ("在美国也卖出去了"): only a question about its own policy is outside.
    if (place.kind === 'district') {
      if (!(title ?? '').includes(place.name)) return place
      continue
    }
    const own = asksOwnPolicy(normalized, place.name, words.ownPolicyMarkers)
    if (place.kind === 'country') {
      if (own) return place
      continue
    }
    if (own) return place
    // The card names the place itself (天津港), not inside another word (京津冀 does not name 津冀).
    if (namesPlace(text, place, words)) continue
    if (coversAsked(normalized, place, text, words)) continue
    return place
  }
  return unlistedCity(normalized, words) ?? unlistedDistrict(normalized, words, title)
}

/**
 * A city or province the place list does not name, asked for its own policy ("温岭市那边有补贴吗", "某某省政府"): two
 * characters, 市 or 省, then an own-policy marker; not the end of a common word (上市, 超市, 节省).
 */
function unlistedCity(normalized: string, words: AnswerDecisionWords): AnswerDecisionWords['places'][number] | null {
  for (const match of normalized.matchAll(/(\p{Script=Han}{2})(市|省)(?=\p{Script=Han})/gu)) {
    const [, name, level] = match
    const rest = normalized.slice((match.index ?? 0) + match[0].length)
    if (!words.ownPolicyMarkers.some((marker) => rest.replace(/^的/u, '').startsWith(marker))) continue
    if (words.notCityBefore.includes(name.slice(-1)) || words.heldPlaces.some((held) => name.endsWith(held))) continue
    return { name: `${name}${level}`, kind: level === '省' ? 'province' : 'city' }
  }
  return null
}

/**
 * A district the place list does not name ("福田区的企业上市 区里奖励多少"), when the question asks for a district's
 * own policy (区里, 区级): two characters before 区 that are not the end of a common word (园区, 社区, 开发区, 我们区).
 */
function unlistedDistrict(
  normalized: string,
  words: AnswerDecisionWords,
  title?: string,
): AnswerDecisionWords['places'][number] | null {
  if (!words.districtPolicyMarkers.some((marker) => normalized.includes(marker))) return null
  for (const match of normalized.matchAll(/(\p{Script=Han}{2})区/gu)) {
    const name = `${match[1]}区`
    // "先找区里吗": the 区 begins the marker itself.
    const rest = normalized.slice((match.index ?? 0) + 2)
    if (words.districtPolicyMarkers.some((marker) => rest.startsWith(marker))) continue
    if (words.notDistrictBefore.includes(match[1][1]) || words.notDistrictBefore.includes(match[1])) continue
    if ((title ?? '').includes(match[1])) continue
    return { name, kind: 'district' }
  }
  return null
}

/** For each place the question names that the card covers under another name (东城 → 东西城区), that name. */
export function placeAliases(question: string, text: string, words: AnswerDecisionWords): string[] {
  const normalized = normalizeForSearch(question)
  return words.places
    .filter((place) => namesPlace(normalized, place, words))
    .flatMap((place) => (place.coveredBy ?? []).filter((word) => text.includes(word)))
}

const LONGEST_FIRST = new WeakMap<AnswerDecisionWords, Map<string, readonly string[]>>()

/** A word list of the decision words, longest first (sorted once per loaded file). */
function longestFirst(words: AnswerDecisionWords, list: 'domainWords' | 'programSuffixes'): readonly string[] {
  let lists = LONGEST_FIRST.get(words)
  if (!lists) LONGEST_FIRST.set(words, (lists = new Map()))
  let sorted = lists.get(list)
  if (!sorted) {
    sorted = [...words[list]].sort((left, right) => right.length - left.length)
    lists.set(list, sorted)
  }
  return sorted
}

/** Character bigrams of the question's own subject: stop phrases and policy words removed. */
export function topicBigrams(question: string, words: AnswerDecisionWords): string[] {
  let rest = stripStopPhrases(question)
  for (const word of longestFirst(words, 'domainWords')) if (rest.includes(word)) rest = rest.split(word).join(' ')
  const pairs: string[] = []
  for (const run of rest.match(/[\p{Script=Han}]{2,}/gu) ?? [])
    for (let index = 0; index + 1 < run.length; index += 1) pairs.push(run.slice(index, index + 2))
  return pairs
}

/**
 * Whether the question names what the card is about: a character bigram of the card's (or its document's) title left after its policy
 * words and generic title words (北京市, 关于, 措施 …) are removed. A card that mentions 公积金 or 印花税 in passing
 * (a list of compliance checks, a pension fund's stamp duty) does not answer a question about them unless the
 * question is about the card's own subject too (家政 in "家政服务收入要交增值税吗").
 */
export function namesCardSubject(question: string, card: PolicyCard, words: AnswerDecisionWords): boolean {
  const normalized = normalizeForSearch(question)
  return subjectBigrams(card, words).some((pair) => normalized.includes(pair))
}

/** The character bigrams of a card's (and its document's) title that name its subject; computed once per card. */
function subjectBigrams(card: PolicyCard, words: AnswerDecisionWords): string[] {
  let byCard = SUBJECT_BIGRAMS.get(words)
  if (!byCard) SUBJECT_BIGRAMS.set(words, (byCard = new WeakMap()))
  let pairs = byCard.get(card)
  if (pairs) return pairs
  const removed = [
    ...words.domainWords,
    ...words.titleGenericWords,
    ...words.taxMatters,
    ...words.personalMatters,
  ].sort((left, right) => right.length - left.length)
  let title = normalizeForSearch(`${card.title}\n${card.documentTitle}`)
  for (const word of removed) title = title.split(word).join(' ')
  pairs = []
  for (const run of title.match(/[\p{Script=Han}]{2,}/gu) ?? [])
    for (let index = 0; index + 1 < run.length; index += 1) pairs.push(run.slice(index, index + 2))
  byCard.set(card, pairs)
  return pairs
}

/** Quoted names (“智链百强”) and named schemes (…贷, …券, …计划) in the question. */
export function schemeNames(question: string, words: AnswerDecisionWords): string[] {
  const normalized = normalizeForSearch(question)
  const names: string[] = []
  for (const match of normalized.matchAll(/[“"「『]([^”"」』]{2,20})[”"」』]/gu))
    names.push(match[1].replace(/[《》\s]/gu, ''))
  const suffixes = longestFirst(words, 'programSuffixes')
  for (const run of stripStopPhrases(question).match(/[\p{Script=Han}]{3,}/gu) ?? []) {
    let found = false
    for (const suffix of suffixes) {
      for (let at = run.indexOf(suffix, 2); at >= 2 && !found; at = run.indexOf(suffix, at + 1)) {
        const after = run.slice(at + suffix.length)
        if ((words.suffixNotBefore[suffix] ?? []).some((next) => after.startsWith(next))) continue
        // After a modal the suffix is a verb ("最长能贷几年"), not the end of a name.
        if ((words.suffixNotAfter[suffix] ?? []).some((previous) => run.slice(0, at).endsWith(previous))) continue
        names.push(run.slice(0, at + suffix.length))
        found = true
      }
      if (found) break
    }
  }
  return names
}

/**
 * Decides whether to answer a policy question from the top search hit, from signals that do not depend on one
 * question set: a place outside what the knowledge base holds, a person's own affairs, a named scheme the top card
 * does not mention, a question without policy vocabulary and a weak text match, and how much of the question the
 * top card's best passage covers (with the margin over the next card) for "certain" versus "您问的应是".
 */
export function decideAnswer(question: string, input: DecisionInput, words: AnswerDecisionWords): AnswerDecision {
  const [top, second] = input.hits
  const normalized = normalizeForSearch(question)
  const text = top ? cardText(top.card) : ''
  const place = outsidePlace(question, text, words, top ? normalizeForSearch(top.card.title) : undefined)
  // What the owner asks of the assistant itself is answered so, whatever card the words happen to match.
  const compactQuestion = normalized.replace(/\s+/gu, '')
  for (const request of words.assistantMatters) {
    const word = request.words.find((candidate) => compactQuestion.includes(candidate))
    if (word) return { kind: 'assistant', matter: word, reply: request.reply }
  }
  // A district is said to be outside early only when the question asks for the district's own policy (区里, 区级).
  const districtAsked = words.districtPolicyMarkers.some((marker) => normalized.includes(marker))
  if (place && (place.kind !== 'district' || districtAsked)) return outsideRegion(place)
  // A personal or tax word the top card holds is the card's only when the question is about the card's subject too,
  // named outside the word itself: "科技型中小企业评价入库怎么申请" names no subject of a card that lists 评价入库 among
  // its conditions, though 科技型 is in that card's title.
  const heldByCard = (word: string) =>
    top !== undefined && text.includes(word) && namesCardSubject(normalized.split(word).join(' '), top.card, words)
  const matter = words.personalMatters.find((word) => normalized.includes(word) && !heldByCard(word))
  if (matter) return { kind: 'personal', matter }
  // A tax relief card about the question's subject answers all of its tax words ("家政 … 增值税 … 所得税").
  const taxWords = words.taxMatters.filter((word) => normalized.includes(word))
  if (taxWords.length > 0 && !taxWords.some(heldByCard)) return { kind: 'tax', matter: taxWords[0] }
  // Cards list a business licence among the papers to hand in; only a card about the procedure itself (its title, or
  // its text when the question is about the card's subject) answers it.
  const titleHas = (word: string) =>
    (top ? normalizeForSearch(top.card.title).includes(word) : false) || heldByCard(word)
  const registration = words.registrationMatters.find((word) => normalized.includes(word) && !titleHas(word))
  if (registration) return { kind: 'registration', matter: registration }
  // A procedure's words may stand across a typed break ("医疗器械注册证 怎么申请").
  const compact = normalized.replace(/\s+/gu, '')
  for (const service of words.serviceMatters) {
    const word = service.words.find((candidate) => compact.includes(candidate) && !titleHas(candidate))
    if (word) return { kind: 'service', matter: word, agency: service.agency }
  }
  if (!top) return { kind: 'not-found', reason: 'no-match' }
  const unknown = schemeNames(question, words).find((name) => nameShare(name, text) < 0.6)
  if (unknown) return { kind: 'not-found', reason: 'unknown-scheme', name: unknown }
  if (input.coverage < words.minCoverage) return { kind: 'not-found', reason: 'low-coverage' }
  // What the question is about, without its policy words ("火星移民" in "火星移民有补贴吗"): none of it in the card, no answer.
  // A word the card states in other words (a synonym of one of its terms: 四板) is the card's too.
  const synonymous = input.statedBy?.(top.card) ?? []
  const stated = (pair: string) => text.includes(pair) || synonymous.some((word) => word.includes(pair))
  const topic = topicBigrams(question, words)
  if (topic.length > 0 && !topic.some(stated)) return { kind: 'not-found', reason: 'off-topic' }
  const domain = words.domainWords.some((word) => normalized.includes(word))
  if (!domain && input.coverage < words.domainlessCoverage) return { kind: 'not-found', reason: 'off-topic' }
  if (place) return outsideRegion(place)
  const margin = second ? second.score / Math.max(top.score, 1e-9) : 0
  const certain = input.coverage >= words.certainCoverage && margin < words.certainMargin
  return { kind: 'answer', card: top.card, certain }
}

function outsideRegion(place: AnswerDecisionWords['places'][number]): AnswerDecision {
  return {
    kind: 'outside-region',
    place: place.name,
    placeKind: place.kind,
    ...(place.district ? { district: place.district } : {}),
  }
}
