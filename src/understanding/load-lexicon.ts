import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { z } from 'zod'
import type { Program } from '../dialogue/programs.js'
import type { Quantity, QuantityBound } from '../facts/read-quantity.js'
import { AMOUNT_TOPICS, type AmountTopic, type KeywordMeaning } from '../facts/fact-vocabulary.js'
import {
  FactKeywordFileSchema,
  IndustryFileSchema,
  IntentFileSchema,
  LevelFileSchema,
  PlaceFileSchema,
  ProgramFileSchema,
  ReplyWordFileSchema,
  TraditionalFileSchema,
  VariantFileSchema,
  type ASPECTS as AspectList,
  type ChangeKind,
  type Command,
  type CorrectionKind,
  type IntentCue,
  type Position,
} from './lexicon-schema.js'

/** What one lexicon word is, for the tagger. */
export type WordTag =
  | { type: 'keyword'; meaning: KeywordMeaning }
  | { type: 'quantity'; quantity: Quantity }
  | { type: 'yes'; fine?: true }
  | {
      type:
        | 'no'
        | 'confirm'
        | 'question'
        | 'hypothetical'
        | 'desire'
        | 'respectively'
        | 'all'
        | 'filler'
        | 'near'
        | 'cue'
        | 'program'
        | 'part'
        | 'area'
        | 'than'
        | 'vague'
        | 'later'
        | 'deliver'
        | 'process'
        | 'pending'
        | 'know'
        | 'grasp'
        | 'tell'
        | 'consult'
        | 'unable'
        | 'refuse'
    }
  | { type: 'unknown'; skip: boolean }
  | { type: 'correction'; alsoNo: boolean; kind: CorrectionKind; marksWrong?: true }
  | { type: 'place'; beijing: boolean }
  | { type: 'intent'; cue: IntentCue }
  | { type: 'bound'; op: QuantityBound; afterKeyword?: boolean }
  | { type: 'change'; change: ChangeKind }

export interface LexiconWord {
  tag: WordTag
  /** The program the word names, when it names one (a program name can also be a fact keyword: 创新型中小企业). */
  program?: Program
  /** The intent cue the word is, when it also has another meaning (补贴 is a money sink and a policy cue). */
  cue?: IntentCue
}

export type Grades = Array<{ value: string; words: string[] }>

