import { readFile } from 'node:fs/promises'
import { z } from 'zod'

/**
 * Deployment config of the WeChat group bot (`bots/wechat.config.json`), validated strictly at load:
 * unknown keys are errors so that a typo never silently disables a safety setting.
 */

const DEFAULT_PERSONA = {
  greeting: '您好！我是北京企业政策助手。@我直接提问即可，如“专精特新有哪些支持政策？”或“我们能评哪个？”',
  nonTextReply: '我暂时只能看懂文字消息，请直接打字提问。',
  rateLimitedReply: '本群提问有点多，我需要歇一会儿，请一分钟后再@我。',
  userRateLimitedReply: '您发得有点快，请稍等一分钟再问我。',
  errorReply: '抱歉，系统暂时出了点问题，请稍后再问一次。',
  truncatedNotice: '（内容较长，后面部分已省略，可以换个更具体的问法再问我）',
}

const shortText = (maximum: number) => z.string().trim().min(1).max(maximum)

export const PersonaSchema = z.strictObject({
  /** Sent when someone @mentions the bot (or uses a trigger word) without a question. */
  greeting: shortText(300).default(DEFAULT_PERSONA.greeting),
  /** Sent for images, voice, files… when the bot was @mentioned or in private chat. */
  nonTextReply: shortText(200).default(DEFAULT_PERSONA.nonTextReply),
  /** Sent at most once a minute per group when the group exceeds `rateLimit.perGroupPerMinute`. */
  rateLimitedReply: shortText(200).default(DEFAULT_PERSONA.rateLimitedReply),
  /** Sent at most once a minute per user when the user exceeds `rateLimit.perUserPerMinute`. */
  userRateLimitedReply: shortText(200).default(DEFAULT_PERSONA.userRateLimitedReply),
  /** Sent when the advisor fails. */
  errorReply: shortText(200).default(DEFAULT_PERSONA.errorReply),
  /** Appended to the last part when a reply needs more than `maxParts` messages. */
  truncatedNotice: shortText(100).default(DEFAULT_PERSONA.truncatedNotice),
})

export const WechatBotConfigSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** The bot's WeChat nickname; recognised in "@name" text even when the puppet reports no mention list. */
  botName: shortText(64),
  groups: z
    .strictObject({
      /** Group names (exact) or, with `keywordMatch`, name keywords. Empty: the bot answers in no group. */
      allow: z.array(shortText(64)).max(500).default([]),
      /** true: a group is allowed when its name contains any entry; false: names must match exactly. */
      keywordMatch: z.boolean().default(false),
    })
    .prefault({}),
  /**
   * A group message that starts with one of these words is answered without an @mention. Words of one or two
   * characters must be followed by a space or punctuation ("小政，…"), so that "小政策…" does not trigger "小政".
   */
  triggerWords: z.array(shortText(16)).max(20).default([]),
  privateChat: z
    .strictObject({
      /** Answer private (1:1) chats. */
      enabled: z.boolean().default(true),
      /** Only answer private chats from contacts who are friends of the bot account. */
      friendsOnly: z.boolean().default(false),
    })
    .prefault({}),
  rateLimit: z
    .strictObject({
      /** Questions answered per group per minute (a split reply counts once); then one notice per minute. */
      perGroupPerMinute: z.int().min(1).max(120).default(10),
      /** Questions answered per user per minute, per conversation (group or private chat). */
      perUserPerMinute: z.int().min(1).max(60).default(6),
    })
    .prefault({}),
  /** Messages older than this are ignored (puppets replay history after a (re)login). */
  maxMessageAgeSeconds: z.int().min(10).max(3600).default(180),
  /** Longest message sent, in characters, including "@asker" and the "(1/3)" label. */
  splitLength: z.int().min(100).max(2000).default(500),
  /** Most messages sent for one reply; the rest is cut with `persona.truncatedNotice`. */
  maxParts: z.int().min(1).max(10).default(6),
  /** Pause between the parts of a split reply, in ms. */
  pauseMs: z.int().min(0).max(10_000).default(800),
  persona: PersonaSchema.prefault({}),
})

export type WechatBotConfig = z.infer<typeof WechatBotConfigSchema>
/** The config as written in JSON: every field with a default may be omitted. */
export type WechatBotConfigInput = z.input<typeof WechatBotConfigSchema>

export class WechatBotConfigError extends Error {
  override name = 'WechatBotConfigError'
}

/** Validates a parsed config; throws WechatBotConfigError naming every bad field. */
export function parseWechatBotConfig(value: unknown, source = 'WeChat bot config'): WechatBotConfig {
  const parsed = WechatBotConfigSchema.safeParse(value)
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new WechatBotConfigError(`Invalid ${source}:\n  ${reasons.join('\n  ')}`)
  }
  return parsed.data
}

/** Reads and validates `bots/wechat.config.json` (or another path). */
export async function loadWechatBotConfig(path: string): Promise<WechatBotConfig> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new WechatBotConfigError(`Cannot read ${path}: ${(error as Error).message}`)
  }
  return parseWechatBotConfig(json, path)
}
