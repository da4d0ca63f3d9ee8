import { z } from 'zod'
import { PolicyCardSchema } from '../../knowledge/card-schema.js'
import { AssessRequestSchema } from '../routes/assess-routes.js'
import { ChatRequestSchema, ChatResponseSchema } from '../routes/chat-routes.js'
import { ProfileRequestSchema } from '../routes/profile-routes.js'
import { SearchRequestSchema } from '../routes/search-routes.js'

const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
})

const SearchResponseSchema = z.object({
  results: z.array(
    z.object({ id: z.string(), title: z.string(), source: z.string(), score: z.number(), snippet: z.string() }),
  ),
  confident: z.boolean(),
})

const AssessResponseSchema = z
  .object({
    program: z.enum(['innovative', 'specialized', 'little-giant']),
    eligible: z.boolean().nullable(),
    total: z.number().nullable(),
    dimensions: z.array(z.unknown()),
    items: z.array(z.unknown()),
    conditions: z.array(z.object({ id: z.string(), status: z.string() }).loose()),
    missing: z.array(z.string()),
    advice: z.array(z.unknown()),
    prerequisite: z.unknown(),
    size: z.string().nullable(),
  })
  .loose()

const FactFieldsResponseSchema = z.object({
  fields: z.array(z.object({ name: z.string(), label: z.string(), type: z.string() }).loose()),
})
/** Keyed by channel name (feishu, wechat, …): `disabled`, or the channel's own state (`scanning` with `qrUrl` …). */
const ChannelStatusSchema = z.record(
  z.string(),
  z.object({ status: z.string(), qrUrl: z.string().optional(), userName: z.string().optional() }).loose(),
)
const StatsSchema = z.object({ cards: z.number() }).loose()
const ReloadSchema = z.object({
  status: z.literal('reloaded'),
  cards: z.number(),
  rules: z.array(z.string()).optional(),
})

type Auth = 'apiKey' | 'admin'

