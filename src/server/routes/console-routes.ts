import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'

const CONSOLE_DIR = fileURLToPath(new URL('../console/', import.meta.url))

const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/console/console.js': { file: 'console.js', type: 'text/javascript; charset=utf-8' },
  '/console/console.css': { file: 'console.css', type: 'text/css; charset=utf-8' },
  '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
  // Browsers ask for /favicon.ico whatever the page links; an SVG body is shown by every current browser.
  '/favicon.ico': { file: 'favicon.svg', type: 'image/svg+xml' },
}

/** The console only talks to its own origin; no inline scripts. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'"

/** Serves the hotline web console (static files read once at start-up). */
export function createConsoleRoutes(): Hono {
  const routes = new Hono()
  for (const [path, asset] of Object.entries(ASSETS)) {
    const body = readFileSync(`${CONSOLE_DIR}${asset.file}`, 'utf8')
    routes.get(path, (context) =>
      context.body(body, 200, {
        'content-type': asset.type,
        'cache-control': 'no-cache',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      }),
    )
  }
  return routes
}
