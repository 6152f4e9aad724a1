import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerAt, ask, axe, baseUrl, connect, fixtureUrl, newPage, screenshot, serveFixtures, STRICT_CSP } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await connect()
})
afterAll(() => browser?.close())

const WELSH_TITLE = 'Atebion am y Gwasanaeth Prawf'
const inShadow = (page: Page, selector: string, property: string) =>
  page.locator(`probation-answers ${selector}`).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property)

describe('the widget in Welsh', () => {
  it('loads its Welsh strings beside widget.js under a strict CSP, with answers and quotes marked English', async () => {
    const { context, page, requests, errors } = await newPage(browser, { reducedMotion: 'reduce' })
    await serveFixtures(page, { 'Content-Security-Policy': STRICT_CSP })
    await page.goto(fixtureUrl('welsh.html'))
    const dialog = page.getByRole('dialog', { name: WELSH_TITLE })
    await dialog.waitFor()
    expect(await page.locator('probation-answers .pa').getAttribute('lang')).toBe('cy')
    expect(await dialog.getByRole('textbox', { name: 'Eich cwestiwn' }).getAttribute('placeholder')).toBe('Gofynnwch gwestiwn…')
    expect(await dialog.getByRole('button', { name: 'Anfon' }).count()).toBe(1)
    expect(await dialog.getByRole('button', { name: 'Cau' }).count()).toBe(1)
    expect(await dialog.getByText("Mae'r atebion a'r dyfyniadau yn Saesneg").count()).toBe(1)

    await ask(page, 'How much were the CRC contracts worth?', 'Eich cwestiwn')
    const first = answerAt(page, 0)
    await first.waitFor()
    expect(await first.locator('.answer-text').getAttribute('lang')).toBe('en')
    expect(await first.locator('q').first().getAttribute('lang')).toBe('en')
    expect(await first.getByText('Ffynonellau').count()).toBe(1)
    expect(await first.locator('.source-meta').first().textContent()).toMatch(
      /^(Senedd y DU|Swyddfa archwilio|Arolygiaeth|Llywodraeth|Deddfwriaeth|Newyddion|Undeb llafur|Elusen|Blog) · .+ · ((\d+ )?(Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) )?\d{4}$/,
    )
    expect(await first.getByRole('button', { name: 'Rhoi gwybod am wall' }).count()).toBe(1)
    expect(await first.getByRole('group', { name: 'Oedd hyn yn ddefnyddiol?' }).count()).toBe(1)
    // Everything came from the Worker's origin, Welsh strings and answer view included.
    expect(requests.some((url) => url === `${baseUrl}/widget-cy.js`)).toBe(true)
    expect(requests.some((url) => url === `${baseUrl}/widget-answer.js`)).toBe(true)
    expect(requests.every((url) => url.startsWith(`${baseUrl}/`))).toBe(true)
    // The parts' script elements go once they have run.
    expect(await page.locator('script[src*="widget-"]').count()).toBe(0)
    await screenshot(page, 'desktop-welsh')
    expect(errors).toEqual([])
    await context.close()
  })

  it('has no axe-core violations in Welsh with an answer shown', async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true, reducedMotion: 'reduce' })
    await serveFixtures(page)
    await page.goto(fixtureUrl('welsh.html'))
    await page.getByRole('dialog', { name: WELSH_TITLE }).waitFor()
    await ask(page, 'What did the chief inspector find?', 'Eich cwestiwn')
    await answerAt(page, 0).waitFor()
    await answerAt(page, 0).getByRole('button', { name: 'Rhoi gwybod am wall' }).click()
    const result = await axe(page)
    expect(result.violations).toEqual([])
    expect(result.contrastChecked).toBeGreaterThan(5)
    await context.close()
  })
})

describe('the dark theme', () => {
  it('paints the panel dark, keeps the accent and lightens links for contrast', async () => {
    const { context, page, errors } = await newPage(browser, { reducedMotion: 'reduce' })
    await serveFixtures(page)
    await page.goto(fixtureUrl('dark.html'))
    await page.getByRole('dialog').waitFor()
    await ask(page, 'How much were the CRC contracts worth?')
    await answerAt(page, 0).waitFor()
    expect(await inShadow(page, '.panel', 'background-color')).toBe('rgb(31, 41, 55)')
    expect(await inShadow(page, '.messages', 'background-color')).toBe('rgb(17, 24, 39)')
    expect(await inShadow(page, '.header', 'background-color')).toBe('rgb(29, 78, 216)')
    expect(await inShadow(page, '.bubble.bot', 'color')).toBe('rgb(243, 244, 246)')
    expect(await inShadow(page, '.pa', 'color-scheme')).toBe('dark')
    // 35% of the accent, 65% white: rgb(176, 193, 241), which Chromium may write as color(srgb …).
    const link = await inShadow(page, '.answer-text a', 'color')
    const channels = link.match(/[\d.]+/g)!.map(Number).map((c) => (link.startsWith('color(') ? c * 255 : c))
    channels.forEach((c, i) => expect(Math.abs(c - [176, 193, 241][i]!), link).toBeLessThan(1))
    await screenshot(page, 'desktop-dark')
    expect(errors).toEqual([])
    await context.close()
  })

  it('follows the visitor\'s system setting with data-theme="auto"', async () => {
    for (const [colorScheme, background] of [
      ['dark', 'rgb(31, 41, 55)'],
      ['light', 'rgb(255, 255, 255)'],
    ] as const) {
      const { context, page } = await newPage(browser, { colorScheme })
      await serveFixtures(page)
      await page.goto(fixtureUrl('auto.html'))
      await page.getByRole('dialog').waitFor()
      expect(await inShadow(page, '.panel', 'background-color')).toBe(background)
      await context.close()
    }
  })

  it('has no axe-core violations in the dark theme with an answer and the report form shown', async () => {
    const { context, page } = await newPage(browser, { bypassCSP: true, reducedMotion: 'reduce' })
    await serveFixtures(page)
    await page.goto(fixtureUrl('dark.html'))
    await page.getByRole('dialog').waitFor()
    await ask(page, 'What is Napo?')
    await answerAt(page, 0).waitFor()
    await answerAt(page, 0).getByRole('button', { name: 'Report an inaccuracy' }).click()
    const result = await axe(page)
    expect(result.violations).toEqual([])
    expect(result.contrastChecked).toBeGreaterThan(5)
    await context.close()
  })
})
