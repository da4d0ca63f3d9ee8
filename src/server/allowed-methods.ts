import type { Hono } from 'hono'
import { TrieRouter } from 'hono/router/trie-router'

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

/**
 * The methods an app's routes answer on a path, for a 405 with `Allow` when the request used another one.
 * Middleware (`use`, method ALL) is ignored. The route table is read on the first call, when the app is complete.
 */
export function createAllowedMethods(app: Hono): (path: string) => string[] {
  let router: TrieRouter<string> | null = null
  return (path) => {
    if (!router) {
      router = new TrieRouter<string>()
      for (const route of app.routes) if (route.method !== 'ALL') router.add(route.method, route.path, route.method)
    }
    const found = router
    return METHODS.filter((method) => found.match(method, path)[0].length > 0)
  }
}
