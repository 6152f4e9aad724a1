import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AskResponse, ErrorResponse } from '../../worker/contract'
import { answerCacheKey } from '../../worker/cache/answers'
import { clientKey } from '../../worker/middleware/rate-limit'
import { askInit, bindings, fetchWith, freshIp, inOneWindow } from './app'
import { BASE, get } from './helpers'

const CAMPAIGN = 'https://campaign.example'

function corsHeaders(res: Response): string[] {
  return [...res.headers.keys()].filter((k) => k.startsWith('access-control-'))
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('CORS', () => {
  it('lets a configured origin read API responses, without credentials', async () => {
    const res = await fetchWith({ ALLOWED_ORIGINS: `https://other.example, ${CAMPAIGN}` }, '/api/health', { headers: { origin: CAMPAIGN } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(CAMPAIGN)
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    expect(res.headers.get('vary')).toMatch(/origin/i)
  })

  it('answers a preflight from a configured origin', async () => {
    const res = await fetchWith({ ALLOWED_ORIGINS: CAMPAIGN }, '/api/ask', {
      method: 'OPTIONS',
      headers: { origin: CAMPAIGN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(CAMPAIGN)
    expect(res.headers.get('access-control-allow-methods')).toContain('POST')
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type')
    expect(res.headers.get('access-control-max-age')).toBe('86400')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('gives an origin that is not configured no CORS headers at all', async () => {
    const vars = { ALLOWED_ORIGINS: CAMPAIGN }
    const plain = await fetchWith(vars, '/api/health', { headers: { origin: 'https://evil.example' } })
    expect(plain.status).toBe(200)
    expect(corsHeaders(plain)).toEqual([])
    const preflight = await fetchWith(vars, '/api/ask', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(corsHeaders(preflight)).toEqual([])
    expect(preflight.status).toBeLessThan(500)
  })

  it('lets a configured origin read error responses too, so the widget can show them', async () => {
    const vars = { ALLOWED_ORIGINS: CAMPAIGN }
    const limited = await inOneWindow(async (ip) => {
      const headers = { origin: CAMPAIGN, 'cf-connecting-ip': ip }
      for (let i = 0; i < 30; i++) await fetchWith(vars, '/api/ask', askInit({}, headers))
      return fetchWith(vars, '/api/ask', askInit({}, headers))
    })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('access-control-allow-origin')).toBe(CAMPAIGN)
    expect(limited.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('retry-after')
  })

  it('allows any origin only when ALLOWED_ORIGINS says "*"', async () => {
    const open = await fetchWith({ ALLOWED_ORIGINS: '*' }, '/api/health', { headers: { origin: 'https://anyone.example' } })
    expect(open.headers.get('access-control-allow-origin')).toBe('*')
    const empty = await fetchWith({ ALLOWED_ORIGINS: '' }, '/api/health', { headers: { origin: 'https://anyone.example' } })
    expect(corsHeaders(empty)).toEqual([])
  })

  it('always serves the Worker\'s own origin, whatever is configured', async () => {
    const res = await get('/api/health', { headers: { origin: BASE } })
    expect(res.headers.get('access-control-allow-origin')).toBe(BASE)
  })
})

describe('rate limits', () => {
  it('turns away the 31st question in a minute from one client with 429, Retry-After and a JSON error', async () => {
    const { statuses, limited } = await inOneWindow(async (ip) => {
      const statuses: number[] = []
      for (let i = 0; i < 30; i++) {
        statuses.push((await fetchWith({}, '/api/ask', askInit({ question: 'What is a CRC?' }, { 'cf-connecting-ip': ip }))).status)
      }
      return { statuses, limited: await fetchWith({}, '/api/ask', askInit({ question: 'What is a CRC?' }, { 'cf-connecting-ip': ip })) }
    })
    expect(statuses.every((s) => s === 200)).toBe(true)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    const body = (await limited.json()) as ErrorResponse
    expect(body.error.code).toBe('rate_limited')
    expect(body.error.requestId).toBe(limited.headers.get('x-request-id'))
    const other = await fetchWith({}, '/api/ask', askInit({ question: 'What is a CRC?' }, { 'cf-connecting-ip': freshIp() }))
    expect(other.status).toBe(200)
  })

  it('allows 120 searches a minute from one client, then 429', async () => {
    const { statuses, limited } = await inOneWindow(async (ip) => {
      const statuses = new Set<number>()
      for (let i = 0; i < 120; i++) statuses.add((await fetchWith({}, '/api/search?q=crc', { headers: { 'cf-connecting-ip': ip } })).status)
      return { statuses, limited: await fetchWith({}, '/api/search?q=crc', { headers: { 'cf-connecting-ip': ip } }) }
    })
    expect([...statuses]).toEqual([200])
    expect(limited.status).toBe(429)
    expect(((await limited.json()) as ErrorResponse).error.code).toBe('rate_limited')
  })

  it('counts searches and questions separately', async () => {
    const [asked, searched] = await inOneWindow(async (ip) => {
      for (let i = 0; i < 30; i++) await fetchWith({}, '/api/ask', askInit({}, { 'cf-connecting-ip': ip }))
      const asked = await fetchWith({}, '/api/ask', askInit({}, { 'cf-connecting-ip': ip }))
      return [asked.status, (await fetchWith({}, '/api/search?q=crc', { headers: { 'cf-connecting-ip': ip } })).status]
    })
    expect([asked, searched]).toEqual([429, 200])
  })

  it('does not limit when RATE_LIMIT is off', async () => {
    const ip = freshIp()
    const statuses = new Set<number>()
    for (let i = 0; i < 40; i++) statuses.add((await fetchWith({ RATE_LIMIT: 'off' }, '/api/ask', askInit({}, { 'cf-connecting-ip': ip }))).status)
    expect([...statuses]).toEqual([400])
  })

  it('is on in the shipped configuration, which no deploy may turn off', () => {
    expect(bindings.RATE_LIMIT).toBeUndefined()
    expect(typeof bindings.ASK_LIMITER.limit).toBe('function')
    expect(typeof bindings.SEARCH_LIMITER.limit).toBe('function')
  })

  it('counts an IPv6 client by its /64, however the address is written', () => {
    expect(clientKey('2001:db8:0:0:1::1')).toBe('2001:db8:0:0::/64')
    expect(clientKey('2001:DB8::2')).toBe('2001:db8:0:0::/64')
    expect(clientKey('2001:db8:0:1::1')).not.toBe(clientKey('2001:db8::1'))
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9')
  })
})

describe('answer cache', () => {
  const ask = (body: unknown) => fetchWith({}, '/api/ask', askInit(body))

  it('answers a repeated question from the cache with the same answer and a fresh answerId', async () => {
    const first = await ask({ question: 'Who inspected probation services in 2016?' })
    const again = await ask({ question: '  Who inspected probation\u00a0services in 2016? ' })
    expect(first.headers.get('x-cache')).toBe('MISS')
    expect(again.headers.get('x-cache')).toBe('HIT')
    const [a, b] = [(await first.json()) as AskResponse, (await again.json()) as AskResponse]
    expect(b.answerId).toMatch(/^[0-9a-f-]{36}$/)
    expect(b.answerId).not.toBe(a.answerId)
    expect({ ...b, answerId: '' }).toEqual({ ...a, answerId: '' })
  })

  it('keys the cache on the history as well as the question', async () => {
    const question = 'who runs it?'
    await ask({ question, history: [{ question: 'What is the London CRC?', answer: '' }] })
    const other = await ask({ question, history: [{ question: 'What is the Wales CRC?', answer: '' }] })
    expect(other.headers.get('x-cache')).toBe('MISS')
  })

  it('serves what is cached under the current knowledge-base version and nothing cached under another', async () => {
    const kb = ((await (await get('/api/health')).json()) as { kb: { version: string } }).kb.version
    const worker = bindings.CF_VERSION_METADATA.id
    const cache = await caches.open('answers')
    const stored = (text: string) =>
      new Response(JSON.stringify({ answer: text, answered: true, citations: [] }), { headers: { 'cache-control': 'max-age=60' } })
    const current = { question: 'Which cache answers this question?', history: [] }
    await cache.put(await answerCacheKey(BASE, { kb, worker }, current), stored('from the current version'))
    const old = { question: 'Which old cache answers this question?', history: [] }
    await cache.put(await answerCacheKey(BASE, { kb: '0000000000000000', worker }, old), stored('from an old version'))

    expect(((await (await ask(current)).json()) as AskResponse).answer).toBe('from the current version')
    const fresh = await ask(old)
    expect(fresh.headers.get('x-cache')).toBe('MISS')
    expect(((await fresh.json()) as AskResponse).answer).not.toBe('from an old version')
  })
})

describe('search ETags', () => {
  it('answers 304 with no body when If-None-Match names the current ETag', async () => {
    const first = await get('/api/search?q=crc%20contracts&limit=3')
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    const again = await get('/api/search?q=crc%20contracts&limit=3', { headers: { 'if-none-match': `"nope", W/${etag}` } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe('')
  })

  it('gives a different query or limit a different ETag and a full answer', async () => {
    const etag = (await get('/api/search?q=crc%20contracts&limit=3')).headers.get('etag')!
    for (const path of ['/api/search?q=crc%20contract&limit=3', '/api/search?q=crc%20contracts&limit=4']) {
      const res = await get(path, { headers: { 'if-none-match': etag } })
      expect(res.status).toBe(200)
      expect(res.headers.get('etag')).not.toBe(etag)
    }
  })
})

describe('security headers and errors', () => {
  it('puts nosniff, a referrer policy and a CSP on every API response, errors included', async () => {
    const responses = [
      await get('/api/health'),
      await get('/api/search'),
      await get('/api/nothing'),
      await fetchWith({}, '/api/ask', askInit({ question: 'What is a CRC?' })),
    ]
    for (const res of responses) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
    }
  })

  it('serves the demo page with a strict CSP that forbids framing unless FRAME_ANCESTORS allows it', async () => {
    const page = await fetchWith({}, '/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(await page.text()).toContain('Probation Answers')
    const csp = page.headers.get('content-security-policy')
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    const framed = await fetchWith({ FRAME_ANCESTORS: CAMPAIGN }, '/')
    expect(framed.headers.get('content-security-policy')).toContain(`frame-ancestors ${CAMPAIGN}`)
  })

  it('gives every error a request id, which is logged with status and code but no client address', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const res = await fetchWith({}, '/api/ask', askInit({ question: 42 }, { 'cf-connecting-ip': '198.51.100.23' }))
    const body = (await res.json()) as ErrorResponse
    expect(res.status).toBe(400)
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers.get('x-request-id')).toBe(body.error.requestId)
    const lines = log.mock.calls.map((args) => String(args[0])).filter((l) => l.includes(body.error.requestId!))
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId: body.error.requestId, status: 400, code: 'bad_request' })
    expect(lines[0]).not.toContain('198.51.100.23')
  })
})

describe('input hygiene', () => {
  it('validates history entries like questions: normalised, then length-checked', async () => {
    const ask = (history: unknown) => fetchWith({}, '/api/ask', askInit({ question: 'and in London?', history }))
    expect((await ask([{ question: '\u0000\u200b\u202e', answer: '' }])).status).toBe(400)
    expect((await ask([{ question: `${'\u0007'.repeat(200)}What is a CRC?${' '.repeat(600)}`, answer: '' }])).status).toBe(200)
    // U+FB00 (the "ff" ligature) is one character before NFKC and two after.
    expect((await ask([{ question: 'What is a CRC?', answer: '\ufb00'.repeat(1000) }])).status).toBe(200)
    expect((await ask([{ question: 'What is a CRC?', answer: '\ufb00'.repeat(1001) }])).status).toBe(400)
  })

  it('treats lone surrogates as noise, not as distinct questions', async () => {
    const res = await fetchWith({}, '/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"question":"\\ud800\\udfff\\udc00"}' })
    expect(res.status).toBe(200)
    const body = await fetchWith({}, '/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"question":"\\ud800"}' })
    expect(body.status).toBe(400)
  })
})
