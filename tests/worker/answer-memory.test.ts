/**
 * The isolate's memory of recent answers, in front of the Cache API: a
 * repeated question is answered from it, and an answer goes into the Cache
 * API only once it is asked for again.
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
})
