import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

export const AnswerDecisionWordsSchema = z
  .object({
    schemaVersion: z.literal(1),
    description: z.string().optional(),
    heldRegion: z.string().min(1),
    places: z.array(
      z
        .object({
          /** One character only for a province's or city's abbreviation (沪, 粤). */
          name: z.string().min(1),
          kind: z.enum(['city', 'province', 'district', 'country']),
          coveredBy: z.array(z.string().min(2)).optional(),
          /** For a Beijing neighbourhood (望京, 国贸): the district it lies in, whose own policy the reply points to. */
          district: z.string().endsWith('区').optional(),
          /** Characters right before the name that make it part of another name (京 before 津冀: 京津冀). */
          notAfter: z.array(z.string().length(1)).optional(),
          /** Characters right after the name that make it part of another word (深 after 沪: 沪深两市). */
          notBefore: z.array(z.string().length(1)).optional(),
        })
        .strict(),
    ),
    /** Words right after a place name that make it a dish or a product, not a place (湘菜, 兰州拉面, 桂林米粉). */
    notPlaceBefore: z.array(z.string().min(1)),
    /** Words after a place that ask for the place's own policy (政府, 那边, 市里): outside even when a card names it. */
    ownPolicyMarkers: z.array(z.string().min(1)),
    /** A character before 市 or 省 that makes a common word (上市, 超市, 节省), not a place. */
    notCityBefore: z.array(z.string().length(1)),
    /** Places whose policy the knowledge base holds (北京, 昌平): never outside. */
    heldPlaces: z.array(z.string().min(2)),
    /** Words that ask for a district's own policy (区里, 区级): with them, any "XX区" not held is outside. */
    districtPolicyMarkers: z.array(z.string().min(2)),
    /** A character (or the two) before 区 that make "XX区" a common word, not a district (园区, 社区, 开发区, 我们区). */
    notDistrictBefore: z.array(z.string().min(1).max(2)),
    personalMatters: z.array(z.string().min(2)),
    personalHotline: z.string().min(1),
    /** Tax administration (filing, invoices, rates): 12366, unless a card holds the word. */
    taxMatters: z.array(z.string().min(2)),
    taxHotline: z.string().min(1),
    /** Company registration, change and deregistration: 市场监管 / 12345, unless the top card's title names them. */
    registrationMatters: z.array(z.string().min(2)),
    registrationHotline: z.string().min(1),
    /**
     * Where a question no card answers is pointed besides 12345, by the first class whose word it holds (税 → 税务局);
     * in order of precedence.
     */
    notFoundAgencies: z.array(
      z.object({ words: z.array(z.string().min(1)).min(1), agency: z.string().min(2) }).strict(),
    ),
    /**
     * Procedures of other authorities that no industry-support card describes (环评, 劳动仲裁, 食品经营许可), each
     * class with the agency that handles it; only a card whose title names the word answers it.
     */
    serviceMatters: z.array(z.object({ words: z.array(z.string().min(2)).min(1), agency: z.string().min(2) }).strict()),
    /**
     * Requests to the assistant itself rather than questions a policy answers (你是真人吗, 政策库多久更新, 帮我写申报书),
     * each class with its own reply; checked before the search is trusted.
     */
    assistantMatters: z.array(
      z.object({ words: z.array(z.string().min(2)).min(1), reply: z.string().min(1) }).strict(),
    ),
    /** The reply for a service matter: `{matter}` and `{agency}` are filled in. */
    serviceReply: z.string().includes('{agency}'),
    domainWords: z.array(z.string().min(1)),
    /** Words of card titles that name no subject (北京市, 关于, 措施): what is left of a title is the card's subject. */
    titleGenericWords: z.array(z.string().min(1)),
    programSuffixes: z.array(z.string().min(1)),
    /** Characters after a suffix that make it part of a common word (贷 in 贷款), not the end of a name. */
    suffixNotBefore: z.record(z.string(), z.array(z.string().min(1))),
    /** Words before a suffix that make it a verb (能贷, 可以贷), not the end of a name. */
    suffixNotAfter: z.record(z.string(), z.array(z.string().min(1))),
    /** Below this passage coverage nothing is answered. */
    minCoverage: z.number().min(0).max(1),
    /** A question without any policy word needs this much coverage. */
    domainlessCoverage: z.number().min(0).max(1),
    /** At or above this coverage, with the margin, the top card is certain (no "您问的应是"). */
    certainCoverage: z.number().min(0).max(1),
    /** Second card's score / top card's score must stay below this for a certain answer. */
    certainMargin: z.number().min(0).max(1),
  })
  .strict()

export type AnswerDecisionWords = z.infer<typeof AnswerDecisionWordsSchema>

export const DEFAULT_ANSWER_DECISION_PATH = fileURLToPath(
  new URL('../../knowledge/answer-decision.json', import.meta.url),
)

/** Reads knowledge/answer-decision.json (validated). */
export function loadAnswerDecisionWords(path: string = DEFAULT_ANSWER_DECISION_PATH): AnswerDecisionWords {
  const parsed = AnswerDecisionWordsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success)
    throw new Error(
      `${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    )
  return parsed.data
}
