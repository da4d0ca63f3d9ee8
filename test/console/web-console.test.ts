import { existsSync, mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { serve, type ServerType } from '@hono/node-server'
import ExcelJS from 'exceljs'
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
if (!CHROMIUM)
  console.warn('Chromium is not installed (apt-get install chromium): the web console browser test is skipped')

/** Screenshots for a person to look at (gitignored). */
const SCREENSHOTS = fileURLToPath(new URL('../../test-output/console/', import.meta.url))
const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const PHONE = { width: 390, height: 844 }
const WIDE = { width: 1366, height: 768 }

/** Fails on horizontal overflow, and on a control pushed off the right edge. */
async function expectFits(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
  expect(scrollWidth, `${what}: page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(
    innerWidth,
  )
  const offScreen = await page.evaluate(() =>
    Array.from(document.querySelectorAll('button, input, select, textarea, a, label.button'))
      .filter((node) => (node as HTMLElement).offsetParent !== null)
      .map((node) => ({
        id: node.id || node.textContent?.trim().slice(0, 12) || node.tagName,
        right: node.getBoundingClientRect().right,
      }))
      .filter(
        (node) =>
          node.right > window.innerWidth + 0.5 &&
          !document.querySelector('.table-scroll')?.contains(document.getElementById(node.id)),
      )
      .map((node) => node.id),
  )
  expect(offScreen, `${what}: controls off the right edge`).toEqual([])
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` })
}

/** A park export as Excel saves it: UTF-8 with BOM, units in the headers, a blank and a formula-looking name. */
const PARK_CSV = `\uFEFF企业名称,所属行业,从业人员（人）,上年度营业收入（万元）,上年度研发费用（万元）,是否高新技术企业,备注
北京云栈科技有限公司,软件和信息技术服务业,80,3200,400,是,
北京精工传感有限公司,工业,150,,90,否,
=HYPERLINK("x"),软件和信息技术服务业,12,500,20,否,测试
`

