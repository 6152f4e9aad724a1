import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { answerAt, baseUrl, connect, focused, newPage, screenshot } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await connect()
})
afterAll(() => browser?.close())

/** Presses Tab until the launcher has focus, as a keyboard user would from the top of the page. */
async function tabToLauncher(page: Page) {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab')
    if ((await focused(page)) === 'Probation Answers') return
  }
  throw new Error('Tab never reached the launcher')
}

it('works end to end with the keyboard alone: open, ask, follow a citation, stay in the dialog, Escape back', async () => {
  const { context, page } = await newPage(browser)
  await page.goto(`${baseUrl}/`)
  await page.waitForFunction(() => window.ProbationAnswers)
  await tabToLauncher(page)
  const ring = await page.locator('probation-answers .launcher').evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(ring).toBe('solid')

  await page.keyboard.press('Enter')
  await page.getByRole('dialog').waitFor()
  // The question box, by its accessible name.
  expect(await focused(page)).toBe('Your question')

  await page.keyboard.type('How much were the CRC')
  await page.keyboard.press('Shift+Enter')
  await page.keyboard.type('contracts worth?')
  expect(await page.getByRole('textbox', { name: 'Your question' }).inputValue()).toBe('How much were the CRC\ncontracts worth?')
  await page.keyboard.press('Enter')
  await answerAt(page, 0).waitFor()
  await expect.poll(() => page.locator('probation-answers [aria-live="polite"]').textContent()).toMatch(/£[\d.]+(m|bn)/)
  const answerText = (await answerAt(page, 0).locator('.answer-text').textContent()) ?? ''
  const quoted = answerText.slice(0, answerText.indexOf('[1]')).trim()

  // Tab through everything in the dialog, twice round: focus never leaves it.
  const seen = new Set<string>()
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press('Tab')
    const now = await focused(page)
    expect(now).not.toBeNull()
    seen.add(now!)
  }
  expect(seen).toContain('Close')
  expect(seen).toContain('Send')
  expect([...seen].some((s) => s.startsWith('Source 1:'))).toBe(true)

  while (!(await focused(page))?.startsWith('Source 1:')) await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  // Following [1] lands on the source holding the sentence the answer took from it.
  expect(await focused(page)).toContain(quoted)
  await screenshot(page, 'desktop-keyboard-citation')

  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Escape')
  await page.getByRole('dialog').waitFor({ state: 'detached' })
  // Focus returns in an effect, after the render that removed the dialog.
  await expect.poll(() => focused(page)).toBe('Probation Answers')
  await context.close()
})
