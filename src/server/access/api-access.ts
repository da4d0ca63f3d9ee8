import type { Context, MiddlewareHandler } from 'hono'
import type { ApiKey } from '../../config.js'
import { errorBody } from '../http-error.js'
import { cameOverNetwork, isLoopbackAddress, readClientAddress } from './client-address.js'
import { readBearerToken } from './read-bearer-token.js'
import { secureEquals } from '../../shared/secure-equals.js'

/** Who is calling: an integration holding an API key (its name namespaces its users), or this machine. */
export type Caller = { kind: 'key'; name: string } | { kind: 'local' }

const CALLER = 'caller'
const CLIENT = 'clientAddress'

/** Headers a reverse proxy adds: a loopback peer carrying one is relaying someone else, so it is not "local". */
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip']

export const LOOPBACK_ONLY_MESSAGE =
  '本服务未设置 API_KEYS，只接受本机访问。对外提供服务请设置环境变量 API_KEYS=名称:密钥（多个用逗号分隔），调用时带请求头 Authorization: Bearer <密钥>。'

/** The key that matches `token`, comparing against every key in constant time. */
export function findApiKey(apiKeys: readonly ApiKey[], token: string): ApiKey | undefined {
  let found: ApiKey | undefined
  for (const candidate of apiKeys) if (secureEquals(token, candidate.key) && !found) found = candidate
  return found
}

/** True for a request from this machine: in-process, or a loopback socket not relayed by a proxy. */
export function isLocalRequest(context: Context): boolean {
  if (!cameOverNetwork(context)) return true
  const address = readClientAddress(context)
  if (!address || !isLoopbackAddress(address)) return false
  return PROXY_HEADERS.every((header) => context.req.header(header) === undefined)
}

/**
 * Guards /api/v1/*: with API keys, a valid `Authorization: Bearer <key>` (401 otherwise); without, loopback clients
 * only (403 with how to set API_KEYS). Records the caller and the client address for the routes.
 */
export function requireApiAccess(apiKeys: readonly ApiKey[] | undefined): MiddlewareHandler {
  return async (context, next) => {
    context.set(CLIENT as never, (readClientAddress(context) ?? 'in-process') as never)
    if (apiKeys && apiKeys.length > 0) {
      const token = readBearerToken(context.req.header('authorization'))
      const apiKey = token === undefined ? undefined : findApiKey(apiKeys, token)
      if (!apiKey) {
        context.header('www-authenticate', 'Bearer')
        return context.json(errorBody('UNAUTHORIZED', '需要有效的 API 密钥：请求头 Authorization: Bearer <密钥>'), 401)
      }
      context.set(CALLER as never, { kind: 'key', name: apiKey.name } as never)
      return next()
    }
    if (!isLocalRequest(context)) return context.json(errorBody('LOOPBACK_ONLY', LOOPBACK_ONLY_MESSAGE), 403)
    context.set(CALLER as never, { kind: 'local' } as never)
    return next()
  }
}

/** Guards the console pages: without API keys they are served to loopback clients only. */
export function requireLocalUnlessKeyed(apiKeys: readonly ApiKey[] | undefined): MiddlewareHandler {
  return async (context, next) => {
    if ((apiKeys && apiKeys.length > 0) || isLocalRequest(context)) return next()
    return context.json(errorBody('LOOPBACK_ONLY', LOOPBACK_ONLY_MESSAGE), 403)
  }
}

/** The caller recorded by `requireApiAccess` (local when the route is used without it, e.g. in unit tests). */
export function readCaller(context: Context): Caller {
  return (context.get(CALLER as never) as Caller | undefined) ?? { kind: 'local' }
}

/** The client address recorded by `requireApiAccess`. */
export function readRecordedClient(context: Context): string {
  return (context.get(CLIENT as never) as string | undefined) ?? readClientAddress(context) ?? 'in-process'
}

/** Guards an admin route with ADMIN_TOKEN (constant-time); null when the caller may pass. */
export function checkAdminToken(context: Context, adminToken: string | undefined): Response | null {
  if (!adminToken) return context.json(errorBody('ADMIN_DISABLED', '未配置 ADMIN_TOKEN，管理接口已关闭'), 404)
  const token = readBearerToken(context.req.header('authorization'))
  if (token === undefined || !secureEquals(token, adminToken))
    return context.json(errorBody('UNAUTHORIZED', '需要管理员令牌'), 401)
  return null
}
