/**
 * GET /ask: the answer as a plain page without JavaScript, and permalinks to
 * it, through the Worker's real fetch handler.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it, vi } from 'vitest'
import type { AskResponse, HealthResponse } from '../../worker/contract'
import { answerCacheKey } from '../../worker/cache/answers'
import { bundledKb } from '../../worker/kb/bundled'
import { provenance } from '../../worker/provenance'

const { lexicon } = bundledKb().language
import { fetchWith, inOneWindow } from './app'
import { attrsOf, expectFooter, expectPage, textsOf } from './html'
import { BASE, fetchSettled, get, jsonRequest } from './helpers'

const page = (query: Record<string, string | string[]>) => {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) for (const value of [v].flat()) params.append(k, value)
  return get(`/ask?${params}`)
}

async function apiAsk(question: string, history: string[] = []): Promise<AskResponse> {
  const res = await fetchSettled(jsonRequest('/api/ask', { question, history: history.map((q) => ({ question: q, answer: '…' })) }))
  expect(res.status).toBe(200)
  return (await res.json()) as AskResponse
}

async function kbVersion(): Promise<string> {
  return ((await (await get('/api/health')).json()) as HealthResponse).kb.version
}

describe('GET /ask without a question', () => {
  it('shows just the form: a labelled text box named q that submits to /ask by GET', async () => {
    const html = await expectPage(await get('/ask'))
    expect(await attrsOf(html, 'form', 'method')).toEqual(['get'])
    expect(await attrsOf(html, 'form', 'action')).toEqual(['/ask'])
    expect(await attrsOf(html, 'label', 'for')).toEqual(['q'])
    expect(await attrsOf(html, 'input#q', 'name')).toEqual(['q'])
    expect(await attrsOf(html, 'form button', 'type')).toEqual(['submit'])
    expect(await textsOf(html, 'h1')).toEqual(['Ask about the part-privatisation of probation in England and Wales'])
    expect(await textsOf(html, '#answer')).toEqual([])
    await expectFooter(html)
  })

  it('links the stylesheet that static assets serve, the only styling the pages have', async () => {
    const css = await env.ASSETS!.fetch(new Request(`${BASE}/pages.css`))
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
    expect(await css.text()).toContain(':focus-visible')
  })
})

describe('GET /ask?q=…', () => {
  it('shows the answer with its [n] markers linked to numbered sources, each with a provenance label and a link', async () => {
    const question = 'How much were the CRC contracts worth?'
    const api = await apiAsk(question)
    expect(api.answered).toBe(true)
    const html = await expectPage(await page({ q: question }))
    expect(await textsOf(html, 'h1')).toEqual([`You asked: ${question}`])
    expect(await textsOf(html, '#answer')).toEqual([api.answer])
    const markers = await attrsOf(html, '#answer a.marker', 'href')
    expect(markers).toEqual([...api.answer.matchAll(/\[(\d+)\]/g)].map((m) => `#source-${m[1]}`))

    expect(await attrsOf(html, 'ol.sources > li', 'id')).toEqual(api.citations.map((c) => `source-${c.n}`))
    expect(await textsOf(html, '.source-title')).toEqual(api.citations.map((c) => c.title))
    expect(await textsOf(html, '.provenance')).toEqual(api.citations.map((c) => provenance(c, lexicon)))
    expect(await textsOf(html, 'ol.sources blockquote')).toEqual(api.citations.map((c) => c.quote))
    const linked = api.citations.filter((c) => c.url)
    expect(await attrsOf(html, '.source-title a', 'href')).toEqual(linked.map((c) => c.url))
    for (const rel of await attrsOf(html, '.source-title a', 'rel')) expect(rel).toBe('noopener noreferrer')
    expect(await attrsOf(html, 'meta[name="robots"]', 'content')).toEqual(['noindex'])
    await expectFooter(html)
  })

  it('writes provenance as kind, publisher and the date written out', () => {
    expect(provenance({ kind: 'parliament', publisher: 'Justice Committee', published: '2018-06-22' }, lexicon)).toBe('Parliament · Justice Committee · 22 June 2018')
    expect(provenance({ kind: 'news', publisher: 'BBC', published: '2016-05' }, lexicon)).toBe('News · BBC · May 2016')
    expect(provenance({ kind: 'union', publisher: 'Napo', published: '2017' }, lexicon)).toBe('Trade union · Napo · 2017')
  })

  it('offers a form to ask again that carries the conversation so far as earlier questions', async () => {
    const html = await expectPage(await page({ q: 'Who runs it?', h: ['What is the London CRC?'] }))
    expect(await textsOf(html, 'ol.earlier li')).toEqual(['What is the London CRC?'])
    expect(await attrsOf(html, 'form input[type="hidden"]', 'name')).toEqual(['h', 'h'])
    expect(await attrsOf(html, 'form input[type="hidden"]', 'value')).toEqual(['What is the London CRC?', 'Who runs it?'])
    expect(await attrsOf(html, 'a[href="/ask"]', 'href')).not.toEqual([])
  })

  it('declines as the API does and offers the suggestions as links that ask them', async () => {
    const api = await apiAsk('who won the world cup')
    expect(api.answered).toBe(false)
    const html = await expectPage(await page({ q: 'who won the world cup' }))
    expect(await textsOf(html, '#answer')).toEqual([api.answer])
    expect(await textsOf(html, 'ol.sources li')).toEqual([])
    expect(await textsOf(html, '.suggestions a')).toEqual(api.suggestions)
    expect(await attrsOf(html, '.suggestions a', 'href')).toEqual(api.suggestions?.map((s) => `/ask?${new URLSearchParams({ q: s })}`))
  })

  it('shows the "as of" date of an answer about how things stand, written out', async () => {
    const question = 'How do things stand with the test answer?'
    const kb = await kbVersion()
    const key = await answerCacheKey(BASE, { kb, worker: env.CF_VERSION_METADATA.id }, { question, history: [] })
    const cached = { answer: 'Things stood so. [1]', answered: true, asOf: '2018-06-22', citations: [] }
    await (await caches.open('answers')).put(key, new Response(JSON.stringify(cached), { headers: { 'cache-control': 'max-age=60' } }))
    const html = await expectPage(await page({ q: question }))
    expect(await textsOf(html, '.as-of')).toEqual(['As of 22 June 2018, the latest date the sources cover.'])
    expect(await textsOf(html, '#answer')).toEqual(['Things stood so. [1]'])
    expect(await attrsOf(html, '#answer a', 'href')).toEqual([])
  })

  it('escapes everything taken from the query string', async () => {
    const evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    const res = await page({ q: evil, h: [`'><b>earlier</b>`] })
    const html = await expectPage(res)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>')
    expect(await textsOf(html, 'h1')).toEqual([`You asked: ${evil}`])
    expect(await attrsOf(html, 'form input[type="hidden"]', 'value')).toEqual([`'><b>earlier</b>`, evil])
  })

  it('answers HEAD with the page headers and no body', async () => {
    const res = await get('/ask?q=What%20is%20a%20CRC%3F', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await res.text()).toBe('')
  })
})

describe('permalinks', () => {
  it('open on the page with the same answer and citations the API gave, follow-ups included', async () => {
    const api = await apiAsk('Who runs it?', ['What is the London CRC?'])
    const link = new URL(api.permalink)
    const html = await expectPage(await get(`${link.pathname}${link.search}`))
    expect(await textsOf(html, '#answer')).toEqual([api.answer])
    expect(await textsOf(html, 'ol.sources blockquote')).toEqual(api.citations.map((c) => c.quote))
    expect(await textsOf(html, '.source-title')).toEqual(api.citations.map((c) => c.title))
    expect(await textsOf(html, 'ol.earlier li')).toEqual(['What is the London CRC?'])
    expect(await textsOf(html, '.notice')).toEqual([])
  })

  it('show the current answer and say the sources were updated when made from another knowledge-base version', async () => {
    const api = await apiAsk('How much were the CRC contracts worth?')
    const link = new URL(api.permalink)
    link.searchParams.set('v', '0000000000000000')
    const html = await expectPage(await get(`${link.pathname}${link.search}`))
    expect(await textsOf(html, '.notice')).toEqual([expect.stringMatching(/sources have been updated since this link was made/)])
    expect(await textsOf(html, '#answer')).toEqual([api.answer])
    expect(html).not.toContain('0000000000000000')
  })
})

describe('what the page records', () => {
  const rowsOf = async (question: string) =>
    (await env.DB.prepare('SELECT question, answered, kb_version FROM answers WHERE question = ?').bind(question).all()).results

  it('records a question asked with its form, scrubbed, and not a permalink being opened', async () => {
    const question = 'How much were the CRC contracts worth? call 07700 900123'
    const stored = 'How much were the CRC contracts worth? call [phone]'
    expect((await fetchWith({}, `/ask?${new URLSearchParams({ q: question })}`)).status).toBe(200)
    // Answers are written in batches after the response (worker/feedback/store.ts).
    await vi.waitFor(async () => expect(await rowsOf(stored)).toEqual([{ question: stored, answered: 1, kb_version: await kbVersion() }]))

    expect((await fetchWith({}, `/ask?${new URLSearchParams({ q: question, v: await kbVersion() })}`)).status).toBe(200)
    // Rows are written in order: once a later question is in, the permalink's would be too.
    await fetchWith({}, `/ask?${new URLSearchParams({ q: 'Who inspects probation, asked after the permalink?' })}`)
    await vi.waitFor(async () => expect(await rowsOf('Who inspects probation, asked after the permalink?')).toHaveLength(1))
    expect(await rowsOf(stored)).toHaveLength(1)
  })
})

describe('errors on the page', () => {
  it('are pages with the status the API would give, the message and the form again', async () => {
    for (const [query, status] of [
      [{ q: '' }, 400],
      [{ q: '   ' }, 400],
      [{ q: 'x'.repeat(501) }, 400],
      [{ h: 'What is a CRC?' }, 400],
      [{ q: 'and then?', h: Array.from({ length: 7 }, () => 'What is a CRC?') }, 400],
    ] as const) {
      const res = await page(query)
      const html = await expectPage(res, status)
      expect((await textsOf(html, '.error-message'))[0], JSON.stringify(query)).toMatch(/question/)
      expect(await textsOf(html, '.request-id')).toEqual([expect.stringContaining(res.headers.get('x-request-id') ?? 'missing')])
      expect(await attrsOf(html, 'input#q', 'name')).toEqual(['q'])
    }
  })

  it('turn away a client over the question limit, which it shares with the API, with a 429 page and Retry-After', async () => {
    const res = await inOneWindow(async (ip) => {
      const init = { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip }, body: '{}' }
      for (let i = 0; i < 30; i++) await fetchWith({}, '/api/ask', init)
      return fetchWith({}, '/ask?q=What%20is%20a%20CRC%3F', { headers: { 'cf-connecting-ip': ip } })
    })
    expect(res.headers.get('retry-after')).toBe('60')
    const html = await expectPage(res, 429)
    expect(await textsOf(html, 'h1')).toEqual(['Too many questions'])
  })

  it('answer other methods with a 405 page and Allow', async () => {
    const res = await get('/ask', { method: 'POST', body: 'q=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(res.headers.get('allow')).toBe('GET, HEAD')
    await expectPage(res, 405)
  })
})
