/**
 * The isolate's memory of recent answers, in front of the Cache API: a
 * repeated question is answered from it, an answer goes into the Cache API
 * only once it is asked for again, and only a young isolate looks there first.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { AskResponse } from '../../worker/contract'
import { answerCacheKey } from '../../worker/cache/answers'
import { BASE, fetchSettled, get, jsonRequest } from './helpers'

async function keyFor(question: string): Promise<Request> {
  const kb = ((await (await get('/api/health')).json()) as { kb: { version: string } }).kb.version
  return answerCacheKey(BASE, { kb, worker: env.CF_VERSION_METADATA.id }, { question, history: [] })
}

describe('answers remembered by the isolate', () => {
  it('answers a repeated question from memory with a fresh answerId, and shares it in the Cache API only then', async () => {
    const question = 'How much were the CRC contracts worth?'
    const cache = await caches.open('answers')
    const first = await fetchSettled(jsonRequest('/api/ask', { question }))
    expect(first.headers.get('x-cache')).toBe('MISS')
    expect(await cache.match(await keyFor(question))).toBeUndefined()

    const again = await fetchSettled(jsonRequest('/api/ask', { question }))
    expect(again.headers.get('x-cache')).toBe('HIT')
    const [a, b] = [(await first.json()) as AskResponse, (await again.json()) as AskResponse]
    expect(b.answerId).not.toBe(a.answerId)
    expect({ ...b, answerId: '' }).toEqual({ ...a, answerId: '' })
    const shared = await cache.match(await keyFor(question))
    // The cached body holds only what depends on the question: no answerId, and no permalink or KB version, which come from the request.
    expect(shared && (await shared.json())).toEqual({ ...a, answerId: undefined, permalink: undefined, kbVersion: undefined })
  })

  it('looks in the Cache API for its first fifty answers only, then computes, which a warm isolate does for less', async () => {
    const stored = (text: string) => new Response(JSON.stringify({ answer: text, answered: true, citations: [] }), { headers: { 'cache-control': 'max-age=60' } })
    const cache = await caches.open('answers')
    const young = 'Who ran the probation service in Wales? (young)'
    await cache.put(await keyFor(young), stored('from the shared cache'))
    expect(((await (await fetchSettled(jsonRequest('/api/ask', { question: young }))).json()) as AskResponse).answer).toBe('from the shared cache')
    for (let i = 0; i < 50; i++) await fetchSettled(jsonRequest('/api/ask', { question: `What did the inspectors find, question ${i}?` }))
    const warm = 'Who ran the probation service in Wales? (warm)'
    await cache.put(await keyFor(warm), stored('from the shared cache'))
    const computed = await fetchSettled(jsonRequest('/api/ask', { question: warm }))
    expect(computed.headers.get('x-cache')).toBe('MISS')
    expect(((await computed.json()) as AskResponse).answer).not.toBe('from the shared cache')
  })
})