interface Operation {
  method: 'get' | 'post' | 'put'
  /** OpenAPI path under /api/v1 (`{id}` for a parameter). */
  path: string
  summary: string
  auth: Auth
  request?: z.ZodType
  response: z.ZodType
  /** Error statuses besides the access ones. */
  errors?: number[]
  /** A file instead of JSON: its media types (the response schema is then a binary string). */
  files?: string[]
  /** A multipart upload instead of a JSON body: the form fields. */
  upload?: string[]
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const BatchResponseSchema = z
  .object({
    reportId: z.string(),
    fileName: z.string(),
    summary: z.unknown(),
    notes: z.array(z.string()),
    columns: z.object({ recognised: z.array(z.unknown()), unrecognised: z.array(z.unknown()) }),
    rows: z.array(z.unknown()),
    downloads: z.record(z.string(), z.string()),
  })
  .loose()

/** Every /api/v1 route, with the zod schemas it validates with; the test checks the app has no route missing here. */
export const API_OPERATIONS: readonly Operation[] = [
  {
    method: 'post',
    path: '/search',
    summary: '检索政策卡片',
    auth: 'apiKey',
    request: SearchRequestSchema,
    response: SearchResponseSchema,
    errors: [400, 415],
  },
  {
    method: 'get',
    path: '/cards/{id}',
    summary: '完整政策卡片',
    auth: 'apiKey',
    response: PolicyCardSchema,
    errors: [404],
  },
  {
    method: 'post',
    path: '/assess',
    summary: '按规则评定一个层级',
    auth: 'apiKey',
    request: AssessRequestSchema,
    response: AssessResponseSchema,
    errors: [400, 415],
  },
  {
    method: 'post',
    path: '/chat',
    summary: '对话一轮（测评与政策问答）',
    auth: 'apiKey',
    request: ChatRequestSchema,
    response: ChatResponseSchema,
    errors: [400, 415, 429],
  },
  {
    method: 'put',
    path: '/profile',
    summary: '用表单的企业信息替换会话的企业信息（与 /chat 同一会话）',
    auth: 'apiKey',
    request: ProfileRequestSchema,
    response: ChatResponseSchema.pick({ state: true }),
    errors: [400, 415, 429],
  },
  {
    method: 'post',
    path: '/batch',
    summary: '批量筛查：上传企业名单（.xlsx/.csv，multipart 字段 file）',
    auth: 'apiKey',
    upload: ['file'],
    response: BatchResponseSchema,
    errors: [400, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/batch/{reportId}/{file}',
    summary: '下载筛查报告（file 为 report.xlsx、report.csv 或 report.md）',
    auth: 'apiKey',
    response: z.string(),
    files: [XLSX, 'text/csv', 'text/markdown'],
    errors: [404],
  },
  {
    method: 'get',
    path: '/batch/template.xlsx',
    summary: '企业名单模板',
    auth: 'apiKey',
    response: z.string(),
    files: [XLSX],
  },
  {
    method: 'get',
    path: '/facts/fields',
    summary: '企业信息表单字段',
    auth: 'apiKey',
    response: FactFieldsResponseSchema,
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: '本文档（OpenAPI 3.1）',
    auth: 'apiKey',
    response: z.object({ openapi: z.string() }).loose(),
  },
  {
    method: 'get',
    path: '/channels/status',
    summary: '渠道状态（含微信登录二维码）',
    auth: 'admin',
    response: ChannelStatusSchema,
    errors: [404],
  },
  { method: 'get', path: '/admin/stats', summary: '运行统计', auth: 'admin', response: StatsSchema, errors: [404] },
  {
    method: 'post',
    path: '/admin/knowledge/reload',
    summary: '不重启重新读取 knowledge/ 和 rules/',
    auth: 'admin',
    response: ReloadSchema,
    errors: [404, 422],
  },
]

const ERROR_TEXT: Record<number, string> = {
  400: '请求参数有误（fields 逐字段说明）',
  401: '缺少或无效的密钥',
  403: '未设置 API_KEYS 时只接受本机访问',
  404: '不存在或未启用',
  413: '文件过大或行数过多',
  415: '请求格式不支持（JSON 接口须为 application/json；名单须为 .xlsx 或 .csv）',
  422: '内容无法处理（知识库文件有误、名单无法读取或表头有歧义）',
  429: '请求过快',
  503: '存储暂时不可用',
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Record<string, unknown>
  return rest
}

const errorResponse = (status: number) => ({
  description: ERROR_TEXT[status] ?? '错误',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
})

let built: Record<string, unknown> | undefined

/** The OpenAPI 3.1 document of /api/v1, generated (once) from the zod schemas the routes validate with. */
export function buildOpenApiDocument(): Record<string, unknown> {
  built ??= generate()
  return built
}

function generate(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const operation of API_OPERATIONS) {
    const parameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }))
    const accessErrors = operation.auth === 'admin' ? [401] : [401, 403]
    const content = operation.files
      ? Object.fromEntries(
          operation.files.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
        )
      : { 'application/json': { schema: jsonSchema(operation.response, 'output') } }
    const responses: Record<string, unknown> = { 200: { description: 'OK', content } }
    for (const status of [...(operation.errors ?? []), ...accessErrors, 503])
      responses[String(status)] = errorResponse(status)
    paths[operation.path] ??= {}
    paths[operation.path]![operation.method] = {
      summary: operation.summary,
      security: [{ [operation.auth === 'admin' ? 'adminToken' : 'apiKey']: [] }],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(operation.request
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(operation.request, 'input') } },
            },
          }
        : {}),
      ...(operation.upload
        ? {
            requestBody: {
              required: true,
              content: {
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    required: operation.upload,
                    properties: Object.fromEntries(
                      operation.upload.map((field) => [
                        field,
                        { type: 'string', contentMediaType: 'application/octet-stream' },
                      ]),
                    ),
                  },
                },
              },
            },
          }
        : {}),
      responses,
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '北京企业政策顾问 API',
      version: '1',
      description:
        '设置 API_KEYS 时每个请求带 Authorization: Bearer <密钥>；未设置时只接受本机访问。管理接口用 ADMIN_TOKEN。',
    },
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorSchema, 'output') },
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'API_KEYS 中的一个密钥' },
        adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' },
      },
    },
  }
}
