import { normalizeMessage } from '../facts/normalize-message.js'
import { currentLexicon } from '../understanding/current-lexicon.js'
import { dropClosingParticles } from '../understanding/drop-closing-particles.js'
import { findProgram, programsNamed } from '../understanding/find-program.js'
import { tagText, type MessageToken } from '../understanding/tag-text.js'
import { toSimplified } from '../understanding/to-simplified.js'
import { dropMentions } from '../understanding/drop-mentions.js'
import type { Program } from './programs.js'
import { loadAnswerAspects, type AnswerAspects } from './load-answer-aspects.js'
import { splitSubQuestions } from './split-sub-questions.js'

/** What a message asks for, before any fact extraction. */
export type Intent =
  | { kind: 'help' }
  | { kind: 'reset' }
  | { kind: 'show-facts' }
  | { kind: 'delete-data' }
  | { kind: 'continue' }
  /** `answerFirst`: the message also asks how to apply ("小巨人咋申请 我们做软件的 员工两百个"): answer that, then assess. */
  | { kind: 'assess'; programs: Program[]; answerFirst?: true }
  | { kind: 'follow-up-program'; program: Program }
  | { kind: 'follow-up-aspect'; aspect: Aspect }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'other' }

/** Which part of a policy card a question is about. */
export type Aspect = 'amount' | 'process' | 'requirements' | 'contact' | 'timing' | 'general'

const FOLLOW_UP_PROGRAM = /^(那|那么|还有)?(.{0,12})(呢|怎么样|咋样|如何)[？?。]*$/
/** Detects the aspect a question is about (knowledge/lexicon/intents.json; defaults to 'general'). */
export function detectAspect(text: string): Aspect {
  for (const { aspect, words } of currentLexicon().aspects) if (words.some((word) => text.includes(word))) return aspect
  return 'general'
}

/** A short follow-up that only names an aspect of the last topic ("这个怎么申请？", "电话多少"). */
function isAspectFollowUp(text: string): boolean {
  const stripped = text.replace(/[？?。！!，,\s]/g, '')
  if (stripped.length > 14) return false
  if (findProgram(stripped)) return false
  return (
    /^(这个|那个|这|那|它|上面|刚才)?(的)?/.test(stripped) &&
    detectAspect(stripped) !== 'general' &&
    /(这个|那个|它|这|那|^怎么|^如何|^电话|^联系|^条件|^要求|^什么时候|^截止|^补多少|^最高|^多少)/.test(stripped)
  )
}

/**
 * Classifies a message. Commands (帮助, 重新开始 …) are whole messages listed in knowledge/lexicon/intents.json;
 * an assessment is a program named with an assess cue (能评X吗, 能申请X吗, 能评X不, X有戏吗, 想测一下X) or a
 * which cue (能评哪个); a program named with a policy cue (有什么补贴, 怎么申请) is a policy question. Fact answers,
 * confirmations and policy questions are 'other': the dialogue manager reads them with readReply.
 */
export function detectIntent(raw: string): Intent {
  const text = toSimplified(dropMentions(raw.trim()).replace(/\s+/g, ' '), currentLexicon())
  const command = commandOf(text)
  if (command) return { kind: command }

  const normalized = dropClosingParticles(normalizeMessage(text))
  const tokens = withAssessVerbs(normalized, tagText(normalized))
  const cues = new Set(tokens.flatMap((token) => (token.cue ? [token.cue] : [])))
  if (cues.has('which') && !cues.has('policy'))
    return { kind: 'assess', programs: ['innovative', 'specialized', 'little-giant'] }
  const listed = towardNextTier(normalized, assessedPrograms(normalized, tokens), tokens)
  const program = listed[listed.length - 1] ?? null
  // "升规后又评上专精特新，还能加多少": a question other than yes/no asks about a policy, not for an assessment.
  const { yesNoQuestions } = currentLexicon()
  const asks = (clause: readonly MessageToken[]) =>
    clause.some((token) => token.type === 'question' && !yesNoQuestions.has(token.text))
  // "专精特新怎么评 帮我测测": a closing request to assess is what the message asks for.
  const clauses = clausesOf(tokens)
  const last = clauses[clauses.length - 1] ?? []
  // "顺便帮我们评一下", "恳请协助评估": asking for help with the assessment in any clause is a request, whatever else
  // the message asks about the policy.
  const helped = clauses.some((clause) => !asks(clause) && helpedAssessment(normalized, clause))
  // "听说评上小巨人有奖励 想评评看", "…营收两个亿 有戏没戏": a closing wish to be assessed, after a policy word in an
  // earlier clause, asks for the assessment.
  const closingWish =
    clauses.length > 1 &&
    last.some((token) => token.cue === 'assess') &&
    !last.some((token) => token.type === 'question' || token.cue === 'policy')
  const closingRequest = (last.some((token) => token.cue === 'assess') && !asks(last)) || helped
  // "小巨人 我们在上海注册的", "想了解下小巨人 我们营收一个多亿": a program named beside what the firm is asks to assess it,
  // unless the message asks about a part of the policy ("认定要求营业收入1000万元以上 我们刚好1000万 算达标吗").
  const assessing =
    cues.has('assess') ||
    (program !== null && statesFirmFacts(normalized, tokens) && detectAspect(normalized) === 'general')
  // "创新型中小企业评价 是不是一年就一次": a question on when, how or whom to ask about a tier is a policy question.
  if (
    assessing &&
    (!cues.has('policy') || helped || closingWish) &&
    (!asks(tokens) || closingRequest) &&
    (closingRequest || !asksProcedure(text))
  ) {
    if (program) return { kind: 'assess', programs: listed }
    // "个体户能评吗": an assessment without a program is of all three tiers — unless the message names something
    // else the cue is about ("算力券现在还能申请吗" asks about a policy).
    if (namesNothingElse(normalized, tokens))
      return { kind: 'assess', programs: ['innovative', 'specialized', 'little-giant'] }
  }
  // "小巨人咋申请 我们是做软件的 员工两百个": how to apply for a tier, asked beside what the firm is, is answered and the
  // firm then assessed with what it said.
  if (program !== null && statesFirmFacts(normalized, tokens) && asksApplying(normalized))
    return { kind: 'assess', programs: listed, answerFirst: true }
  const named = findProgram(text)
  const followUp = FOLLOW_UP_PROGRAM.exec(text)
  if (named && followUp && text.length <= 16) return { kind: 'follow-up-program', program: named }
  if (isAspectFollowUp(text)) return { kind: 'follow-up-aspect', aspect: detectAspect(text) }
  return { kind: 'other' }
}