/** Every word list the understanding module reads, validated and merged. */
export interface Lexicon {
  words: ReadonlyMap<string, LexiconWord>
  /** Whole-message commands, by the message lower-cased. */
  commands: ReadonlyMap<string, Command>
  levels: { rdInstitution: Grades; sciAward: Grades; contest: Grades }
  /** Which part of a policy card a question is about, in order of precedence. */
  aspects: ReadonlyArray<{ aspect: (typeof AspectList)[number]; words: string[] }>
  /** Words about the asker, longest first (intents.json subjects). */
  subjects: readonly string[]
  /** Question words that ask yes or no (intents.json yesNoQuestions). */
  yesNoQuestions: ReadonlySet<string>
  /** What joins programme names into one list (intents.json programJoiners: 和, 跟, 、). */
  programJoiners: ReadonlySet<string>
  /** "测专精特新", "我们先评专精特新": the text before a program name, when it ends so, asks to assess it (intents.json assessVerbs). */
  assessVerbEnding: RegExp
  /** Question words that mean "any" in a denied clause (reply-words.json indefinites: 没参加过什么比赛, 啥荣誉都没有). */
  indefinites: ReadonlySet<string>
  /** Affirm words that only acknowledge when they open a longer message (reply-words.json acknowledgements: 嗯). */
  acknowledgements: ReadonlySet<string>
  /** Modal particles that close a message and say nothing (reply-words.json closingParticles: 哈, 哦, 啊). */
  closingParticles: readonly string[]
  /** A few of a thing (reply-words.json thingCounts): the figures, and the words after one that make it people. */
  thingCounts: {
    figures: ReadonlySet<string>
    classifiers: readonly string[]
    people: readonly string[]
    particles: readonly string[]
  }
  /** Ask words that mean "I do not know" after a matter named with an area word (reply-words.json notUnderstood). */
  notUnderstood: ReadonlySet<string>
  /** Deny words that make the figure right after them an upper bound (reply-words.json negatedFigures: 没有150). */
  negatedFigures: ReadonlySet<string>
  /** Words right after a year that say the firm began then (reply-words.json startWords). */
  startWords: readonly string[]
  /** Words of a time before the one just named (reply-words.json earlier: 再往前, 更早). */
  earlier: readonly string[]
  /** What right before an industry word says the firm does it (industries.json doingBefore), longest first. */
  doingBefore: readonly string[]
  /** A question of how to apply for one tier (intents.json howToApply). */
  howToApply: { verbs: readonly string[]; asking: readonly string[]; maxLength: number }
  /** Words that say a title no longer holds (reply-words.json lapses). */
  lapses: readonly string[]
  /** A negation and a verb of reaching or passing (没上, 不上, 还没摸到, 没超): the figure right after is a bound. */
  negatedReach: { ops: ReadonlyMap<string, 'lt' | 'le'>; lengths: readonly number[] }
  /** Words after a fact keyword that point at its answer (reply-words.json pointers: 那里, 那栏). */
  pointers: readonly string[]
  /** Deny words that say what something is not (reply-words.json denials: 不是, 并非, 非). */
  denials: ReadonlySet<string>
  /** The grammar of not knowing (reply-words.json notKnowing: negations, degrees, results), longest first. */
  notKnowing: {
    negations: readonly string[]
    degrees: readonly string[]
    results: readonly string[]
    refusals: readonly string[]
    /** Words of a reply that explains instead of answering (没, 还在, 才): see the schema. */
    explanations: readonly string[]
    /** Words of a reply that moves on instead of answering (往后, 下一, 别问): see the schema. */
    movingOn: readonly string[]
    /** Who else knows the figure (财务, 技术总监): "<who>清楚" is not knowing it oneself. */
    othersWhoKnow: readonly string[]
    /** Verbs that after a negation deny the word right after them (带, 含, 做): "不带硬件". */
    negatedVerbs: readonly string[]
  }
  /** What may stand between an assess verb and the program (intents.json assessVerbs.between: 一下, 个). */
  assessVerbBetween: ReadonlySet<string>
  /** Assess words that tell a result, and what before them makes them a statement (intents.json assessVerbs). */
  achieved: { words: ReadonlySet<string>; before: readonly string[] }
  /** Words that may stand right before an assess verb (intents.json assessVerbs.openers: 能否, 可以). */
  assessVerbOpeners: ReadonlySet<string>
  /** Words pointing at a known value by position (reply-words.json positions: 中间那个, 小的那个), longest first. */
  positions: ReadonlyArray<{ position: Position; word: string }>
  /** Words asking for help (intents.json lookRequests.helpers: 帮我, 协助, 麻烦), longest first. */
  helpers: readonly string[]
  /** Assess cues that count only next to a program name (intents.json assessVerbs.besideProgram: 咋评). */
  assessBesideProgram: ReadonlySet<string>
  /** Words that point from the programme named to the tier above it (intents.json nextTier: 下一档, 再高一级). */
  nextTier: readonly string[]
  /** Words that name the main one of several activities, before it (主要) or after it (为主): industries.json mainActivity. */
  mainActivity: {
    before: readonly string[]
    after: readonly string[]
    secondary?: readonly string[]
    secondaryAfter?: readonly string[]
  }
  /** Industry words that decide a compound they open (industries.json trades: 批发电子元器件). */
  trades: ReadonlySet<string>
  /** Words before a customer, longest first (industries.json customerMarkers: 给, 帮): the industry after one is not the firm's. */
  customerMarkers: readonly string[]
  /** Words opening a clause about the customers (industries.json customerSubjects: 客户是, 用户都是). */
  customerSubjects: readonly string[]
  /** Words right after a customer's industry (industries.json customerPredicates: 是我们的客户). */
  customerPredicates: readonly string[]
  /** Words for the customer itself after 给/帮 (industries.json customerPronouns: 他们, 客户). */
  customerPronouns: readonly string[]
  /** Words before whom the firm sells to (industries.json sellingMarkers: 卖给, 供货给). */
  sellingMarkers: readonly string[]
  /** Words around a supplier (industries.json supplierMarkers: 从 … 拿货). */
  supplierMarkers: { before: readonly string[]; after: readonly string[] }
  /** Words saying the firm makes what it sells (industries.json ownProduction: 自己生产). */
  ownProduction: readonly string[]
  /** Words saying others make what the firm sells (industries.json outsourcedProduction: 不生产, 贴牌). */
  outsourcedProduction: readonly string[]
  /** Verbs of selling (industries.json sellingVerbs: 卖, 销售). */
  sellingVerbs: readonly string[]
  /** Buyers who are consumers (industries.json consumers: 个人, 消费者). */
  consumers: readonly string[]
  /** Industries of firms that make or grow what they sell (industries.json producers): they outweigh its trade. */
  producers: ReadonlySet<string>
  /** The simplified character of each traditional one (traditional.json: 對 → 对); replies are read simplified. */
  simplified: ReadonlyMap<string, string>
  /** Any traditional character of `simplified` (global): what toSimplified replaces. */
  traditionalCharacters: RegExp
}

