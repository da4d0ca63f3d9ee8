import * as lark from '@larksuiteoapi/node-sdk'

/**
 * The SDK's HTTP client with a timeout on every request (token, bot info, sends): without it a hung Open API
 * call never settles.
 */
export function createTimedHttpInstance(timeoutMs: number) {
  const base = lark.defaultHttpInstance
  const timed = <T extends { timeout?: number } | undefined>(options: T) => ({
    ...options,
    timeout: options?.timeout ?? timeoutMs,
  })
  return {
    request: (options: Parameters<typeof base.request>[0]) => base.request(timed(options)),
    get: (url: string, options?: Parameters<typeof base.get>[1]) => base.get(url, timed(options)),
    delete: (url: string, options?: Parameters<typeof base.delete>[1]) => base.delete(url, timed(options)),
    head: (url: string, options?: Parameters<typeof base.head>[1]) => base.head(url, timed(options)),
    options: (url: string, options?: Parameters<typeof base.options>[1]) => base.options(url, timed(options)),
    post: (url: string, data?: unknown, options?: Parameters<typeof base.post>[2]) =>
      base.post(url, data, timed(options)),
    put: (url: string, data?: unknown, options?: Parameters<typeof base.put>[2]) => base.put(url, data, timed(options)),
    patch: (url: string, data?: unknown, options?: Parameters<typeof base.patch>[2]) =>
      base.patch(url, data, timed(options)),
  } as unknown as lark.HttpInstance
}
