import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DialogueManager } from '../../src/dialogue/dialogue-manager.js'
import { loadTierBenefits } from '../../src/dialogue/load-tier-benefits.js'
import { loadCards } from '../../src/knowledge/load-cards.js'
import { TemplatePhraser } from '../../src/phrasing/template-phraser.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { createApp } from '../../src/server/app.js'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))
if (!CHROMIUM) console.warn('Chromium is not installed (apt-get install chromium): the web console browser test is skipped')

describe.skipIf(!CHROMIUM)('hotline web console in headless Chromium (1366×768)', () => {
  let server: ServerType
  let browser: Browser
  let page: Page
  let base = ''

  beforeAll(async () => {
    const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
    const rules = loadRules()
    const manager = new DialogueManager({ sessions: new MemorySessionStore(), search: index, rules, benefits: loadTierBenefits(), phraser: new TemplatePhraser() })
    const app = createApp({ index, rules, chat: manager })
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started))
    })
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    await page.goto(base)
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  it('loads in Chinese and fits the screen', async () => {
    expect(await page.title()).toContain('北京企业政策顾问')
    await page.waitForSelector('#fact-registeredInBeijing')
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(1366)
  })

  it('asks a question in the chat pane and shows the cited answer', async () => {
    await page.fill('#chat-input', '老旧厂房改造能补多少钱？')
    await page.click('#chat-send')
    const answer = page.locator('.message.bot').filter({ hasText: '依据' })
    await answer.waitFor({ timeout: 10_000 })
    expect(await answer.textContent()).toContain('最高不超过5000万元')
    expect(await page.locator('.citations a[data-card="guide-001"]').count()).toBeGreaterThan(0)
  })

  it('shows a live verdict for the three tiers as the agent fills the profile', async () => {
    for (const [name, value] of [['registeredInBeijing', 'true'], ['independentLegalPerson', 'true'], ['creditBlacklisted', 'false'], ['restrictedProducts', 'false'], ['majorIncident3y', 'false'], ['industry', '"software"']] as const) {
      await page.selectOption(`#fact-${name}`, value)
    }
    await page.fill('#fact-employees', '80')
    await page.check('input[name="honors"][value="highTech"]')
    const innovative = page.locator('.verdict[data-program="innovative"]')
    await expect.poll(async () => innovative.getAttribute('class'), { timeout: 10_000 }).toContain('yes')
    expect(await innovative.textContent()).toContain('符合')
    expect(await page.locator('.verdict[data-program="specialized"]').count()).toBe(1)
    expect(await page.locator('.verdict[data-program="little-giant"]').count()).toBe(1)
  })

  it('searches policies, opens the card and copies the answer', async () => {
    await page.fill('#search-input', '算力券')
    await page.click('#search-form button')
    await page.locator('#search-results li[data-card="guide-028"]').click()
    await page.locator('#card-view h3').filter({ hasText: '算力券' }).waitFor()
    await page.click('#copy-answer')
    await expect.poll(async () => page.locator('#card-view').getAttribute('data-copied'), { timeout: 5000 }).toBeTruthy()
    const copied = await page.locator('#card-view').getAttribute('data-copied')
    expect(await page.locator('.copied').textContent()).toBe('已复制')
    expect(copied).toContain('【北京市人工智能算力券实施方案】')
    expect(copied).toContain('依据：《')
  })
})

describe.skipIf(!CHROMIUM)('web console with API_KEYS set', () => {
  const KEY = 'console-key-0123456789'
  let server: ServerType
  let browser: Browser
  let base = ''
  const seen: string[] = []

  beforeAll(async () => {
    const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
    const rules = loadRules()
    const manager = new DialogueManager({ sessions: new MemorySessionStore(), search: index, rules, benefits: loadTierBenefits(), phraser: new TemplatePhraser() })
    const app = createApp({ index, rules, chat: manager, apiKeys: [{ name: 'hotline', key: KEY }] })
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started))
    })
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  it('asks for the key once, sends it on every call, and keeps it for the browser session', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/')) seen.push(`${new URL(request.url()).pathname} ${request.headers().authorization ?? '-'}`)
    })
    await page.goto(base)
    const dialog = page.locator('#api-key-dialog')
    await dialog.waitFor({ state: 'visible', timeout: 10_000 })
    await page.fill('#api-key-input', 'wrong-key-0123456789')
    await page.click('#api-key-submit')
    await expect.poll(async () => page.locator('#api-key-message').textContent(), { timeout: 5000 }).toContain('密钥无效')
    await page.fill('#api-key-input', KEY)
    await page.click('#api-key-submit')
    await page.waitForSelector('#fact-registeredInBeijing')
    await page.fill('#chat-input', '算力券怎么申请？')
    await page.click('#chat-send')
    await page.locator('.message.bot').filter({ hasText: '依据' }).waitFor({ timeout: 10_000 })
    expect(await page.evaluate(() => sessionStorage.getItem('policy-advisor.api-key'))).toBe(KEY)
    const afterKey = seen.slice(seen.findIndex((line) => line.endsWith(`Bearer ${KEY}`)))
    expect(afterKey).toContain(`/api/v1/chat Bearer ${KEY}`)
    expect(afterKey).toContain(`/api/v1/facts/fields Bearer ${KEY}`)
    for (const line of afterKey.filter((entry) => !entry.startsWith('/api/v1/channels/'))) expect(line).toMatch(new RegExp(`Bearer ${KEY}$`))

    // Same tab session: a reload asks nothing.
    await page.reload()
    await page.waitForSelector('#fact-registeredInBeijing')
    expect(await dialog.isVisible()).toBe(false)
    await context.close()

    // A new browser session starts without the key.
    const fresh = await browser.newContext()
    const freshPage = await fresh.newPage()
    await freshPage.goto(base)
    await freshPage.locator('#api-key-dialog').waitFor({ state: 'visible', timeout: 10_000 })
    await fresh.close()
  }, 60_000)
})
