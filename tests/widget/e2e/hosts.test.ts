import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerAt, ask, DESKTOP, fixtureUrl, launch, newPage, screenshot, serveFixtures } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
].join('; ')

describe('host pages', () => {
  it('keeps its own look on a page whose CSS unsets everything and uses huge fonts', async () => {
    const { context, page, errors } = await newPage(browser)
    await serveFixtures(page)
    await page.goto(fixtureUrl('hostile.html'))
    const dialog = page.getByRole('dialog', { name: 'Probation Answers' })
    await dialog.waitFor()
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

  it('says how to fix a bad attribute and still shows the widget with the default', async () => {
    const { context, page, errors } = await newPage(browser)
    await serveFixtures(page)
    await page.goto(fixtureUrl('bad-config.html'))
    const launcher = page.getByRole('button', { name: 'Probation Answers' })
    await launcher.waitFor()
    expect((await launcher.boundingBox())!.x).toBeGreaterThan(DESKTOP.width / 2)
    expect(errors).toEqual([
      'Probation Answers: data-accent="blurple" is not a CSS colour. Use e.g. data-accent="#1d4ed8".',
      'Probation Answers: data-position="middle" is not a position. Use "bottom-right" or "bottom-left".',
    ])
    await context.close()
  })
})
