import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { takeBuildSeed } from '../shared/build-seeds.js'

export const ANSWER_ASPECTS = [
  'amount',
  'condition',
  'count',
  'timing',
  'process',
  'payment',
  'contact',
  'agency',
  'fact',
] as const
export type AnswerAspect = (typeof ANSWER_ASPECTS)[number] | 'general'

export const AnswerAspectsSchema = z
  .object({
    schemaVersion: z.literal(1),
    description: z.string().optional(),
    aspects: z.array(
      z
        .object({
          aspect: z.enum(ANSWER_ASPECTS),
          label: z.string().min(1),
          cues: z.array(z.string().min(1)).min(1),
          clauseWords: z.array(z.string().min(1)),
          clausePattern: z.string().min(1),
          fields: z.array(z.enum(['audience', 'content', 'requirements', 'process', 'timing', 'contact'])),
          unfitWeight: z.number().min(0).max(1),
          /**
           * The shape any answer to the aspect has (a figure, a phone or an agency): when no clause about what the
           * part asks has it, the document does not state the answer. Absent: the clausePattern and fields are the shape.
           */
          answerShape: z.string().min(1).optional(),
          /**
           * A vague statement of the answer ("一定比例", "相应额度"): when the clauses most about what the part asks
           * say only this and have no answer shape, the document does not state the answer.
           */
          vaguePattern: z.string().min(1).optional(),
          /**
           * Narrower questions of the aspect ("谁当申报主体" of condition, "补多久" of timing): a part holding one of `cues`
           * is answered by a clause matching `clausePattern` ("由集群运营管理机构作为申报主体", "不超过2年") before the
           * aspect's other clauses; the aspect's field alone does not answer it.
           */
          narrowings: z
            .array(z.object({ cues: z.array(z.string().min(1)).min(1), clausePattern: z.string().min(1) }).strict())
            .optional(),
          /**
           * Cues of an otherwise unshaped aspect that ask a figure (达到多少, 要多少): such a part must be answered by
           * figureShape, else "原文未写明{figureLabel}".
           */
          figureCues: z.array(z.string().min(1)).optional(),
          figureShape: z.string().min(1).optional(),
          figureLabel: z.string().min(1).optional(),
          /**
           * Cues that ask whether there is any (有补贴吗, 有奖励吗), not how much: a part whose only cues of the aspect
           * are these is answered by the clause that states the support, with a figure or without one.
           */
          whetherCues: z.array(z.string().min(1)).optional(),
          /** Weight of the rest of the question (the owner's circumstances) for this aspect; default `contextWeight`. */
          contextWeight: z.number().min(0).max(2).optional(),
        })
        .strict(),
    ),
    splitPattern: z.string().min(1),
    /**
     * Where a piece without punctuation (voice input) holds two questions ("重大项目奖多少一般项目奖多少", "光伏要铺多大
     * 面积然后节能率要到多少"): at a connector (然后, 另外), or right after a word a spoken question ends with (多少,
     * 几年, 吗) that no `notAfter` character precedes (那几个) and that is followed by a rest holding a cue of its own.
     * Each side must keep at least `minContent` characters besides cues (能拿多少 is one part).
     */
    partBreaks: z
      .object({
        connectors: z.array(z.string().min(1)),
        ends: z.array(z.string().min(1)),
        notAfter: z.array(z.string().length(1)),
        minContent: z.number().int().min(1),
      })
      .strict()
      .optional(),
    /** Words that hold a cue but name a subject (标准化, 企业标准): blanked before a piece's cues are matched. */
    subjectWords: z.array(z.string().min(2)).optional(),
    /** A piece without a cue of its own that follows up the previous part ("河北户籍的呢"). */
    followUpPattern: z.string().min(1),
    /** A piece without a cue that ends like a yes/no question asks a 'fact'. */
    yesNoPattern: z.string().min(1),
    /** A piece without a cue that asks with a question word (哪一层算核心力量, 谁来考核) is a part of its own ('general'). */
    whPattern: z.string().min(1).optional(),
    /**
     * A piece that reports what the policy says ("昌平说特别重大项目可以适当提高支持标准", "听说有个…") and asks nothing
     * (no asking word, not the last piece) is context for the parts after it, whatever cue it holds.
     */
    reportedPattern: z.string().min(1).optional(),
    /** A question asking for a list ("有哪些支持", "条件都有啥"): the answer gives every numbered item of the field, briefly. */
    listPattern: z.string().min(1),
    /**
     * A question on the edge of a threshold ("正好1000万算不算达标"): the document's own definition of 以上/以下
     * (clausePattern, found by searching `query` within the answer's document) is quoted beside the answer.
     */
    boundary: z
      .object({ cues: z.array(z.string().min(1)).min(1), clausePattern: z.string().min(1), query: z.string().min(1) })
      .strict()
      .optional(),
    /**
     * A question whether a policy can still be used ("今年还能申请吗", "现在还有吗"): it asks the timing part, and when the
     * source states no end date the answer says so (`unstated`) rather than leaving the owner to guess.
     */
    stillOpen: z
      .object({ cues: z.array(z.string().min(2)).min(1), unstated: z.string().min(1) })
      .strict()
      .optional(),
    /** A question asking what something is ("啥叫首谈制"): the answer quotes the whole section or item of the best clause, as far as it fits. */
    definitionPattern: z.string().min(1),
    /**
     * The focus check (src/dialogue/unstated-focus.ts): words owners use that never are what a question is about
     * (钱, 拿, 搞, 公司, 咱, 能不能), beside the aspects' cues and the decision file's policy words.
     */
    focus: z
      .object({
        ignoreWords: z.array(z.string().min(1)),
        distinctiveShare: z.number().min(0).max(1),
        rareCharacterShare: z.number().min(0).max(1),
        /**
         * General words of the cards and the specific things they cover (设备 covers 冷柜, 机床, 服务器): a card that
         * states the general word states the specific thing an owner names, so it is never an unstated focus.
         */
        hypernyms: z
          .array(
            z
              .object({ general: z.array(z.string().min(1)).min(1), specific: z.array(z.string().min(2)).min(1) })
              .strict(),
          )
          .default([]),
        /**
         * Words asking whether the thing just before them counts (彩排算不算场次, 转租合同能认吗): that thing is a focus
         * wherever it stands in the question, not only at its end.
         */
        askedBefore: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    /** Headings that name no subject of their own ("支持标准"); a clause under one is not prefixed with it. */
    genericHeadings: z.array(z.string().min(1)),
    /** Weight of the other parts' words when ranking the clauses for one part. */
    contextWeight: z.number().min(0).max(1),
    /** Weight of the question's other parts' words. */
    otherPartsWeight: z.number().min(0).max(1),
    /** Score a clause gets for looking like an answer to the part's aspect. */
    priorWeight: z.number().min(0),
    /**
     * Details a question may ask that many cards do not state (利率, 官费, 到账时间): when the question uses a cue
     * and no clause the answer may quote matches the pattern, the answer says the document does not state it.
     */
    details: z
      .array(
        z
          .object({
            label: z.string().min(1),
            cues: z.array(z.string().min(1)).min(1),
            /** The detail is asked only when the text also holds one of these ("证书" beside "有效期": a certificate's period). */
            withAny: z.array(z.string().min(1)).min(1).optional(),
            /** The detail is not asked when the text holds one of these ("政策" beside "有效期": the policy's own period). */
            notWith: z.array(z.string().min(1)).optional(),
            clausePattern: z.string().min(1),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()

export type AnswerAspects = z.infer<typeof AnswerAspectsSchema>

export const DEFAULT_ANSWER_ASPECTS_PATH = fileURLToPath(
  new URL('../../knowledge/answer-aspects.json', import.meta.url),
)

let cached: AnswerAspects | null = null

/** Reads knowledge/answer-aspects.json (validated); the default file is read once (or taken from the build). */
export function loadAnswerAspects(path?: string): AnswerAspects {
  if (!path) cached ??= takeBuildSeed<AnswerAspects>('answerAspects') ?? null
  if (!path && cached) return cached
  const file = path ?? DEFAULT_ANSWER_ASPECTS_PATH
  const parsed = AnswerAspectsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    )
  for (const entry of [...parsed.data.aspects, ...parsed.data.details]) new RegExp(entry.clausePattern, 'u')
  for (const entry of parsed.data.aspects)
    for (const narrowing of entry.narrowings ?? []) new RegExp(narrowing.clausePattern, 'u')
  new RegExp(parsed.data.listPattern, 'u')
  new RegExp(parsed.data.definitionPattern, 'u')
  if (parsed.data.boundary) new RegExp(parsed.data.boundary.clausePattern, 'u')
  if (!path) cached = parsed.data
  return parsed.data
}
