import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerAt, ask, baseUrl, connect, openDemo, screenshot, standIn } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await connect()
})
afterAll(() => browser?.close())

describe('under an answer', () => {
  // POST /api/report is being added to the Worker on another branch: standIn() answers for it until it is there.
  it('reports an inaccuracy with a reason and a note, and thanks the visitor', async () => {
    const { context, page, errors } = await openDemo(browser, { reducedMotion: 'reduce' })
    await standIn(page, '/api/report', { reportId: 'e2e-report' })
    await ask(page, 'How much were the CRC contracts worth?')
    const first = answerAt(page, 0)
    await first.waitFor()
    const answerId = await page.evaluate(() => JSON.parse(Object.values(sessionStorage).join('')).exchanges[0].response.answerId)

    await first.getByRole('button', { name: 'Report an inaccuracy' }).click()
    const form = first.getByRole('form', { name: 'What is wrong with this answer?' })
    await form.getByRole('combobox', { name: 'Reason' }).selectOption('out_of_date')
    await form.getByRole('textbox', { name: 'Note (optional)' }).fill('The contracts ended early, in 2020.')
    await form.scrollIntoViewIfNeeded()
    await screenshot(page, 'desktop-report-form')

    const sent = page.waitForRequest((r) => r.url() === `${baseUrl}/api/report`)
    await form.getByRole('button', { name: 'Send report' }).click()
    expect((await sent).postDataJSON()).toEqual({ answerId, reason: 'out_of_date', note: 'The contracts ended early, in 2020.' })
    const thanks = first.getByText('Thank you. We will check this answer against its sources.')
    await thanks.waitFor()
    expect(await thanks.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true)
    await screenshot(page, 'desktop-report-sent')
    expect(errors).toEqual([])
    await context.close()
  })

  it("shows the campaigners' message instead of an error while the service is switched off", async () => {
    const message = 'Probation Answers is paused while we check our sources. Please come back on Monday.'
    const { context, page } = await openDemo(browser, { reducedMotion: 'reduce' })
    // The MAINTENANCE switch is being added to the Worker on another branch; this is its 503.
    await page.route(`${baseUrl}/api/ask`, (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message, requestId: 'e2e' } }) }),
    )
    await ask(page, 'What is Napo?')
    const notice = page.locator('probation-answers [role=status]', { hasText: message })
    await notice.waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    expect(await page.getByRole('textbox', { name: 'Your question' }).inputValue()).toBe('What is Napo?')
    await screenshot(page, 'desktop-maintenance')
    await context.close()
  })
})
