import { z } from 'zod'
import { BOOLEAN_FACT_NAMES, INDUSTRIES, type FactName } from '../facts/fact-schema.js'
import { AMOUNT_TOPICS } from '../facts/fact-vocabulary.js'
import { PROGRAMS } from '../dialogue/programs.js'

/** Which of a topic's known values a position word points at (reply-words.json `positions`). */
export const POSITIONS = [
  'first',
  'second',
  'third',
  'middle',
  'last',
  'smaller',
  'larger',
  'earliest',
  'latest',
  /** The other of two values than the one pointed at before ("大的那个数是对的 另一个应该是2650"). */
  'other',
  /** The first and the last value together ("头尾对调一下"). */
  'ends',
] as const
export type Position = (typeof POSITIONS)[number]

const Words = z.array(z.string().min(1)).min(1)
const Header = { schemaVersion: z.literal(1), description: z.string().optional() }
const TopicId = z.enum(Object.keys(AMOUNT_TOPICS) as [keyof typeof AMOUNT_TOPICS, ...Array<keyof typeof AMOUNT_TOPICS>])
const BooleanFact = z.enum(BOOLEAN_FACT_NAMES as [FactName, ...FactName[]])
const Unit = z.enum(['money', 'percent', 'count', 'years', 'level', 'top'])

/** knowledge/lexicon/fact-keywords.json: what a word says about which fact. */
export const FactKeywordEntrySchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('amount'),
      topic: TopicId,
      countTopic: TopicId.optional(),
      sign: z.literal(-1).optional(),
      part: z.string().optional(),
      words: Words,
    })
    .strict(),
  z
    .object({
      type: z.literal('flag'),
      fact: BooleanFact,
      value: z.boolean().optional(),
      /** A word that names the fact only at the question that asks it (奖 at the quality question is 质量奖). */
      onlyWhenAsked: z.boolean().optional(),
      words: Words,
    })
    .strict(),
  z
    .object({
      type: z.literal('choice'),
      fact: z.enum(['listing', 'leadProductField']),
      value: z.string(),
      explicit: z.boolean().optional(),
      words: Words,
    })
    .strict(),
  z
    .object({ type: z.literal('member'), fact: z.enum(['honors', 'techConversion']), value: z.string(), words: Words })
    .strict(),
  z
    .object({
      type: z.literal('graded'),
      fact: z.enum(['rdInstitution', 'sciAward', 'contest', 'makerChinaTop']),
      words: Words,
    })
    .strict(),
  z.object({ type: z.literal('registration'), words: Words }).strict(),
  z.object({ type: z.literal('fixed'), fact: z.literal('netProfit'), value: z.number(), words: Words }).strict(),
  z.object({ type: z.literal('unclassifiedIp'), words: Words }).strict(),
  /** A word for a whole matter ("荣誉资质"): 不清楚 about it leaves its facts unknown, 没有 gives them their "none". */
  z
    .object({
      type: z.literal('matter'),
      facts: z.array(z.enum(['honors', 'techConversion', 'listing', 'contest'])).min(1),
      words: Words,
    })
    .strict(),
  z.object({ type: z.literal('sink'), units: z.array(Unit).min(1), words: Words }).strict(),
  z.object({ type: z.literal('noise'), words: Words }).strict(),
])
export const FactKeywordFileSchema = z.object({ ...Header, entries: z.array(FactKeywordEntrySchema) }).strict()

