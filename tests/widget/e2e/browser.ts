/** Real Chromium (the one global-setup.ts started) driven by playwright-core, and helpers for the widget's pages. */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import { inject } from 'vitest'

export const baseUrl = inject('baseUrl')
const screenshotDir = inject('screenshotDir')
const browserEndpoint = inject('browserEndpoint')

export const DESKTOP = { width: 1280, height: 800 }
export const PHONE = { width: 390, height: 844 }

/** The browser every test file shares; closing it closes only the contexts this file opened. */
export function connect(): Promise<Browser> {
  return chromium.connect(browserEndpoint)
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
/** The strict policy of a careful host page: no inline script or style, Trusted Types required. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
].join('; ')

export async function serveFixtures(page: Page, headers: Record<string, string> = {}) {
  await page.route(`${baseUrl}/__e2e__/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.replace('/__e2e__/', '')
    const ext = name.split('.').pop() ?? ''
    const body = await readFile(new URL(name, FIXTURES), 'utf8')
    await route.fulfill({ body, contentType: TYPES[ext], headers: ext === 'html' ? headers : {} })
  })
}

export const fixtureUrl = (name: string) => `${baseUrl}/__e2e__/${name}`

/**
 * Types a question into the open widget and sends it with Enter.
 * @param label the question box's accessible name (another for another language)
 */
export async function ask(page: Page, question: string, label = 'Your question') {
  const box = page.getByRole('textbox', { name: label })
  await box.fill(question)
  await box.press('Enter')
}

/** The nth answer (0-based) once it has arrived. */
export function answerAt(page: Page, n: number) {
  return page.locator('probation-answers').locator('.answer').nth(n)
}

/** The element focused inside the widget's shadow root, described for assertions. */
export function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('probation-answers')
    const el = host?.shadowRoot?.activeElement
    if (!el) return null
    return el.getAttribute('aria-label') || el.textContent?.trim() || el.tagName.toLowerCase()
  })
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) })
}

/**
 * Answers `path` from the real Worker when it has the endpoint, else with `body`: for endpoints
 * another branch is adding (e.g. POST /api/report), so the widget's side is tested either way.
 */
export async function standIn(page: Page, path: string, body: unknown) {
  await page.route(`${baseUrl}${path}`, async (route) => {
    const real = await route.fetch()
    if (real.status() !== 404 && real.status() !== 405) return route.fulfill({ response: real })
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) })
  })
}

/**
 * Runs axe-core over the page. axe is injected as an inline script, which a strict CSP rightly
 * refuses: open such pages with bypassCSP. Targets inside a shadow root are paths [host, element].
 * Its skip-link rule is off: it looks up an in-page link's target with document.getElementById, which
 * cannot see into the widget's shadow root, so every citation marker scrolled out of view failed it.
 * `inPageTargets` checks those links instead.
 */
export async function axe(page: Page) {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: await readFile(axePath, 'utf8') })
  return page.evaluate(async () => {
    const { violations, passes } = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { rules: { 'skip-link': { enabled: false } } })
    return {
      violations: violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`),
      contrastChecked: (passes.find((p) => p.id === 'color-contrast')?.nodes ?? []).filter((n) => Array.isArray(n.target[0])).length,
    }
  })
}

/** In-page links inside shadow roots: how many, and those whose target is missing from the same root or cannot take focus, as "#id". */
export async function inPageTargets(page: Page): Promise<{ checked: number; missing: string[] }> {
  return page.evaluate(() => {
    const missing: string[] = []
    let checked = 0
    for (const host of document.querySelectorAll('*')) {
      const root = host.shadowRoot
      if (!root) continue
      for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
        checked += 1
        const id = link.getAttribute('href')!.slice(1)
        const target = id ? root.getElementById(id) : null
        if (!target || !(target.tabIndex >= -1 && (target.hasAttribute('tabindex') || target.tabIndex >= 0))) missing.push(`#${id}`)
      }
    }
    return { checked, missing }
  })
}