const OPENS_ASSESS_VERB = new Set<MessageToken['type']>(['separator', 'desire', 'filler'])

/** Whether a clause asks for help with the assessment: a help word (帮我们, 协助, 麻烦) right before its assess cue. */
function helpedAssessment(text: string, clause: readonly MessageToken[]): boolean {
  const { helpers } = currentLexicon()
  return clause.some((token) => {
    if (token.cue !== 'assess') return false
    const before = text.slice(Math.max(0, token.start - 6), token.start)
    // A one-character helper (帮, 请) counts only as a word of its own ("申请" holds 请).
    return helpers.some(
      (helper) =>
        before.endsWith(helper) &&
        (helper.length > 1 || !/\p{Script=Han}/u.test(before.charAt(before.length - helper.length - 1))),
    )
  })
}

/** Aspects of a policy that a question about a tier's procedure asks (answer-aspects.json cues): not an assessment. */
const PROCEDURE_ASPECTS = new Set(['timing', 'process', 'contact'])
let procedureAspects: AnswerAspects | null = null

/** Whether a part of the message asks (吗, 是不是, 几) about a tier's timing, procedure or contact. */
function asksProcedure(text: string): boolean {
  return splitSubQuestions(text, (procedureAspects ??= loadAnswerAspects())).some(
    (part) =>
      PROCEDURE_ASPECTS.has(part.aspect) &&
      (/[?？]/u.test(part.text) || tagText(part.text).some((token) => token.type === 'question')),
  )
}

/**
 * The one tier a question asks how to apply for, naming nothing else ("小巨人咋申请", "创新型中小企业怎么报"): it is
 * answered from the tier's 申报 article. Null when the message names another matter ("专精特新的奖励怎么申请").
 */
export function howToApplyProgram(raw: string): Program | null {
  const text = dropClosingParticles(normalizeMessage(toSimplified(raw.trim(), currentLexicon())))
  const tokens = tagText(text)
  const programs = programsNamed(tokens)
  if (programs.length !== 1 || !asksApplying(text)) return null
  if (tokens.some((token) => token.type === 'keyword' && !token.program)) return null
  // Beside the tier's name only a few words that ask how to apply ("公司改名了 专精特新资格要报备吗" asks something else).
  let rest = text
  for (const token of [...tokens].reverse())
    if (token.program) rest = `${rest.slice(0, token.start)}${rest.slice(token.end)}`
  const words = rest.replace(/[^\p{Script=Han}]/gu, '')
  const { verbs, asking, maxLength } = currentLexicon().howToApply
  const applies = verbs.some((verb) => words.includes(verb)) && asking.some((word) => words.includes(word))
  return words.length <= maxLength && applies ? programs[0]! : null
}

/** Whether a part of the message asks how or where to apply (answer-aspects.json process cues). */
function asksApplying(text: string): boolean {
  return splitSubQuestions(text, (procedureAspects ??= loadAnswerAspects())).some((part) => part.aspect === 'process')
}

