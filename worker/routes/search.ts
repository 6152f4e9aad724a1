import { Hono } from 'hono'
import type { SearchResponse, SearchResult } from '../contract'
import type { AppEnv } from '../env'
import type { Kb } from '../kb/load'
import { cleanQuestion } from '../answer/clean'
import { slotsFor } from '../answer/query'
import { retrieve } from '../answer/retrieve'
import { parseLimit, parseQuestion } from '../validate'

export const search = new Hono<AppEnv>().get('/', async (c) => {
  const q = parseQuestion(c.req.query('q'), 'q')
  const limit = parseLimit(c.req.query('limit'))
  return c.json(await searchKb(c.var.kb, q, limit))
})

/** The route's work, apart from HTTP, so the bench times exactly what the Worker runs. */
export async function searchKb(kb: Kb, q: string, limit: number): Promise<SearchResponse> {
  const { hits } = await retrieve(kb, slotsFor(cleanQuestion(q).text, kb), limit)
  const results: SearchResult[] = []
  for (const hit of hits) {
    const passage = kb.artifact.passages[hit.passage]
    const source = passage && kb.sources.get(passage.sourceId)
    if (!passage || !source) continue
    results.push({
      id: passage.id,
      sourceId: source.id,
      title: source.title,
      publisher: source.publisher,
      published: source.published,
      ...(source.url ? { url: source.url } : {}),
      heading: passage.heading,
      text: passage.text,
      score: Math.round(hit.score * 1e4) / 1e4,
    })
  }
  return { results }
}
