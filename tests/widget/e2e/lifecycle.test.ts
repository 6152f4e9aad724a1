import type { Browser, CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { answerAt, ask, baseUrl, connect, fixtureUrl, newPage, screenshot, serveFixtures } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await connect()
})
afterAll(() => browser?.close())

/** Counts the page's pending timers and animation frames, so anything the widget leaves running shows. */
const COUNT_TIMERS = () => {
  const live = new Set<number>()
  const w = window as unknown as Record<string, (...args: unknown[]) => number> & { liveTimers(): number }
  for (const [set, clear, once] of [
    ['setTimeout', 'clearTimeout', true],
    ['setInterval', 'clearInterval', false],
    ['requestAnimationFrame', 'cancelAnimationFrame', true],
  ] as const) {
    const original = { set: w[set]!.bind(window), clear: w[clear]!.bind(window) }
    w[set] = (fn, ...rest) => {
      const id: number = original.set(() => {
        if (once) live.delete(id)
        if (typeof fn === 'function') fn()
      }, ...rest)
      live.add(id)
      return id
    }
    w[clear] = (id) => {
      live.delete(id as number)
      return original.clear(id)
    }
  }
  w.liveTimers = () => live.size
}

/**
 * The listeners on window and document whose handlers come from the widget's scripts (widget.js and its
 * parts), from the DevTools protocol; Playwright's own come and go with its actions.
 */
async function widgetListeners(cdp: CDPSession, scripts: Map<string, string>): Promise<string[]> {
  const found: string[] = []
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression })
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! })
    for (const l of listeners) if (/\/widget[-.]/.test(scripts.get(l.scriptId) ?? '')) found.push(`${expression}:${l.type}`)
  }
  return found
}

const include = (page: Page, attributes = '') =>
  page.evaluate((attributes) => {
    const script = document.createElement('script')
    script.src = '/widget.js'
    for (const [name, value] of new URLSearchParams(attributes)) script.setAttribute(name, value)
    document.body.appendChild(script)
  }, attributes)

it('destroy() removes every node, listener, timer and the global it added, and the script can mount again', async () => {
  const { context, page, errors } = await newPage(browser, { reducedMotion: 'reduce' })
  await page.addInitScript(COUNT_TIMERS)
  await serveFixtures(page)
  await page.goto(fixtureUrl('plain.html'))
  const cdp = await context.newCDPSession(page)
  const scripts = new Map<string, string>()
  cdp.on('Debugger.scriptParsed', (e) => scripts.set(e.scriptId, e.url))
  await cdp.send('Debugger.enable')
  const html = await page.evaluate(() => document.documentElement.outerHTML)

  await include(page, 'data-open&data-lang=cy')
  await page.waitForFunction(() => window.ProbationAnswers)
  await ask(page, 'What is Napo?', 'Eich cwestiwn')
  await answerAt(page, 0).waitFor()
  await answerAt(page, 0).getByRole('button', { name: 'Rhoi gwybod am wall' }).click()
  // A question still in flight when the widget goes: its request and its 15-second timeout must go too.
  await page.route(`${baseUrl}/api/ask`, () => {})
  await ask(page, 'Who runs probation now?', 'Eich cwestiwn')
  await page.waitForFunction(() => (window as unknown as { liveTimers(): number }).liveTimers() > 0)

  await page.evaluate(() => window.ProbationAnswers!.destroy())
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)))
  expect(await page.evaluate(() => 'ProbationAnswers' in window)).toBe(false)
  expect(await page.evaluate(() => (window as unknown as { liveTimers(): number }).liveTimers())).toBe(0)
  expect([...scripts.values()]).toContain(`${baseUrl}/widget.js`)
  expect(await widgetListeners(cdp, scripts)).toEqual([])
  // Only the <script> tag the page (here, the test) added is left.
  expect(await page.evaluate(() => document.documentElement.outerHTML.replace(/<script src="\/widget.js"[^>]*><\/script>/, ''))).toBe(html)
  await screenshot(page, 'desktop-destroyed')

  await include(page)
  const launcher = page.getByRole('button', { name: 'Probation Answers' })
  await launcher.waitFor()
  expect(await page.locator('probation-answers').count()).toBe(1)
  await launcher.click()
  // The conversation lives in the tab's sessionStorage, so it is still there.
  await answerAt(page, 0).waitFor()
  await screenshot(page, 'desktop-mounted-again')
  expect(errors).toEqual([])
  await context.close()
})

it('mount() puts a widget where a page built in JavaScript wants it, and a bad option throws with how to fix it', async () => {
  const { context, page, errors } = await newPage(browser)
  await serveFixtures(page)
  await page.goto(fixtureUrl('plain.html'))
  await include(page, 'data-mount=manual')
  await page.waitForFunction(() => window.ProbationAnswers)
  expect(await page.locator('probation-answers').count()).toBe(0)
  const thrown = await page.evaluate(() => {
    const main = document.querySelector('main')!
    const attempts = [{ accent: 'blurple' }, { position: 'top' }, { lang: 'fr' }, { theme: 'sepia' }, { colour: 'red' }]
    const messages = attempts.map((options) => {
      try {
        window.ProbationAnswers!.mount(main, options as never)
        return 'mounted'
      } catch (e) {
        return (e as Error).message
      }
    })
    const section = main.appendChild(document.createElement('section'))
    section.setAttribute('aria-label', 'Ask us')
    window.ProbationAnswers!.mount(section, { title: 'Ask us inline', theme: 'dark' })
    return messages
  })
  expect(thrown).toEqual([
    'Probation Answers: accent: "blurple" is not a CSS colour. Use e.g. "#1d4ed8".',
    'Probation Answers: position: "top" is not a position. Use "bottom-right" or "bottom-left".',
    'Probation Answers: lang: "fr" is not a language. Use "en" or "cy".',
    'Probation Answers: theme: "sepia" is not a theme. Use "light" or "dark" or "auto".',
    'Probation Answers: colour: "red" is not an option. The options are: endpoint, title, greeting, accent, position, suggestions, open, lang, theme, strings, floating.',
  ])
  await page.getByRole('region', { name: 'Ask us inline' }).waitFor()
  expect(await page.locator('probation-answers').count()).toBe(1)
  expect(errors).toEqual([])
  await context.close()
})