/** knowledge/lexicon/reply-words.json: polarity, acts and grammar markers. */
export const REPLY_WORD_TYPES = [
  'affirm',
  'deny',
  'unknown',
  'skip',
  'confirm',
  'correct',
  'ask',
  'hypothetical',
  'desire',
  'respectively',
  'all',
  'filler',
  'near',
  'cue',
  'bound',
  'fine',
  'part',
  'area',
  'than',
  'change',
  'vague',
  'later',
  'deliver',
  'process',
  'pending',
  'know',
  'grasp',
  'tell',
  'consult',
  'unable',
  'refuse',
  'figure',
] as const
/** How a comparison changes the figure it compares with: 多/涨了 (more), 少/降了 (less), 翻了一番 (double). */
export const CHANGE_KINDS = ['more', 'less', 'double'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]
export const CORRECTION_KINDS = [
  'replace',
  'extraZero',
  'missingZero',
  'previous',
  'swapped',
  'wrongValue',
  'overstated',
  'understated',
  'retract',
  'doubled',
  /** 砍一半, 减半: the value named, or the last one given, halved (with 都/各 every value of its topic). */
  'halved',
  /** 除以十, ÷10, 乘以十: the value named (or the last one given) divided or multiplied by the figure after the word. */
  'divided',
  'multiplied',
] as const
export const ReplyWordFileSchema = z
  .object({
    ...Header,
    entries: z.array(
      z
        .object({
          type: z.enum(REPLY_WORD_TYPES),
          alsoNo: z.boolean().optional(),
          /** A correction word that, right after a figure, says that figure is the wrong one ("3200打错了，是3020"). */
          marksWrong: z.boolean().optional(),
          kind: z.enum(CORRECTION_KINDS).optional(),
          op: z.enum(['lt', 'le', 'gt', 'ge', 'approx']).optional(),
          /** A figure said by an idiom ("一只手数得过来": at most 5), in the unit of the fact asked for. */
          value: z.number().finite().optional(),
          change: z.enum(CHANGE_KINDS).optional(),
          /** A bound only right after a fact keyword ("人数过三百"); elsewhere not a word ("进过500强": 过 of the past). */
          afterKeyword: z.boolean().optional(),
          words: Words,
        })
        .strict()
        .refine((entry) => (entry.type === 'bound' || entry.type === 'figure') === (entry.op !== undefined), {
          message: 'a bound or figure entry, and only those, has an op',
        })
        .refine((entry) => (entry.type === 'figure') === (entry.value !== undefined), {
          message: 'a figure entry, and only a figure entry, has a value',
        })
        .refine((entry) => (entry.type === 'change') === (entry.change !== undefined), {
          message: 'a change entry, and only a change entry, has a change',
        }),
    ),
    /** Ask words that mean "any" in a denied clause ("没参加过什么比赛", "啥荣誉都没有"): no question there. */
    indefinites: Words,
    /** Affirm words that, opening a message before more words, only acknowledge the question ("嗯 没有", "嗯，营收写错了"). */
    acknowledgements: Words,
    /** Deny words that, right before a figure, say the value is below it ("员工没有150，只有120", "营收没有一千万"). */
    negatedFigures: Words,
    /** Words right after a year that say the firm began then (开始, 起, 成立, 入行): "08年就干这个" is 18 years in 2026. */
    startWords: Words.optional(),
    /** Words of a time before the one just named (再往前, 更早): a wider window's figure said with one adds to the narrower one. */
    earlier: Words.optional(),
    /**
     * The grammar of a digit typed too many or too few: 多/少 before or after one of `verbs` (多打, 打多), one of
     * `counters` (了个, 个, 一个, 一位) and one of `zeros` (0, 零: the value ÷ or × 10) or `digits` (1–9: the figure said
     * with it replaces the value).
     */
    digitSlips: z.object({ verbs: Words, counters: Words, zeros: Words, digits: Words }).strict().optional(),
    /** Words that say a title no longer holds (过期, 失效, 被摘牌): after the one title named, they take it back. */
    lapses: Words.optional(),
    /**
     * Verbs of reaching a figure (`lt`: 上, 摸到, 够 — "营收没上两千" is below it) or of passing it (`le`: 超, 破 — "没超两打"
     * is at most it): after any of `notKnowing.negations` and right before a figure, they make it a bound.
     */
    negatedReach: z.object({ lt: Words, le: Words }).strict().optional(),
    /**
     * Words right after a fact keyword that point at that fact's answer ("净利润那里我填的是税前 税后是二百四",
     * "员工那栏多按了个1 是150"): at another question the bare figures of the message are that fact's.
     */
    pointers: Words.optional(),
    /** Deny words that say what something is not ("员工是160 不是150", "160（非150）", "不是研发费用"): the figure after is the wrong one. */
    denials: Words,
    /** Modal particles that close a message and say nothing ("能评吗哈", "是23年的哦"): dropped before reading. */
    closingParticles: Words,
    /**
     * A few of a thing are no fact ("经营一个高尔夫练习场", "盖了两个盘"): `figures` (一个, 两家 …) followed by a Han word
     * that is not a fact keyword and begins with none of `people` (人, 研发, 行政 …) or `particles` (吧, 的, 左右 …).
     */
    thingCounts: z
      .object({
        figures: Words,
        /** Classifiers that never count people (家, 台, 辆 …): any figure before one and a Han word counts a thing ("3家店", "三十台厢货"). */
        classifiers: Words.optional(),
        people: Words,
        particles: Words,
      })
      .strict()
      .optional(),
    /** Ask words that, after a matter named with an area word, say the owner does not know it ("知识产权的事我不太懂"). */
    notUnderstood: Words,
    /**
     * The grammar of not knowing (`src/understanding/mark-not-knowing.ts`): `negations` (不, 没, 唔) and `degrees`
     * (太, 怎么) before a `know` word ("没听说过", "不太晓得"); `results` after 不 that make a `grasp`, `tell` or `know`
     * verb a potential complement of failing ("看不明白", "估计不准", "报不全"); `refusals` (不, 先不) before a `tell`
     * word refuse to give the figure ("不告诉你", "先不报"). `explanations`: words of a reply that explains instead of
     * answering ("账本让漏水给泡了 正托人去调", "营收跟开票对不上 税务那边在核"): a reply to a figure question with no figure,
     * no yes or no and no other act that holds one of them leaves the asked facts unknown. `movingOn`: words of such a
     * reply that move on instead ("这块直接往后问", "称号这个你别管了"): it skips the question.
     */
    /**
     * Words that point at one of a topic's known values by its position (中间那个, 第二个, 最早那年的) or size (小的那个):
     * a correction after one replaces that value (src/understanding/read-positional-correction.ts).
     */
    positions: z
      .array(
        z
          .object({
            position: z.enum(POSITIONS),
            words: Words,
          })
          .strict(),
      )
      .optional(),
    notKnowing: z
      .object({
        negations: Words,
        degrees: Words,
        results: Words,
        refusals: Words,
        explanations: Words.optional(),
        movingOn: Words.optional(),
        /** Who else knows the figure (财务, 技术总监, 代账的): "标准的事技术总监清楚" says the owner does not. */
        othersWhoKnow: Words.optional(),
        /** Verbs that after a negation deny the fact or industry word right after them ("不带硬件", "没做过软件"). */
        negatedVerbs: Words.optional(),
      })
      .strict(),
  })
  .strict()