/**
 * Whether a clause states a fact about the firm other than a program it holds: a place, registration, a yes/no
 * fact word (分公司, 失信), an industry, or a fact keyword with its figure ("营收一个多亿"). A clause that asks
 * (吗, 是不是) states nothing: "担保费率会降吗" names 担保 without saying the firm is a guarantor.
 */
function statesFirmFacts(text: string, tokens: readonly MessageToken[]): boolean {
  return clausesOf(tokens).some(
    (clause) =>
      !clause.some((token) => token.type === 'question') &&
      clause.some((token, index) => {
        // "北京专精特新的牌匾": a place right before a tier's name is the tier's, not where the firm is.
        if (token.type === 'place') return !clause[index + 1]?.program
        if (token.type !== 'keyword' || token.program) return false
        const { meaning } = token
        // "是要单独注册账号": registering without a place said is no firm's registration.
        if (meaning.type === 'registration') return clause.some((other) => other.type === 'place')
        if (meaning.type === 'flag') return true
        // "小巨人企业的经营管理人员培训": what follows a tier's name is the tier's, not what the firm does.
        // "京通APP上的专区", "小程序里的入口": an industry word before 上/里 names where something is, not what the firm does.
        if (meaning.type === 'choice')
          return (
            meaning.fact === 'industry' &&
            !clause.slice(0, index).some((other) => other.program) &&
            !/^[上里]/u.test(text.slice(token.end))
          )
        return meaning.type === 'amount' && clause.some((other) => other.type === 'quantity')
      }),
  )
}

/**
 * "测专精特新", "想弄个专精特新", "我们先评专精特新吧": a program name right after an assess verb (intents.json
 * assessVerbs) carries the assess cue, as 能评/想测 do. "小巨人咋评" asks to assess, "研发费用怎么评" does not:
 * a besideProgram cue keeps its cue only next to a program name.
 */
function withAssessVerbs(text: string, tokens: readonly MessageToken[]): MessageToken[] {
  const { assessVerbEnding, assessBesideProgram, assessVerbBetween, assessVerbOpeners } = currentLexicon()
  return tokens.map((token, index) => {
    if (token.cue === 'assess' && assessBesideProgram.has(token.text)) {
      if (besideProgram(text, tokens, index)) return token
      const plain = { ...token }
      delete plain.cue
      return plain
    }
    if (!token.program || token.cue) return token
    // A clause break the tagger inferred before the program ("可以参加|专精特新") parts no verb from it.
    const inferred = (candidate: MessageToken) => candidate.type === 'separator' && candidate.start === candidate.end
    // "想冲一下小巨人": a word allowed between the verb and the program (一下) is part of the verb phrase.
    const at = tokens
      .slice(0, index)
      .findLastIndex((candidate) => !assessVerbBetween.has(candidate.text) && !inferred(candidate))
    const opener = tokens[at]
    const phrase = text.slice(opener?.end ?? 0, token.start).replace(/\s+/g, '')
    // "已经评专精特新了": only a clause start, a wish (想), a filler or a word of ability or intention
    // (assessVerbs.openers: 能否, 可以, 有意) may come before the verb.
    const opens = (candidate: MessageToken | undefined, rest: string): boolean =>
      candidate === undefined ||
      OPENS_ASSESS_VERB.has(candidate.type) ||
      [...assessVerbOpeners].some((word) => (candidate.text + rest).startsWith(word))
    if (assessVerbEnding.test(phrase) && opens(opener, phrase)) return { ...token, cue: 'assess' as const }
    // "能否被认定为专精特新", "能否入选专精特新": the verb may be a word of its own; what stands before it decides.
    if (!opener || assessVerbEnding.exec(opener.text + phrase)?.index !== 0) return token
    const previous = tokens.slice(0, at).findLast((candidate) => !inferred(candidate))
    const gap = text.slice(previous?.end ?? 0, opener.start).replace(/\s+/g, '')
    // "早就认定为专精特新了": what may not stand before a verb (assessVerbs.notAfter) may not stand before this one.
    const spoken = text.slice(previous?.start ?? 0, token.start).replace(/\s+/g, '')
    return opens(previous, gap) && assessVerbEnding.test(spoken) ? { ...token, cue: 'assess' as const } : token
  })
}

/**
 * "小巨人咋评", "专精特新，我们怎么评", "怎么评专精特新": the nearest word on one side of the token is a program name,
 * with only punctuation and words about the asker (intents.json subjects) between.
 */
function besideProgram(text: string, tokens: readonly MessageToken[], index: number): boolean {
  const words = (from: number, to: number) => {
    let gap = text.slice(from, to)
    for (const word of currentLexicon().subjects) gap = gap.split(word).join('')
    return !/[\p{Script=Han}A-Za-z0-9]/u.test(gap)
  }
  const token = tokens[index]!
  const before = tokens.slice(0, index).findLast((candidate) => candidate.type !== 'separator')
  const after = tokens.slice(index + 1).find((candidate) => candidate.type !== 'separator')
  return (
    (before?.program !== undefined && words(before.end, token.start)) ||
    (after?.program !== undefined && words(token.end, after.start))
  )
}

