import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerAt, ask, baseUrl, connect, DESKTOP, fixtureUrl, newPage, screenshot, serveFixtures, STRICT_CSP } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await connect()
})
afterAll(() => browser?.close())

describe('host pages', () => {
  it('keeps its own look on a page whose CSS unsets everything and uses huge fonts', async () => {
    const { context, page, errors } = await newPage(browser)
    await serveFixtures(page)
    await page.goto(fixtureUrl('hostile.html'))
    const dialog = page.getByRole('dialog', { name: 'Probation Answers' })
    await dialog.waitFor()
    await dialog.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)))
    const box = (await dialog.boundingBox())!
    expect(box.width).toBe(390)
    expect(box.x + box.width).toBe(DESKTOP.width - 20)
    expect(box.y + box.height).toBe(DESKTOP.height - 20)
    const text = await page.locator('probation-answers .bubble.bot').evaluate((el) => {
      const s = getComputedStyle(el)
      return { fontSize: s.fontSize, textTransform: s.textTransform, letterSpacing: s.letterSpacing }
    })
    expect(text).toEqual({ fontSize: '15px', textTransform: 'none', letterSpacing: 'normal' })
    await ask(page, 'How much were the CRC contracts worth?')
    await answerAt(page, 0).waitFor()
    expect(await answerAt(page, 0).locator('.answer-text').evaluate((el) => getComputedStyle(el).fontSize)).toBe('15px')
    await screenshot(page, 'desktop-hostile-css')
    expect(errors).toEqual([])
    await context.close()
  })

  it('works inline on a page with a strict CSP (no inline script or style, Trusted Types) without a violation', async () => {
    const { context, page, requests, errors } = await newPage(browser)
    await serveFixtures(page, { 'Content-Security-Policy': STRICT_CSP })
    await page.goto(fixtureUrl('strict-csp.html'))
    const region = page.getByRole('region', { name: 'Ask inline' })
    await region.waitFor()
    // The adopted stylesheet applied: the header has the accent colour, not the browser default.
    expect(await page.locator('[data-probation-answers] .header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(29, 78, 216)')
    // The policy is in force: an inline <style> is refused, with a console error like any violation.
    const inlineStyle = await page.evaluate(() => {
      const style = document.createElement('style')
      style.textContent = 'body { color: rgb(1, 2, 3) }'
      document.head.appendChild(style)
      return getComputedStyle(document.body).color
    })
    expect(inlineStyle).not.toBe('rgb(1, 2, 3)')
    await expect.poll(() => errors.join('\n')).toContain("violates the following Content Security Policy directive 'style-src 'self''")
    errors.length = 0
    await ask(page, 'What is Napo?')
    await answerAt(page, 0).waitFor()
    await screenshot(page, 'desktop-strict-csp-inline')
    expect(errors).toEqual([])
    expect(requests.every((url) => url.startsWith(new URL(fixtureUrl('')).origin))).toBe(true)
    await context.close()
  })

  it('runs on the demo page itself under the strict CSP', async () => {
    const { context, page, errors } = await newPage(browser)
    await page.route(`${baseUrl}/`, async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } })
    })
    await page.goto(`${baseUrl}/`)
    await page.getByRole('button', { name: 'Probation Answers' }).click()
    await ask(page, 'What is Napo?')
    await answerAt(page, 0).waitFor()
    expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Georgia')
    expect(errors).toEqual([])
    await context.close()
  })

  it('takes the page theme from custom properties and its title, greeting, position and suggestions from attributes', async () => {
    const { context, page, errors } = await newPage(browser)
    await serveFixtures(page)
    await page.goto(fixtureUrl('themed.html'))
    const launcher = page.getByRole('button', { name: 'Ask the campaign' })
    await launcher.waitFor()
    expect((await launcher.boundingBox())!.x).toBe(20)
    await launcher.click()
    const dialog = page.getByRole('dialog', { name: 'Ask the campaign' })
    const look = await dialog.evaluate((el) => {
      const panel = getComputedStyle(el)
      return { radius: panel.borderTopLeftRadius, font: panel.fontFamily, header: getComputedStyle(el.querySelector('.header')!).backgroundColor }
    })
    expect(look).toEqual({ radius: '0px', font: 'Georgia, serif', header: 'rgb(159, 18, 57)' })
    expect(await dialog.getByText('Welcome to our campaign.').count()).toBe(1)
    expect(await dialog.locator('.suggestion').count()).toBe(0)
    await screenshot(page, 'desktop-themed')
    expect(errors).toEqual([])
    await context.close()
  })

  it('says how to fix a bad attribute and still shows the widget with the default', async () => {
    const { context, page, errors } = await newPage(browser)
    await serveFixtures(page)
    await page.goto(fixtureUrl('bad-config.html'))
    const launcher = page.getByRole('button', { name: 'Probation Answers' })
    await launcher.waitFor()
    expect((await launcher.boundingBox())!.x).toBeGreaterThan(DESKTOP.width / 2)
    // Console messages reach the test as events of their own, not in step with the page's DOM.
    await expect.poll(() => errors).toEqual([
      // In the order the attributes are written.
      'Probation Answers: data-position="middle" is not a position. Use "bottom-right" or "bottom-left".',
      'Probation Answers: data-accent="blurple" is not a CSS colour. Use e.g. "#1d4ed8".',
    ])
    await context.close()
  })
})