/** knowledge/lexicon/industries.json: the 2011 size-standard industries by name and by what firms do. */
export const IndustryFileSchema = z
  .object({
    ...Header,
    /** `also`: the words fit another industry as well (电商: retail or wholesale): the reading is unsure and confirmed. */
    entries: z.array(
      z
        .object({
          industry: z.enum(INDUSTRIES),
          /** The GB/T 4754-2011 大类 (division) whose activities the entry lists ("81 机动车、电子产品和日用产品修理业"). */
          division: z.string().optional(),
          also: z.array(z.enum(INDUSTRIES)).optional(),
          explicit: z.boolean().optional(),
          words: Words,
        })
        .strict(),
    ),
    /**
     * Words that name the main one of several activities: `before` it (主要做X, 主打X), `after` it (X为主). The
     * industry they point at decides.
     */
    mainActivity: z
      .object({
        before: Words,
        after: Words,
        /** A side line: the mention right after (带个小餐厅, 兼营) or right before (批发只是顺带) counts half. */
        secondary: Words.optional(),
        secondaryAfter: Words.optional(),
      })
      .strict()
      .optional(),
    /**
     * Industry words that are trades done with goods: before another industry word the trade decides ("批发电子元器件"
     * is wholesale), where otherwise the last part of a compound does ("物流软件" is software).
     */
    trades: Words.optional(),
    /** Words before a customer (给医院做信息化, 帮商家做小程序): an industry word right after one is whom the firm serves. */
    customerMarkers: Words.optional(),
    /**
     * What opens a clause about the firm's customers: a customer noun (客户, 用户, 服务对象), an adverb or none (都, 主要)
     * and a verb (是, 有, 包括) — 客户是, 用户都是, 客户有: the industry words after one in its clause are whom the firm
     * serves ("客户是外卖平台上的商家", "客户有200多家餐厅").
     */
    customerSubjects: z.object({ nouns: Words, adverbs: Words, verbs: Words }).strict().optional(),
    /**
     * What, right before an industry word (up to three characters between), says the firm does it: `verbs` (做, 从事, 主营),
     * or one of `subjects` with an adverb or none and 是 (我们是, 公司其实是) — at another question only such a word changes a
     * known industry.
     */
    doingBefore: z.object({ verbs: Words, subjects: Words, adverbs: Words }).strict().optional(),
    /**
     * Words right after an industry word that make it the firm's customer (是我们的客户, 只是我们客户): "宠物医院只是
     * 我们的客户" says whom the firm serves, not what it is.
     */
    customerPredicates: Words.optional(),
    /**
     * Words for the customer itself after 给/帮 (他们, 客户): "帮他们翻新厨房" names what the firm does, not a customer's
     * industry, whereas a word or two describing the customer ("帮低空飞行器做适航咨询") still leads to one.
     */
    customerPronouns: Words.optional(),
    /**
     * Words before whom the firm sells to (卖给, 供货给): a shop or a restaurant after one is a customer ("生产猫砂 卖给
     * 宠物店" is no 宠物店); a wholesale word after one still says how the firm trades ("卖给经销商").
     */
    sellingMarkers: Words.optional(),
    /**
     * "从钢厂拿货", "从出版社进的货": an industry word between `before` (从) and `after` (拿货, 进货) is the supplier's,
     * not the firm's.
     */
    supplierMarkers: z.object({ before: Words, after: Words }).strict().optional(),
    /**
     * Industries whose firms make or grow what they sell (工业, 农业): a trade word beside one (供货, 批发市场) says how
     * the firm sells its own goods, not that it trades (GB/T 4754 classes a producer by what it produces).
     */
    producers: z.array(z.enum(INDUSTRIES)).optional(),
    /**
     * Words saying the firm makes what it sells itself (自己生产, 自己有产线): a firm that buys its goods from a
     * supplier (从厂家拿货) and says none of these trades them, whatever the goods are.
     */
    ownProduction: Words.optional(),
    /** Words saying others make what the firm sells (不生产, 工厂给我们贴牌): it trades its goods, as a supplier says. */
    outsourcedProduction: Words.optional(),
    /** Verbs of selling (卖, 销售, 代理): goods named right after one are sold, which says nothing of making them. */
    sellingVerbs: Words.optional(),
    /** Buyers who are consumers (个人, 消费者): goods bought and sold on to them are retail. */
    consumers: Words.optional(),
  })
  .strict()