/** True when every word of the message is tagged by the lexicon or is about the asker (intents.json subjects). */
function namesNothingElse(text: string, tokens: readonly MessageToken[]): boolean {
  let rest = ''
  let at = 0
  for (const token of tokens) {
    if (token.start > at) rest += ` ${text.slice(at, token.start)}`
    at = Math.max(at, token.end)
  }
  rest += ` ${text.slice(at)}`
  for (const word of currentLexicon().subjects) rest = rest.split(word).join(' ')
  return !/[\p{Script=Han}A-Za-z]/u.test(rest)
}

const TRAILING = /[。！!？?～~，,.\s呀啊啦]+$/u

/** A whole-message command of the lexicon ("重新开始！", "谢谢您"), or null. */
function commandOf(
  text: string,
): Exclude<Intent['kind'], 'assess' | 'follow-up-program' | 'follow-up-aspect' | 'other' | 'confirm'> | null {
  if (text === '' || /^[?？]+$/.test(text)) return 'help'
  const { commands } = currentLexicon()
  const lower = text.toLowerCase()
  return commands.get(lower) ?? commands.get(lower.replace(TRAILING, '')) ?? null
}

const TIER_ORDER: readonly Program[] = ['innovative', 'specialized', 'little-giant']

/**
 * The programs an assessment is asked for, in tier order: the one named in the clause of the assess cue ("我们已经是
 * 创新型中小企业了，想看看能不能评专精特新" → specialized), else the highest tier named — or every program of a list
 * the owner names together ("创新型和专精特新都想测", "小巨人、专精特新哪个都行": intents.json programJoiners).
 */
function assessedPrograms(text: string, tokens: readonly MessageToken[]): Program[] {
  const runs = programRuns(text, tokens)
  const highest = (candidates: readonly MessageToken[]): Program[] => {
    const named = programsNamed(candidates)
    const best = TIER_ORDER.findLast((program) => named.includes(program))
    if (!best) return []
    const run = runs.find((list) => list.some((token) => candidates.includes(token) && token.program === best))
    const listed = programsNamed(run ?? [])
    return run ? TIER_ORDER.filter((program) => listed.includes(program)) : [best]
  }
  for (const candidate of clausesOf(tokens)) {
    if (!candidate.some((token) => token.cue === 'assess')) continue
    const programs = highest(candidate)
    if (programs.length > 0) return programs
  }
  return highest(tokens)
}

/** "比专精特新再高一级的那个", "评上了创新型 想冲下一档": a word pointing to the tier above the highest programme named. */
function towardNextTier(text: string, programs: Program[], tokens: readonly MessageToken[] = []): Program[] {
  if (programs.length === 0 || !currentLexicon().nextTier.some((word) => text.includes(word))) return programs
  // "评上了创新型 今年想往上够一够专精特新": a tier named right after the word is the one aimed at.
  for (const word of currentLexicon().nextTier)
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const end = at + word.length
      const aimed = tokens.find((token) => token.program && token.start >= end && token.start <= end + 2)
      if (aimed?.program) return [aimed.program]
    }
  // "创新型和专精特新两块牌子都有 下一步还能往哪评": the tier above the highest one named.
  const highest = Math.max(...programs.map((program) => TIER_ORDER.indexOf(program)))
  const above = TIER_ORDER[highest + 1]
  return above ? [above] : programs
}

/** Runs of program names with only joiners (和, 跟, 、), spaces or commas between them ("创新型和专精特新"). */
function programRuns(text: string, tokens: readonly MessageToken[]): MessageToken[][] {
  const { programJoiners } = currentLexicon()
  const runs: MessageToken[][] = []
  let run: MessageToken[] = []
  for (const token of tokens) {
    if (!token.program) continue
    const last = run[run.length - 1]
    const gap = last ? text.slice(last.end, token.start).replace(/[\s，,]+/gu, '') : null
    if (gap !== null && (gap === '' || programJoiners.has(gap))) run.push(token)
    else {
      if (programsNamed(run).length > 1) runs.push(run)
      run = [token]
    }
  }
  if (programsNamed(run).length > 1) runs.push(run)
  return runs
}

/** The tokens between separators, clause by clause. */
function clausesOf(tokens: readonly MessageToken[]): MessageToken[][] {
  let clause: MessageToken[] = []
  const clauses: MessageToken[][] = [clause]
  for (const token of tokens) {
    if (token.type === 'separator') clauses.push((clause = []))
    else clause.push(token)
  }
  return clauses.filter((candidate) => candidate.length > 0)
}
