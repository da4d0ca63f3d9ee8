import { z } from 'zod'

/**
 * The only reader of process.env. Everything else receives its configuration as arguments.
 */
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)
const optionalString = z.preprocess(emptyToUndefined, z.string().optional())

/** One integration's credential: its name namespaces its users; its key is sent as `Authorization: Bearer <key>`. */
export interface ApiKey {
  name: string
  key: string
}

/** The shortest key accepted: long enough that guessing it over HTTP is hopeless. */
export const MIN_API_KEY_LENGTH = 16

/** `API_KEYS="name:key,name:key"` → a list of named keys; names and keys must be unique. */
const ApiKeysSchema = z
  .string()
  .transform((value, context): ApiKey[] => {
    const keys: ApiKey[] = []
    const entries = value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
    for (const [position, entry] of entries.entries()) {
      const separator = entry.indexOf(':')
      const name = separator > 0 ? entry.slice(0, separator).trim() : ''
      const key = separator > 0 ? entry.slice(separator + 1).trim() : ''
      if (!/^[\w.-]{1,64}$/.test(name))
        context.addIssue({
          code: 'custom',
          message: `entry ${position + 1} must be name:key with a name of letters, digits, _ . -`,
        })
      else if (key.length < MIN_API_KEY_LENGTH || /\s/.test(key))
        context.addIssue({
          code: 'custom',
          message: `the key of "${name}" must be at least ${MIN_API_KEY_LENGTH} characters without spaces`,
        })
      else if (keys.some((known) => known.name === name))
        context.addIssue({ code: 'custom', message: `name "${name}" appears twice` })
      else if (keys.some((known) => known.key === key))
        context.addIssue({ code: 'custom', message: `the key of "${name}" is also another name's key` })
      else keys.push({ name, key })
    }
    return keys
  })
  .optional()

export const ConfigSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('data')),
  REDIS_URL: optionalString,
  REDIS_PREFIX: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[\w:.-]{1,64}$/)
      .default('advisor:'),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().default('gpt-4o-mini')),
  OPENAI_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(120_000).default(8000)),
  FEISHU_APP_ID: optionalString,
  FEISHU_APP_SECRET: optionalString,
  FEISHU_VERIFICATION_TOKEN: optionalString,
  FEISHU_ENCRYPT_KEY: optionalString,
  FEISHU_DOMAIN: z.preprocess(emptyToUndefined, z.string().url().default('https://open.feishu.cn')),
  FEISHU_CONNECTION: z.preprocess(emptyToUndefined, z.enum(['webhook', 'ws']).default('webhook')),
  /** WeCom self-built app (自建应用): corp id, AgentId and Secret of the app, Token and EncodingAESKey of its 接收消息 settings. */
  WECOM_CORP_ID: optionalString,
  WECOM_AGENT_ID: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
  WECOM_SECRET: optionalString,
  WECOM_TOKEN: optionalString,
  WECOM_ENCODING_AES_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9]{43}$/u, 'EncodingAESKey is 43 letters and digits')
      .optional(),
  ),
  WECOM_API_BASE: z.preprocess(emptyToUndefined, z.string().url().default('https://qyapi.weixin.qq.com')),
  /** `markdown`: cards as WeCom markdown; `text`: plain text only (members who read WeCom through the WeChat plug-in). */
  WECOM_REPLY_FORMAT: z.preprocess(emptyToUndefined, z.enum(['markdown', 'text']).default('markdown')),
  /** WeCom 智能机器人 in API mode (callback): Token and EncodingAESKey of the bot's API settings. */
  WECOM_BOT_TOKEN: optionalString,
  WECOM_BOT_ENCODING_AES_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9]{43}$/u, 'EncodingAESKey is 43 letters and digits')
      .optional(),
  ),
  WECHATY_PUPPET: optionalString,
  WECHATY_PUPPET_SERVICE_TOKEN: optionalString,
  WECHAT_BOT_CONFIG: z.preprocess(emptyToUndefined, z.string().default('bots/wechat.config.json')),
  ADMIN_TOKEN: optionalString,
  /** On SIGTERM/SIGINT, how long replies under way may take to finish; the rest waits in the inbound queue. */
  SHUTDOWN_GRACE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(600_000).default(10_000)),
  /** Budget of one outbound send (Feishu Open API, WeChat say, WeCom …); also the SDK request timeout. */
  SEND_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(120_000).default(10_000)),
  /** Send attempts per delivery round (the first in the user's lane, the others in the background with backoff). */
  SEND_ATTEMPTS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10).default(4)),
  /** First retry pause; each further retry waits 4× longer. */
  SEND_RETRY_BASE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(60_000).default(1000)),
  /** Set by npm when started through `npm start`: the server then also stops when npm exits (see graceful-shutdown.ts). */
  npm_lifecycle_event: optionalString,
  /** When set, /api/v1/* and the console need one of these keys; when unset they answer loopback clients only. */
  API_KEYS: z.preprocess(emptyToUndefined, ApiKeysSchema),
  SESSION_IDLE_MINUTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .min(1)
      .max(7 * 24 * 60)
      .default(120),
  ),
  PROFILE_RETENTION_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().min(1).max(3650).default(30)),
})

export type Config = z.infer<typeof ConfigSchema>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses an environment (defaults to process.env); throws ConfigError naming every bad variable. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(environment)
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n  ${reasons.join('\n  ')}`)
  }
  return parsed.data
}
