import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { baseUrl, connect, DESKTOP, newPage, screenshot } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await connect()
})
afterAll(() => browser?.close())

it('changes the widget on the demo page as options are chosen, and copies the matching snippet', async () => {
  const { context, page, errors } = await newPage(browser, { reducedMotion: 'reduce', permissions: ['clipboard-read', 'clipboard-write'] })
  await page.goto(`${baseUrl}/`)
  await page.getByRole('button', { name: 'Probation Answers' }).waitFor()
  const configurator = page.getByRole('region', { name: 'Make it yours' })
  const snippet = configurator.locator('#cfg-snippet')
  expect(await snippet.textContent()).toBe(`<script src="${baseUrl}/widget.js" async\n  data-accent="#9f1239"></script>`)

  await configurator.getByLabel('Language').selectOption('cy')
  await page.getByRole('button', { name: 'Atebion am y Gwasanaeth Prawf' }).waitFor()
  await configurator.getByLabel('Position').selectOption('bottom-left')
  await configurator.getByLabel('Theme').selectOption('dark')
  await configurator.getByLabel('Accent colour').fill('#047857')
  await configurator.getByLabel('Title').fill('Holwch ni')
  const launcher = page.getByRole('button', { name: 'Holwch ni' })
  await launcher.waitFor()
  await expect.poll(async () => (await launcher.boundingBox())!.x).toBeLessThan(DESKTOP.width / 2)
  expect(await page.locator('probation-answers .launcher').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(4, 120, 87)')
  expect(await page.locator('probation-answers').count()).toBe(1)

  const expected = `<script src="${baseUrl}/widget.js" async\n  data-accent="#047857"\n  data-position="bottom-left"\n  data-lang="cy"\n  data-theme="dark"\n  data-title="Holwch ni"></script>`
  expect(await snippet.textContent()).toBe(expected)
  await launcher.click()
  await page.getByRole('dialog', { name: 'Holwch ni' }).waitFor()
  await screenshot(page, 'desktop-configurator-widget')
  await page.keyboard.press('Escape')

  await configurator.getByRole('button', { name: 'Copy snippet' }).click()
  await configurator.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected)
  await configurator.scrollIntoViewIfNeeded()
  await screenshot(page, 'desktop-configurator')
  expect(errors).toEqual([])
  await context.close()
})
