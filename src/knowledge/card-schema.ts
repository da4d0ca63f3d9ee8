import { z } from 'zod'

/**
 * One policy card: a searchable, citable unit of policy text.
 *
 * - `guide` cards come from 北京市产业政策导引 (seed 003), one per numbered card, ids `guide-001`…`guide-145`
 *   (the number is the card's own number in the guide).
 * - `article` cards come from the other seeds, one per 第X条 / numbered measure / 附件 standard section,
 *   ids `<doc>-<part>` such as `tier-rules-a03`, `sme-measures-m05`, `gazette-hydrogen-a02`, `changping-a07`.
 *
 * Policy text is kept exactly as published; only whitespace and layout are normalised.
 */
/** 2: validity periods (validFrom, validUntil, validUntilPrecision, validityBasis). */
export const CARD_SCHEMA_VERSION = 2

const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u)
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value, 'not a calendar date')

export const CardKindSchema = z.enum(['guide', 'article'])

export const PolicyCardSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: CardKindSchema,
    /** Seed file name under knowledge/sources/. */
    seed: z.string(),
    /** guide: 综合 | 两业融合 | 先进制造业 | 金融 | 科技 | 文化 | 商务 | 生活服务 | 新基建 | 农业; article: the document's short name. */
    section: z.string(),
    /** guide: the card title; article: document title + heading. */
    title: z.string().min(1),
    /** guide: the line under the title, when present. */
    subtitle: z.string().nullable(),
    /** 依据文件 (guide) or the document's own title (article), without 《》. */
    documentTitle: z.string().min(1),
    /** 发文机构 */
    issuer: z.string().min(1),
    /** 发文字号, e.g. 京发改规〔2023〕12号 */
    docNumber: z.string().nullable(),
    /** 发布日期, YYYY-MM-DD when known */
    publishedAt: z.string().nullable(),
    /** article cards: 第三条 / （五） / 附件1 …; guide cards: null */
    heading: z.string().nullable(),
    /** 工具分类 */
    toolType: z.string().nullable(),
    /** 服务对象 */
    audience: z.string().nullable(),
    /** 服务内容 (guide) or the article body (article) */
    content: z.string().min(1),
    /** 条件要求 */
    requirements: z.string().nullable(),
    /** 服务流程 / 办理流程 */
    process: z.string().nullable(),
    /** 时间/频度 */
    timing: z.string().nullable(),
    /** 联络方式 */
    contact: z.string().nullable(),
    /** 1-based inclusive line range in the seed file. */
    sourceLines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
    /** Review flags, e.g. 'title-mismatch' (the title does not describe the text). */
    flags: z.array(z.string()),
    /** When this card repeats another card word for word, the id of the card kept. Duplicates are not indexed. */
    duplicateOf: z.string().nullable(),
    /** First day the policy applies, as the card or its document states it (ISO YYYY-MM-DD); null when none is stated. */
    validFrom: IsoDateSchema.nullable(),
    /** Last day the policy applies (ISO YYYY-MM-DD); null when the source states no end. */
    validUntil: IsoDateSchema.nullable(),
    /** How much of the end date the source states: "2025年失效" is 'year' (validUntil is then YYYY-12-31). */
    validUntilPrecision: z.enum(['day', 'month', 'year']).nullable(),
    /** The exact source phrase the period comes from ("2023年10月11日起至2025年12月31日止"), for answers to quote. */
    validityBasis: z.string().min(1).nullable(),
  })
  .strict()
  .superRefine((card, context) => {
    const dated = card.validFrom !== null || card.validUntil !== null
    if (dated !== (card.validityBasis !== null))
      context.addIssue({
        code: 'custom',
        path: ['validityBasis'],
        message: 'required exactly when validFrom or validUntil is set',
      })
    if ((card.validUntil !== null) !== (card.validUntilPrecision !== null))
      context.addIssue({
        code: 'custom',
        path: ['validUntilPrecision'],
        message: 'required exactly when validUntil is set',
      })
    if (card.validFrom !== null && card.validUntil !== null && card.validFrom > card.validUntil)
      context.addIssue({ code: 'custom', path: ['validUntil'], message: 'before validFrom' })
  })

export type PolicyCard = z.infer<typeof PolicyCardSchema>

export const KnowledgeFileSchema = z
  .object({
    schemaVersion: z.literal(CARD_SCHEMA_VERSION),
    generatedBy: z.string(),
    sources: z.array(z.object({ seed: z.string(), sha256: z.string(), cards: z.number().int() })),
    cards: z.array(PolicyCardSchema),
  })
  .strict()

export type KnowledgeFile = z.infer<typeof KnowledgeFileSchema>