export const DEFAULT_LEXICON_DIR = fileURLToPath(new URL('../../knowledge/lexicon/', import.meta.url))

const REPLY_TAGS: Record<string, WordTag['type']> = {
  affirm: 'yes',
  deny: 'no',
  ask: 'question',
}

function readFile<Schema extends z.ZodType>(dir: string, name: string, schema: Schema): z.infer<Schema> {
  const path = join(dir, name)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success)
    throw new Error(
      `${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    )
  return parsed.data
}

/**
 * Reads knowledge/lexicon/*.json (zod-validated) into one word map. A word may name a program or be an intent cue
 * besides its one other meaning; any other word listed twice is an error naming both files, so that one place decides what a word means.
 */
export function loadLexicon(dir: string = DEFAULT_LEXICON_DIR): Lexicon {
  const words = new Map<string, LexiconWord>()
  const origin = new Map<string, string>()
  const add = (word: string, tag: WordTag, file: string): void => {
    const known = words.get(word)
    if (known) throw new Error(`${join(dir, file)}: “${word}” is already listed in ${origin.get(word)}`)
    words.set(word, { tag })
    origin.set(word, file)
  }

  const keywords = readFile(dir, 'fact-keywords.json', FactKeywordFileSchema)
  for (const entry of keywords.entries) {
    const { words: list, ...rest } = entry
    const meaning = toMeaning(rest)
    for (const word of list) add(word, { type: 'keyword', meaning }, 'fact-keywords.json')
  }
  const industries = readFile(dir, 'industries.json', IndustryFileSchema)
  for (const entry of industries.entries) {
    const meaning: KeywordMeaning = {
      type: 'choice',
      fact: 'industry',
      value: entry.industry,
      ...(entry.explicit ? { explicit: true } : {}),
      ...(entry.also ? { also: entry.also } : {}),
    }
    for (const word of entry.words) add(word, { type: 'keyword', meaning }, 'industries.json')
  }
  for (const trade of industries.trades ?? [])
    if (!industries.entries.some((entry) => entry.words.includes(trade)))
      throw new Error(`${join(dir, 'industries.json')}: trade “${trade}” is no industry word`)
  const replyWords = readFile(dir, 'reply-words.json', ReplyWordFileSchema)
  for (const entry of replyWords.entries) {
    let tag: WordTag
    if (entry.type === 'unknown' || entry.type === 'skip') tag = { type: 'unknown', skip: entry.type === 'skip' }
    else if (entry.type === 'correct')
      tag = {
        type: 'correction',
        alsoNo: entry.alsoNo ?? false,
        kind: entry.kind ?? 'replace',
        ...(entry.marksWrong ? { marksWrong: true as const } : {}),
      }
    else if (entry.type === 'confirm') tag = { type: 'confirm' }
    else if (entry.type === 'fine') tag = { type: 'yes', fine: true }
    else if (entry.type === 'bound')
      tag = { type: 'bound', op: entry.op ?? 'approx', ...(entry.afterKeyword ? { afterKeyword: true } : {}) }
    else if (entry.type === 'change') tag = { type: 'change', change: entry.change ?? 'more' }
    else if (entry.type === 'figure') {
      // "一只手数得过来": a bound with its figure, in the unit of the fact asked for.
      const op = entry.op ?? 'approx'
      tag = {
        type: 'quantity',
        quantity: {
          value: entry.value ?? 0,
          unit: null,
          approximate: op === 'approx',
          upperBound: op === 'lt' || op === 'le',
          bound: op,
          vague: false,
          chineseOnly: false,
          outOfRange: false,
        },
      }
    } else tag = { type: (REPLY_TAGS[entry.type] ?? entry.type) as 'yes' }
    for (const word of entry.words) add(word, tag, 'reply-words.json')
  }
  // "多打了个0", "打多了一个零", "少写了个0", "手一抖多按了个1": a digit typed too many or too few, as a grammar.
  for (const [word, kind] of digitSlipWords(replyWords.digitSlips))
    add(word, { type: 'correction', alsoNo: false, kind }, 'reply-words.json digitSlips')
  for (const word of replyWords.acknowledgements)
    if (words.get(word)?.tag.type !== 'yes')
      throw new Error(`${join(dir, 'reply-words.json')}: acknowledgement “${word}” is not an affirm word`)
  for (const word of replyWords.negatedFigures)
    if (words.get(word)?.tag.type !== 'no')
      throw new Error(`${join(dir, 'reply-words.json')}: negated-figure word “${word}” is not a deny word`)
  for (const word of replyWords.denials)
    if (words.get(word)?.tag.type !== 'no')
      throw new Error(`${join(dir, 'reply-words.json')}: denial “${word}” is not a deny word`)
  for (const word of replyWords.notUnderstood)
    if (words.get(word)?.tag.type !== 'question')
      throw new Error(`${join(dir, 'reply-words.json')}: not-understood word “${word}” is not an ask word`)
  for (const word of replyWords.indefinites)
    if (words.get(word)?.tag.type !== 'question')
      throw new Error(`${join(dir, 'reply-words.json')}: indefinite “${word}” is not an ask word`)
  const places = readFile(dir, 'places.json', PlaceFileSchema)
  for (const entry of places.entries)
    for (const word of entry.words) add(word, { type: 'place', beijing: entry.beijing }, 'places.json')
  const intents = readFile(dir, 'intents.json', IntentFileSchema)
  for (const entry of intents.cues) {
    for (const word of entry.words) {
      const known = words.get(word)
      if (known?.cue || known?.tag.type === 'intent')
        throw new Error(`${join(dir, 'intents.json')}: cue “${word}” is listed twice`)
      if (known) known.cue = entry.cue
      else add(word, { type: 'intent', cue: entry.cue }, 'intents.json')
    }
  }
  // "专精特新能不能冲一下": a cue that counts only beside a program is an assess cue of its own, listed once.
  for (const word of intents.assessVerbs.besideProgram) {
    const known = words.get(word)
    if (!known) add(word, { type: 'intent', cue: 'assess' }, 'intents.json')
    else if (!known.cue && known.tag.type !== 'intent') known.cue = 'assess'
  }
  // "帮我瞅瞅", "给看一眼": a helper before a look verb asks to assess (a pair already listed keeps its meaning).
  for (const helper of intents.lookRequests?.helpers ?? [])
    for (const look of intents.lookRequests?.looks ?? []) {
      const word = helper + look
      if (!words.has(word)) add(word, { type: 'intent', cue: 'assess' }, 'intents.json')
    }
  const commands = new Map<string, Command>()
  for (const entry of intents.commands) {
    for (const word of entry.words) {
      const key = word.toLowerCase()
      if (commands.has(key)) throw new Error(`${join(dir, 'intents.json')}: command “${word}” is listed twice`)
      commands.set(key, entry.command)
    }
  }
  const programs = readFile(dir, 'programs.json', ProgramFileSchema)
  for (const entry of programs.entries) {
    for (const word of entry.words) {
      const known = words.get(word)
      if (known?.program) throw new Error(`${join(dir, 'programs.json')}: “${word}” is listed twice`)
      if (known) known.program = entry.program
      else words.set(word, { tag: { type: 'program' }, program: entry.program })
    }
  }
  addVariants(words, readFile(dir, 'variants.json', VariantFileSchema).entries, join(dir, 'variants.json'))
  const levels = readFile(dir, 'levels.json', LevelFileSchema)
  const simplified = readSimplified(words, readFile(dir, 'traditional.json', TraditionalFileSchema).entries, dir)
  return {
    words,
    commands,
    levels: { rdInstitution: levels.rdInstitution, sciAward: levels.sciAward, contest: levels.contest },
    aspects: intents.aspects,
    subjects: [...intents.subjects].sort((a, b) => b.length - a.length),
    yesNoQuestions: new Set(intents.yesNoQuestions),
    programJoiners: new Set(intents.programJoiners),
    assessVerbEnding: new RegExp(
      `(?<!${alternation(intents.assessVerbs.notAfter)})` +
        `(?:${alternation(intents.assessVerbs.verbs)})(?:${alternation(intents.assessVerbs.between)})?$`,
      'u',
    ),
    assessVerbBetween: new Set(intents.assessVerbs.between),
    achieved: {
      words: new Set(intents.assessVerbs.achieved ?? []),
      before: [...intents.assessVerbs.notAfter, '刚', '刚刚', '才'].sort((a, b) => b.length - a.length),
    },
    assessVerbOpeners: new Set(intents.assessVerbs.openers ?? []),
    helpers: [...(intents.lookRequests?.helpers ?? [])].sort((left, right) => right.length - left.length),
    positions: (replyWords.positions ?? [])
      .flatMap(({ position, words }) => words.map((word) => ({ position, word })))
      .sort((left, right) => right.word.length - left.word.length),
    indefinites: new Set(replyWords.indefinites),
    acknowledgements: new Set(replyWords.acknowledgements),
    notUnderstood: new Set(replyWords.notUnderstood),
    closingParticles: [...replyWords.closingParticles].sort((left, right) => right.length - left.length),
    thingCounts: {
      figures: new Set(replyWords.thingCounts?.figures ?? []),
      classifiers: [...(replyWords.thingCounts?.classifiers ?? [])],
      people: [...(replyWords.thingCounts?.people ?? [])],
      particles: [...(replyWords.thingCounts?.particles ?? [])],
    },
    negatedFigures: new Set(replyWords.negatedFigures),
    lapses: [...(replyWords.lapses ?? [])],
    startWords: [...(replyWords.startWords ?? [])],
    earlier: [...(replyWords.earlier ?? [])],
    doingBefore: longestFirst(doingBeforeWords(industries.doingBefore)),
    howToApply: intents.howToApply ?? { verbs: [], asking: [], maxLength: 0 },
    negatedReach: negatedReachWords(replyWords.negatedReach, replyWords.notKnowing.negations),
    pointers: longestFirst(replyWords.pointers ?? []),
    denials: new Set(replyWords.denials),
    notKnowing: {
      negations: longestFirst(replyWords.notKnowing.negations),
      degrees: longestFirst(replyWords.notKnowing.degrees),
      results: longestFirst(replyWords.notKnowing.results),
      refusals: longestFirst(replyWords.notKnowing.refusals),
      explanations: longestFirst(replyWords.notKnowing.explanations ?? []),
      movingOn: longestFirst(replyWords.notKnowing.movingOn ?? []),
      othersWhoKnow: longestFirst(replyWords.notKnowing.othersWhoKnow ?? []),
      negatedVerbs: longestFirst(replyWords.notKnowing.negatedVerbs ?? []),
    },
    assessBesideProgram: new Set(intents.assessVerbs.besideProgram),
    nextTier: intents.nextTier ?? [],
    mainActivity: industries.mainActivity ?? { before: [], after: [] },
    trades: new Set(industries.trades ?? []),
    customerMarkers: [...(industries.customerMarkers ?? [])].sort((left, right) => right.length - left.length),
    customerSubjects: customerSubjectWords(industries.customerSubjects),
    customerPredicates: [...(industries.customerPredicates ?? [])],
    customerPronouns: [...(industries.customerPronouns ?? [])],
    sellingMarkers: [...(industries.sellingMarkers ?? [])],
    supplierMarkers: industries.supplierMarkers ?? { before: [], after: [] },
    ownProduction: [...(industries.ownProduction ?? [])],
    outsourcedProduction: [...(industries.outsourcedProduction ?? [])],
    sellingVerbs: [...(industries.sellingVerbs ?? [])],
    consumers: [...(industries.consumers ?? [])],
    producers: new Set(industries.producers ?? []),
    simplified,
    traditionalCharacters: new RegExp(`[${[...simplified.keys()].join('')}]`, 'gu'),
  }
}

/**
 * The traditional → simplified map. A traditional character listed twice, one that is its own simplified form, or
 * one inside a lexicon word (which would then never be read) is an error.
 */
function readSimplified(
  words: ReadonlyMap<string, LexiconWord>,
  entries: ReadonlyArray<{ simplified: string; traditional: string[] }>,
  dir: string,
): Map<string, string> {
  const file = join(dir, 'traditional.json')
  const simplified = new Map<string, string>()
  for (const entry of entries)
    for (const character of entry.traditional) {
      if (simplified.has(character) || character === entry.simplified)
        throw new Error(`${file}: “${character}” is listed twice or maps to itself`)
      simplified.set(character, entry.simplified)
    }
  for (const word of words.keys())
    for (const character of word)
      if (simplified.has(character)) throw new Error(`${file}: lexicon word “${word}” holds traditional “${character}”`)
  return simplified
}

/**
 * Every word containing a variant's `word` is also read with each mistyped form in its place ("研发人员" → "研法人员"),
 * with the same meaning; a form that is already a word of its own keeps its own meaning. A `word` no lexicon word
 * contains is an error.
 */
function addVariants(
  words: Map<string, LexiconWord>,
  variants: ReadonlyArray<{ word: string; typed: string[] }>,
  file: string,
): void {
  const listed = [...words.entries()]
  for (const { word, typed } of variants) {
    const containing = listed.filter(([text]) => text.includes(word))
    if (containing.length === 0) throw new Error(`${file}: no lexicon word contains “${word}”`)
    for (const form of typed)
      for (const [text, meaning] of containing) {
        const mistyped = text.split(word).join(form)
        if (!words.has(mistyped)) words.set(mistyped, meaning)
      }
  }
}

function toMeaning(entry: Record<string, unknown>): KeywordMeaning {
  const topics = AMOUNT_TOPICS as Record<string, AmountTopic>
  if (entry.type === 'amount') {
    const { topic, countTopic, ...rest } = entry as { topic: string; countTopic?: string }
    return {
      ...rest,
      type: 'amount',
      topic: topics[topic],
      ...(countTopic ? { countTopic: topics[countTopic] } : {}),
    } as KeywordMeaning
  }
  return entry as KeywordMeaning
}

const longestFirst = (list: readonly string[]): string[] => [...list].sort((left, right) => right.length - left.length)

/** "测|评|申请": the words as one regular-expression alternation, longest first, escaped. */
function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')
}

/** Every customer noun with every adverb (or none) and verb: 客户是, 客户都是, 用户主要有. */
function customerSubjectWords(grammar: { nouns: string[]; adverbs: string[]; verbs: string[] } | undefined): string[] {
  if (!grammar) return []
  return grammar.nouns.flatMap((noun) =>
    ['', ...grammar.adverbs].flatMap((adverb) => grammar.verbs.map((verb) => `${noun}${adverb}${verb}`)),
  )
}

/** Every negation before every verb of reaching or passing, by word, and their lengths longest first. */
function negatedReachWords(
  verbs: { lt: string[]; le: string[] } | undefined,
  negations: readonly string[],
): { ops: ReadonlyMap<string, 'lt' | 'le'>; lengths: readonly number[] } {
  const ops = new Map<string, 'lt' | 'le'>()
  for (const op of ['lt', 'le'] as const)
    for (const verb of verbs?.[op] ?? []) for (const negation of negations) ops.set(`${negation}${verb}`, op)
  const lengths = [...new Set([...ops.keys()].map((word) => word.length))].sort((a, b) => b - a)
  return { ops, lengths }
}

/**
 * Every slip of a digit: 多/少 before or after a typing verb (多打, 打多), 了/个/一个/一位 and the digit. A zero changes the
 * value tenfold (extraZero, missingZero); another digit only says the figure is wrong, for the one said with it.
 */
function digitSlipWords(
  grammar: { verbs: string[]; counters: string[]; zeros: string[]; digits: string[] } | undefined,
): Map<string, CorrectionKind> {
  const slips = new Map<string, CorrectionKind>()
  if (!grammar) return slips
  for (const [sign, zeroKind] of [
    ['多', 'extraZero'],
    ['少', 'missingZero'],
  ] as const) {
    const heads = [sign, ...grammar.verbs.flatMap((verb) => [`${sign}${verb}`, `${verb}${sign}`])]
    for (const head of heads)
      for (const counter of grammar.counters) {
        for (const zero of grammar.zeros) slips.set(`${head}${counter}${zero}`, zeroKind)
        for (const digit of grammar.digits) slips.set(`${head}${counter}${digit}`, 'replace')
      }
  }
  return slips
}

/** The verbs of doing, and every subject with an adverb (or none) and 是: 做, 从事, 我们是, 公司其实是. */
function doingBeforeWords(grammar: { verbs: string[]; subjects: string[]; adverbs: string[] } | undefined): string[] {
  if (!grammar) return []
  const copulas = grammar.subjects.flatMap((subject) =>
    ['', ...grammar.adverbs].map((adverb) => `${subject}${adverb}是`),
  )
  return [...grammar.verbs, ...copulas]
}