/** knowledge/lexicon/programs.json: program names and colloquial forms. */
export const ProgramFileSchema = z
  .object({ ...Header, entries: z.array(z.object({ program: z.enum(PROGRAMS), words: Words }).strict()) })
  .strict()

/** knowledge/lexicon/places.json: registration places in and outside Beijing. */
export const PlaceFileSchema = z
  .object({ ...Header, entries: z.array(z.object({ beijing: z.boolean(), words: Words }).strict()) })
  .strict()

export const COMMANDS = ['help', 'reset', 'show-facts', 'delete-data', 'continue', 'greeting', 'thanks'] as const
export const INTENT_CUES = ['assess', 'which', 'policy'] as const
export const ASPECTS = ['process', 'contact', 'requirements', 'timing', 'amount'] as const
/** knowledge/lexicon/intents.json: whole-message commands and intent cues. */
export const IntentFileSchema = z
  .object({
    ...Header,
    commands: z.array(z.object({ command: z.enum(COMMANDS), words: Words }).strict()),
    aspects: z.array(z.object({ aspect: z.enum(ASPECTS), words: Words }).strict()),
    cues: z.array(z.object({ cue: z.enum(INTENT_CUES), words: Words }).strict()),
    /** Words about the asker that may stand beside an assess cue without a program ("我们公司能评吗"); any other word means the question is about something else ("算力券能申请吗"). */
    subjects: Words,
    /** Question words that ask yes or no ("能评专精特新吗"); any other question word ("还能加多少") asks about a policy, not for an assessment. */
    yesNoQuestions: Words,
    /** What joins programme names into a list asked together ("创新型和专精特新都想测": both are assessed). */
    programJoiners: Words,
    /**
     * A verb said right before a program name asks to assess it ("测专精特新", "想弄个专精特新", "我们先评专精特新吧");
     * `between` lists what may stand between them (个, 一下); `notAfter` the characters that, right before the verb,
     * make it part of another word or deny it ("完整专精特新名单", "汇报专精特新", "没评专精特新").
     * `openers`: words that may stand right before the verb besides a clause start or a wish ("能否入选专精特新",
     * "可以参加专精特新评选吗"), while 已经 may not ("已经评专精特新了").
     * `besideProgram`: assess cues that count only next to a program name ("小巨人咋评", "怎么评专精特新", "专精特新我们怎么评";
     * not "研发费用怎么评").
     */
    assessVerbs: z
      .object({
        notAfter: Words,
        verbs: Words,
        between: Words,
        besideProgram: Words,
        openers: Words.optional(),
        /**
         * Assess words that tell a result (评上, 获评, 认定为): after one of `notAfter` (已经, 早就), 刚 or a year, or
         * followed by 了/的 without a question, they say the firm holds the title ("去年已经评上创新型了"), not that it asks.
         */
        achieved: Words.optional(),
      })
      .strict(),
    /**
     * A helper before a look verb asks to assess ("帮我瞅瞅", "给看一眼", "麻烦帮我把把关"): every `helpers` + `looks`
     * pair is an assess cue, so that the pairs need not be listed one by one.
     */
    lookRequests: z.object({ helpers: Words, looks: Words }).strict().optional(),
    /**
     * Words that point from the one programme named to the tier above it ("比专精特新再高一级的那个", "评上了创新型 想冲下一档"):
     * the programme assessed is the next tier.
     */
    nextTier: Words.optional(),
    /**
     * A question of how to apply for one tier ("小巨人咋申请"): besides the tier's name at most `maxLength` Chinese
     * characters, holding an apply verb (申请, 报, 评) and an asking word of how (怎么, 咋, 流程) — "在哪个网站上报" asks a detail.
     */
    howToApply: z
      .object({ verbs: Words, asking: Words, maxLength: z.number().int().min(1).max(40) })
      .strict()
      .optional(),
  })
  .strict()

