/**
 * GET /privacy and GET /accessibility, generated from configuration, and the
 * privacy statement's claims checked against what the Worker really does.
 */
import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AskResponse } from '../../worker/contract'
import { askInit, fetchWith } from './app'
import { attrsOf, expectFooter, expectPage, textsOf } from './html'
import { fetchSettled, get, jsonRequest } from './helpers'

const CONFIGURED = { OPERATOR_NAME: 'Justice for Probation Campaign', CONTACT_EMAIL: 'hello@campaign.example', RETENTION_DAYS: '30' }

afterEach(() => {
  vi.restoreAllMocks()
})

describe('GET /privacy', () => {
  it('says who runs the service and how to reach them, from OPERATOR_NAME and CONTACT_EMAIL', async () => {
    const html = await expectPage(await fetchWith(CONFIGURED, '/privacy'))
    expect(await textsOf(html, 'h1')).toEqual(['Privacy'])
    expect(await textsOf(html, 'main > p:first-of-type')).toEqual([expect.stringContaining('is run by Justice for Probation Campaign.')])
    expect(await attrsOf(html, 'a[href^="mailto:"]', 'href')).toEqual(['mailto:hello@campaign.example'])
    await expectFooter(html)
  })

  it('says what is stored, in D1, for RETENTION_DAYS days, and what is not: cookies, IP addresses, questions in logs', async () => {
    const html = await expectPage(await fetchWith(CONFIGURED, '/privacy'))
    const text = (await textsOf(html, 'main'))[0] ?? ''
    for (const stored of ['each question asked', 'placeholders', 'the answer given', 'helpful', 'reports that an answer is wrong', 'Cloudflare D1']) {
      expect(text).toContain(stored)
    }
    expect(await textsOf(html, '#retention')).toEqual(['Every record is deleted 30 days after it was made, by a job that runs every day.'])
    expect(text).toContain('No cookies.')
    expect(text).toContain('No IP addresses.')
    expect(text).toContain('No questions in the logs.')
  })

  it('uses the default retention and says so plainly when the operator is not configured', async () => {
    const html = await expectPage(await fetchWith({ OPERATOR_NAME: '', CONTACT_EMAIL: '', RETENTION_DAYS: undefined }, '/privacy'))
    expect(await textsOf(html, '#retention')).toEqual([expect.stringContaining('deleted 90 days after')])
    expect(await textsOf(html, 'main > p:first-of-type')).toEqual([expect.stringContaining('has not yet given its name here')])
    expect(await attrsOf(html, 'a[href^="mailto:"]', 'href')).toEqual([])
  })

  it('escapes the configuration and does not link an address that is not one', async () => {
    const html = await expectPage(await fetchWith({ OPERATOR_NAME: '<b>Evil</b> & co', CONTACT_EMAIL: 'javascript:alert(1)' }, '/privacy'))
    expect(html).not.toContain('<b>Evil')
    expect(await textsOf(html, 'main > p:first-of-type')).toEqual([expect.stringContaining('is run by <b>Evil</b> & co.')])
    expect(await attrsOf(html, 'a[href^="mailto:"]', 'href')).toEqual([])
  })
})

describe('GET /accessibility', () => {
  it('states the WCAG 2.2 AA aim, how it is tested and whom to contact', async () => {
    const html = await expectPage(await fetchWith(CONFIGURED, '/accessibility'))
    expect(await textsOf(html, 'h1')).toEqual(['Accessibility'])
    const text = (await textsOf(html, 'main'))[0] ?? ''
    expect(text).toContain('WCAG) 2.2 at level AA')
    expect(text).toContain('axe-core in the Chromium browser')
    expect(text).toContain('Keyboard tests')
    expect(await attrsOf(html, 'a[href^="mailto:"]', 'href')).toEqual(['mailto:hello@campaign.example'])
    await expectFooter(html)
  })

  it('answers other methods with a 405 page', async () => {
    const res = await get('/accessibility', { method: 'POST' })
    expect(res.headers.get('allow')).toBe('GET, HEAD')
    await expectPage(res, 405)
  })
})

describe('what the privacy statement promises', () => {
  const IP = '198.51.100.201'

  it('sets no cookie on any response', async () => {
    const { answerId } = (await (await fetchSettled(jsonRequest('/api/ask', { question: 'What is a CRC?' }))).json()) as AskResponse
    const responses = [
      await fetchWith({}, '/api/ask', askInit({ question: 'What is a CRC?' }, { 'cf-connecting-ip': IP })),
      await fetchWith({}, '/api/feedback', askInit({ answerId, helpful: true }, { 'cf-connecting-ip': IP })),
      await fetchWith({}, '/api/report', askInit({ answerId, reason: 'other' }, { 'cf-connecting-ip': IP })),
      await fetchWith({}, '/ask?q=What%20is%20a%20CRC%3F', { headers: { 'cf-connecting-ip': IP } }),
      await get('/api/health'),
      await get('/api/timeline'),
      await get('/timeline'),
      await get('/privacy'),
      await get('/accessibility'),
      await get('/ask?q='),
    ]
    for (const res of responses) expect(res.headers.get('set-cookie'), res.url).toBeNull()
  })

  it('stores no IP address in any table, and logs neither the address nor the question', async () => {
    const logged: string[] = []
    const keep = (...args: unknown[]) => void logged.push(args.map(String).join(' '))
    vi.spyOn(console, 'log').mockImplementation(keep)
    vi.spyOn(console, 'error').mockImplementation(keep)
    vi.spyOn(console, 'warn').mockImplementation(keep)
    const secret = 'Which secret zebra question is this?'
    const headers = { 'cf-connecting-ip': IP }
    const asked = await fetchWith({}, '/api/ask', askInit({ question: secret }, headers))
    const { answerId } = (await asked.json()) as AskResponse
    await fetchWith({}, `/ask?q=${encodeURIComponent(secret)}`, { headers })
    await fetchWith({}, '/api/feedback', askInit({ answerId, helpful: false, comment: secret }, headers))
    await fetchWith({}, '/api/report', askInit({ answerId, reason: 'other', note: secret }, headers))
    // Errors are what gets logged: a bad question in the query string and in a body.
    await fetchWith({}, `/ask?q=${encodeURIComponent(secret)}&h=1&h=2&h=3&h=4&h=5&h=6&h=7`, { headers })
    await fetchWith({}, '/api/ask', askInit({ question: `${secret} ${'x'.repeat(600)}` }, headers))
    await fetchWith({}, '/api/report', askInit({ answerId: crypto.randomUUID(), reason: 'other', note: secret }, headers))

    for (const table of ['answers', 'feedback', 'reports']) {
      const rows = (await env.DB.prepare(`SELECT * FROM ${table}`).all()).results
      expect(rows.length, table).toBeGreaterThan(0)
      expect(JSON.stringify(rows), table).not.toContain(IP)
    }
    expect(logged.length).toBeGreaterThanOrEqual(3)
    for (const line of logged) {
      expect(line).not.toContain(IP)
      expect(line).not.toContain('zebra')
    }
  })
})
