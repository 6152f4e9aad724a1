/**
 * GET /api/timeline and GET /timeline, through the real fetch handler, on a
 * knowledge base with dated passages: the bundled one with dates given to a
 * few passages and its timeline computed as the build does, served the way a
 * published version is (R2 pointer).
 */
import { env } from 'cloudflare:workers'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import stored from '../../generated/kb.json'
import { assertArtifact, restorePassage, type Artifact } from '../../engine/artifact'
import { timeline } from '../../engine/timeline'
import type { HealthResponse, TimelineResponse } from '../../worker/contract'
import { artifactKey, POINTER_KEY, publishedPointer } from '../../worker/kb/pointer'
import { bundledKb } from '../../worker/kb/bundled'
import { provenance } from '../../worker/provenance'

const { lexicon } = bundledKb().language
import { fetchWith } from './app'
import { attrsOf, expectFooter, expectPage, textsOf } from './html'
import { expectError, get } from './helpers'

assertArtifact(stored)
const bundled: Artifact = { ...stored, passages: stored.passages.map(restorePassage) }

/** Dates for the first passages of the first two sources; two share a date and a heading, so they make one event. */
function dated(): Artifact {
  const copy = structuredClone(bundled)
  for (const p of copy.passages) delete p.date
  const [a, b] = copy.sources
  const ofA = copy.passages.filter((p) => p.sourceId === a?.id)
  const ofB = copy.passages.filter((p) => p.sourceId === b?.id)
  const plan: Array<[typeof ofA[number] | undefined, string, string]> = [
    [ofA[0], '2014-06-01', 'Probation split into the NPS and 21 CRCs'],
    [ofB[0], '2014-06-01', 'Probation split into the NPS and the CRCs'],
    [ofA[1], '2014', 'Offender Rehabilitation Act <passed> & "signed"'],
    [ofB[1], '2018-07-27', 'Contracts to end early'],
  ]
  for (const [p, date, heading] of plan) {
    if (!p) throw new Error('the bundled knowledge base needs two sources of two passages')
    p.date = date
    p.heading = heading
  }
  copy.timeline = timeline(copy.sources, copy.passages)
  return { ...copy, version: 'timeline-fixture-1' }
}

const fixture = dated()

beforeAll(async () => {
  await env.KB_STORE.put(artifactKey(fixture.version), JSON.stringify(fixture))
  await env.KB_STORE.put(POINTER_KEY, JSON.stringify(publishedPointer(undefined, fixture.version, new Date())))
  // Past the isolate's once-a-minute pointer check, whatever an earlier request loaded.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.now() + 61_000)
  const health = (await (await get('/api/health')).json()) as HealthResponse
  expect(health.kb).toMatchObject({ version: fixture.version, source: 'storage' })
})

afterAll(async () => {
  vi.useRealTimers()
  await env.KB_STORE.delete([POINTER_KEY, artifactKey(fixture.version)])
})

describe('GET /api/timeline', () => {
  it('returns the events the build computed, in date order, same-date reports of one event merged', async () => {
    const res = await get('/api/timeline')
    expect(res.status).toBe(200)
    const { events } = (await res.json()) as TimelineResponse
    expect(events).toEqual(fixture.timeline)
    expect(events.map((e) => [e.date, e.text, e.citations.length])).toEqual([
      ['2014', 'Offender Rehabilitation Act <passed> & "signed"', 1],
      ['2014-06-01', 'Probation split into the NPS and 21 CRCs', 2],
      ['2018-07-27', 'Contracts to end early', 1],
    ])
    const [first] = fixture.sources
    expect(events[1]?.citations[0]).toEqual({
      n: 1,
      sourceId: first?.id,
      title: first?.title,
      publisher: first?.publisher,
      published: first?.published,
      ...(first?.url ? { url: first.url } : {}),
      kind: first?.kind,
    })
  })

  it('sends an ETag with Cache-Control: no-cache, and 304 with no body when it matches', async () => {
    const first = await get('/api/timeline')
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(first.headers.get('cache-control')).toBe('no-cache')
    const again = await get('/api/timeline', { headers: { 'if-none-match': `W/${etag}` } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe('')
    expect((await get('/api/timeline', { headers: { 'if-none-match': '"other"' } })).status).toBe(200)
  })

  it('answers other methods with 405 JSON and Allow', async () => {
    const res = await get('/api/timeline', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })
    await expectError(res, 405, 'method_not_allowed')
    expect(res.headers.get('allow')).toBe('GET, HEAD')
  })

  it('stays up in maintenance: it only shows the sources', async () => {
    expect((await fetchWith({ MAINTENANCE: 'on' }, '/api/timeline')).status).toBe(200)
    expect((await fetchWith({ MAINTENANCE: 'on' }, '/timeline')).status).toBe(200)
  })
})

describe('GET /timeline', () => {
  it('shows each year under its own heading and each event with its date written out', async () => {
    const html = await expectPage(await get('/timeline'))
    expect(await textsOf(html, 'h1')).toEqual(['Timeline of the part-privatisation of probation in England and Wales'])
    expect(await textsOf(html, 'h2')).toEqual(['2014', '2018'])
    expect(await textsOf(html, 'h3')).toEqual([
      '2014 Offender Rehabilitation Act <passed> & "signed"',
      '1 June 2014 Probation split into the NPS and 21 CRCs',
      '27 July 2018 Contracts to end early',
    ])
    expect(await attrsOf(html, 'time', 'datetime')).toEqual(['2014', '2014-06-01', '2018-07-27'])
    expect(html).not.toContain('<passed>')
    await expectFooter(html)
  })

  it('links each event to its sources, labelled with their provenance', async () => {
    const html = await expectPage(await get('/timeline'))
    const citations = fixture.timeline.flatMap((e) => e.citations)
    expect(await textsOf(html, '.event-sources li')).toEqual(citations.map((c) => `${c.title} (${provenance(c, lexicon)})`))
    expect(await attrsOf(html, '.event-sources a', 'href')).toEqual(citations.filter((c) => c.url).map((c) => c.url))
    for (const rel of await attrsOf(html, '.event-sources a', 'rel')) expect(rel).toBe('noopener noreferrer')
  })

  it('revalidates by ETag like the API, with its own tag', async () => {
    const page = await get('/timeline')
    const etag = page.headers.get('etag')
    expect(etag).not.toBe((await get('/api/timeline')).headers.get('etag'))
    expect((await get('/timeline', { headers: { 'if-none-match': etag ?? '' } })).status).toBe(304)
  })

  it('answers other methods with a 405 page', async () => {
    const res = await get('/timeline', { method: 'DELETE' })
    expect(res.headers.get('allow')).toBe('GET, HEAD')
    await expectPage(res, 405)
  })
})

describe('a knowledge base with no dated passages', () => {
  it('has an empty timeline, and the page says so', async () => {
    const undated: Artifact = { ...structuredClone(bundled), timeline: [], version: 'timeline-fixture-empty' }
    for (const p of undated.passages) delete p.date
    await env.KB_STORE.put(artifactKey(undated.version), JSON.stringify(undated))
    await env.KB_STORE.put(POINTER_KEY, JSON.stringify(publishedPointer(undefined, undated.version, new Date())))
    vi.setSystemTime(Date.now() + 61_000)
    expect(((await (await get('/api/timeline')).json()) as TimelineResponse).events).toEqual([])
    const html = await expectPage(await get('/timeline'))
    expect(await textsOf(html, 'main p')).toContain('The sources do not date any events yet.')
    expect(await textsOf(html, 'h2')).toEqual([])
    await env.KB_STORE.delete(artifactKey(undated.version))
  })
})