/**
 * knowledge/lexicon/variants.json: how owners mistype a word (pinyin input picks a homophone: 赢收 for 营收, 研法 for
 * 研发). Every lexicon word that contains `word` is also read with each `typed` form in its place (研法费用, 研法人员).
 */
export const VariantFileSchema = z
  .object({
    ...Header,
    entries: z.array(z.object({ word: z.string().min(1), typed: Words }).strict()),
  })
  .strict()

/**
 * knowledge/lexicon/traditional.json: the simplified character each traditional character stands for (對 → 对, 營 → 营).
 * A reply is read with the traditional characters replaced, so every lexicon word is also read in traditional script.
 */
export const TraditionalFileSchema = z
  .object({
    ...Header,
    entries: z.array(
      z.object({ simplified: z.string().length(1), traditional: z.array(z.string().length(1)).min(1) }).strict(),
    ),
  })
  .strict()

export type Command = (typeof COMMANDS)[number]
export type IntentCue = (typeof INTENT_CUES)[number]
export type CorrectionKind = (typeof CORRECTION_KINDS)[number]

const Grades = (values: readonly [string, ...string[]]) =>
  z.array(z.object({ value: z.enum(values), words: Words }).strict())
/** knowledge/lexicon/levels.json: grades of R&D institutions, science awards and contest results. */
export const LevelFileSchema = z
  .object({
    ...Header,
    rdInstitution: Grades(['national', 'provincial', 'municipal', 'below']),
    sciAward: Grades(['national', 'provincial', 'none']),
    contest: Grades(['award', 'final', 'participated']),
  })
  .strict()
