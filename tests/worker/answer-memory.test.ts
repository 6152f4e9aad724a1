/**
 * The isolate's memory of recent answers, in front of the Cache API: a
 * repeated question is answered from it even when the Cache API has lost the answer.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { AskResponse } from '../../worker/contract'
import { answerCacheKey } from '../../worker/cache/answers'
import { BASE, get, postJson } from './helpers'

describe('answers remembered by the isolate', () => {
  it('answers a repeated question from memory after the Cache API has dropped it, with a fresh answerId', async () => {
    const question = 'How much were the CRC contracts worth?'
    const first = await postJson('/api/ask', { question })
    expect(first.headers.get('x-cache')).toBe('MISS')
    const kb = ((await (await get('/api/health')).json()) as { kb: { version: string } }).kb.version
    const key = await answerCacheKey(BASE, { kb, worker: env.CF_VERSION_METADATA.id }, { question, history: [] })
    const cache = await caches.open('answers')
    await expect.poll(() => cache.match(key).then(Boolean)).toBe(true)
    await cache.delete(key)

    const again = await postJson('/api/ask', { question })
    expect(again.headers.get('x-cache')).toBe('HIT')
    const [a, b] = [(await first.json()) as AskResponse, (await again.json()) as AskResponse]
    expect(b.answerId).not.toBe(a.answerId)
    expect({ ...b, answerId: '' }).toEqual({ ...a, answerId: '' })
  })
})
