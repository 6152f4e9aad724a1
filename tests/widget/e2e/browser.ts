/** Real Chromium (the one find-browser.ts found) driven by playwright-core, and helpers for the widget's pages. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import { inject } from 'vitest'

export const baseUrl = inject('baseUrl')
const screenshotDir = inject('screenshotDir')
const found = inject('browser')

export const DESKTOP = { width: 1280, height: 800 }
export const PHONE = { width: 390, height: 844 }

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: found.executablePath,
    env: found.env && { ...process.env, ...found.env },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/** A page whose every request is recorded, to check nothing leaves the Worker's origin. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: DESKTOP, ...options })
  const page = await context.newPage()
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))
  return { context, page, requests, errors }
}

/** A new page on the demo page with the widget's panel opened by its launcher. */
export async function openDemo(browser: Browser, options: BrowserContextOptions = {}) {
  const opened = await newPage(browser, options)
  await opened.page.goto(`${baseUrl}/`)
  await opened.page.getByRole('button', { name: 'Probation Answers' }).click()
  return opened
}

const FIXTURES = new URL('./fixtures/', import.meta.url)
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8' }

/**
 * Serves tests/widget/e2e/fixtures at `${baseUrl}/__e2e__/`, so host pages share the Worker's
 * origin; everything else (widget.js, the API) comes from the real Worker.
 * @param headers extra response headers for the HTML pages (e.g. a CSP)
 */
export async function serveFixtures(page: Page, headers: Record<string, string> = {}) {
  await page.route(`${baseUrl}/__e2e__/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.replace('/__e2e__/', '')
    const ext = name.split('.').pop() ?? ''
    const body = await readFile(new URL(name, FIXTURES), 'utf8')
    await route.fulfill({ body, contentType: TYPES[ext], headers: ext === 'html' ? headers : {} })
  })
}

export const fixtureUrl = (name: string) => `${baseUrl}/__e2e__/${name}`

/** Types a question into the open widget and sends it with Enter. */
export async function ask(page: Page, question: string) {
  const box = page.getByRole('textbox', { name: 'Your question' })
  await box.fill(question)
  await box.press('Enter')
}

/** The nth answer (0-based) once it has arrived. */
export function answerAt(page: Page, n: number) {
  return page.locator('probation-answers, [data-probation-answers]').locator('.answer').nth(n)
}

/** The element focused inside the widget's shadow root, described for assertions. */
export function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('probation-answers, [data-probation-answers]')
    const el = host?.shadowRoot?.activeElement
    if (!el) return null
    return el.getAttribute('aria-label') || el.textContent?.trim() || el.tagName.toLowerCase()
  })
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) })
}
