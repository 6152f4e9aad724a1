import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerAt, ask, axe, baseUrl, connect, inPageTargets, newPage, PHONE, screenshot, openDemo } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await connect()
})
afterAll(() => browser?.close())

const widget = (page: import('playwright-core').Page) => page.locator('probation-answers')

describe('the demo page', () => {
  it('answers a question with citations, follows a citation and sends history with a follow-up', async () => {
    const { context, page, requests, errors } = await newPage(browser)
    await page.goto(`${baseUrl}/`)
    await expect.poll(() => page.getByText('<script src="https://YOUR-WORKER.workers.dev/widget.js" async></script>').count()).toBe(1)
    await screenshot(page, 'desktop-closed')

    await page.getByRole('button', { name: 'Probation Answers' }).click()
    const dialog = page.getByRole('dialog', { name: 'Probation Answers' })
    await dialog.waitFor()
    await ask(page, 'How much were the CRC contracts worth?')
    const first = answerAt(page, 0)
    await first.waitFor()
    // A sum of money answers "how much"; which source leads is the knowledge base's business.
    const answerText = (await first.locator('.answer-text').textContent()) ?? ''
    expect(answerText).toMatch(/£[\d.]+(m|bn)/)
    const quoted = answerText.slice(0, answerText.indexOf('[1]')).trim()

    const marker = first.getByRole('link', { name: /^Source 1: / })
    expect(await marker.textContent()).toBe('[1]')
    await marker.click()
    const source = first.locator('.sources li').first()
    expect(await source.evaluate((li) => li === (li.getRootNode() as ShadowRoot).activeElement)).toBe(true)
    expect(await source.textContent()).toContain(quoted)
    expect(page.url()).toBe(`${baseUrl}/`)
    await screenshot(page, 'desktop-answer')

    const followUp = page.waitForRequest((r) => r.url().endsWith('/api/ask') && r.postDataJSON().history?.length === 1)
    await ask(page, 'how long were they?')
    const sent = (await followUp).postDataJSON()
    expect(sent.history[0].question).toBe('How much were the CRC contracts worth?')
    await answerAt(page, 1).waitFor()

    expect(requests.filter((url) => !url.startsWith(`${baseUrl}/`))).toEqual([])
    expect(await context.cookies()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('declines an out-of-scope question and offers suggestions that get answered', async () => {
    const { context, page } = await openDemo(browser)
    await ask(page, 'who won the world cup')
    const declined = answerAt(page, 0)
    await declined.waitFor()
    expect(await declined.locator('.answer-text').textContent()).toMatch(/don't|do not|can't|cannot/i)
    await screenshot(page, 'desktop-declined')
    const suggestion = declined.getByRole('button').first()
    const question = await suggestion.textContent()
    await suggestion.click()
    await answerAt(page, 1).waitFor()
    expect(await widget(page).locator('.bubble.user').last().textContent()).toBe(question)
    await context.close()
  })

  it('explains a lost connection, keeps the question and answers it on retry once back online', async () => {
    const { context, page } = await openDemo(browser)
    await context.setOffline(true)
    await ask(page, 'What is Napo?')
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain("We couldn't reach Probation Answers")
    expect(await page.getByRole('textbox', { name: 'Your question' }).inputValue()).toBe('What is Napo?')
    await screenshot(page, 'desktop-error')
    await context.setOffline(false)
    await page.getByRole('button', { name: 'Try again' }).click()
    await answerAt(page, 0).waitFor()
    expect(await alert.count()).toBe(0)
    expect(await page.getByRole('textbox', { name: 'Your question' }).inputValue()).toBe('')
    await context.close()
  })

  it('keeps the conversation across a navigation in the tab and forgets it on Clear', async () => {
    const { context, page } = await openDemo(browser)
    await ask(page, 'What is Napo?')
    await answerAt(page, 0).waitFor()
    await page.goto(`${baseUrl}/?another-page`)
    await page.getByRole('button', { name: 'Probation Answers' }).click()
    await answerAt(page, 0).waitFor()
    expect(await widget(page).locator('.bubble.user').textContent()).toBe('What is Napo?')
    await page.getByRole('button', { name: 'Clear' }).click()
    expect(await answerAt(page, 0).count()).toBe(0)
    // Storage is written in an effect, after the render that removed the answer.
    await expect.poll(() => page.evaluate(() => sessionStorage.length)).toBe(0)
    await context.close()
  })

  it('sends "Not helpful" on an answer to the Worker, which stores it', async () => {
    const { context, page } = await openDemo(browser)
    await ask(page, 'What is Napo?')
    const first = answerAt(page, 0)
    await first.waitFor()
    const sent = page.waitForResponse((r) => r.url() === `${baseUrl}/api/feedback`)
    await first.getByRole('button', { name: 'Not helpful' }).click()
    const res = await sent
    expect(res.status()).toBe(200)
    expect(Object.keys(res.request().postDataJSON()).sort()).toEqual(['answerId', 'helpful'])
    expect(await res.json()).toMatchObject({ helpful: false })
    await first.getByText('Thanks for your feedback').waitFor()
    expect(await first.getByRole('button', { name: 'Not helpful' }).getAttribute('aria-pressed')).toBe('true')
    await context.close()
  })

  it('is driven by window.ProbationAnswers', async () => {
    const { context, page } = await newPage(browser)
    await page.goto(`${baseUrl}/`)
    await page.waitForFunction(() => window.ProbationAnswers)
    await page.evaluate(() => window.ProbationAnswers!.ask('What is Napo?'))
    await answerAt(page, 0).waitFor()
    await page.evaluate(() => window.ProbationAnswers!.close())
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await page.evaluate(() => window.ProbationAnswers!.open())
    await page.getByRole('dialog').waitFor()
    const thrown = await page.evaluate(() => {
      try {
        window.ProbationAnswers!.ask('')
        return ''
      } catch (e) {
        return (e as Error).message
      }
    })
    expect(thrown).toBe('Probation Answers: ask() needs the question as a non-empty string, e.g. ask("What is Napo?").')
    await context.close()
  })

  it('has no axe-core violations, closed or open with an answer shown', async () => {
    // axe is injected as an inline script, which the demo page's own CSP rightly refuses. Without
    // motion, no fade is half-way when axe measures contrast.
    const { context, page } = await newPage(browser, { bypassCSP: true, reducedMotion: 'reduce' })
    await page.goto(`${baseUrl}/`)
    await page.waitForFunction(() => window.ProbationAnswers)
    expect((await axe(page)).violations).toEqual([])

    await page.getByRole('button', { name: 'Probation Answers' }).click()
    await ask(page, 'How much were the CRC contracts worth?')
    await answerAt(page, 0).waitFor()
    const open = await axe(page)
    expect(open.violations).toEqual([])
    const links = await inPageTargets(page)
    expect(links.missing).toEqual([])
    expect(links.checked).toBeGreaterThan(0)
    expect(open.contrastChecked).toBeGreaterThan(5)
    await context.close()
  })

  it('fills a phone screen with the panel and respects reduced motion', async () => {
    const { context, page } = await newPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true, reducedMotion: 'reduce' })
    await page.goto(`${baseUrl}/`)
    await screenshot(page, 'phone-closed')
    await page.getByRole('button', { name: 'Probation Answers' }).click()
    const dialog = page.getByRole('dialog')
    expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, ...PHONE })
    expect(await dialog.evaluate((el) => getComputedStyle(el).animationName)).toBe('none')
    await ask(page, 'What did the chief inspector find?')
    await answerAt(page, 0).waitFor()
    await screenshot(page, 'phone-answer')
    await context.close()
  })

  it('animates the panel when motion is allowed', async () => {
    const { context, page } = await newPage(browser, { reducedMotion: 'no-preference' })
    await page.goto(`${baseUrl}/`)
    await page.getByRole('button', { name: 'Probation Answers' }).click()
    expect(await page.getByRole('dialog').evaluate((el) => getComputedStyle(el).animationName)).toBe('pa-in')
    await context.close()
  })
})

describe('widget.js over HTTP', () => {
  it('is cached for a day and revalidated with its ETag', async () => {
    const res = await fetch(`${baseUrl}/widget.js`)
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400, stale-while-revalidate=604800')
    const etag = res.headers.get('etag')
    expect(etag).toBeTruthy()
    const again = await fetch(`${baseUrl}/widget.js`, { headers: { 'if-none-match': etag! } })
    expect(again.status).toBe(304)
  })
})
