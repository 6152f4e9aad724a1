/**
 * Answers from the Cache API. The key holds the knowledge-base version, the
 * Worker version and a hash of the normalised question and the earlier questions, so neither
 * a new knowledge base nor new answer code serves an old answer, and the key
 * reveals nothing of the question. Bodies are stored without their answerId:
 * every reply gets a fresh one.
 *
 * In front of it, each isolate keeps the answers it gave or read most recently,
 * in memory under the versions and the request itself (unhashed: it never leaves
 * the isolate). A lookup in the Cache API costs more than computing an
 * answer in a warm isolate (0.7 against 0.3 ms of CPU locally) but less than
 * in a young one, whose code is not yet optimised and whose caches are still
 * filling (1.5 to 5 ms for the first questions after start-up's warm-up,
 * worker/kb/bundled.ts; a published KB is loaded by the first request that
 * reads it, and not warmed): so only an isolate's first answers look there
 * first. An answer goes into the Cache API when it is asked
 * for again, not when first computed: most questions are asked once, and a
 * write for each (2.5 ms of CPU locally) would cost more than all the lookups
 * it could save.
 */
import type { Context } from 'hono'
import type { AskRequest, AskResponse } from '../contract'
import type { AppEnv } from '../env'
import { Lru } from '../../engine'
import { cacheVersions, sha256Hex, type CacheVersions } from './key'

export type Answer = Omit<AskResponse, 'answerId' | 'permalink' | 'kbVersion'>

/** Versions in the key already keep answers current; the TTL only bounds storage. */
export const ANSWER_TTL_SECONDS = 24 * 3600

/** Bytes of answer JSON, with their keys, an isolate keeps in memory: a few thousand answers, a small part of its 128 MB. */
const RECENT_BYTES = 4 * 1024 * 1024
/**
 * Kept as JSON text, parsed again when asked for: a string is one object to the garbage collector, while an answer's
 * objects, thousands of them across a few thousand answers, must each be traced (0.1 ms less CPU per uncached answer
 * under load). `shared` says whether the answer is in the Cache API.
 */
const recent = new Lru<string, { text: string; shared: boolean }>(RECENT_BYTES)

/** Answers an isolate looks up in the Cache API before computing them; after these it is warm, and computing costs less. */
const LOOKUPS_WHILE_YOUNG = 50
let lookups = 0

export async function answerCacheKey(origin: string, versions: CacheVersions, request: Required<AskRequest>): Promise<Request> {
  return new Request(`${origin}/api/ask/cache/${versions.kb}/${versions.worker}/${await sha256Hex(asked(request))}`)
}

/** The request as the engine reads it: it works out earlier answers from the questions (a client's copy is not trusted), so they are not part of it. */
const asked = (request: Required<AskRequest>) => JSON.stringify([request.question, request.history.map((t) => t.question)])

/** The cached answer to this request, or a computed one that is then remembered; `hit` says which. */
export async function cachedAnswer(
  c: Context<AppEnv>,
  request: Required<AskRequest>,
  compute: () => Promise<Answer>,
): Promise<{ answer: Answer; hit: boolean }> {
  const versions = cacheVersions(c)
  // In memory the request is its own key: only the Cache API's key, which leaves the isolate, is hashed (a hash per request cost 0.05 ms of CPU).
  const memoryKey = `${versions.kb}/${versions.worker}/${asked(request)}`
  const key = () => answerCacheKey(new URL(c.req.url).origin, versions, request)
  const remembered = recent.get(memoryKey)
  if (remembered) {
    if (!remembered.shared) {
      remembered.shared = true
      c.executionCtx.waitUntil(key().then((k) => share(k, remembered.text)))
    }
    return { answer: JSON.parse(remembered.text) as Answer, hit: true }
  }
  const young = lookups < LOOKUPS_WHILE_YOUNG
  if (young) lookups += 1
  const stored = young ? await (await caches.open('answers')).match(await key()) : undefined
  const text = stored ? await stored.text() : undefined
  const answer = text === undefined ? await compute() : (JSON.parse(text) as Answer)
  const kept = text ?? JSON.stringify(answer)
  recent.set(memoryKey, { text: kept, shared: text !== undefined }, kept.length + memoryKey.length)
  return { answer, hit: text !== undefined }
}

async function share(key: Request, text: string): Promise<void> {
  const entry = new Response(text, {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': `max-age=${ANSWER_TTL_SECONDS}` },
  })
  await (await caches.open('answers')).put(key, entry)
}
