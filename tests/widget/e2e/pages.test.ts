/**
 * The Worker's plain pages (/ask, /timeline, /privacy, /accessibility) in real
 * Chromium against wrangler dev: no axe-core violations, usable by keyboard
 * alone, no CSP violations under their real policy, and no sideways
 * scrolling on a 320-pixel screen. What the accessibility statement says is tested.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, connect, newPage, screenshot } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await connect()
})
afterAll(() => browser?.close())

const PAGES = [
  '/ask',
  `/ask?q=${encodeURIComponent('How much were the CRC contracts worth?')}`,
  `/ask?q=${encodeURIComponent('who won the world cup')}`,
  '/ask?q=',
  '/timeline',
  '/privacy',
  '/accessibility',
]

async function axeViolations(page: Page): Promise<string[]> {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
  await page.addScriptTag({ content: await readFile(axePath, 'utf8') })
  return page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document)
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`)
  })
}

/** Describes the focused element: its accessible label or text, or its tag. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    return el.getAttribute('aria-label') || el.textContent?.trim() || el.tagName.toLowerCase()
  })
}

describe('the plain pages', () => {
  it('have no axe-core violations', async () => {
    // axe is injected as an inline script, which the pages' CSP rightly refuses.
    const { context, page } = await newPage(browser, { bypassCSP: true })
    for (const path of PAGES) {
      await page.goto(`${baseUrl}${path}`)
      expect(await axeViolations(page), path).toEqual([])
    }
    await context.close()
  })

  it('load their stylesheet and icon under their own CSP with no violation or error', async () => {
    const { context, page, errors, requests } = await newPage(browser)
    for (const path of PAGES) {
      const res = await page.goto(`${baseUrl}${path}`)
      expect(res?.headers()['content-security-policy'], path).toContain("default-src 'none'")
      // The stylesheet applied: the skip link is moved off screen until focused.
      expect(await page.locator('.skip-link').evaluate((el) => el.getBoundingClientRect().bottom), path).toBeLessThanOrEqual(0)
    }
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([])
    expect(requests.every((r) => r.startsWith(baseUrl))).toBe(true)
    await context.close()
  })

  it('can be used with the keyboard alone: skip to the content, ask, follow a marker to its source', async () => {
    const { context, page } = await newPage(browser)
    await page.goto(`${baseUrl}/ask`)
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Skip to main content')
    expect(await page.locator('.skip-link').evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0)
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q')
    await page.keyboard.type('How much were the CRC contracts worth?')
    await Promise.all([page.waitForURL(/\/ask\?q=How\+much/), page.keyboard.press('Enter')])
    await expect.poll(() => page.locator('#answer').textContent()).toContain('£3.7bn')

    let steps = 0
    while ((await focused(page)) !== 'source 1') {
      await page.keyboard.press('Tab')
      if (++steps > 20) throw new Error(`Tab never reached the first marker (at ${await focused(page)})`)
    }
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)
    expect(outline).not.toBe('none')
    await page.keyboard.press('Enter')
    // Following the link updates the address a moment after the key press, later on a busy machine.
    await expect.poll(() => new URL(page.url()).hash).toBe('#source-1')
    await screenshot(page, 'ask-page-keyboard-source')

    // The question box comes after the sources, and asking again keeps the conversation.
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'q') {
      await page.keyboard.press('Tab')
      if (++steps > 60) throw new Error('Tab never reached the question box')
    }
    await page.keyboard.type('Who ran the London CRC?')
    await Promise.all([page.waitForURL(/&h=/), page.keyboard.press('Enter')])
    expect(await page.locator('ol.earlier li').allTextContents()).toEqual(['How much were the CRC contracts worth?'])
    await context.close()
  })

  it('reflow on a 320-pixel screen without scrolling sideways', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 320, height: 640 } })
    for (const path of PAGES) {
      await page.goto(`${baseUrl}${path}`)
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320)
    }
    await screenshot(page, 'accessibility-page-320')
    await context.close()
  })
})