/** The same list as Excel (.xlsx) with a title row above the header, as park offices export it. */
async function parkWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('企业名单')
  sheet.addRow(['2026年园区重点企业名单'])
  sheet.addRow(['企业名称', '所属行业', '从业人员（人）', '上年度营业收入（万元）', '是否高新技术企业'])
  sheet.addRow(['北京云栈科技有限公司', '软件和信息技术服务业', 80, 3200, '是'])
  sheet.addRow(['北京精工传感有限公司', '工业', 150, 9000, '否'])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe.skipIf(!CHROMIUM)('hotline web console in headless Chromium', () => {
  let server: ServerType
  let browser: Browser
  let page: Page
  let base = ''

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
    const rules = loadRules()
    const manager = new DialogueManager({
      sessions: new MemorySessionStore(),
      search: index,
      rules,
      benefits: loadTierBenefits(),
      phraser: new TemplatePhraser(),
    })
    const app = createApp({ index, rules, chat: manager, profiles: manager })
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started))
    })
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS })
    page = await browser.newPage({ viewport: WIDE })
    await page.goto(base)
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  it('loads in Chinese with a favicon and fits 1366×768 in three panes', async () => {
    expect(await page.title()).toContain('北京企业政策顾问')
    await page.waitForSelector('#fact-registeredInBeijing')
    await page.locator('.verdict[data-program="little-giant"]').waitFor()
    for (const pane of ['#chat-pane', '#profile-pane', '#search-pane'])
      expect(await page.locator(pane).isVisible()).toBe(true)
    expect(await page.locator('#batch-pane').isVisible()).toBe(false)
    const favicon = await page.evaluate(async () => (await fetch('/favicon.ico')).headers.get('content-type'))
    expect(favicon).toBe('image/svg+xml')
    await expectFits(page, '1366 start')
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
    for (const [name, value] of [
      ['registeredInBeijing', 'true'],
      ['independentLegalPerson', 'true'],
      ['creditBlacklisted', 'false'],
      ['restrictedProducts', 'false'],
      ['majorIncident3y', 'false'],
      ['industry', '"software"'],
    ] as const) {
      await page.selectOption(`#fact-${name}`, value)
    }
    await page.fill('#fact-employees', '80')
    await page.check('input[name="honors"][value="highTech"]')
    const innovative = page.locator('.verdict[data-program="innovative"]')
    await expect.poll(async () => innovative.getAttribute('class'), { timeout: 10_000 }).toContain('yes')
    expect(await innovative.textContent()).toContain('符合')
    expect(await page.locator('.verdict[data-program="specialized"]').count()).toBe(1)
    expect(await page.locator('.verdict[data-program="little-giant"]').count()).toBe(1)
    expect(await page.locator('#verdict-summary button[data-program="innovative"]').textContent()).toContain('符合')
  })

  it('shows only the failing part of 小巨人 新 with actual vs needed, the advice in full and a 最少改动 for every tier', async () => {
    await page.selectOption('#fact-industry', '"software"')
    for (const [name, value] of [
      ['employees', '200'],
      ['revenue', '20000'],
      ['revenuePrev', '18000'],
      ['rdExpense', '1000'],
      ['rdExpensePrev', '900'],
      ['ipClass1', '3'],
    ] as const)
      await page.fill(`#fact-${name}`, value)
    await page.selectOption('#fact-rdInstitution', '"none"')
    const giant = page.locator('.verdict[data-program="little-giant"] [data-kind="unmet"]')
    await expect.poll(async () => giant.textContent(), { timeout: 10_000 }).toContain('研发机构')
    const unmet = (await giant.textContent())!
    expect(unmet).toContain('无，需国家级/省级/市级/市级以下')
    expect(unmet).not.toMatch(/知识产权|研发费用|研发投入达标/)
    for (const program of ['innovative', 'specialized', 'little-giant']) {
      const cheapest = page.locator(`.verdict[data-program="${program}"] [data-kind="cheapest"]`)
      expect(await cheapest.textContent(), program).toMatch(/^最少改动：.+/)
    }
    // Nothing in a verdict box is clipped: every box is as tall as its content.
    const clipped = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('.verdict')).filter((box) => box.scrollHeight > box.clientHeight + 1)
          .length,
    )
    expect(clipped).toBe(0)
    await expectFits(page, '1366 verdicts')
    await page.locator('#verdict-little-giant').scrollIntoViewIfNeeded()
    await shoot(page, 'wide-1366x768-verdicts')
  })

  it('form → chat: after the agent fills the form, "我们能评哪个？" goes on from those facts', async () => {
    await page.click('#new-call')
    for (const [name, value] of [
      ['registeredInBeijing', 'true'],
      ['independentLegalPerson', 'true'],
      ['creditBlacklisted', 'false'],
      ['restrictedProducts', 'false'],
      ['majorIncident3y', 'false'],
      ['industry', '"software"'],
    ] as const) {
      await page.selectOption(`#fact-${name}`, value)
    }
    await page.fill('#fact-employees', '80')
    // Sent at once, without waiting for the form's save: the console flushes it before the chat turn.
    await page.fill('#chat-input', '我们能评哪个？')
    await page.click('#chat-send')
    const reply = page.locator('.message.bot').last()
    await expect.poll(async () => reply.textContent(), { timeout: 10_000 }).toMatch(/营业收入（万元）是多少/)
    expect(await reply.textContent()).not.toContain('是否在北京市注册登记')

    // And chat → form: a figure told in the chat appears in the form.
    await page.fill('#chat-input', '去年营收3200万，前年2800万')
    await page.click('#chat-send')
    await expect.poll(async () => page.inputValue('#fact-revenue'), { timeout: 10_000 }).toBe('3200')
    expect(await page.inputValue('#fact-employees')).toBe('80')
    // The verdicts follow the shared profile: without figures on honours or R&D the innovative tier is open.
    await expect
      .poll(async () => page.locator('#verdict-summary button[data-program="innovative"]').textContent(), {
        timeout: 10_000,
      })
      .toContain('待定')
    await shoot(page, 'wide-1366x768-form-chat')
  })

  it('searches policies, opens the card and copies the answer', async () => {
    await page.fill('#search-input', '算力券')
    await page.click('#search-form button')
    await page.locator('#search-results li[data-card="guide-028"]').click()
    await page.locator('#card-view h3').filter({ hasText: '算力券' }).waitFor()
    await page.click('#copy-answer')
    await expect
      .poll(async () => page.locator('#card-view').getAttribute('data-copied'), { timeout: 5000 })
      .toBeTruthy()
    const copied = await page.locator('#card-view').getAttribute('data-copied')
    expect(await page.locator('.copied').textContent()).toBe('已复制')
    expect(copied).toContain('【北京市人工智能算力券实施方案】')
    expect(copied).toContain('依据：《')
    await expectFits(page, '1366 card')
    await shoot(page, 'wide-1366x768')
  })

  it('uploads a park export, shows the table and the report and template links', async () => {
    await page.click('#tabs button[data-tab="batch"]')
    expect(await page.locator('#batch-pane').isVisible()).toBe(true)
    expect(await page.locator('#chat-pane').isVisible()).toBe(false)
    await page.setInputFiles('#batch-file', {
      name: '园区名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(PARK_CSV, 'utf8'),
    })
    await page.locator('#batch-result').waitFor({ state: 'visible', timeout: 20_000 })
    const rows = page.locator('#batch-table tbody tr')
    expect(await rows.count()).toBe(3)
    expect(await rows.nth(0).textContent()).toContain('北京云栈科技有限公司')
    // The formula-looking name is shown as text, never run.
    expect(await rows.nth(2).textContent()).toContain('=HYPERLINK')
    expect(await page.locator('#batch-summary').textContent()).toContain('创新型中小企业')
    expect(await page.locator('#batch-columns').textContent()).toContain('备注')
    for (const format of ['xlsx', 'csv', 'md'])
      expect(await page.locator(`#batch-reports a[data-report="${format}"]`).count()).toBe(1)
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#batch-reports a[data-report="csv"]'),
    ])
    expect(report.suggestedFilename()).toBe('园区名单.report.csv')
    // An Excel file, dropped on the box.
    const workbook = (await parkWorkbook()).toString('base64')
    await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(
        new File([bytes], '园区名单.xlsx', {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
      )
      document
        .getElementById('drop-zone')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    }, workbook)
    await expect
      .poll(async () => page.locator('#batch-status').textContent(), { timeout: 20_000 })
      .toBe('园区名单.xlsx：共2家企业')
    expect(await rows.count()).toBe(2)
    expect(await rows.nth(1).textContent()).toContain('北京精工传感有限公司')
    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#batch-reports a[data-report="xlsx"]'),
    ])
    expect(excel.suggestedFilename()).toBe('园区名单.report.xlsx')
    const [template] = await Promise.all([page.waitForEvent('download'), page.click('#template-link')])
    expect(template.suggestedFilename()).toBe('企业名单模板.xlsx')
    await expectFits(page, '1366 batch')
    await shoot(page, 'wide-1366x768-batch')
  }, 40_000)

  it('a phone (390×844): one column with tabs, every tab fits and its buttons are reachable', async () => {
    const phone = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
    try {
      await phone.goto(base)
      await phone.waitForSelector('#fact-registeredInBeijing', { state: 'attached' })
      for (const tab of ['chat', 'profile', 'search', 'batch'])
        expect(await phone.locator(`#tabs button[data-tab="${tab}"]`).isVisible(), tab).toBe(true)
      expect(await phone.locator('#tabs button[data-tab="desk"]').isVisible()).toBe(false)
      expect(await phone.locator('#chat-pane').isVisible()).toBe(true)
      expect(await phone.locator('#profile-pane').isVisible()).toBe(false)
      await phone.fill('#chat-input', '算力券怎么申请？')
      await phone.click('#chat-send')
      await phone.locator('.message.bot').filter({ hasText: '依据' }).waitFor({ timeout: 10_000 })
      await expectFits(phone, 'phone chat')
      await shoot(phone, 'phone-390x844-chat')

      // A citation opens the card in the 政策检索 tab.
      await phone.locator('.message.bot .citations a').first().click()
      await phone.locator('#card-view h3').waitFor()
      expect(await phone.locator('#search-pane').isVisible()).toBe(true)
      await expectFits(phone, 'phone card')
      await shoot(phone, 'phone-390x844-card')

      await phone.click('#tabs button[data-tab="search"]')
      await phone.fill('#search-input', '专精特新奖励')
      await phone.click('#search-submit')
      await phone.locator('#search-results li').first().waitFor()
      await expectFits(phone, 'phone search')
      await shoot(phone, 'phone-390x844-search')

      // Chat → form on a phone: a figure told in the chat lands in the form and the 企业信息 tab says so.
      await phone.click('#tabs button[data-tab="chat"]')
      await phone.fill('#chat-input', '我们公司从业人员120人')
      await phone.click('#chat-send')
      await phone.locator('#tabs button[data-tab="profile"] .dot').waitFor({ state: 'visible', timeout: 10_000 })
      await phone.click('#tabs button[data-tab="profile"]')
      expect(await phone.inputValue('#fact-employees')).toBe('120')
      expect(await phone.locator('#tabs button[data-tab="profile"] .dot').isVisible()).toBe(false)
      expect(await phone.locator('#profile-pane').isVisible()).toBe(true)
      expect(await phone.locator('#chat-pane').isVisible()).toBe(false)
      await phone.selectOption('#fact-registeredInBeijing', 'true')
      await phone.fill('#fact-employees', '150')
      await phone.locator('.verdict[data-program="little-giant"] [data-kind="cheapest"]').waitFor()
      await expectFits(phone, 'phone profile')
      await shoot(phone, 'phone-390x844-profile')

      await phone.click('#tabs button[data-tab="batch"]')
      await phone.setInputFiles('#batch-file', {
        name: '园区名单.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(PARK_CSV, 'utf8'),
      })
      await phone.locator('#batch-result').waitFor({ state: 'visible', timeout: 20_000 })
      await expectFits(phone, 'phone batch')
      await shoot(phone, 'phone-390x844-batch')
    } finally {
      await phone.close()
    }
  }, 60_000)

  it('fits from 360 px to wide screens', async () => {
    const sized = await browser.newPage({ viewport: { width: 360, height: 640 } })
    try {
      await sized.goto(base)
      await sized.waitForSelector('#fact-registeredInBeijing', { state: 'attached' })
      for (const width of [360, 768, 999, 1000, 1920]) {
        await sized.setViewportSize({ width, height: 800 })
        for (const tab of width < 1000 ? ['chat', 'profile', 'search', 'batch'] : ['desk', 'batch']) {
          await sized.click(`#tabs button[data-tab="${tab}"]`)
          await expectFits(sized, `${width}px ${tab}`)
          if (width === 360) await shoot(sized, `narrow-360-${tab}`)
        }
      }
    } finally {
      await sized.close()
    }
  }, 60_000)
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
    const manager = new DialogueManager({
      sessions: new MemorySessionStore(),
      search: index,
      rules,
      benefits: loadTierBenefits(),
      phraser: new TemplatePhraser(),
    })
    const app = createApp({ index, rules, chat: manager, apiKeys: [{ name: 'hotline', key: KEY }] })
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started))
    })
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  it('asks for the key once, sends it on every call, and keeps it for the browser session', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/'))
        seen.push(`${new URL(request.url()).pathname} ${request.headers().authorization ?? '-'}`)
    })
    await page.goto(base)
    const dialog = page.locator('#api-key-dialog')
    await dialog.waitFor({ state: 'visible', timeout: 10_000 })
    await page.fill('#api-key-input', 'wrong-key-0123456789')
    await page.click('#api-key-submit')
    await expect
      .poll(async () => page.locator('#api-key-message').textContent(), { timeout: 5000 })
      .toContain('密钥无效')
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
    for (const line of afterKey.filter((entry) => !entry.startsWith('/api/v1/channels/')))
      expect(line).toMatch(new RegExp(`Bearer ${KEY}$`))

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
